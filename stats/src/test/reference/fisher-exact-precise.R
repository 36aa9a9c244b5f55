# Fisher's conditional maximum-likelihood odds ratio and its interval to full precision (R 4.2.2):
# the definitions fisher.test uses (stats:::fisher.test, R 4.2.2 source), solved with uniroot(tol = 1e-15)
# instead of fisher.test's default tolerance of .Machine$double.eps^0.25. Rscript fisher-exact-precise.R
cases <- list(c(212, 400, 130, 400), c(30, 80, 1160, 2600), c(0, 80, 5, 2600), c(3, 7, 1, 9), c(5, 80, 0, 60))
for (k in cases) {
  x1 <- k[1]; n1 <- k[2]; x2 <- k[3]; n2 <- k[4]
  m <- x1 + x2; n <- n1 + n2 - m; kk <- n1; x <- x1
  lo <- max(0, kk - n); hi <- min(kk, m); support <- lo:hi
  logdc <- dhyper(support, m, n, kk, log = TRUE)
  dnhyper <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(ncp) if (ncp == 0) lo else if (ncp == Inf) hi else sum(support * dnhyper(ncp))
  pnhyper <- function(q, ncp, upper.tail = FALSE) {
    if (ncp == 1) return(if (upper.tail) phyper(x - 1, m, n, kk, lower.tail = FALSE) else phyper(x, m, n, kk))
    if (ncp == 0) return(as.numeric(if (upper.tail) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper.tail) q <= hi else q >= hi))
    sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  }
  tol <- 1e-15
  mle <- if (x == lo) 0 else if (x == hi) Inf else {
    mu <- mnhyper(1)
    if (mu > x) uniroot(function(t) mnhyper(t) - x, c(0, 1), tol = tol)$root
    else if (mu < x) 1 / uniroot(function(t) mnhyper(1 / t) - x, c(.Machine$double.eps, 1), tol = tol)$root else 1
  }
  alpha <- 0.025
  upper <- if (x == hi) Inf else {
    p <- pnhyper(x, 1)
    if (p < alpha) uniroot(function(t) pnhyper(x, t) - alpha, c(0, 1), tol = tol)$root
    else if (p > alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t) - alpha, c(.Machine$double.eps, 1), tol = tol)$root else 1
  }
  lower <- if (x == lo) 0 else {
    p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) uniroot(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, c(0, 1), tol = tol)$root
    else if (p < alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t, upper.tail = TRUE) - alpha, c(.Machine$double.eps, 1), tol = tol)$root else 1
  }
  cat(sprintf("%d,%d,%d,%d,%.17g,%.17g,%.17g\n", x1, n1, x2, n2, mle, lower, upper))
}
