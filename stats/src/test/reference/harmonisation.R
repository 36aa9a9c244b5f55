# Reference values for SizeHarmonisationTest and DirectStandardisationTest (R 4.2.2): Rscript harmonisation.R
# Counts: US Census SUSB 2002 firm counts and Eurostat preliminary SBS 2023 (the bundled populations.csv).
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
reweight <- function(name, p, v, n) {
  w <- n / sum(n)
  cat(sprintf("%s,%s\n", name, f(sum(w * p), sqrt(sum(w^2 * v)))))
}
# Source figures: 0-19 120/400, 20-99 90/200, 100-499 60/100; binomial variances p(1-p)/n.
p <- c(120 / 400, 90 / 200, 60 / 100); v <- p * (1 - p) / c(400, 200, 100)
reweight("0-99", p[1:2], v[1:2], c(5090331, 508249))
reweight("0-499", p, v, c(5090331, 508249, 82334))
# 10-49: 10-19 is counted (613880); 20-49 gets 30/80 of the 20-99 count.
reweight("10-49", p[1:2], v[1:2], c(613880, 508249 * 30 / 80))
# 11-50 from 10-49 (0.44, 300 companies) and 50-249 (0.61, 150): 11-19 is 9/10 of 10-19, 20-49 is 30/80 of 20-99,
# and 50-50 is 1/80 of 20-99.
q <- c(0.44, 0.61); u <- q * (1 - q) / c(300, 150)
reweight("11-50", q, u, c(613880 * 9 / 10 + 508249 * 30 / 80, 508249 / 80))
# Direct standardisation to the EU27 2023 mix: 0-49 32,400,000, 50-249 246,000, 250+ 53,000.
s <- c(0.35, 0.52, 0.71); sv <- s * (1 - s) / c(1000, 400, 150)
reweight("EU27_2023", s, sv, c(32400000, 246000, 53000))
