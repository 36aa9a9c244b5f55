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
# The three-level model of dat.konstantopoulos2011 (ML), with the year (centred at 1990) against without:
out("multilevel", anova(rma.mv(yi, vi, mods = ~ I(year - 1990), random = ~ 1 | district/school,
                               data = dat.konstantopoulos2011, method = "ML"),
                        rma.mv(yi, vi, random = ~ 1 | district/school, data = dat.konstantopoulos2011,
                               method = "ML"))); cat("\n")
# The random-effects model (ML) against the equal-effects one on the other sets' logits (metafor-glmm.R's).
others <- list(pritz = with(dat.pritz1997, list(x = xi, n = ni)),
  sme = list(x = c(0, 12, 45, 80, 150, 30, 60, 25), n = c(40, 60, 90, 100, 400, 30, 200, 50)),
  two = list(x = c(12, 30), n = c(80, 60)),
  zeros = list(x = c(0, 0, 0, 0, 3, 0), n = c(30, 50, 40, 25, 60, 45)),
  huge = list(x = c(20, 35, 18, 410000), n = c(50, 80, 60, 1000000)))
for (name in names(others)) {
  o <- others[[name]]
  e2 <- escalc("PLO", xi = o$x, ni = o$n)
  cat("SET", name, f(o$x), f(o$n), sep = ";"); cat("\n")
  ml <- tryCatch(rma(yi, vi, data = e2, method = "ML", control = ctrl),
                 error = function(err) rma(yi, vi, data = e2, method = "ML", control = c(ctrl, stepadj = 0.5)))
  out(paste0("tau2-", name), anova(ml, rma(yi, vi, data = e2, method = "EE"))); cat("\n")
}
