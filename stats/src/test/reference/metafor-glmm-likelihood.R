# The binomial-normal model's quadrature likelihood written out, shared by metafor-glmm.R and
# metafor-glmm-extras.R (R 4.2.2, lme4 1.1-31 for GHrule).
suppressMessages(library(lme4))
log1pexp <- function(e) ifelse(e > 0, e + log1p(exp(-e)), log1p(exp(e)))
lchoose2 <- function(n, x) lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1)  # also for non-integer counts
# Each study's conditional mode of the random effect (on the N(0, 1) scale), by Newton on the concave
# h(u) = x eta - n log(1 + exp(eta)) - u^2 / 2, each step halved until h does not fall.
modes <- function(par, x, n, X) {
  tau <- par[1]; eta0 <- c(X %*% par[-1])
  sapply(seq_along(x), function(i) {
    h <- function(v) { eta <- eta0[i] + tau * v; x[i] * eta - n[i] * log1pexp(eta) - v^2 / 2 }
    u <- 0
    for (it in 1:500) {
      mu <- plogis(eta0[i] + tau * u)
      step <- (tau * (x[i] - n[i] * mu) - u) / (tau^2 * n[i] * mu * (1 - mu) + 1)
      # (near the mode h is flat to rounding: there the Newton step is taken whole)
      while (abs(step) > 1e-6 * max(1, abs(u)) && h(u + step) < h(u)) step <- step / 2
      u <- u + step
      if (abs(step) < 1e-14 * max(1, abs(u))) break
    }
    u
  })
}
# Adaptive Gauss-Hermite quadrature of each study's likelihood around its mode, as lme4 (nAGQ = 1: Laplace).
ll_agq <- function(par, x, n, X, q) {
  tau <- par[1]; eta0 <- c(X %*% par[-1]); r <- GHrule(q); z <- r[, "z"]; w <- r[, "w"]
  u <- modes(par, x, n, X)
  sum(sapply(seq_along(x), function(i) {
    h <- function(v) { eta <- eta0[i] + tau * v; x[i] * eta - n[i] * log1pexp(eta) - v^2 / 2 }
    mu <- plogis(eta0[i] + tau * u[i]); s <- 1 / sqrt(tau^2 * n[i] * mu * (1 - mu) + 1)
    log(s) + h(u[i]) + log(sum(w * exp(sapply(u[i] + s * z, h) - h(u[i]) + z^2 / 2))) + lchoose2(n[i], x[i])
  }))
}
grad <- function(fun, par) {
  g <- function(h) sapply(seq_along(par), function(i) {
    e <- replace(rep(0, length(par)), i, h); (fun(par + e) - fun(par - e)) / (2 * h) })
  (4 * g(5e-5) - g(1e-4)) / 3
}
rich <- function(fun, par) {
  # Hessian of fun at par by central differences, Richardson-extrapolated twice from 4h, 2h and h (h = 2.5e-3):
  # truncation O(h^6) and rounding about 1e-16 |fun| / h^2, so good to about 1e-9 where one extrapolation from
  # 1e-3 and 5e-4 was good to about 1e-7.
  hess <- function(h) {
    m <- length(par); H <- matrix(0, m, m)
    for (i in 1:m) for (j in 1:m) {
      e1 <- replace(rep(0, m), i, h); e2 <- replace(rep(0, m), j, h)
      H[i, j] <- (fun(par + e1 + e2) - fun(par + e1 - e2) - fun(par - e1 + e2) + fun(par - e1 - e2)) / (4 * h^2)
    }
    H
  }
  h1 <- hess(1e-2); h2 <- hess(5e-3); h3 <- hess(2.5e-3)
  (16 * ((4 * h3 - h2) / 3) - (4 * h2 - h1) / 3) / 15
}
# The log-likelihood ll maximised tightly from start (tau then beta): nlminb, then Newton steps on
# Richardson-extrapolated derivatives until a step is under 1e-12; the maximum and the Hessian of -ll there.
tight <- function(ll, start) {
  opt <- nlminb(start, function(par) -ll(par), lower = c(0, rep(-Inf, length(start) - 1)),
                control = list(rel.tol = 1e-15, x.tol = 1e-15, eval.max = 5000, iter.max = 2000))
  par <- opt$par
  free <- if (par[1] > 1e-6) seq_along(par) else seq_along(par)[-1]  # tau on the boundary stays at 0
  for (step in 1:50) {
    sub <- function(q) { full <- par; full[free] <- q; -ll(full) }
    delta <- solve(rich(sub, par[free]), grad(sub, par[free]))
    par[free] <- par[free] - delta
    if (max(abs(delta)) < 1e-12) break
  }
  par[1] <- abs(par[1])  # the likelihood is even in tau
  list(par = par, H = rich(function(p) -ll(p), par))
}
