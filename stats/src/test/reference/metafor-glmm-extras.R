# Reference values for GlmmTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0, lme4 1.1-31):
#   Rscript metafor-glmm-extras.R > ../resources/org/smesurvey/stats/meta/metafor-glmm-extras.txt
# What rma.glmm(measure = "PLO") users reach for beyond the fit itself, each from metafor (or lme4) at its own
# precision and from the same quantity computed tightly here (the quadrature likelihood of
# metafor-glmm-likelihood.R maximised by tight(): nlminb at rel.tol 1e-15, then Newton steps on Richardson
# derivatives; the Hessian in (tau, beta) by Richardson-extrapolated central differences):
#   year_*      dat.debruin2009 with a raw year:
#               rma.glmm(measure = "PLO", xi = xi, ni = ni, mods = ~ year, data, nAGQ);
#               tight on year - 2003 (well conditioned), mapped back: beta = A beta_c, V = A V_c A',
#               A = [1, -2003; 0, 1];
#   year_t_*    the same with test = "t": QM = Wald / m against F(m, k - p), coefficients' t(k - p);
#   predict_*   predict(res, newmods = 2005) and predict(res, newmods = 2005, transf = transf.ilogit);
#   pritz_*     rma.glmm(measure = "PLO", xi = xi, ni = ni, data = dat.pritz1997) (test "z" and "t"): the
#               intercept's QM, logLik and fitstats; lme4's glmer(cbind(xi, ni - xi) ~ 1 + (1 | id),
#               family = binomial, nAGQ = 7): logLik, AIC, BIC (lme4's logLik of a binomial GLMM is the marginal one less the
#               saturated model's), ranef with condVar, the Hessian of the deviance in (theta, beta);
#   integrate_* dat.pritz1997's likelihood by integrate() (rel.tol 1e-12) around each study's mode, at fixed
#               points and maximised (the exact likelihood that 100 and 200 quadrature nodes reach).
# Each line: key;values (comma-separated).
source("metafor-glmm-likelihood.R")  # modes, ll_agq, grad, rich, tight, lchoose2, log1pexp
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
out <- function(key, ...) cat(key, ";", f(...), "\n", sep = "")
# Each study's conditional mode on the logit scale and its conditional standard deviation (lme4's ranef and
# condVar): tau * b and tau / sqrt(tau^2 n mu (1 - mu) + 1) at the mode.
effects <- function(par, x, n, X) {
  b <- modes(par, x, n, X)
  mu <- plogis(c(X %*% par[-1]) + par[1] * b)
  list(mode = par[1] * b, sd = par[1] / sqrt(par[1]^2 * n * mu * (1 - mu) + 1))
}

## dat.debruin2009 with a raw year
db <- dat.debruin2009; k <- nrow(db)
out("year_data_x", db$xi); out("year_data_n", db$ni); out("year_data_year", db$year)
Xc <- cbind(1, db$year - 2003)
A <- rbind(c(1, -2003), c(0, 1))
tights <- list()
for (agq in c(7, 1)) {
  r <- suppressWarnings(rma.glmm(measure = "PLO", xi = xi, ni = ni, mods = ~ year, data = db, nAGQ = agq))
  out(paste0("year_metafor_", agq), r$beta, r$se, r$tau2, logLik(r))
  ll <- function(par) ll_agq(par, db$xi, db$ni, Xc, agq)
  fit <- tight(ll, c(sqrt(r$tau2), r$beta[1] + 2003 * r$beta[2], r$beta[2]))
  V <- solve(fit$H)
  b <- c(A %*% fit$par[-1]); Vb <- A %*% V[-1, -1] %*% t(A)
  tights[[agq]] <- list(b = b, Vb = Vb, tau2 = fit$par[1]^2)
  e <- effects(fit$par, db$xi, db$ni, Xc)
  # beta; se; tau2; marginal logLik; se of tau; the studies' modes; their conditional sds
  out(paste0("year_tight_", agq), b, sqrt(diag(Vb)), fit$par[1]^2, ll(fit$par), sqrt(V[1, 1]))
  out(paste0("year_tight_ranef_", agq), e$mode)
  out(paste0("year_tight_condsd_", agq), e$sd)
}
# test = "t": the moderators' F and the coefficients' t, metafor's and tight
rt <- suppressWarnings(rma.glmm(measure = "PLO", xi = xi, ni = ni, mods = ~ year, data = db, test = "t"))
out("year_t_metafor_qm", rt$QM, rt$QMp, rt$QMdf)
out("year_t_metafor_coef", rt$zval, rt$pval, rt$ci.lb, rt$ci.ub)
T7 <- tights[[7]]; se <- sqrt(diag(T7$Vb))
Fs <- T7$b[2]^2 / T7$Vb[2, 2]
out("year_t_tight_qm", Fs, pf(Fs, 1, k - 2, lower.tail = FALSE), 1, k - 2)
tv <- T7$b / se; ct <- qt(0.975, k - 2)
out("year_t_tight_coef", tv, 2 * pt(abs(tv), k - 2, lower.tail = FALSE), T7$b - ct * se, T7$b + ct * se)
rz <- suppressWarnings(rma.glmm(measure = "PLO", xi = xi, ni = ni, mods = ~ year, data = db))
out("year_z_metafor_qm", rz$QM, rz$QMp)
out("year_z_tight_qm", Fs, pchisq(Fs, 1, lower.tail = FALSE))
# predict at year 2005, on the logit scale and back as a proportion
for (test in c("z", "t")) {
  res <- if (test == "z") rz else rt
  p <- predict(res, newmods = 2005)
  q <- predict(res, newmods = 2005, transf = transf.ilogit)
  out(paste0("predict_metafor_", test), p$pred, p$se, p$ci.lb, p$ci.ub, p$pi.lb, p$pi.ub,
      q$pred, q$ci.lb, q$ci.ub, q$pi.lb, q$pi.ub)
  x0 <- c(1, 2005); pred <- sum(x0 * T7$b); s <- sqrt(c(t(x0) %*% T7$Vb %*% x0))
  cr <- if (test == "z") qnorm(0.975) else qt(0.975, k - 2)
  lim <- c(pred - cr * s, pred + cr * s, pred - cr * sqrt(s^2 + T7$tau2), pred + cr * sqrt(s^2 + T7$tau2))
  out(paste0("predict_tight_", test), pred, s, lim, plogis(c(pred, lim)))
}

## dat.pritz1997, intercept only
pz <- dat.pritz1997; kp <- nrow(pz); X1 <- matrix(1, kp, 1)
rp <- rma.glmm(measure = "PLO", xi = xi, ni = ni, data = pz)
rpt <- rma.glmm(measure = "PLO", xi = xi, ni = ni, data = pz, test = "t")
out("pritz_metafor_qm", rp$QM, rp$QMp, rp$zval, rp$pval)
out("pritz_t_metafor_qm", rpt$QM, rpt$QMp, rpt$QMdf, rpt$zval, rpt$pval)
out("pritz_metafor_loglik", logLik(rp))
out("pritz_fitstats_metafor", fitstats(rp))
g <- glmer(cbind(xi, ni - xi) ~ 1 + (1 | id), data = data.frame(pz, id = factor(seq_len(kp))),
           family = binomial, nAGQ = 7)
re <- ranef(g, condVar = TRUE)$id
rows <- order(as.integer(rownames(re)))
theta <- getME(g, "theta"); beta <- fixef(g)
out("pritz_lme4_fit", theta, beta, logLik(g), AIC(g), BIC(g))
out("pritz_lme4_ranef", re[rows, 1])
out("pritz_lme4_condsd", sqrt(attr(re, "postVar")[1, 1, rows]))
# lme4's own finite-difference Hessian of the deviance in (theta, beta): the information is half of it
out("pritz_lme4_setau", sqrt(solve(g@optinfo$derivs$Hessian / 2)[1, 1]))
# The modes and conditional sds written out, at lme4's estimates: they are lme4's ranef and condVar
e <- effects(c(theta, beta), pz$xi, pz$ni, X1)
cat("# at lme4's estimates, the modes and sds written out differ from ranef and condVar by",
    max(abs(e$mode - re[rows, 1])), "and", max(abs(e$sd - sqrt(attr(re, "postVar")[1, 1, rows]))), "\n")
ll7 <- function(par) ll_agq(par, pz$xi, pz$ni, X1, 7)
fit <- tight(ll7, c(theta, beta))
e <- effects(fit$par, pz$xi, pz$ni, X1)
out("pritz_tight", fit$par, sqrt(solve(fit$H)[1, 1]))
out("pritz_tight_ranef", e$mode)
out("pritz_tight_condsd", e$sd)

## The exact likelihood of dat.pritz1997 by integrate(), around each study's mode b and scale s:
## log L_i = log C(n, x) + h(b) + log s - log(2 pi) / 2 + log int exp(h(b + s z) - h(b)) dz.
ll_int <- function(par, x, n, X) {
  tau <- par[1]; eta0 <- c(X %*% par[-1]); u <- modes(par, x, n, X)
  sum(sapply(seq_along(x), function(i) {
    h <- function(v) { eta <- eta0[i] + tau * v; x[i] * eta - n[i] * log1pexp(eta) - v^2 / 2 }
    mu <- plogis(eta0[i] + tau * u[i]); s <- 1 / sqrt(tau^2 * n[i] * mu * (1 - mu) + 1)
    # (at this tolerance QUADPACK may report roundoff: its estimate is kept, the error printed below)
    area <- integrate(function(z) exp(h(u[i] + s * z) - h(u[i])), -Inf, Inf, rel.tol = 1e-12, abs.tol = 0,
                      subdivisions = 1000L, stop.on.error = FALSE)
    worst <<- max(worst, area$abs.error / area$value)
    area <- area$value
    lchoose2(n[i], x[i]) + h(u[i]) + log(s) - log(2 * pi) / 2 + log(area)
  }))
}
worst <- 0
points <- rbind(c(0.77, 1.38), c(0.3, 0.5), c(2, 1), c(1.5, -2))
out("integrate_points", t(points))
out("integrate_ll", apply(points, 1, function(par) ll_int(par, pz$xi, pz$ni, X1)))
lli <- function(par) ll_int(par, pz$xi, pz$ni, X1)
fit <- tight(lli, fit$par)
out("integrate_fit", fit$par[1]^2, fit$par[-1], lli(fit$par))
cat("# integrate()'s largest relative error estimate:", worst, "\n")
