# Reference values for InfluenceTest (R 4.2.2, metafor 3.8.1): Rscript metafor-influence.R >
#   ../resources/org/smesurvey/stats/meta/metafor-influence.txt
# influence(res) on escalc("PLO") logits of dat.debruin2009: res = rma(yi, vi, method = "REML") and
# rma(yi, vi, mods = ~ scq, method = "REML"), both to 1e-12, and the DL model without moderators.
# Lines: DATA;x;n;scq, then INF;model;study;rstudent,dffits,cook.d,cov.r,tau2.del,QE.del,hat,weight;inf;dfbs
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
d <- dat.debruin2009
es <- escalc("PLO", xi = xi, ni = ni, data = d)
cat("DATA", f(d$xi), f(d$ni), f(d$scq), sep = ";"); cat("\n")
ctrl <- list(threshold = 1e-12, maxiter = 1000)
models <- list(reml = rma(yi, vi, data = es, method = "REML", control = ctrl),
               scq = rma(yi, vi, mods = ~ scq, data = es, method = "REML", control = ctrl),
               dl = rma(yi, vi, data = es, method = "DL"))
for (name in names(models)) {
  inf <- influence(models[[name]])
  for (i in seq_len(nrow(d))) {
    cat("INF", name, i, f(inf$inf$rstudent[i], inf$inf$dffits[i], inf$inf$cook.d[i], inf$inf$cov.r[i],
        inf$inf$tau2.del[i], inf$inf$QE.del[i], inf$inf$hat[i], inf$inf$weight[i]), inf$is.infl[i],
        f(sapply(rownames(models[[name]]$beta), function(nm) inf$dfbs[[nm]][i])), sep = ";"); cat("\n")
  }
}
# Baujat's coordinates, baujat(res) (its invisible data frame): BAUJAT;model;x;y
for (name in names(models)) {
  pdf(NULL); b <- baujat(models[[name]]); invisible(dev.off())
  cat("BAUJAT", name, f(b$x), f(b$y), sep = ";"); cat("\n")
}
