# Reference values for ProportionIntervalTest (R 4.2.2, Debian 12): Rscript proportion-intervals.R
# Prints: method, x, n, level, lower, upper with 17 significant digits.
cases <- list(c(0, 80), c(1, 80), c(40, 80), c(79, 80), c(80, 80), c(212, 400), c(1160, 2600), c(3, 7))
levels <- c(0.95, 0.90, 0.99)
out <- function(method, x, n, level, ci) cat(sprintf("%s,%s,%s,%s,%.17g,%.17g\n", method, x, n, level, ci[1], ci[2]))
for (case in cases) for (level in levels) {
  x <- case[1]; n <- case[2]
  out("WILSON", x, n, level, prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
  out("WILSON_CONTINUITY_R", x, n, level, prop.test(x, n, conf.level = level, correct = TRUE)$conf.int)
  # With p chosen so that |x - n p| >= 0.5, prop.test applies the full correction of 1/2: Newcombe's method 4.
  p0 <- if (abs(x - n * 0.001) >= 0.5) 0.001 else 0.999
  out("WILSON_CONTINUITY", x, n, level, prop.test(x, n, p = p0, conf.level = level, correct = TRUE)$conf.int)
  out("CLOPPER_PEARSON", x, n, level, binom.test(x, n, conf.level = level)$conf.int)
  a <- 1 - level
  jeffreys <- c(if (x == 0) 0 else qbeta(a / 2, x + 0.5, n - x + 0.5), if (x == n) 1 else qbeta(1 - a / 2, x + 0.5, n - x + 0.5))
  out("JEFFREYS", x, n, level, jeffreys)
  if (x > 0 && x < n) {
    p <- x / n
    out("LOGIT", x, n, level, plogis(qlogis(p) + c(-1, 1) * qnorm(1 - a / 2) / sqrt(n * p * (1 - p))))
  }
}
# The unclipped Wald and Agresti-Coull limits, WALD_UNCLIPPED and AGRESTI_COULL_UNCLIPPED, with the formulas of the
# binom package's binom.confint(x, n, conf.level, methods = "asymptotic" | "agresti-coull") (binom is not in
# Debian 12; its source computes exactly these lines, without clipping to [0, 1]). The last case is an effective
# sample of 10.5 of 37.25.
for (case in c(cases, list(c(10.5, 37.25)))) for (level in levels) {
  x <- case[1]; n <- case[2]
  z <- qnorm(1 - (1 - level) / 2)
  p <- x / n
  out("WALD_UNCLIPPED", x, n, level, p + c(-1, 1) * z * sqrt(p * (1 - p) / n))
  .x <- x + 0.5 * z^2; .n <- n + z^2; .p <- .x / .n
  out("AGRESTI_COULL_UNCLIPPED", x, n, level, .p + c(-1, 1) * z * sqrt(.p * (1 - .p) / .n))
}
