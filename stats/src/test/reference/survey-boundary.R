# Reference values for BoundaryIntervalTest (R 4.2.2, survey 4.1.1): Rscript survey-boundary.R
# Proportions of 0 and 1 on survey's apistrat design. svyciprop gives [p, p] for method = "mean" and NaN for
# "xlogit", "asin" and "beta", and its svyglm does not converge for "logit" and "likelihood". The convention
# followed instead is Korn & Graubard's (1998): the Clopper-Pearson interval with the effective sample taken as
# the number of respondents (a design effect of 1), adjusted for the design's degrees of freedom as svyciprop's
# beta method adjusts: n* = n (qt(alpha/2, n - 1) / qt(alpha/2, degf))^2.
suppressMessages(library(survey))
data(api)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
d <- apistrat; d$one <- 1; d$zero <- 0
out <- "../resources/org/smesurvey/stats/survey/"
sink(paste0(out, "survey-boundary.txt"))
for (fpc in c(TRUE, FALSE)) {
  name <- if (fpc) "strat" else "strat_nofpc"
  des <- if (fpc) svydesign(id = ~1, strata = ~stype, weights = ~pw, data = d, fpc = ~fpc)
         else svydesign(id = ~1, strata = ~stype, weights = ~pw, data = d)
  ci <- svyciprop(~I(zero == 1), des, method = "mean")
  cat("MEAN", name, "zero", f(coef(ci), attr(ci, "ci")), sep = ";"); cat("\n")
  ci <- svyciprop(~I(one == 1), des, method = "mean")
  cat("MEAN", name, "one", f(coef(ci), attr(ci, "ci")), sep = ";"); cat("\n")
  n <- nrow(des)
  nstar <- n * (qt(0.025, n - 1) / qt(0.025, degf(des)))^2
  cat("KORN_GRAUBARD", name, "zero", f(0, 0, qbeta(0.975, 1, nstar)), sep = ";"); cat("\n")
  cat("KORN_GRAUBARD", name, "one", f(1, qbeta(0.025, nstar, 1), 1), sep = ";"); cat("\n")
}
sink()
