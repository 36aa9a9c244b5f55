# Reference values for ModelTermsTest (R 4.2.2, survey 4.1.1): Rscript survey-terms.R [OUTPUT]
# (OUTPUT defaults to ../resources/org/smesurvey/stats/survey/survey-terms.txt; the R 4.5 / survey 4.4 run writes
# survey-terms-r45.txt). Models by named terms, domains in factor order and 0/1 answers with missing values as
# numbers, on the generated SME survey of survey-sme.R (sme-survey.csv: 2,400 firms, country strata, region
# clusters, 12 firms of weight 0, 72 missing answers on internal networks):
#   d <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
#   band <- factor(band, levels = c("0-9", "10-49", "50-249", "250+")); sector <- relevel(factor(sector), "G")
# its stratified jackknife (as.svrepdesign(d, type = "JKn")) and, for the models with missing values and the 0/1
# estimates, its post-stratification to band totals, the 12 firms of weight 0 left out
#   ps <- postStratify(dpos, ~band, data.frame(band, Freq = c(2.6e6, 420000, 80000, 17000)))
# (a calibrated design, whose subsets keep the rows dropped with weight 0). Lines:
#   GLM;design;model;coef names;coef;se;df.residual;dispersion   the fits below, control = glm.control(epsilon =
#                      1e-12, maxit = 100), refitted from their own estimate (start = coef) so that the sandwich
#                      rests on working weights at the final coefficients
#     cross:    svyglm(external ~ band * country + employees, quasibinomial)          factor x factor
#     slope:    svyglm(external ~ band + sector + employees + band:employees, quasibinomial) factor x numeric
#     product:  svyglm(employees ~ firm * external, gaussian)                          numeric x numeric (0/1 answer)
#     missing:  svyglm(internal ~ band + country + employees, quasibinomial)           answer with NA: na.omit
#     covariate: svyglm(external ~ band + internal, quasibinomial)                     covariate with NA
#   TERM;design;model;terms;F;df;ddf;p               regTermTest(m, ~terms) (Wald F)
#   LRT;design;model;terms;chisq;p                   regTermTest(m, ~terms, method = "LRT"), the last terms of
#                                                    each model (dropping band alone from band * country would be
#                                                    a model R refits without its marginal term)
#   PREDICT;design;model;link;se.link;response;se.response   predict(m, newdata, se.fit = TRUE), newdata below
#   BY;design;statistic;levels;estimates;se            svyby(~y, ~band, d, FUN) in the factor's level order
#   BYCOV;design;levels;estimates;vcov                 svyby(~external, ~band, d, svymean, covmat = TRUE)
#   NUMERIC;design;call;estimate;se                    svymean/svytotal/svyratio of the 0/1 internal, na.rm = TRUE
#   NUMERICBY;design;statistic;levels;estimates;se      svyby(~internal, ~band, d, svymean/svytotal, na.rm = TRUE)
suppressMessages(library(survey))
args <- commandArgs(TRUE)
out <- if (length(args)) args[1] else "../resources/org/smesurvey/stats/survey/survey-terms.txt"
sme <- read.csv("../resources/org/smesurvey/stats/survey/sme-survey.csv", stringsAsFactors = FALSE)
bands <- c("0-9", "10-49", "50-249", "250+")
sme$band <- factor(sme$band, levels = bands)
sme$sector <- relevel(factor(sme$sector), ref = "G")
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
d <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
# post-stratified without the firms of weight 0, whom survey's postStratify variance treats as of weight 1 (it sets
# their 0 to 1 before its projection), where the Java gives them no part
dpos <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme[sme$weight > 0, ], nest = TRUE)
ps <- postStratify(dpos, ~band, data.frame(band = factor(bands, levels = bands), Freq = c(2.6e6, 420000, 80000, 17000)))
designs <- list(d = d, jkn = as.svrepdesign(d, type = "JKn"), ps = ps)
tight <- glm.control(epsilon = 1e-12, maxit = 100)
formulas <- list(
  cross = list(external ~ band * country + employees, quasibinomial()),
  slope = list(external ~ band + sector + employees + band:employees, quasibinomial()),
  product = list(employees ~ firm * external, gaussian()),
  missing = list(internal ~ band + country + employees, quasibinomial()),
  covariate = list(external ~ band + internal, quasibinomial()))
tests <- list(cross = list("band", c("band", "country"), "band:country"), slope = list("band:employees", "sector"),
              product = list("firm:external"), missing = list("band"), covariate = list("internal"))
countries <- c("DE", "ES", "FR")
newdata <- list(
  cross = data.frame(band = factor("10-49", levels = bands), country = factor("FR", levels = countries), employees = 25),
  slope = data.frame(band = factor("50-249", levels = bands), sector = factor("J", levels = levels(sme$sector)), employees = 80),
  product = data.frame(firm = 1200, external = 1),
  missing = data.frame(band = factor("250+", levels = bands), country = factor("ES", levels = countries), employees = 400),
  covariate = data.frame(band = factor("0-9", levels = bands), internal = 1))
sink(out)
for (name in names(designs)) {
  x <- designs[[name]]
  for (model in names(formulas)) {
    if (name == "jkn" && !(model %in% c("cross", "missing"))) next
    if (name == "ps" && !(model %in% c("cross", "missing", "covariate"))) next
    g0 <- svyglm(formulas[[model]][[1]], design = x, family = formulas[[model]][[2]], control = tight)
    g <- update(g0, start = coef(g0))
    g$call$start <- NULL
    line("GLM", name, model, paste(names(coef(g)), collapse = ","), f(coef(g)), f(sqrt(diag(vcov(g)))),
         g$df.residual, f(summary(g)$dispersion))
    for (terms in tests[[model]]) {
      tf <- as.formula(paste("~", paste(terms, collapse = " + ")))
      w <- regTermTest(g, tf)
      line("TERM", name, model, paste(terms, collapse = ","), f(w$Ftest), f(w$df), f(w$ddf), f(w$p))
      if (name == "d" && identical(terms, tests[[model]][[length(tests[[model]])]])) {
        l <- regTermTest(g, tf, method = "LRT")
        line("LRT", name, model, paste(terms, collapse = ","), f(l$chisq), f(l$p))
      }
    }
    pl <- predict(g, newdata = newdata[[model]], type = "link", se.fit = TRUE)
    pr <- predict(g, newdata = newdata[[model]], type = "response", se.fit = TRUE)
    line("PREDICT", name, model, f(pl, SE(pl), pr, SE(pr)))
  }
  if (name != "ps") for (fun in c("mean", "total")) {
    b <- svyby(~external, ~band, x, if (fun == "mean") svymean else svytotal)
    line("BY", name, fun, paste(as.character(b$band), collapse = ","), f(coef(b)), f(SE(b)))
    b <- svyby(~employees, ~band, x, if (fun == "mean") svymean else svytotal)
    line("BY", name, paste0("employees-", fun), paste(as.character(b$band), collapse = ","), f(coef(b)), f(SE(b)))
    b <- svyby(~internal, ~band, x, if (fun == "mean") svymean else svytotal, na.rm = TRUE)
    line("NUMERICBY", name, fun, paste(as.character(b$band), collapse = ","), f(coef(b)), f(SE(b)))
  }
  if (name != "ps") {
    b <- svyby(~external, ~band, x, svymean, covmat = TRUE)
    line("BYCOV", name, paste(as.character(b$band), collapse = ","), f(coef(b)), f(t(vcov(b))))
  }
  m <- svymean(~internal, x, na.rm = TRUE)
  line("NUMERIC", name, "mean", f(coef(m)), f(SE(m)))
  m <- svytotal(~internal, x, na.rm = TRUE)
  line("NUMERIC", name, "total", f(coef(m)), f(SE(m)))
  m <- svyratio(~internal, ~external, x, na.rm = TRUE)
  line("NUMERIC", name, "ratio-internal-external", f(coef(m)), f(SE(m)))
  m <- svyratio(~internal, ~employees, x, na.rm = TRUE)
  line("NUMERIC", name, "ratio-internal-employees", f(coef(m)), f(SE(m)))
  m <- svyratio(~employees, ~internal, x, na.rm = TRUE)
  line("NUMERIC", name, "ratio-employees-internal", f(coef(m)), f(SE(m)))
}
line("DEGF", degf(d), degf(subset(d, !is.na(internal))))
sink()
