# The four designs on survey's api samples that survey-api.R, survey-wald.R and survey-deff-replace.R estimate on:
# a stratified sample with and without fpc, and a one-stage cluster sample of districts with and without fpc.
suppressMessages(library(survey))
data(api)
designs <- list(
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  strat_nofpc = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat),
  clus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
  clus1_nofpc = svydesign(id = ~dnum, weights = ~pw, data = apiclus1))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
