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
# The SME-style and edge sets of metafor-glmm.R (k = 2 aside), REML without moderators (half steps where
# Fisher scoring cycles).
edges <- list(sme = list(x = c(0, 12, 45, 80, 150, 30, 60, 25), n = c(40, 60, 90, 100, 400, 30, 200, 50)),
              zeros = list(x = c(0, 0, 0, 0, 3, 0), n = c(30, 50, 40, 25, 60, 45)),
              huge = list(x = c(20, 35, 18, 410000), n = c(50, 80, 60, 1000000)))
for (name in names(edges)) {
  e <- edges[[name]]
  cat("EDGE", name, f(e$x), f(e$n), sep = ";"); cat("\n")
  ee <- escalc("PLO", xi = e$x, ni = e$n)
  models[[name]] <- tryCatch(rma(yi, vi, data = ee, control = ctrl),
                             error = function(err) rma(yi, vi, data = ee, control = c(ctrl, stepadj = 0.5)))
}
for (name in names(models)) {
  inf <- influence(models[[name]])
  for (i in seq_len(models[[name]]$k)) {
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
