# Reference values for FunnelTestsTest (R 4.2.2, metafor 3.8.1): Rscript metafor-funnel-tests.R >
#   ../resources/org/smesurvey/stats/meta/metafor-funnel-tests.txt
# On escalc("PLO") logits (1/2 added to a study at 0 or n) of each set:
#   regtest(rma(yi, vi, method = "REML", threshold 1e-12), model = "rma", predictor = P) and regtest(..., model = "lm", predictor = P)
#   for P in sei, vi, ni, ninv, sqrtni, sqrtninv   -> REGTEST;set;model;predictor;zval;pval;est;ci.lb;ci.ub
#   ranktest(rma(yi, vi))                           -> RANKTEST;set;tau;pval
#   (exact p-value without ties and k < 50; the normal approximation otherwise, as cor.test)
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
i <- 1:60
sets <- list(
  pritz = with(dat.pritz1997, list(x = xi, n = ni)),
  debruin = with(dat.debruin2009, list(x = xi, n = ni)),
  ties = list(x = c(5, 5, 12, 30, 30, 8, 20, 14), n = c(20, 20, 40, 60, 60, 50, 45, 33)),
  many = list(x = round((20 + (37 * i) %% 480) * plogis(-0.5 + 1.2 * sin(i))), n = 20 + (37 * i) %% 480),
  # The SME-style and edge sets of metafor-glmm.R (k = 2 aside: these tests need three studies).
  sme = list(x = c(0, 12, 45, 80, 150, 30, 60, 25), n = c(40, 60, 90, 100, 400, 30, 200, 50)),
  zeros = list(x = c(0, 0, 0, 0, 3, 0), n = c(30, 50, 40, 25, 60, 45)),
  huge = list(x = c(20, 35, 18, 410000), n = c(50, 80, 60, 1000000)))
for (name in names(sets)) {
  s <- sets[[name]]
  es <- escalc("PLO", xi = s$x, ni = s$n)
  cat("DATA", name, f(s$x), f(s$n), sep = ";"); cat("\n")
  # REML to 1e-12 (metafor's default stops at a change of 1e-5 in tau2); regtest refits with the same control.
  # (Fisher scoring overshoots on the set nearly all at 0: there it takes half steps, still to 1e-12.)
  res <- tryCatch(rma(yi, vi, data = es, method = "REML", control = list(threshold = 1e-12, maxiter = 1000)),
                  error = function(e) rma(yi, vi, data = es, method = "REML",
                                          control = list(threshold = 1e-12, maxiter = 10000, stepadj = 0.5)))
  for (model in c("rma", "lm")) for (p in c("sei", "vi", "ni", "ninv", "sqrtni", "sqrtninv")) {
    r <- regtest(res, model = model, predictor = p, ni = s$n)
    est <- if (is.null(r$est)) c(NA, NA, NA) else c(r$est, r$ci.lb, r$ci.ub)
    cat("REGTEST", name, model, p, f(r$zval, r$pval, est), sep = ";"); cat("\n")
  }
  rt <- suppressWarnings(ranktest(res))
  cat("RANKTEST", name, f(rt$tau, rt$pval), sep = ";"); cat("\n")
}
