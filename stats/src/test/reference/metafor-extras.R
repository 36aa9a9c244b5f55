# Reference values for MetaforExtrasTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-extras.R > ../resources/org/smesurvey/stats/meta/metafor-extras.txt
# escalc, meta-regression, subgroups, leave-one-out, Egger's test and trim-and-fill.
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-14)
sme <- data.frame(xi = c(0, 12, 45, 80, 30, 212), ni = c(80, 60, 120, 80, 95, 400))
for (m in c("PR", "PLO", "PAS", "PFT")) {
  e <- escalc(m, xi = xi, ni = ni, data = sme)
  cat("ESCALC", m, f(e$yi), f(e$vi), sep = ";"); cat("\n")
}
db <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
for (test in c("z", "knha")) {
  r <- rma(yi, vi, mods = ~ year + select, data = db, method = "REML", test = test, control = con)
  cat("REGRESSION", test, f(r$beta), f(r$se), f(r$zval), f(r$pval), f(r$ci.lb), f(r$ci.ub), f(r$QM, r$QMp, r$QE, r$QEp,
      r$tau2, r$I2, r$H2, r$R2), sep = ";"); cat("\n")
}
r <- rma(yi, vi, mods = ~ year + select, data = db, method = "EE")
cat("REGRESSION_EE", "z", f(r$beta), f(r$se), f(r$zval), f(r$pval), f(r$ci.lb), f(r$ci.ub), f(r$QM, r$QMp, r$QE, r$QEp,
    0, r$I2, r$H2, r$R2), sep = ";"); cat("\n")
# Subgroups: a separate REML model per patient group, then the EE Q test of the two estimates.
fits <- lapply(split(db, db$patients), function(d) rma(yi, vi, data = d, method = "REML", control = con))
between <- rma(sapply(fits, coef), sei = sapply(fits, function(x) x$se), method = "EE")
cat("SUBGROUPS", f(sapply(fits, coef)), f(sapply(fits, function(x) x$se)), f(sapply(fits, function(x) x$tau2)),
    f(between$QE, between$QEp), sep = ";"); cat("\n")
cat("SUBGROUP_ORDER", paste(names(fits), collapse = " "), sep = ";"); cat("\n")
pz <- escalc("PLO", xi = xi, ni = ni, data = dat.pritz1997)
l <- leave1out(rma(yi, vi, data = pz, method = "REML", control = con))
cat("LEAVE1OUT", f(l$estimate), f(l$se), f(l$ci.lb), f(l$ci.ub), f(l$Q), f(l$tau2), f(l$I2), f(l$H2), sep = ";"); cat("\n")
for (set in c("pritz", "debruin")) for (method in c("REML", "DL")) for (test in c("z", "knha")) {
  d <- if (set == "pritz") pz else db
  rt <- regtest(rma(yi, vi, data = d, method = method, test = test, control = con))
  cat("REGTEST", set, method, test, f(rt$zval, rt$pval, rt$est, rt$ci.lb, rt$ci.ub), sep = ";"); cat("\n")
}
for (set in c("pritz", "debruin", "sme")) for (method in c("REML", "DL", "EE")) {
  d <- if (set == "pritz") pz else if (set == "debruin") db else escalc("PLO", xi = xi, ni = ni, data = sme)
  # control is passed on to the fits inside trimfill (its trimming fits and the refit), converged as elsewhere.
  tf <- trimfill(rma(yi, vi, data = d, method = method, control = con), control = con)
  cat("TRIMFILL", set, method, tf$k0, tf$side, f(tf$se.k0, tf$beta, tf$se, tf$tau2), f(tf$yi), f(tf$vi), sep = ";"); cat("\n")
}
# Survey figures through their effective samples: 30/120; 80/400 with deff 1.6; 42 % of 600 with deff 2;
# 35 % with SE 0.02; 50 % with 95 % interval [45 %, 55 %]. escalc takes the fractional counts as given.
se5 <- 0.1 / (2 * qnorm(0.975))
svy <- data.frame(ni = c(120, 400 / 1.6, 600 / 2, 0.35 * 0.65 / 0.02^2, 0.25 / se5^2))
svy$xi <- c(30, 0.2, 0.42, 0.35, 0.5) * svy$ni
svy$xi[1] <- 30
for (m in c("PLO", "PFT")) {
  e <- escalc(m, xi = xi, ni = ni, data = svy)
  r <- rma(yi, vi, data = e, method = "REML", control = con)
  bt <- if (m == "PFT") predict(r, transf = transf.ipft.hm, targs = list(ni = svy$ni)) else predict(r, transf = transf.ilogit)
  cat("SURVEY", m, f(e$yi), f(e$vi), f(r$beta, r$se, r$tau2, r$I2, bt$pred, bt$ci.lb, bt$ci.ub, bt$pi.lb, bt$pi.ub),
      sep = ";"); cat("\n")
}
# Study weights in percent: weights(res), for the random-effects and the equal-effects model.
for (method in c("REML", "EE")) {
  cat("WEIGHTS", method, f(weights(rma(yi, vi, data = pz, method = method, control = con))), sep = ";"); cat("\n")
}
