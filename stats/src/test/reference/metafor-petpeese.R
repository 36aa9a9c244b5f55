# Reference values for PetPeeseTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-petpeese.R > ../resources/org/smesurvey/stats/meta/metafor-petpeese.txt
# PET and PEESE, rma(yi, vi, mods = ~ sqrt(vi), method, test) and rma(yi, vi, mods = ~ vi, method, test), on
# dat.hackshaw1998, dat.bangertdrowns2004, dat.bcg (log risk ratios) and dat.cohen1981 (r-to-z), for the equal-effects
# model (method = "FE"), REML, and FE with test = "knha" (which is lm(yi ~ sqrt(vi), weights = 1/vi): LM lines
# check it):
#   DATA;set;yi;vi
#   PET|PEESE;set;method;test;estimate;se;zval;pval;ci.lb;ci.ub   (intercept then slope in each field)
#   LM;set;PET|PEESE;estimate;se;tval;pval                          (summary(lm(...))$coefficients)
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000)
sets <- list(
  hackshaw = dat.hackshaw1998,
  bangertdrowns = dat.bangertdrowns2004,
  bcg = escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg),
  cohen = escalc(measure = "ZCOR", ri = ri, ni = ni, data = dat.cohen1981))
for (set in names(sets)) {
  d <- sets[[set]]
  d <- d[!is.na(d$yi) & !is.na(d$vi), ]
  cat("DATA", set, f(d$yi), f(d$vi), sep = ";"); cat("\n")
  for (m in list(c("FE", "z"), c("REML", "z"), c("FE", "knha"))) {
    pet <- rma(yi, vi, mods = ~ sqrt(vi), data = d, method = m[1], test = m[2], control = con)
    peese <- rma(yi, vi, mods = ~ vi, data = d, method = m[1], test = m[2], control = con)
    for (r in list(list("PET", pet), list("PEESE", peese))) {
      x <- r[[2]]
      cat(r[[1]], set, m[1], m[2], f(x$beta), f(x$se), f(x$zval), f(x$pval), f(x$ci.lb), f(x$ci.ub), sep = ";")
      cat("\n")
    }
  }
  for (r in list(list("PET", lm(yi ~ sqrt(vi), weights = 1 / vi, data = d)),
                 list("PEESE", lm(yi ~ vi, weights = 1 / vi, data = d)))) {
    co <- summary(r[[2]])$coefficients
    cat("LM", set, r[[1]], f(co[, 1]), f(co[, 2]), f(co[, 3]), f(co[, 4]), sep = ";"); cat("\n")
  }
}
