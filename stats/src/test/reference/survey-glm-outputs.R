# Reference values for SurveyRegressionOutputsTest: Rscript survey-glm-outputs.R (R 4.2.2, survey 4.1.1), and the
# same script under R 4.5 / survey 4.4.2 (benchmarks/trixie-r.sh run stats/src/test/reference
# survey-glm-outputs.R 4.4), which writes survey-glm-outputs-4.4.txt and survey-glm-outputs-print-4.4.txt instead.
# What survey users read from a regression besides its coefficients, on the designs of survey-margins.R (the
# stratified api sample, the cluster sample of districts, that sample calibrated to stype + api99, the stratified
# jackknife) and the files of survey-calibration.R. Models, solved tightly and refitted from their own estimate so
# that glm's working weights are those of the final coefficients (as survey-margins.R):
#   gaussian:      svyglm(api00 ~ ell + meals + stype, d, control = glm.control(epsilon = 1e-12, maxit = 100))
#   quasibinomial: svyglm(yes ~ ell + meals + stype, d, family = quasibinomial(), control = ...)
# Lines (numbers separated by ","):
#   NAIVE;design;model;g$naive.cov by row
#   DEVIANCE;design;model;deviance(g),g$null.deviance,g$df.residual,g$df.null
#   AIC;design;model;AIC(g) (eff.p, AIC, deltabar), or "error"
#   BIC;design;model;dropped;BIC(g0, maximal = g) (p, BIC, neff), g0 = g without stype ("stype") or g ("none")
#   Z;design;model;summary(g, df.resid = Inf)$coefficients[, 4] (the two-sided normal p-values)
#   CONFINT;design;model;call;lower limits;upper limits     confint(g), confint(g, ddf = Inf), confint(g, df = Inf)
#   TERM;design;model;terms;method;df;approximation;statistic;p;p.tight;lambda;ddf
#       regTermTest(g, ~terms, method, df, lrt.approximation): df "default" (g$df.residual), "Inf" or "20";
#       p.tight: the same test with survey's saddle() solving its saddlepoint equation to 1e-14 (its uniroot stops at
#       1e-8) — the Java solves it to 1e-15; for the Wald tests and Satterthwaite's approximation, p again.
#   PARTS;design;coefficient part by row;design part by row    svypredmeans(g1, ~stype), g1 = yes ~ ell + meals
#       quasi-binomial (epsilon = 1e-14, as survey-margins.R); attr(vcov(pm), "parts") (levels sorted: E, H, M)
# The print file holds print(summary(g)) and print(regTermTest(...)) for the stratified design, and
# print(summary(svyglm(y ~ a + b, svydesign(id = ~id, weights = ~1, data = tiny)))) on six made-up rows in two
# clusters, a model without residual degrees of freedom ("nodf").
suppressMessages(library(survey))
data(api)
args <- commandArgs(trailingOnly = TRUE)
suffix <- if (length(args)) paste0("-", args[1]) else ""
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
tight <- glm.control(epsilon = 1e-12, maxit = 100)
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
out <- "../resources/org/smesurvey/stats/survey/"
prints <- character(0)
sink(paste0(out, "survey-glm-outputs", suffix, ".txt"))
for (name in names(designs)) {
  d <- designs[[name]]
  # svypredmeans refits the model with the factor added, so it cannot start from the estimate: solved to 1e-14
  g1 <- svyglm(yes ~ ell + meals, design = d, family = quasibinomial(),
               control = glm.control(epsilon = 1e-14, maxit = 100))
  pm <- svypredmeans(g1, ~stype)
  o <- order(names(coef(pm)))
  parts <- attr(vcov(pm), "parts")
  line("PARTS", name, f(t(parts[[1]][o, o])), f(t(parts[[2]][o, o])))
  models <- list(gaussian = svyglm(api00 ~ ell + meals + stype, design = d, control = tight),
                 quasibinomial = svyglm(yes ~ ell + meals + stype, design = d, family = quasibinomial(),
                                        control = tight))
  for (model in names(models)) {
    g <- update(models[[model]], start = coef(models[[model]]))
    g$call$start <- NULL # regTermTest's LRT refits the call without the terms
    line("NAIVE", name, model, f(t(g$naive.cov)))
    line("DEVIANCE", name, model, f(deviance(g), g$null.deviance, g$df.residual, g$df.null))
    # survey 4.1.1's AIC of a gaussian model on a replicate design fails (coef() of summary.svrepglm's dispersion,
    # a plain number): the line then says "error"
    aic <- tryCatch(f(AIC(g)), error = function(e) "error")
    line("AIC", name, model, aic)
    # BIC(g0, maximal = g): g0 without stype, and g itself
    g0 <- update(g, . ~ . - stype)
    line("BIC", name, model, "stype", f(BIC(g0, maximal = g)))
    line("BIC", name, model, "none", f(BIC(g, maximal = g)))
    line("Z", name, model, f(summary(g, df.resid = Inf)$coefficients[, 4]))
    for (ci in list(list("default", confint(g)), list("ddf=Inf", confint(g, ddf = Inf)),
                    list("df=Inf", confint(g, df = Inf))))
      line("CONFINT", name, model, ci[[1]], f(ci[[2]][, 1]), f(ci[[2]][, 2]))
    for (terms in c("ell+meals", "stype")) for (method in c("Wald", "WorkingWald", "LRT"))
      for (df in c("default", "Inf", "20")) for (approximation in c("saddlepoint", "satterthwaite")) {
        if (method == "Wald" && approximation == "satterthwaite") next
        dfv <- switch(df, default = NULL, "Inf" = Inf, "20" = 20)
        run <- function() regTermTest(g, as.formula(paste0("~", terms)), method = method, df = dfv,
                                      lrt.approximation = approximation)
        assignInNamespace("saddle", saddle0, "survey")
        t1 <- run()
        assignInNamespace("saddle", tightSaddle, "survey")
        t2 <- run()
        assignInNamespace("saddle", saddle0, "survey")
        statistic <- if (is.null(t1$Ftest)) t1$chisq else t1$Ftest
        lambda <- if (is.null(t1$lambda)) NA else t1$lambda
        ddf <- if (is.null(t1$ddf)) Inf else t1$ddf
        line("TERM", name, model, terms, method, df, approximation, f(statistic), f(t1$p), f(t2$p), f(lambda),
             f(ddf))
        if (name == "strat" && approximation == "saddlepoint" && df != "20")
          prints <- c(prints, paste0("TERMPRINT;", model, ";", terms, ";", method, ";", df),
                      capture.output(print(t1)), "END")
      }
    if (name == "strat")
      prints <- c(prints, paste0("SUMMARY;", model), capture.output(print(summary(g))), "END")
  }
}
sink()
# No residual degrees of freedom: two clusters, three coefficients
tiny <- data.frame(y = c(1, 3, 2, 5, 4, 6), a = c(1, 2, 3, 5, 4, 7), b = c(0, 1, 0, 1, 1, 0), id = c(1, 1, 1, 2, 2, 2))
g <- svyglm(y ~ a + b, svydesign(id = ~id, weights = ~1, data = tiny), control = tight)
prints <- c(prints, "SUMMARY;nodf", capture.output(print(summary(g))), "END")
writeLines(prints, paste0(out, "survey-glm-outputs-print", suffix, ".txt"))
