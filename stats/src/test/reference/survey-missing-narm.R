# Reference values for MissingAnswersTest's na.rm = TRUE intervals (R 4.2.2, survey 4.1.1, Debian 12; and R 4.5,
# survey 4.4.2, Debian 13, whose svyciprop, svyglm, confint.svyglm and residuals.svyglm are the same code):
#   Rscript survey-missing-narm.R                                               (survey-missing-narm.txt)
#   benchmarks/trixie-r.sh run stats/src/test reference/survey-missing-narm.R -4.4
#                                                                             (survey-missing-narm-4.4.txt)
# On survey-missing.R's data (apistrat, every 7th answer missing, every 11th weight 0), svyciprop on the whole
# design with na.rm = TRUE, its default df = degf(design):
#   NARM;design;method;estimate,lower,upper     svyciprop(~I(yes == 1), design, method, na.rm = TRUE)
# for the stratified designs with and without fpc (every method) and their JKn replicates (mean, xlogit, asin, beta,
# logit: on a replicate design survey's likelihood interval is NA and its logit interval refits the replicates).
# survey's likelihood interval interpolates its profile with a spline, and takes lambda from glm's weights of the
# iterate before its last (glm stops at a relative change of 1e-8); the same interval solved exactly, from survey's
# own fit converged with glm.control(epsilon = 1e-15): the roots of
#   (deviance(b) - deviance) / dispersion = qt(0.025, df)^2 lambda,  lambda = cov.unscaled / naive.cov,
# the deviance that of glm's weights (rescaled to mean 1 over all rows, missing ones included), the dispersion
# summary.svyglm's (svyvar of the Pearson residuals over the answered):
#   NARM_EXACT;design;likelihood;estimate,lower,upper
args <- commandArgs(trailingOnly = TRUE)
suffix <- if (length(args)) args[1] else ""
suppressMessages(library(survey))
res <- "../resources/org/smesurvey/stats/survey/"
d0 <- read.csv(paste0(res, "apistrat-missing.csv"))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
quiet <- function(expr) withCallingHandlers(expr, warning = function(w)
  if (grepl("zero weight not used", conditionMessage(w))) invokeRestart("muffleWarning"))
sink(paste0(res, "survey-missing-narm", suffix, ".txt"))
for (fpc in c(TRUE, FALSE)) {
  name <- if (fpc) "strat" else "strat_nofpc"
  des <- if (fpc) svydesign(id = ~1, strata = ~stype, weights = ~w, data = d0, fpc = ~fpc)
         else svydesign(id = ~1, strata = ~stype, weights = ~w, data = d0)
  for (method in c("mean", "xlogit", "logit", "asin", "beta", "likelihood")) {
    ci <- quiet(svyciprop(~I(yes == 1), des, method = method, na.rm = TRUE))
    line("NARM", name, method, f(coef(ci), attr(ci, "ci")))
  }
  m <- quiet(svyglm(I(yes == 1) ~ 1, des, family = quasibinomial, control = glm.control(epsilon = 1e-15,
                                                                                        maxit = 100)))
  lambda <- m$cov.unscaled[1, 1] / m$naive.cov[1, 1]
  cutoff <- qt(0.025, degf(des))^2 * lambda
  dispersion <- quiet(summary(m))$dispersion[1]
  b0 <- coef(m)[[1]]
  excess <- function(b) sum(m$family$dev.resids(m$y, plogis(b), m$prior.weights)) - deviance(m) -
    dispersion * cutoff
  lower <- uniroot(excess, c(b0 - 2, b0), tol = 1e-15)$root
  upper <- uniroot(excess, c(b0, b0 + 2), tol = 1e-15)$root
  line("NARM_EXACT", name, "likelihood", f(plogis(b0), plogis(lower), plogis(upper)))
  rep <- as.svrepdesign(des, type = "JKn")
  for (method in c("mean", "xlogit", "asin", "beta", "logit")) {
    ci <- quiet(svyciprop(~I(yes == 1), rep, method = method, na.rm = TRUE))
    line("NARM", paste0(name, "_jkn"), method, f(coef(ci), attr(ci, "ci")))
  }
}
sink()
