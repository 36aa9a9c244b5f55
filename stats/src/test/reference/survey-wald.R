# Reference values for the Wald tests of SurveyEstimatorTest (R 4.2.2, survey 4.1.1): Rscript survey-wald.R
# svychisq(~a + b, design, statistic = "Wald") and "adjWald" on the designs of survey-api.R.
suppressMessages(library(survey))
data(api)
out <- "../resources/org/smesurvey/stats/survey/"
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
designs <- list(
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  strat_nofpc = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat),
  clus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
  clus1_nofpc = svydesign(id = ~dnum, weights = ~pw, data = apiclus1))
sink(paste0(out, "survey-wald.txt"))
for (name in names(designs)) for (pair in list(c("sch.wide", "stype"), c("awards", "both"), c("stype", "comp.imp")))
  for (s in c("Wald", "adjWald")) {
    r <- svychisq(as.formula(paste0("~", pair[1], "+", pair[2])), designs[[name]], statistic = s)
    cat("WALD", name, pair[1], pair[2], s, f(r$statistic, r$parameter, r$p.value), sep = ";"); cat("\n")
  }
sink()
