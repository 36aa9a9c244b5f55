# Reference values for PredictiveMarginsTest (R 4.2.2, survey 4.1.1): Rscript survey-margins.R
# On survey's api samples (the files of survey-calibration.R): the stratified sample (strat), the cluster sample
# of districts (clus1), clus1 calibrated to ~stype + api99 (greg3) and the stratified jackknife of strat (jkn):
#   g <- svyglm(yes ~ ell + meals, design, family = quasibinomial(), control = glm.control(epsilon = 1e-14))
#   svypredmeans(g, ~stype)                              -> MARGINS;design;E,H,M;vcov by row (levels sorted)
#   g2 <- the same model + stype; gaussian: api00 ~ ell + meals + stype
#   regTermTest(g2, ~ell + meals, method = m) for m in Wald (df = Inf), WorkingWald, LRT, and ~stype by LRT
#                                                        -> TERM;design;model;terms;method;statistic;p;p.tight
# Each model is refitted from its own estimate (start = coef), so that svyglm's covariances rest on working weights
# at the final coefficients rather than at the iterate before (1e-8 apart for the logistic models).
# p.tight: the same test with survey's saddle() solving its saddlepoint equation to 1e-14 (its uniroot stops at
# 1e-8), assigned into the survey namespace; the Java solves it to 1e-15.
suppressMessages(library(survey))
data(api)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
tight <- glm.control(epsilon = 1e-14, maxit = 100)
dclus1 <- update(svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
                 yes = as.numeric(sch.wide == "Yes"))
dstrat <- update(svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
                 yes = as.numeric(sch.wide == "Yes"))
pop.totals <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, api99 = 3914069)
designs <- list(strat = dstrat, clus1 = dclus1,
                greg3 = calibrate(dclus1, ~stype + api99, pop.totals, epsilon = 1e-12),
                jkn = as.svrepdesign(dstrat, type = "JKn"))
saddle0 <- survey:::saddle
tightSaddle <- eval(parse(text = sub("tol = 1e-08", "tol = 1e-14", paste(deparse(saddle0), collapse = "\n"))))
environment(tightSaddle) <- asNamespace("survey")
sink("../resources/org/smesurvey/stats/survey/survey-margins.txt")
for (name in names(designs)) {
  d <- designs[[name]]
  g <- svyglm(yes ~ ell + meals, design = d, family = quasibinomial(), control = tight)
  pm <- svypredmeans(g, ~stype)
  o <- order(names(coef(pm)))
  line("MARGINS", name, f(coef(pm)[o]), f(t(vcov(pm)[o, o])))
  models <- list(gaussian = svyglm(api00 ~ ell + meals + stype, design = d, control = tight),
                 quasibinomial = svyglm(yes ~ ell + meals + stype, design = d, family = quasibinomial(),
                                        control = tight))
  for (model in names(models)) {
    # glm's working weights are those of the iterate before its last: refitted from its own estimate, the lag is
    # gone (the sandwich and naive covariance then agree with those at the final coefficients).
    g2 <- update(models[[model]], start = coef(models[[model]]))
    g2$call$start <- NULL # regTermTest's LRT refits the call without the terms
    for (test in list(list("ell+meals", ~ell + meals, "Wald"), list("ell+meals", ~ell + meals, "WorkingWald"),
                      list("ell+meals", ~ell + meals, "LRT"), list("stype", ~stype, "LRT"))) {
      assignInNamespace("saddle", saddle0, "survey")
      if (test[[3]] == "Wald") {
        t <- regTermTest(g2, test[[2]], method = "Wald", df = Inf)
        line("TERM", name, model, test[[1]], test[[3]], f(t$chisq), f(t$p), f(t$p))
      } else {
        t <- regTermTest(g2, test[[2]], method = test[[3]])
        assignInNamespace("saddle", tightSaddle, "survey")
        t2 <- regTermTest(g2, test[[2]], method = test[[3]])
        line("TERM", name, model, test[[1]], test[[3]], f(t$chisq), f(t$p), f(t2$p))
      }
    }
  }
}
sink()
