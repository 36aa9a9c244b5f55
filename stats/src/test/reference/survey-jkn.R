# Reference values for StratifiedJackknifeTest (R 4.2.2, survey 4.1.1): Rscript survey-jkn.R
# as.svrepdesign(design, type = "JKn") on the stratified api sample with and without fpc (survey-api.R's files):
# svymean(~yes) (sch.wide), svymean(~award) and svytotal(~yes): estimate and SE, and the design's degf.
# Line: JKN;design;variable;statistic;estimate;se;degf
suppressMessages(library(survey))
data(api)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
designs <- list(strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
                strat_nofpc = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat))
sink("../resources/org/smesurvey/stats/survey/survey-jkn.txt")
for (name in names(designs)) {
  d <- update(designs[[name]], yes = as.numeric(sch.wide == "Yes"), award = as.numeric(awards == "Yes"))
  r <- as.svrepdesign(d, type = "JKn")
  for (v in c("yes", "award")) {
    m <- svymean(as.formula(paste0("~", v)), r)
    cat("JKN", name, v, "mean", f(coef(m), SE(m), degf(r)), sep = ";"); cat("\n")
  }
  t <- svytotal(~yes, r)
  cat("JKN", name, "yes", "total", f(coef(t), SE(t), degf(r)), sep = ";"); cat("\n")
}
sink()
