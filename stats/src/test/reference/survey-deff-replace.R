# Reference values for design effects against sampling with replacement (R 4.2.2, survey 4.1.1):
#   Rscript survey-deff-replace.R
# svymean, svytotal and svyby(..., svymean) with deff = "replace" on the designs of survey-api.R.
source("survey-designs.R")
out <- "../resources/org/smesurvey/stats/survey/"
sink(paste0(out, "survey-deff-replace.txt"))
for (name in names(designs)) {
  d <- update(designs[[name]], yes = as.numeric(sch.wide == "Yes"))
  cat("MEAN", name, f(deff(svymean(~yes, d, deff = "replace"))), sep = ";"); cat("\n")
  cat("TOTAL", name, f(deff(svytotal(~yes, d, deff = "replace"))), sep = ";"); cat("\n")
  by <- svyby(~yes, ~stype, d, svymean, deff = "replace")
  cat("BY_STYPE", name, f(by[[ncol(by)]]), sep = ";"); cat("\n")
}
sink()
