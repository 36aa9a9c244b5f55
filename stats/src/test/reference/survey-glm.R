# Reference values for SurveyRegressionTest (R 4.2.2, survey 4.1.1): Rscript survey-glm.R
# Writes survey's api samples with the regression's columns, and what svyglm computes on them:
#   svyglm(api00 ~ ell + meals + mobility, design)                          (gaussian)
#   svyglm(sch.wide ~ ell + meals + stype, design, family = quasibinomial()) (stype: E as reference)
#   svyglm(sch.wide ~ ell + meals + stype, design, family = binomial())     (same estimates, no dispersion)
# on the stratified sample with fpc and the one-stage cluster sample of districts with fpc. Lines:
#   GLM;design;model;coef;se;t;p;df.residual;dispersion
#   PREDICT;design;model;link;se.link;response;se.response   at ell = 20, meals = 40, mobility = 15, stype = M
#   TERM;design;model;F;df;ddf;p                              regTermTest(m, ~ ell + meals), Wald F
#   EXACT;design;model;se                                     the sandwich at the final coefficients
suppressMessages(library(survey))
data(api)
out <- "../resources/org/smesurvey/stats/survey/"
cols <- c("snum", "dnum", "stype", "pw", "fpc", "api00", "ell", "meals", "mobility", "sch.wide")
write.csv(apistrat[, cols], paste0(out, "apistrat-regression.csv"), row.names = FALSE)
write.csv(apiclus1[, cols], paste0(out, "apiclus1-regression.csv"), row.names = FALSE)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
designs <- list(
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  clus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc))
sink(paste0(out, "survey-glm.txt"))
for (name in names(designs)) {
  d <- update(designs[[name]], yes = as.numeric(sch.wide == "Yes"), stype = relevel(factor(stype), ref = "E"))
  models <- list(
    gaussian = svyglm(api00 ~ ell + meals + mobility, design = d),
    quasibinomial = svyglm(yes ~ ell + meals + stype, design = d, family = quasibinomial()),
    binomial = suppressWarnings(svyglm(yes ~ ell + meals + stype, design = d, family = binomial())))
  new <- data.frame(ell = 20, meals = 40, mobility = 15, stype = factor("M", levels = c("E", "H", "M")))
  for (m in names(models)) {
    g <- models[[m]]
    s <- summary(g)
    line("GLM", name, m, f(coef(g)), f(sqrt(diag(vcov(g)))), f(s$coefficients[, 3]), f(s$coefficients[, 4]),
         f(g$df.residual), f(s$dispersion))
    # svyglm's sandwich takes the glm object's working weights and residuals, which glm leaves at the iterate
    # before its last (1e-8 apart for the logistic models): the sandwich at the final coefficients, written out.
    X <- model.matrix(g); w <- weights(d); y <- g$y
    mu <- g$family$linkinv(c(X %*% coef(g)))
    A <- solve(t(X) %*% (X * (w * g$family$variance(mu))))
    V <- svyrecvar((X * (w * (y - mu))) %*% A, d$cluster, d$strata, d$fpc, postStrata = d$postStrata)
    line("EXACT", name, m, f(sqrt(diag(V))))
    pl <- predict(g, newdata = new, type = "link", se.fit = TRUE)
    pr <- predict(g, newdata = new, type = "response", se.fit = TRUE)
    line("PREDICT", name, m, f(pl, SE(pl), pr, SE(pr)))
    tt <- regTermTest(g, ~ ell + meals)
    line("TERM", name, m, f(tt$Ftest, tt$df, tt$ddf, tt$p))
  }
}
sink()
