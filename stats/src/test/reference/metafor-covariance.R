# Reference values for MetaRegressionCovarianceTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-covariance.R > ../resources/org/smesurvey/stats/meta/metafor-covariance.txt
# vcov(res) and res$se.tau2 for every tau^2 estimator, with moderators and without, z and Knapp-Hartung tests:
#   db  <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
#   res <- rma(yi, vi, mods = ~ year + select, data = db, method = m, test = t, control = con)   # MODS lines
#   res <- rma(yi, vi, data = db, method = m, test = t, control = con)                          # EMPTY lines
# Each line: kind; method; test; tau2; se.tau2 (NA where metafor gives none); vcov(res) by rows.
suppressMessages(library(metafor))
f <- function(...) paste(ifelse(is.na(c(...)), "NA", sprintf("%.17g", c(...))), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-14)
db <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
for (kind in c("MODS", "EMPTY")) for (m in c("EE", "DL", "HE", "SJ", "PM", "ML", "REML", "EB")) for (t in c("z", "knha")) {
  res <- if (kind == "MODS") rma(yi, vi, mods = ~ year + select, data = db, method = m, test = t, control = con)
         else rma(yi, vi, data = db, method = m, test = t, control = con)
  se <- if (is.null(res$se.tau2)) NA else res$se.tau2
  cat(kind, m, t, f(res$tau2), f(se), f(t(vcov(res))), sep = ";"); cat("\n")
}
