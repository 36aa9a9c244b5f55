# Reference values for MissingAnswersTest (R 4.2.2, survey 4.1.1, Debian 12): Rscript survey-missing.R
# Survey's apistrat sample with two things real microdata has: missing answers (NA on every school whose snum is
# a multiple of 7) and zero weights (every school whose snum is a multiple of 11 keeps its place in the design
# with weight 0). survey estimates with na.rm = TRUE by subsetting the design to the answered units: the
# variance is over the whole design (zeros outside), n and degrees of freedom count only units with an answer
# and a non-zero weight, as degf() does.
suppressMessages(library(survey))
data(api)
out <- "../resources/org/smesurvey/stats/survey/"
d0 <- apistrat[, c("snum", "stype", "pw", "fpc", "sch.wide", "awards")]
d0$yes <- as.numeric(d0$sch.wide == "Yes")
d0$yes[d0$snum %% 7 == 0] <- NA
d0$w <- d0$pw
d0$w[d0$snum %% 11 == 0] <- 0
write.csv(d0[, c("snum", "stype", "w", "fpc", "awards", "yes")], paste0(out, "apistrat-missing.csv"),
          row.names = FALSE)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
sink(paste0(out, "survey-missing.txt"))
for (fpc in c(TRUE, FALSE)) {
  name <- if (fpc) "strat" else "strat_nofpc"
  des <- if (fpc) svydesign(id = ~1, strata = ~stype, weights = ~w, data = d0, fpc = ~fpc)
         else svydesign(id = ~1, strata = ~stype, weights = ~w, data = d0)
  answered <- subset(des, !is.na(yes))
  m <- svymean(~yes, des, na.rm = TRUE, deff = TRUE)
  line("MEAN", name, f(coef(m), SE(m), deff(m), degf(answered)))
  t <- svytotal(~yes, des, na.rm = TRUE, deff = TRUE)
  line("TOTAL", name, f(coef(t), SE(t), deff(t)))
  # Without missing answers, zero weights alone: svymean(~award, des) on the complete awards column.
  a <- svymean(~I(as.numeric(awards == "Yes")), des, deff = TRUE)
  line("MEAN_ZERO_WEIGHTS", name, f(coef(a), SE(a), deff(a), degf(des)))
  for (method in c("mean", "xlogit", "logit", "asin", "beta", "likelihood")) {
    ci <- svyciprop(~I(yes == 1), answered, method = method)
    line("CIPROP", name, method, f(coef(ci), attr(ci, "ci")))
  }
  # svyciprop's beta method counts nrow(design), which keeps answered rows of weight 0 (167 here) where n, the
  # design effect and degf leave them out (152): the same interval with n = 152, from svyciprop's own formula.
  m <- svymean(~I(yes == 1), answered)
  p <- coef(m)[[2]]; v <- vcov(m)[2, 2]; n <- sum(weights(answered) != 0)
  n.eff <- p * (1 - p) / v * (qt(0.025, n - 1) / qt(0.025, degf(answered)))^2
  line("CIPROP_NONZERO", name, "beta", f(p, qbeta(0.025, n.eff * p, n.eff * (1 - p) + 1),
                                         qbeta(0.975, n.eff * p + 1, n.eff * (1 - p))))
  by <- svyby(~yes, ~stype, des, svymean, na.rm = TRUE, deff = TRUE)
  line("BY_STYPE", name, paste(by$stype, collapse = ","), f(coef(by)), f(SE(by)), f(deff(by)),
       f(sapply(levels(d0$stype), function(s) degf(subset(answered, stype == s)))))
}
sink()
