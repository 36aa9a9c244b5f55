# Reference values for the R0 and Q0 estimators of MetaforExtrasTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-trimfill.R > ../resources/org/smesurvey/stats/meta/metafor-trimfill.txt
# trimfill(rma(yi, vi, data = d, method = method, control = con), estimator = e, control = con) on the sets of
# metafor-extras.R: k0, side, se.k0, beta, se, tau2, p.k0 (R0 only, else NA), then the filled yi and vi; or
# "undefined" where metafor stops (Q0's square root of a negative number).
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-14)
sme <- data.frame(xi = c(0, 12, 45, 80, 30, 212), ni = c(80, 60, 120, 80, 95, 400))
db <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
pz <- escalc("PLO", xi = xi, ni = ni, data = dat.pritz1997)
for (e in c("R0", "Q0")) for (set in c("pritz", "debruin", "sme")) for (method in c("REML", "DL", "EE")) {
  d <- if (set == "pritz") pz else if (set == "debruin") db else escalc("PLO", xi = xi, ni = ni, data = sme)
  tf <- tryCatch(trimfill(rma(yi, vi, data = d, method = method, control = con), estimator = e, control = con),
                 error = function(err) NULL, warning = function(w) NULL)
  # Q0 takes a square root that can be of a negative number, where metafor stops with an error.
  if (is.null(tf)) cat("TRIMFILL", e, set, method, "undefined", sep = ";")
  else cat("TRIMFILL", e, set, method, tf$k0, tf$side, f(tf$se.k0, tf$beta, tf$se, tf$tau2, tf$p.k0), f(tf$yi),
           f(tf$vi), sep = ";")
  cat("\n")
}
# The side chosen, trimfill(res, side = s) with L0 on REML fits: TRIMFILL_SIDE;s;set;k0;side;se.k0,beta,se,tau2;yi;vi
for (s in c("left", "right")) for (set in c("pritz", "debruin")) {
  d <- if (set == "pritz") pz else db
  tf <- trimfill(rma(yi, vi, data = d, control = con), side = s, control = con)
  cat("TRIMFILL_SIDE", s, set, tf$k0, tf$side, f(tf$se.k0, tf$beta, tf$se, tf$tau2), f(tf$yi), f(tf$vi), sep = ";")
  cat("\n")
}
