# Reference values for DomainContrastsTest (R 4.2.2, survey 4.1.1): Rscript survey-contrasts.R
# On survey's api samples (survey-api.R's files and designs): the share of schools meeting their target
# (sch.wide) by school type, svyby(~yes, ~stype, design, svymean, covmat = TRUE), its covariance matrix, and
#   svycontrast(by, c(E = 1, M = -1))                  (a difference of domains)
#   svycontrast(by, c(E = 1/3, H = 1/3, M = 1/3))      (an average)
#   svycontrast(by, quote(E / H))                      (a ratio, by the delta method)
# Lines: BY;design;estimates;covariance by rows; CONTRAST;design;name;estimate;se
suppressMessages(library(survey))
data(api)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
designs <- list(
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  clus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc))
sink("../resources/org/smesurvey/stats/survey/survey-contrasts.txt")
for (name in names(designs)) {
  d <- update(designs[[name]], yes = as.numeric(sch.wide == "Yes"))
  by <- svyby(~yes, ~stype, d, svymean, covmat = TRUE)
  line("BY", name, f(coef(by)), f(t(vcov(by))))
  for (contrast in list(list("difference", c(E = 1, M = -1)), list("average", c(E = 1/3, H = 1/3, M = 1/3)))) {
    s <- svycontrast(by, contrast[[2]])
    line("CONTRAST", name, contrast[[1]], f(coef(s)), f(SE(s)))
  }
  s <- svycontrast(by, quote(E / H))
  line("CONTRAST", name, "ratio", f(coef(s)), f(SE(s)))
}
sink()
