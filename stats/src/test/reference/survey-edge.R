# What survey gives on the edge designs of EdgeDesignTest (R 4.2.2, survey 4.1.1): Rscript survey-edge.R
# Printed, not read by the test: the test quotes each call and the value it asserts or the exception it expects
# where survey gives NaN, an infinity or an error.
suppressMessages(library(survey))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
# 1. Every stratum a single PSU, lonely PSUs averaged: every standard error is NaN, svyby's covmat NaN.
options(survey.lonely.psu = "average")
lonely <- data.frame(s = c("a", "b", "c"), psu = 1:3, w = c(10, 20, 30), y = c(1, 0, 1), x = c(2.5, 1, 4),
                     dom = c("u", "u", "v"))
d <- svydesign(ids = ~psu, strata = ~s, weights = ~w, data = lonely)
print(svymean(~y, d, deff = TRUE)); print(svytotal(~x, d, deff = TRUE)); print(svymean(~x, d, deff = TRUE))
print(svyby(~y, ~dom, d, svymean, deff = TRUE)); print(vcov(svyby(~y, ~dom, d, svymean, covmat = TRUE)))
print(svyratio(~y, ~x, d))
# 2. A domain only in strata of one PSU: its standard error NaN in svyby, 0 in svyby's covmat.
mixed <- data.frame(s = c("a", "a", "b"), psu = 1:3, w = c(10, 20, 30), y = c(1, 0, 1), dom = c("u", "u", "v"))
d <- svydesign(ids = ~psu, strata = ~s, weights = ~w, data = mixed)
cat("mixed svymean SE:", f(SE(svymean(~y, d))), "\n")
print(svyby(~y, ~dom, d, svymean, deff = TRUE)); print(vcov(svyby(~y, ~dom, d, svymean, covmat = TRUE)))
options(survey.lonely.psu = "fail")
# 3. Negative weights, a domain whose weights sum to 0: its mean NaN, its total defined.
neg <- data.frame(w = c(2, -2, 3, 1, 4), y = c(1, 0, 1, 0, 1), x = c(1.5, 2, 3, 4, 5), dom = c("z", "z", "a", "a", "a"))
d <- svydesign(ids = ~1, weights = ~w, data = neg)
print(svyby(~y, ~dom, d, svymean, deff = TRUE)); print(svyby(~x, ~dom, d, svymean, deff = TRUE))
t <- svyby(~x, ~dom, d, svytotal); cat("totalBy z:", f(coef(t)[["z"]], SE(t)[[2]]), "\n")
# 4. A census (fpc = the sample): a proportion in (0, 1) with a standard error of 0.
census <- data.frame(y = c(1, 0, 1, 1, 0, 1), w = 1, N = 6)
d <- svydesign(ids = ~1, weights = ~w, fpc = ~N, data = census)
print(svymean(~y, d, deff = TRUE))
for (m in c("mean", "xlogit", "logit", "asin", "beta", "likelihood")) {
  ci <- try(svyciprop(~I(y == 1), d, method = m), silent = TRUE)
  cat(m, if (inherits(ci, "try-error")) conditionMessage(attr(ci, "condition")) else f(attr(ci, "ci")), "\n")
}
# 5. Design effects at p = 0 and 1, of equal values, of a total of equal values.
flat <- data.frame(s = c(1, 1, 2, 2, 2), y0 = 0, y1 = 1, c = 3, w = c(2, 3, 4, 5, 6))
d <- svydesign(ids = ~1, strata = ~s, weights = ~w, data = flat)
for (v in c("y0", "y1", "c")) {
  m <- svymean(as.formula(paste0("~", v)), d, deff = TRUE); cat("mean", v, f(coef(m), SE(m), deff(m)), "\n")
  r <- svymean(as.formula(paste0("~", v)), d, deff = "replace"); cat("replace", v, f(deff(r)), "\n")
}
t <- svytotal(~c, d, deff = TRUE); cat("total c", f(coef(t), SE(t), deff(t)), "\n")
b <- svyby(~y0, ~s, d, svymean, deff = TRUE); cat("by y0", f(b$y0, b$se, b$DEff.y0), "\n")
# 6. AVERAGE with some strata single-PSU: svyby's standard errors (each domain a subset: the strata holding its
# respondents, scaled by their count over the estimable ones) and its covmat (every stratum of the design, scaled by
# all strata over the estimable ones) differ; the library gives each as survey does.
options(survey.lonely.psu = "average")
some <- data.frame(s = c("a", "a", "a", "b", "b", "b", "c", "c"), psu = c(1, 1, 2, 3, 4, 4, 5, 5),
                   w = c(10, 12, 9, 20, 22, 18, 30, 31), y = c(1, 0, 1, 0, 1, 1, 1, 0),
                   dom = c("u", "v", "u", "v", "v", "v", "u", "u"))
d <- svydesign(ids = ~psu, strata = ~s, weights = ~w, data = some)
cat("svyby se:", f(SE(svyby(~y, ~dom, d, svymean))), "\n")
cat("covmat:", f(vcov(svyby(~y, ~dom, d, svymean, covmat = TRUE))), "\n")
options(survey.lonely.psu = "fail")
