# Reference values for CumulativeTest (R 4.2.2, metafor 3.8.1): Rscript metafor-cumul.R >
#   ../resources/org/smesurvey/stats/meta/metafor-cumul.txt
# cumul(rma(yi, vi, method), order) on escalc("PLO") logits: dat.debruin2009 by year, and the SME-style and edge
# sets of metafor-glmm.R in reverse order; REML to 1e-12 (half steps where scoring cycles) and DL.
# Lines: DATA;set;x;n;order, then CUMUL;set;method;row;added;estimate,se,zval,pval,ci.lb,ci.ub,Q,Qp,tau2,I2,H2
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
sets <- list(
  debruin = with(dat.debruin2009, list(x = xi, n = ni, order = year)),
  sme = list(x = c(0, 12, 45, 80, 150, 30, 60, 25), n = c(40, 60, 90, 100, 400, 30, 200, 50), order = 8:1),
  two = list(x = c(12, 30), n = c(80, 60), order = 2:1),
  zeros = list(x = c(0, 0, 0, 0, 3, 0), n = c(30, 50, 40, 25, 60, 45), order = 6:1),
  huge = list(x = c(20, 35, 18, 410000), n = c(50, 80, 60, 1000000), order = 4:1))
for (name in names(sets)) {
  s <- sets[[name]]
  es <- escalc("PLO", xi = s$x, ni = s$n)
  cat("DATA", name, f(s$x), f(s$n), f(s$order), sep = ";"); cat("\n")
  for (method in c("REML", "DL")) {
    fit <- function(stepadj) rma(yi, vi, data = es, method = method,
                                 control = list(threshold = 1e-12, maxiter = 10000, stepadj = stepadj))
    res <- tryCatch(fit(1), error = function(e) fit(0.5))
    cm <- tryCatch(cumul(res, order = s$order), error = function(e) cumul(fit(0.5), order = s$order))
    for (i in seq_along(cm$estimate)) {
      cat("CUMUL", name, method, i, cm$slab[i], f(cm$estimate[i], cm$se[i], cm$zval[i], cm$pvals[i], cm$ci.lb[i],
          cm$ci.ub[i], cm$Q[i], cm$Qp[i], cm$tau2[i], cm$I2[i], cm$H2[i]), sep = ";"); cat("\n")
    }
  }
}
