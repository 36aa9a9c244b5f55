# Reference values for MetaRegressionConditioningTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-conditioning.R > ../resources/org/smesurvey/stats/meta/metafor-conditioning.txt
# Meta-regression on a raw year (about 2000, nearly collinear with the intercept) and on year and year² (nearly
# collinear with both), on escalc("PLO", xi, ni, data = dat.debruin2009). Two references each:
#   RAW: metafor's own fit, rma(yi, vi, mods = ~ year [+ I(year^2)], method), which solves by QR; on year and
#        year² metafor refuses the raw design ("Model matrix not of full rank"), and the line says so;
#   TIGHT: the same model fitted on the year centred at 2003 (a well-conditioned design), its coefficients and
#          covariance mapped back exactly to the raw parametrisation: year = c + 2003, year² = c² + 4006 c + 2003².
# Each line: beta; se; QM, QE, tau2.
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-14)
db <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
db$c <- db$year - 2003
for (method in c("DL", "REML", "EE")) {
  for (model in c("year", "quadratic")) {
    raw <- tryCatch(if (model == "year") rma(yi, vi, mods = ~ year, data = db, method = method, control = con)
                    else rma(yi, vi, mods = ~ year + I(year^2), data = db, method = method, control = con),
                    error = function(e) NULL)
    if (is.null(raw)) cat("RAW", method, model, "refused", sep = ";")
    else cat("RAW", method, model, f(raw$beta), f(raw$se), f(raw$QM, raw$QE, raw$tau2), sep = ";")
    cat("\n")
    centred <- if (model == "year") rma(yi, vi, mods = ~ c, data = db, method = method, control = con)
               else rma(yi, vi, mods = ~ c + I(c^2), data = db, method = method, control = con)
    m <- 2003
    A <- if (model == "year") matrix(c(1, 0, -m, 1), 2, 2)
         else matrix(c(1, 0, 0, -m, 1, 0, m^2, -2 * m, 1), 3, 3)
    beta <- A %*% centred$beta
    vb <- A %*% centred$vb %*% t(A)
    cat("TIGHT", method, model, f(beta), f(sqrt(diag(vb))), f(centred$QM, centred$QE, centred$tau2), sep = ";")
    cat("\n")
  }
}
