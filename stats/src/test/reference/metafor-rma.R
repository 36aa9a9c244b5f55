# Reference values for MetaforParityTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0, Debian 12):
#   Rscript metafor-rma.R > ../resources/org/smesurvey/stats/meta/metafor-rma.csv
#   Rscript metafor-rma.R edge > ../resources/org/smesurvey/stats/meta/metafor-edge.csv
# One row per data set x measure x method x test: escalc() then rma(), predict(), confint(). The data sets are
# metadat's dat.pritz1997 and dat.debruin2009 and an SME-style set with x = 0 and x = n; with "edge", the edge
# cases: k = 1, k = 2, identical studies, tau^2 = 0, huge and tiny n.
# Iterations are run to tight convergence so that both sides report the converged value:
#   control = list(threshold = 1e-13, maxiter = 10000, tol = 1e-14); confint(res, control = list(tol = 1e-14,
#   tau2.max = 1e6)).
suppressMessages(library(metafor))
sets <- if (identical(commandArgs(TRUE), "edge")) {
  list(k1 = data.frame(xi = 30, ni = 100), k2 = data.frame(xi = c(16, 10), ni = c(17, 12)),
       identical = data.frame(xi = c(20, 20, 20), ni = c(100, 100, 100)),
       homogeneous = data.frame(xi = c(30, 31, 29, 30), ni = c(100, 100, 100, 100)),
       hugetiny = data.frame(xi = c(3000000, 0, 1, 45), ni = c(10000000, 1, 1, 100)))
} else {
  list(pritz1997 = dat.pritz1997[, c("xi", "ni")], debruin2009 = dat.debruin2009[, c("xi", "ni")],
       sme = data.frame(xi = c(0, 12, 45, 80, 30, 212), ni = c(80, 60, 120, 80, 95, 400)))
}
transf <- list(PR = function(x, ...) x, PLO = transf.ilogit, PAS = transf.iarcsin, PFT = transf.ipft.hm)
f <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "NA" else sprintf("%.17g", x)
cat("set,measure,method,test,k,estimate,se,statistic,pvalue,ci_lb,ci_ub,pi_lb,pi_ub,tau2,se_tau2,i2,h2,qe,qe_p,",
    "tau2_lb,tau2_ub,i2_lb,i2_ub,bt_estimate,bt_ci_lb,bt_ci_ub,bt_pi_lb,bt_pi_ub\n", sep = "")
for (set in names(sets)) for (measure in c("PR", "PLO", "PAS", "PFT")) {
  dat <- escalc(measure, xi = xi, ni = ni, data = sets[[set]])
  for (method in c("EE", "DL", "HE", "SJ", "PM", "ML", "REML", "EB")) for (test in c("z", "knha")) {
    if (test == "knha" && nrow(dat) == 1) next  # undefined: no degrees of freedom
    res <- rma(yi, vi, data = dat, method = method, test = test,
               control = list(threshold = 1e-13, maxiter = 10000, tol = 1e-14))
    pr <- predict(res)
    bt <- if (measure == "PFT") predict(res, transf = transf.ipft.hm, targs = list(ni = dat$ni))
          else predict(res, transf = transf[[measure]])
    # tau2.max raised: with k = 2 the upper bound lies beyond metafor's default search limit max(100, 10 tau2).
    ci <- if (method == "EE" || res$k == 1) NULL else confint(res, control = list(tol = 1e-14, tau2.max = 1e6))$random
    cat(set, measure, method, test, res$k, f(res$beta), f(res$se), f(res$zval), f(res$pval), f(res$ci.lb),
        f(res$ci.ub), f(pr$pi.lb), f(pr$pi.ub), f(res$tau2), f(res$se.tau2), f(res$I2), f(res$H2), f(res$QE),
        f(res$QEp), f(ci["tau^2", "ci.lb"]), f(ci["tau^2", "ci.ub"]), f(ci["I^2(%)", "ci.lb"]),
        f(ci["I^2(%)", "ci.ub"]), f(bt$pred), f(bt$ci.lb), f(bt$ci.ub), f(bt$pi.lb), f(bt$pi.ub), sep = ",")
    cat("\n")
  }
}
