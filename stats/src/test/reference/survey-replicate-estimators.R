# Reference values for means and totals on replicate designs (R 4.2.2, survey 4.1.1):
#   Rscript survey-replicate-estimators.R
# On the JK1 replicates of survey's apiclus1 design (survey-api.R), with and without mse:
# svymean(~snum, rep), svytotal(~award, rep), svyby(~snum, ~stype, rep, svymean), svyby(~award, ~stype, rep,
# svytotal); each estimate and SE.
suppressMessages(library(survey))
data(api)
out <- "../resources/org/smesurvey/stats/survey/"
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
sink(paste0(out, "survey-replicate-estimators.txt"))
for (fpc in c(TRUE, FALSE)) for (m in c(FALSE, TRUE)) {
  name <- if (fpc) "clus1" else "clus1_nofpc"
  d <- if (fpc) svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
       else svydesign(id = ~dnum, weights = ~pw, data = apiclus1)
  rep <- update(as.svrepdesign(d, type = "JK1", mse = m), award = as.numeric(awards == "Yes"))
  a <- svymean(~snum, rep); b <- svytotal(~award, rep)
  c1 <- svyby(~snum, ~stype, rep, svymean); c2 <- svyby(~award, ~stype, rep, svytotal)
  cat("REP", name, m, f(coef(a), SE(a)), f(coef(b), SE(b)), f(coef(c1)), f(SE(c1)), f(coef(c2)), f(SE(c2)), sep = ";")
  cat("\n")
}
sink()
