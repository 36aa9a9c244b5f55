# Reference values for SelectionModelTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0, numDeriv 2016.8-1.1):
#   Rscript metafor-selmodel.R > ../resources/org/smesurvey/stats/meta/metafor-selmodel.txt
# For each case: the data (DATA), metafor's own selmodel(res, type = "stepfun", ...) with its default optimiser
# (METAFOR) and with optim pushed as far as it goes (METAFOR_TIGHT), and the maximum of the same likelihood polished
# here by Newton steps on numDeriv's gradient and Hessian until no parameter moves by 1e-12 relative (TIGHT), with
# the standard errors from numDeriv's Hessian there (as metafor computes them), and print(sel) (PRINT lines).
# The likelihood is written below from Vevea & Hedges (1995); CHECK lines show that it is metafor's: its value at
# metafor's estimates minus metafor's sel$ll (the script stops if that is above 1e-9).
# Each line: tag;case;beta;se;tau2;se.tau2;delta;se.delta;ll;ll0;LRT;LRTdf;LRTp;LRT.tau2;LRTp.tau2;QM;QMp.
# numDeriv's default steps, 10 % of each parameter halved five times (metafor's Hessian takes them, r = 6), make
# its derivatives noisy for a parameter near 0: dat.hackshaw1998's intercept is 0.002, and its standard error then
# moves in the fifth digit with the steps (metafor's own as much), and a flat direction (a weight of 3 with a
# standard error of 2) in the seventh. Here a coefficient's step is 5e-3; tau^2's and a weight's 5 % of it, at least
# 5e-3 and at most half of it (they must stay positive); each halved three times (r = 4). The standard errors then
# agree to 1e-10 relative with steps of 2.5e-3 and 1e-2, and 2.5 % and 10 %.
# PRINT is print(sel) with the TIGHT values put in sel's fields, so that the layout is checked on the maximum (its
# own print differs from it in the last digit where optim stops early).
suppressMessages(library(metafor))
suppressMessages(library(numDeriv))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000)

pvalue <- function(yi, vi, alt) {
  z <- yi / sqrt(vi)
  switch(alt, greater = pnorm(z, lower.tail = FALSE), less = pnorm(z),
         two.sided = 2 * pnorm(abs(z), lower.tail = FALSE))
}
# P(a < p <= b) for y ~ N(mu, s^2), p the p-value of y with standard error sv: differences of upper tails at the
# effects where p crosses a and b, as metafor's .selmodel.ll.stepfun.
pmass <- function(a, b, mu, s, sv, alt) {
  q <- function(alpha) qnorm(alpha, 0, sv, lower.tail = FALSE)
  up <- function(lo, hi) pnorm(lo, mu, s, lower.tail = FALSE) - pnorm(hi, mu, s, lower.tail = FALSE)
  switch(alt, greater = up(q(b), q(a)), less = up(-q(a), -q(b)),
         two.sided = up(q(b / 2), q(a / 2)) + up(-q(a / 2), -q(b / 2)))
}
# theta = (beta, tau2 if estimated, the weights estimated); delta0 has the fixed weights and NA for the others.
stepll <- function(theta, yi, vi, X, steps, alt, tau2free, delta0) {
  p <- ncol(X)
  beta <- theta[1:p]
  pos <- p
  tau2 <- 0
  if (tau2free) { pos <- pos + 1; tau2 <- theta[pos] }
  delta <- delta0
  if (any(is.na(delta0))) delta[is.na(delta0)] <- theta[(pos + 1):length(theta)]
  mu <- c(X %*% beta)
  s <- sqrt(vi + tau2)
  g <- sapply(pvalue(yi, vi, alt), function(q) which(q <= steps)[1])
  lower <- c(0, steps[-length(steps)])
  A <- 0
  for (j in seq_along(steps)) A <- A + delta[j] * pmass(lower[j], steps[j], mu, s, sqrt(vi), alt)
  sum(log(delta[g]) + dnorm(yi, mu, s, log = TRUE) - log(A))
}
# Newton steps, halved while the likelihood is not finite or falls (a full step from a point that far from the
# maximum can leave the parameter space).
dsteps <- function(theta, p)
  list(eps = c(rep(5e-3, p), pmin(abs(theta[-(1:p)]) / 2, pmax(5e-3, 0.05 * abs(theta[-(1:p)]))))[seq_along(theta)],
       d = 0, zero.tol = Inf, r = 4)
newton <- function(theta, fn, p) {
  for (it in 1:200) {
    g <- grad(fn, theta, method.args = dsteps(theta, p))
    H <- hessian(fn, theta, method.args = dsteps(theta, p))
    step <- -solve(H, g)
    t <- 1
    now <- fn(theta)
    while (t > 1e-10) {
      val <- fn(theta + t * step)
      if (is.finite(val) && val >= now - 1e-12 * max(1, abs(now))) break
      t <- t / 2
    }
    theta <- theta + t * step
    if (t == 1 && max(abs(step) / pmax(1, abs(theta))) < 1e-12) break
  }
  theta
}
# metafor's rescaling of the non-intercept columns (selmodel's mX), so that beta = mX %*% beta_scaled.
scaling <- function(X) {
  p <- ncol(X)
  if (p == 1) return(list(Xs = X, mX = diag(1)))
  m <- colMeans(X[, -1, drop = FALSE]); s <- apply(X[, -1, drop = FALSE], 2, sd)
  mX <- rbind(c(1, -m / s), cbind(0, diag(1 / s, nrow = p - 1)))
  Xs <- X; Xs[, -1] <- scale(X[, -1, drop = FALSE])
  list(Xs = Xs, mX = mX)
}

cases <- list()
hs <- dat.hackshaw1998
coh <- escalc(measure = "ZCOR", ri = ri, ni = ni, data = dat.cohen1981)
bd <- dat.bangertdrowns2004
vw <- data.frame(
  steps = c(0.005, 0.01, 0.05, 0.10, 0.25, 0.35, 0.50, 0.65, 0.75, 0.90, 0.95, 0.99, 0.995, 1),
  mod1 = c(1, 0.99, 0.95, 0.80, 0.75, 0.65, 0.60, 0.55, 0.50, 0.50, 0.50, 0.50, 0.50, 0.50),
  sev1 = c(1, 0.99, 0.90, 0.75, 0.60, 0.50, 0.40, 0.35, 0.30, 0.25, 0.10, 0.10, 0.10, 0.10),
  mod2 = c(1, 0.99, 0.95, 0.90, 0.80, 0.75, 0.60, 0.60, 0.75, 0.80, 0.90, 0.95, 0.99, 1.00),
  sev2 = c(1, 0.99, 0.90, 0.75, 0.60, 0.50, 0.25, 0.25, 0.50, 0.60, 0.75, 0.90, 0.99, 1.00))
add <- function(name, res, steps, alt = "greater", delta = NULL, data)
  cases[[name]] <<- list(res = res, steps = steps, alt = alt, delta = delta, data = data)
add("hackshaw", rma(yi, vi, data = hs, method = "ML", control = con), c(.025, .10, .50, 1), data = hs)
add("hackshaw_steps", rma(yi, vi, data = hs, method = "ML", control = con), c(.05, .10, .50, 1), data = hs)
add("hackshaw_reml", rma(yi, vi, data = hs, control = con), c(.025, .10, .50, 1), data = hs)
add("hackshaw_ee", rma(yi, vi, data = hs, method = "EE"), c(.025, .50, 1), data = hs)
add("hackshaw_year", rma(yi, vi, mods = ~ year, data = hs, method = "ML", control = con), c(.025, .50, 1),
    data = hs)
add("hackshaw_two", rma(yi, vi, data = hs, method = "ML", control = con), c(.05, .50, 1), "two.sided", data = hs)
add("hackshaw_less", rma(yi, vi, data = hs, method = "ML", control = con), c(.50, .90, 1), "less", data = hs)
add("bangertdrowns", rma(yi, vi, data = bd, method = "ML", control = con), c(.025, .05, .50, 1), data = bd)
for (w in c("mod1", "sev1", "mod2", "sev2"))
  add(paste0("cohen_", w), rma(yi, vi, data = coh, method = "ML", control = con), vw$steps, delta = vw[[w]],
      data = coh)

for (name in names(cases)) {
  cs <- cases[[name]]
  res <- cs$res
  X <- res$X
  cat("DATA", name, f(res$yi), f(res$vi), if (ncol(X) > 1) f(X[, 2]) else "", sep = ";")
  cat("\n")
  cat("SETUP", name, cs$alt, f(cs$steps), if (is.null(cs$delta)) "" else f(cs$delta), res$method, sep = ";")
  cat("\n")
  args <- list(res, type = "stepfun", steps = cs$steps, alternative = cs$alt)
  if (!is.null(cs$delta)) args$delta <- cs$delta
  sel <- do.call(selmodel, args)
  out <- function(tag, beta, se, tau2, se.tau2, delta, se.delta, ll, ll0, lrt, lrtdf, lrtp, lrt2, lrtp2, qm, qmp)
    cat(paste(tag, name, f(beta), f(se), f(tau2), f(se.tau2), f(delta), f(se.delta), f(ll), f(ll0), f(lrt), lrtdf,
              f(lrtp), f(lrt2), f(lrtp2), f(qm), f(qmp), sep = ";"), "\n", sep = "")
  out("METAFOR", sel$beta, sel$se, sel$tau2, sel$se.tau2, sel$delta, sel$se.delta, sel$ll, sel$ll0, sel$LRT,
      sel$LRTdf, sel$LRTp, sel$LRT.tau2, sel$LRTp.tau2, sel$QM, sel$QMp)
  npar <- ncol(X) + 1 + length(sel$delta)
  tight <- tryCatch(do.call(selmodel, c(args, list(control = list(reltol = 1e-15, maxit = 10000,
                                                                   ndeps = rep(1e-5, npar))))),
                    error = function(e) NULL)
  if (!is.null(tight))
    out("METAFOR_TIGHT", tight$beta, tight$se, tight$tau2, tight$se.tau2, tight$delta, tight$se.delta, tight$ll,
        tight$ll0, tight$LRT, tight$LRTdf, tight$LRTp, tight$LRT.tau2, tight$LRTp.tau2, tight$QM, tight$QMp)

  # The same likelihood, polished to its maximum in metafor's scaled columns.
  ee <- is.element(res$method, c("EE", "FE"))
  delta0 <- if (is.null(cs$delta)) c(1, rep(NA, length(cs$steps) - 1)) else cs$delta
  sc <- scaling(X)
  llfun <- function(theta, tau2free = !ee) stepll(theta, c(res$yi), res$vi, sc$Xs, cs$steps, cs$alt, tau2free, delta0)
  mine <- stepll(c(sel$beta, if (!ee) sel$tau2, sel$delta[is.na(delta0)]), c(res$yi), res$vi, X, cs$steps, cs$alt,
                 !ee, delta0)
  cat("CHECK", name, f(mine - sel$ll), sep = ";"); cat("\n")
  if (abs(mine - sel$ll) > 1e-9) stop("the likelihood here is not metafor's for ", name)
  start <- c(solve(sc$mX, c(sel$beta)), if (!ee) sel$tau2, sel$delta[is.na(delta0)])
  theta <- newton(start, llfun, ncol(X))
  p <- ncol(X)
  tau2free <- !ee
  if (tau2free && theta[p + 1] < 0) {
    # The maximum lies beyond tau^2 = 0: the constrained one is on the bound.
    tau2free <- FALSE
    theta <- newton(theta[-(p + 1)], function(t) llfun(t, FALSE), p)
    theta <- append(theta, 0, after = p)
  }
  keep <- c(rep(TRUE, p), if (!ee) tau2free, rep(TRUE, sum(is.na(delta0))))
  fn <- function(t) { full <- theta; full[keep] <- t; llfun(full[if (ee || tau2free) TRUE else -(p + 1)], tau2free) }
  H <- hessian(fn, theta[keep], method.args = dsteps(theta[keep], p))
  V <- matrix(0, length(theta), length(theta))
  V[keep, keep] <- solve(-H)
  T <- diag(length(theta)); T[1:p, 1:p] <- sc$mX
  V <- T %*% V %*% t(T)
  beta <- c(sc$mX %*% theta[1:p])
  se <- sqrt(diag(V))[1:p]
  tau2 <- if (ee) 0 else theta[p + 1]
  se.tau2 <- if (ee || !tau2free) NA else sqrt(V[p + 1, p + 1])
  delta <- delta0
  nd <- sum(is.na(delta0))
  se.delta <- rep(NA, length(delta0))
  if (nd > 0) {
    idx <- (length(theta) - nd + 1):length(theta)
    delta[is.na(delta0)] <- theta[idx]
    se.delta[is.na(delta0)] <- sqrt(diag(V)[idx])
  }
  ll <- llfun(theta[if (ee || tau2free) TRUE else -(p + 1)], tau2free)
  ll0 <- c(logLik(rma(yi, vi, mods = X, intercept = FALSE, data = data.frame(yi = c(res$yi), vi = res$vi),
                      method = if (ee) "EE" else "ML", control = con), REML = FALSE))
  lrt <- max(0, -2 * (ll0 - ll))
  lrtp <- if (nd > 0) pchisq(lrt, nd, lower.tail = FALSE) else NA
  lrt2 <- NA; lrtp2 <- NA
  if (!ee) {
    # The model at tau^2 = 0, from metafor's start (the equal-effects fit, every weight 1): optim on log delta, then
    # Newton steps (Newton alone from the tau^2 > 0 estimates can stop at another stationary point).
    b0 <- lm.wfit(sc$Xs, c(res$yi), 1 / res$vi)$coefficients
    obj <- function(u) -llfun(c(u[1:p], exp(u[-(1:p)])), FALSE)
    o <- optim(c(b0, rep(0, nd)), obj, method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
    th0 <- newton(c(o$par[1:p], exp(o$par[-(1:p)])), function(t) llfun(t, FALSE), p)
    lrt2 <- max(0, -2 * (llfun(th0, FALSE) - ll))
    lrtp2 <- pchisq(lrt2, 1, lower.tail = FALSE)
  }
  qm <- NA; qmp <- NA
  if (p > 1) {
    qm <- c(t(beta[-1]) %*% solve(V[2:p, 2:p]) %*% beta[-1])
    qmp <- pchisq(qm, p - 1, lower.tail = FALSE)
  }
  out("TIGHT", beta, se, tau2, se.tau2, delta, se.delta, ll, ll0, lrt, nd, lrtp, lrt2, lrtp2, qm, qmp)
  # print(sel) on the maximum: the TIGHT values in sel's fields, the derived ones as selmodel derives them.
  crit <- qnorm(0.975)
  sel$beta[] <- beta; sel$se <- se; sel$zval <- beta / se; sel$pval <- 2 * pnorm(abs(beta / se), lower.tail = FALSE)
  sel$ci.lb <- beta - crit * se; sel$ci.ub <- beta + crit * se
  sel$tau2 <- tau2; sel$se.tau2 <- se.tau2; sel$LRT.tau2 <- lrt2; sel$LRTp.tau2 <- lrtp2
  sel$QM <- qm; sel$QMp <- qmp; sel$LRT <- lrt; sel$LRTp <- lrtp
  sel$delta <- delta; sel$se.delta <- se.delta; sel$zval.delta <- (delta - 1) / se.delta
  sel$pval.delta <- 2 * pnorm(abs(sel$zval.delta), lower.tail = FALSE)
  sel$ci.lb.delta <- pmax(0, delta - crit * se.delta); sel$ci.ub.delta <- delta + crit * se.delta
  cat("PRINT", name, "\n", sep = ";")
  writeLines(capture.output(print(sel)))
  cat("END", name, "\n", sep = ";")
}
