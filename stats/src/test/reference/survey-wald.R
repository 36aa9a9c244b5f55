# Reference values for the Wald tests of SurveyEstimatorTest (R 4.2.2, survey 4.1.1): Rscript survey-wald.R
# svychisq(~a + b, design, statistic = "Wald") and "adjWald" on the designs of survey-api.R.
source("survey-designs.R")
out <- "../resources/org/smesurvey/stats/survey/"
sink(paste0(out, "survey-wald.txt"))
for (name in names(designs)) for (pair in list(c("sch.wide", "stype"), c("awards", "both"), c("stype", "comp.imp")))
  for (s in c("Wald", "adjWald")) {
    r <- svychisq(as.formula(paste0("~", pair[1], "+", pair[2])), designs[[name]], statistic = s)
    cat("WALD", name, pair[1], pair[2], s, f(r$statistic, r$parameter, r$p.value), sep = ";"); cat("\n")
  }
sink()
