# Reference values for GlmmTest (R 4.2.2, metafor 3.8.1, lme4 1.1-31):
#   Rscript metafor-glmm.R > ../resources/org/smesurvey/stats/meta/metafor-glmm.txt
# The binomial-normal model of single proportions, metafor's
#   rma.glmm(measure = "PLO", xi, ni, mods, method = "ML", nAGQ = 7 | 1)
# (lme4's glmer(cbind(xi, ni - xi) ~ X - 1 + (1 | study), family = binomial, nAGQ)), on each set below, and the
# same likelihood written out here (adaptive Gauss-Hermite quadrature around each study's conditional mode, with
# lme4's nodes GHrule(nAGQ); lme4's own deviance function carries its inner iterations' noise, near 1e-9;
# metafor-glmm-likelihood.R) maximised tightly: nlminb, then Newton steps on Richardson-extrapolated derivatives;
# the standard errors from the Hessian in (tau, beta) (central differences extrapolated twice from h = 1e-2, 5e-3 and 2.5e-3).
# Lines, per set and nAGQ:
#   METAFOR;set;nAGQ;beta;se;tau2;logLik;QE.Wld;QE.LRT;I2;H2
#   TIGHT;set;nAGQ;beta;se;tau2;logLik;conditional deviance;saturated logLik;se of tau (NaN at tau = 0)
# metafor's logLik is the saturated model's minus half lme4's deviance(), the conditional deviance at the modes;
# TIGHT's is the marginal (quadrature) log-likelihood, the one maximised.
#   DATA;set;x;n;design by rows
#   EE;set;beta;se;logLik            (method = "EE": the binomial GLM, converged to 1e-15)
#   WALD_LIMIT;set;Q                 (Cochran's Q of the studies with 0 < x < n, the limit of metafor's QE.Wld)
suppressMessages({library(metafor); library(lme4)})
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
sets <- list(
  pritz = with(dat.pritz1997, list(x = xi, n = ni, X = matrix(1, length(xi), 1))),
  debruin = with(dat.debruin2009, list(x = xi, n = ni, X = cbind(1, scq, ethnicity == "other"))),
  # An SME-style set: firms on a social network out of those asked, with a study where none is and one where
  # every firm is.
  sme = list(x = c(0, 12, 45, 80, 150, 30, 60, 25), n = c(40, 60, 90, 100, 400, 30, 200, 50),
             X = matrix(1, 8, 1)),
  two = list(x = c(12, 30), n = c(80, 60), X = matrix(1, 2, 1)),
  zeros = list(x = c(0, 0, 0, 0, 3, 0), n = c(30, 50, 40, 25, 60, 45), X = matrix(1, 6, 1)),
  huge = list(x = c(20, 35, 18, 410000), n = c(50, 80, 60, 1000000), X = matrix(1, 4, 1)),
  # Survey figures through their effective counts, not whole numbers (TIGHT only: glmer wants whole counts).
  survey = list(x = c(12.4, 30.7, 55.2, 8.9, 140.35), n = c(40.3, 61.8, 120.5, 33.1, 212.6), X = matrix(1, 5, 1)))
source("metafor-glmm-likelihood.R")  # modes, ll_agq, grad, rich, tight
for (name in names(sets)) {
  s <- sets[[name]]; k <- length(s$x); X <- s$X
  glmm <- function(...) {
    args <- list(measure = "PLO", xi = s$x, ni = s$n, ...)
    if (ncol(X) > 1) args$mods <- X[, -1, drop = FALSE]
    do.call(rma.glmm, args)
  }
  cat("DATA", name, f(s$x), f(s$n), f(t(X)), sep = ";"); cat("\n")
  whole <- all(s$x == round(s$x)) && all(s$n == round(s$n))
  # metafor's EE fit is R's glm, which stops at a relative change of 1e-8 in the deviance with the weights of
  # the step before: the same GLM converged to 1e-15.
  e <- glm(cbind(s$x, s$n - s$x) ~ X - 1, family = binomial, control = glm.control(epsilon = 1e-15, maxit = 200))
  # (with counts that are not whole, R's binomial logLik rounds them: no EE line then)
  if (whole) { cat("EE", name, f(coef(e)), f(sqrt(diag(vcov(e)))), f(logLik(e)), sep = ";"); cat("\n") }
  ok <- s$x > 0 & s$x < s$n
  es <- escalc("PLO", xi = s$x[ok], ni = s$n[ok], add = 0)
  q <- if (sum(ok) > ncol(X)) rma(es$yi, es$vi, mods = X[ok, , drop = FALSE], intercept = FALSE, method = "EE")$QE else 0
  cat("WALD_LIMIT", name, f(q), sep = ";"); cat("\n")
  for (agq in c(7, 1)) {
    r <- if (whole) glmm(nAGQ = agq) else list(tau2 = 0.1, beta = qlogis(sum(s$x) / sum(s$n)))
    if (whole) { cat("METAFOR", name, agq, f(r$beta), f(r$se), f(r$tau2), f(logLik(r)), f(r$QE.Wld), f(r$QE.LRT), f(r$I2),
        f(r$H2), sep = ";"); cat("\n") }
    # The quadrature's log-likelihood written out (lme4's nodes, GHrule), maximised tightly.
    ll <- function(par) ll_agq(par, s$x, s$n, X, agq)
    fit <- tight(ll, c(sqrt(r$tau2), r$beta))
    par <- fit$par
    H <- fit$H
    V <- if (par[1] > 1e-6) solve(H)[-1, -1, drop = FALSE] else solve(H[-1, -1, drop = FALSE])
    mode <- modes(par, s$x, s$n, X)
    mu <- plogis(c(X %*% par[-1]) + par[1] * mode)
    cdev <- sum(2 * (ifelse(s$x > 0, s$x * log(s$x / (s$n * mu)), 0) +
                     ifelse(s$n - s$x > 0, (s$n - s$x) * log((s$n - s$x) / (s$n * (1 - mu))), 0)))
    llsat <- sum(lchoose2(s$n, s$x) + ifelse(s$x > 0, s$x * log(s$x / s$n), 0) +
                 ifelse(s$n - s$x > 0, (s$n - s$x) * log(1 - s$x / s$n), 0))
    # (the standard error of tau from the same Hessian in (tau, beta); none when tau is 0)
    setau <- if (par[1] > 1e-6) sqrt(solve(H)[1, 1]) else NaN
    cat("TIGHT", name, agq, f(par[-1]), f(sqrt(diag(V))), f(par[1]^2), f(ll(par)), f(cdev), f(llsat), f(setau),
        sep = ";")
    cat("\n")
  }
}
