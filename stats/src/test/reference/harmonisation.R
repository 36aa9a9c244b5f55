# Reference values for SizeHarmonisationTest and DirectStandardisationTest (R 4.2.2): Rscript harmonisation.R
# Counts: US Census SUSB 2002 firm counts, Insee's TEF 2018 (2015 data) and Eurostat preliminary SBS 2023 (the
# bundled populations.csv). A part of a counted band gets the share Zipf's law, a density proportional to n^-2
# (Axtell 2001), puts in it: zipf(a, b, A, B) in closed form, [a, b) in [A, B), a size 0 counted at 1, B = Inf
# for an open band; zipf_num the same by numerical integration.
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
zipf <- function(a, b, A, B) (1 / max(a, 1) - 1 / b) / (1 / max(A, 1) - 1 / B)
zipf_num <- function(a, b, A, B) {
  d <- function(n) n^-2
  integrate(d, max(a, 1), b, rel.tol = 1e-12)$value / integrate(d, max(A, 1), B, rel.tol = 1e-12)$value
}
reweight <- function(name, p, v, n) {
  w <- n / sum(n)
  cat(sprintf("%s,%s\n", name, f(sum(w * p), sqrt(sum(w^2 * v)))))
}
# Source figures: 0-19 120/400, 20-99 90/200, 100-499 60/100; binomial variances p(1-p)/n.
p <- c(120 / 400, 90 / 200, 60 / 100); v <- p * (1 - p) / c(400, 200, 100)
reweight("0-99", p[1:2], v[1:2], c(5090331, 508249))
reweight("0-499", p, v, c(5090331, 508249, 82334))
# 10-49: 10-19 is counted (613880); 20-49 gets Zipf's share of the 20-99 count.
reweight("10-49", p[1:2], v[1:2], c(613880, 508249 * zipf(20, 50, 20, 100)))
# 11-50 from 10-49 (0.44, 300 companies) and 50-249 (0.61, 150): 11-19 is Zipf's share of 10-19, 20-49 and
# 50-50 of 20-99.
q <- c(0.44, 0.61); u <- q * (1 - q) / c(300, 150)
reweight("11-50", q, u, c(613880 * zipf(11, 20, 10, 20) + 508249 * zipf(20, 50, 20, 100),
                          508249 * zipf(50, 51, 20, 100)))
# 500-999 from 500+ (0.7, no base): the open band's share; a single figure, so only the count is checked.
cat(sprintf("500-999 count,%s\n", f(16845 * zipf(500, 1000, 500, Inf))))
# Insee 2015 (Insee Premiere 1594): no website nor social media, 10-49 33 %, 50-249 11 %, 250+ 5 %, no bases.
# INSEE_TEF_2018 counts 10-249 (140000), 250-4999 (5800) and 5000+ (287); 10-249 is split by Zipf's law.
s15 <- c(0.33, 0.11, 0.05)
n15 <- c(140000 * zipf(10, 50, 10, 250), 140000 * zipf(50, 250, 10, 250), 5800 + 287)
cat(sprintf("INSEE 10+,%s\n", f(sum(n15 / sum(n15) * s15), n15)))
# The former split by width (40 : 200), for comparison: 14.3 %.
cat(sprintf("INSEE 10+ by width,%s\n", f(weighted.mean(s15, c(140000 * 40 / 240, 140000 * 200 / 240, 6087)))))
# The Zipf shares in closed form and integrated numerically (rel.tol 1e-12).
cat(sprintf("zipf closed,%s\n", f(zipf(10, 50, 10, 250), zipf(20, 50, 20, 100), zipf(11, 20, 10, 20),
  zipf(50, 51, 20, 100), zipf(500, 1000, 500, Inf))))
cat(sprintf("zipf integrated,%s\n", f(zipf_num(10, 50, 10, 250), zipf_num(20, 50, 20, 100),
  zipf_num(11, 20, 10, 20), zipf_num(50, 51, 20, 100), zipf_num(500, 1000, 500, Inf))))
# The law the library uses: a Pareto law, enterprises of n or more proportional to n^-alpha, alpha fitted by least
# squares of log S(x) on log x over the lower bounds x of the population's finest bands from the split band's lower
# bound up (S(x) the enterprises of x or more); Zipf's alpha = 1 with fewer than two bounds (the 500+ split).
pareto <- function(a, b, A, B, alpha) (max(a, 1)^-alpha - b^-alpha) / (max(A, 1)^-alpha - B^-alpha)
tail_alpha <- function(x, S) -unname(coef(lm(log(S) ~ log(x)))[2])
a20 <- tail_alpha(c(20, 100, 500), c(508249 + 82334 + 16845, 82334 + 16845, 16845))
a10 <- tail_alpha(c(10, 20, 100, 500), c(613880 + 508249 + 82334 + 16845, 508249 + 82334 + 16845, 82334 + 16845,
                                         16845))
a15 <- tail_alpha(c(10, 250, 5000), c(140000 + 5800 + 287, 5800 + 287, 287))
cat(sprintf("pareto alphas,%s\n", f(a20, a10, a15)))
reweight("10-49 pareto", p[1:2], v[1:2], c(613880, 508249 * pareto(20, 50, 20, 100, a20)))
reweight("11-50 pareto", q, u, c(613880 * pareto(11, 20, 10, 20, a10) + 508249 * pareto(20, 50, 20, 100, a20),
                                 508249 * pareto(50, 51, 20, 100, a20)))
n15p <- c(140000 * pareto(10, 50, 10, 250, a15), 140000 * pareto(50, 250, 10, 250, a15), 5800 + 287)
cat(sprintf("INSEE 10+ pareto,%s\n", f(sum(n15p / sum(n15p) * s15), n15p)))
cat(sprintf("pareto shares,%s\n", f(pareto(20, 50, 20, 100, a20), pareto(11, 20, 10, 20, a10),
  pareto(50, 51, 20, 100, a20), pareto(10, 50, 10, 250, a15))))
# Direct standardisation to the EU27 2023 mix: 0-49 32,400,000, 50-249 246,000, 250+ 53,000.
s <- c(0.35, 0.52, 0.71); sv <- s * (1 - s) / c(1000, 400, 150)
reweight("EU27_2023", s, sv, c(32400000, 246000, 53000))
