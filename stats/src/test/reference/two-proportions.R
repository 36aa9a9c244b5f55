# Reference values for the two-proportion tests (R 4.2.2, metafor 3.8.1, Debian 12): Rscript two-proportions.R
# Each line: name, x1, n1, x2, n2, then the values, 17 significant digits.
suppressMessages(library(metafor))
cases <- list(c(212, 400, 130, 400), c(30, 80, 1160, 2600), c(0, 80, 5, 2600), c(3, 7, 1, 9), c(80, 80, 2000, 2600),
              c(5, 80, 0, 60))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
for (k in cases) {
  x1 <- k[1]; n1 <- k[2]; x2 <- k[3]; n2 <- k[4]
  id <- sprintf("%d,%d,%d,%d", x1, n1, x2, n2)
  for (level in c(0.95, 0.9)) {
    cat(sprintf("WALD,%s,%s,%s\n", id, level, f(prop.test(c(x1, x2), c(n1, n2), conf.level = level, correct = FALSE)$conf.int)))
    z <- qnorm(1 - (1 - level) / 2)
    rr <- escalc("RR", ai = x1, n1i = n1, ci = x2, n2i = n2)
    cat(sprintf("RISK_RATIO,%s,%s,%s\n", id, level, f(exp(rr$yi), exp(rr$yi - z * sqrt(rr$vi)), exp(rr$yi + z * sqrt(rr$vi)))))
    or <- escalc("OR", ai = x1, n1i = n1, ci = x2, n2i = n2)
    cat(sprintf("ODDS_RATIO,%s,%s,%s\n", id, level, f(exp(or$yi), exp(or$yi - z * sqrt(or$vi)), exp(or$yi + z * sqrt(or$vi)))))
  }
  # Tests: prop.test and chisq.test give the same statistics; the pooled z is the signed root of the first.
  t0 <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE))
  t1 <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = TRUE))
  m <- matrix(c(x1, x2, n1 - x1, n2 - x2), 2)
  c1 <- suppressWarnings(chisq.test(m, correct = TRUE))
  cat(sprintf("CHI_SQUARE,%s,%s\n", id, f(t0$statistic, t0$p.value)))
  cat(sprintf("CHI_SQUARE_YATES,%s,%s\n", id, f(t1$statistic, t1$p.value)))
  cat(sprintf("CHI_SQUARE_YATES_chisq.test,%s,%s\n", id, f(c1$statistic, c1$p.value)))
  cat(sprintf("Z_POOLED,%s,%s\n", id, f(sign(x1 / n1 - x2 / n2) * sqrt(t0$statistic), t0$p.value)))
  ft <- fisher.test(m)
  cat(sprintf("FISHER,%s,%s\n", id, f(ft$p.value, ft$estimate, ft$conf.int)))
}
# WALD_CONTINUITY_R: prop.test's interval with its continuity correction, min(1/2 (1/n1 + 1/n2), |p1 - p2|) added
# to the half-width; the last two cases are equal proportions (no correction) and a difference smaller than the
# correction (capped).
for (k in c(cases, list(c(20, 80, 20, 80), c(10, 40, 12, 50)))) for (level in c(0.95, 0.9)) {
  x1 <- k[1]; n1 <- k[2]; x2 <- k[3]; n2 <- k[4]
  ci <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), conf.level = level, correct = TRUE))$conf.int
  cat(sprintf("WALD_CONTINUITY_R,%d,%d,%d,%d,%s,%s\n", x1, n1, x2, n2, level, f(ci)))
}
