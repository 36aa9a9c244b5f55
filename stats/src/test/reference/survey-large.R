# What survey gives on LargeDesignTest's design (R 4.2.2, survey 4.1.1): Rscript survey-large.R
# 300,000 respondents, 4 strata of 500 primary units each, 120 domains: enough for the estimators' parallel
# passes (over respondents, and over units × domains), which smaller tests never reach. The data are made by the
# same formulas in LargeDesignTest; respondent i counts from 0.
suppressMessages(library(survey))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ", ")
i <- 0:299999
unit <- i %% 2000
big <- data.frame(unit = unit, stratum = unit %% 4, w = 1 + ((i * 37) %% 101) / 10,
                  y = as.numeric(((i * 13 + i %/% 1000) %% 10) < 3), x = (i %% 97) / 7,
                  dom = sprintf("D%03d", (i %/% 7) %% 120))
d <- svydesign(ids = ~unit, strata = ~stratum, weights = ~w, data = big)
m <- svymean(~y, d, deff = TRUE); cat("svymean(~y, d, deff = TRUE):", f(coef(m), SE(m), deff(m)), "\n")
for (fun in c("svymean", "svytotal")) {
  for (v in c("y", "x")) {
    b <- svyby(as.formula(paste0("~", v)), ~dom, d, get(fun), deff = TRUE)
    for (k in c(1, 2, 120)) {
      cat(sprintf("svyby(~%s, ~dom, d, %s, deff = TRUE)[%d]:", v, fun, k),
          f(coef(b)[[k]], SE(b)[[k]], deff(b)[[k]]), "\n")
    }
  }
}
for (k in c("D000", "D001", "D119")) cat(sprintf("degf(subset(d, dom == \"%s\")):", k), degf(subset(d, dom == k)), "\n")
