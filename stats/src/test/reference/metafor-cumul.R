# Reference values for CumulativeTest (R 4.2.2, metafor 3.8.1): Rscript metafor-cumul.R >
#   ../resources/org/smesurvey/stats/meta/metafor-cumul.txt
# cumul(rma(yi, vi, method), order = year) on escalc("PLO") logits of dat.debruin2009, REML to 1e-12 and DL.
# Lines: DATA;x;n;year, then CUMUL;method;row;added;estimate,se,zval,pval,ci.lb,ci.ub,Q,Qp,tau2,I2,H2
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
d <- dat.debruin2009
es <- escalc("PLO", xi = xi, ni = ni, data = d)
cat("DATA", f(d$xi), f(d$ni), f(d$year), sep = ";"); cat("\n")
for (method in c("REML", "DL")) {
  res <- rma(yi, vi, data = es, method = method, control = list(threshold = 1e-12, maxiter = 1000))
  cm <- cumul(res, order = d$year)
  for (i in seq_along(cm$estimate)) {
    cat("CUMUL", method, i, cm$slab[i], f(cm$estimate[i], cm$se[i], cm$zval[i], cm$pvals[i], cm$ci.lb[i], cm$ci.ub[i],
        cm$Q[i], cm$Qp[i], cm$tau2[i], cm$I2[i], cm$H2[i]), sep = ";"); cat("\n")
  }
}
