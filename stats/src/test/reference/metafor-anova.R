# Reference values for ModelComparisonTest (R 4.2.2, metafor 3.8.1): Rscript metafor-anova.R >
#   ../resources/org/smesurvey/stats/meta/metafor-anova.txt
# anova(full, reduced) on escalc("PLO") logits of dat.debruin2009 (ML fits to 1e-12), line
#   DATA;x;n;scq;other
#   ANOVA;case;LRT;pval;R2;logLik.f;logLik.r;AIC.f;AIC.r;BIC.f;BIC.r;df.f;df.r
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
es <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
with(dat.debruin2009, cat("DATA", f(xi), f(ni), f(scq), f(ethnicity == "other"), sep = ";")); cat("\n")
ctrl <- list(threshold = 1e-12, maxiter = 1000)
m0 <- rma(yi, vi, data = es, method = "ML", control = ctrl)
m1 <- rma(yi, vi, mods = ~ scq, data = es, method = "ML", control = ctrl)
m2 <- rma(yi, vi, mods = ~ scq + I(ethnicity == "other"), data = es, method = "ML", control = ctrl)
ee <- rma(yi, vi, data = es, method = "EE")
out <- function(name, a) cat("ANOVA", name, f(a$LRT, a$pval, if (is.null(a$R2)) 0 else a$R2,
  a$fit.stats.f["ll"], a$fit.stats.r["ll"], a$fit.stats.f["AIC"], a$fit.stats.r["AIC"], a$fit.stats.f["BIC"],
  a$fit.stats.r["BIC"], a$parms.f, a$parms.r), sep = ";")
out("scq", anova(m1, m0)); cat("\n")
out("ethnicity", anova(m2, m1)); cat("\n")
out("tau2", anova(m0, ee)); cat("\n")
