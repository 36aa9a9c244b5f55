# Reference values for StudyPlanningTest (R 4.2.2): Rscript planning.R
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
# Wald sample size for a half-width E: z^2 p (1 - p) deff / E^2, before rounding up.
for (k in list(c(0.5, 0.03, 0.95, 1), c(0.2, 0.05, 0.95, 1), c(0.45, 0.02, 0.99, 1.5), c(0.9, 0.01, 0.9, 2)))
  cat(sprintf("HALF_WIDTH,%s\n", f(k, qnorm(1 - (1 - k[3]) / 2)^2 * k[1] * (1 - k[1]) * k[4] / k[2]^2)))
# Power with equal groups, both tails.
for (k in list(c(80, 0.45, 0.35), c(400, 0.53, 0.325), c(2600, 0.4, 0.42)))
  cat(sprintf("POWER,%s\n", f(k, power.prop.test(n = k[1], p1 = k[2], p2 = k[3], sig.level = 0.05, strict = TRUE)$power)))
# Sample size per group for 80 % power, solved to 1e-12.
for (k in list(c(0.45, 0.35), c(0.2, 0.3), c(0.7, 0.75)))
  cat(sprintf("SAMPLE_SIZE,%s\n", f(k, power.prop.test(p1 = k[1], p2 = k[2], power = 0.8, sig.level = 0.05, strict = TRUE, tol = 1e-12)$n)))
# Detectable p2 for n = 80 and p1 = 0.35 (power.prop.test solves p2 > p1).
cat(sprintf("DETECTABLE,%s\n", f(80, 0.35, power.prop.test(n = 80, p1 = 0.35, power = 0.8, sig.level = 0.05, strict = TRUE, tol = 1e-12)$p2)))
