# Miettinen-Nurminen and Mee score intervals for p1 - p2 (R 4.2.2), from their definition [Miettinen and
# Nurminen 1985; Mee 1984]: the restricted maximum-likelihood proportions under p1 - p2 = d are found as the root
# of the score equation (uniroot, tol = 1e-16), not from the closed-form cubic the library uses, and the limits
# solve (p1 - p2 - d)^2 / V(d) = qchisq(level, 1) with V(d) = (p1~ q1~ / n1 + p2~ q2~ / n2) * N / (N - 1) for
# Miettinen-Nurminen and without the factor N / (N - 1) for Mee (uniroot, tol = 1e-15). statsmodels 0.13.5 is no
# reference: its restricted estimates are wrong, and confint_proportions_2indep(method = "score",
# correction = False) still applies N / (N - 1) to a difference.
# Rscript miettinen-nurminen.R
restricted <- function(x1, n1, x2, n2, d) {
  # p2 in (max(0, -d), min(1, 1 - d)); the log-likelihood is concave there.
  lo <- max(0, -d); hi <- min(1, 1 - d)
  score <- function(p2) {
    p1 <- p2 + d
    (if (x1 > 0) x1 / p1 else 0) - (if (n1 - x1 > 0) (n1 - x1) / (1 - p1) else 0) +
      (if (x2 > 0) x2 / p2 else 0) - (if (n2 - x2 > 0) (n2 - x2) / (1 - p2) else 0)
  }
  eps <- 1e-300
  a <- lo + (hi - lo) * 1e-15; b <- hi - (hi - lo) * 1e-15
  p2 <- if (score(a) <= 0) lo else if (score(b) >= 0) hi else uniroot(score, c(a, b), tol = 1e-16)$root
  c(p2 + d, p2)
}
statistic <- function(x1, n1, x2, n2, d, mee = FALSE) {
  p <- restricted(x1, n1, x2, n2, d); N <- n1 + n2
  v <- p[1] * (1 - p[1]) / n1 + p[2] * (1 - p[2]) / n2
  if (!mee) v <- v * N / (N - 1)
  (x1 / n1 - x2 / n2 - d)^2 / v
}
mn <- function(x1, n1, x2, n2, level, mee = FALSE) {
  crit <- qchisq(level, 1); est <- x1 / n1 - x2 / n2
  f <- function(d) statistic(x1, n1, x2, n2, d, mee) - crit
  lower <- if (est <= -1 || f(-1 + 1e-12) < 0) -1 else uniroot(f, c(-1 + 1e-12, est), tol = 1e-15)$root
  upper <- if (est >= 1 || f(1 - 1e-12) < 0) 1 else uniroot(f, c(est, 1 - 1e-12), tol = 1e-15)$root
  c(lower, upper)
}
cases <- list(c(212, 400, 130, 400), c(30, 80, 1160, 2600), c(0, 80, 5, 2600), c(3, 7, 1, 9), c(80, 80, 2000, 2600),
              c(5, 80, 0, 60), c(7, 34, 1, 34))
for (k in cases) for (level in c(0.95, 0.9)) {
  ci <- mn(k[1], k[2], k[3], k[4], level)
  cat(sprintf("MIETTINEN_NURMINEN,%d,%d,%d,%d,%s,%.17g,%.17g\n", k[1], k[2], k[3], k[4], level, ci[1], ci[2]))
}
for (k in cases) for (level in c(0.95, 0.9)) {
  ci <- mn(k[1], k[2], k[3], k[4], level, mee = TRUE)
  cat(sprintf("MEE,%d,%d,%d,%d,%s,%.17g,%.17g\n", k[1], k[2], k[3], k[4], level, ci[1], ci[2]))
}
