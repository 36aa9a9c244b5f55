# Reference values for CalibrationModelsTest (R 4.2.2, survey 4.1.1): Rscript survey-calibration.R
# Writes survey's one-stage cluster sample apiclus1 (districts, fpc) with the columns used, then, on each design,
# what survey computes:
#   designs: none (the design), post (postStratify ~stype), rake (rake ~stype, ~awards), greg (calibrate ~stype),
#            greg3 (calibrate ~stype + api99), bounded (linear, bounds 0.6-1.6), raking (calfun "raking"),
#            logit (calfun "logit", bounds 0.5-2.5), trim (trimWeights(greg3, upper = 40, lower = 30)),
#            strict (the same, strict = TRUE); all with epsilon = 1e-12.
#   pop.totals <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018), api99 = 3914069, awards from apipop.
# Lines (fields joined by ","):
#   WEIGHTS;design;w                       weights(design)
#   MEAN;design;estimate,se                 svymean(~api00, design)
#   GLM;design;model;coef;se                svyglm(api00 ~ ell + meals, design),
#                                           svyglm(yes ~ ell + meals, design, family = quasibinomial(),
#                                                  control = glm.control(epsilon = 1e-14, maxit = 100)) and
#                                           svyglm(mobility ~ ell + meals, design, family = poisson() and
#                                                  quasipoisson(), the same control)
#   EXACT;design;model;se                   the sandwich at the final coefficients (svyrecvar with postStrata)
#   BY;design;estimates;vcov;se             the shares of yes by stype with their covariance, by row: survey 4.1.1's
#                                           svyby(covmat = TRUE) stops on calibrated designs (its subsets keep rows
#                                           at zero weight), so the covariance is what it computes elsewhere,
#                                           svyrecvar of the domains' influence functions 1[i in d] w (y - p_d) / W_d
#                                           with the design's postStrata; se from svyby(~yes, ~stype, design,
#                                           svymean) without covmat, which works, to check the diagonal
#   RATIO;design;estimate,se                svyratio(~api00, ~api99, design)
#   JOINT;design;estimates;vcov;difference  svymean(~yes + award, design, na.rm = TRUE) (award: awards == "Yes",
#                                           missing for the first 10 schools), vcov by row, and
#                                           svycontrast(m, c(yes = 1, award = -1)) (estimate, se)
#   CHISQ;design;statistic;value;ndf;ddf;p  svychisq(~awards + stype, design, statistic) for F, Chisq, Wald, adjWald
# Replicate designs: jk1 = as.svrepdesign(dclus1) (JK1), jkn = as.svrepdesign(dstrat, type = "JKn") on apistrat,
# jk1mse = as.svrepdesign(dclus1, mse = TRUE); glm control as above, replicates refitted from the full estimate.
suppressMessages(library(survey))
data(api)
out <- "../resources/org/smesurvey/stats/survey/"
cols <- c("snum", "dnum", "stype", "pw", "fpc", "api00", "api99", "ell", "meals", "mobility", "awards", "sch.wide")
write.csv(apistrat[, cols], paste0(out, "apistrat-calibration.csv"), row.names = FALSE)
write.csv(apiclus1[, cols], paste0(out, "apiclus1-calibration.csv"), row.names = FALSE)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
tight <- glm.control(epsilon = 1e-14, maxit = 100)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
dclus1 <- update(dclus1, yes = as.numeric(sch.wide == "Yes"),
                 award = ifelse(seq_len(nrow(apiclus1)) <= 10, NA, as.numeric(awards == "Yes")))
pop.totals <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018)
awards <- data.frame(awards = c("No", "Yes"), Freq = as.vector(table(apipop$awards)))
greg3 <- calibrate(dclus1, ~stype + api99, c(pop.totals, api99 = 3914069), epsilon = 1e-12)
designs <- list(
  none = dclus1,
  post = postStratify(dclus1, ~stype, data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))),
  rake = rake(dclus1, list(~stype, ~awards), list(data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)),
                                                   awards)),
  greg = calibrate(dclus1, ~stype, pop.totals, epsilon = 1e-12),
  greg3 = greg3,
  bounded = calibrate(dclus1, ~stype + api99, c(pop.totals, api99 = 3914069), bounds = c(0.6, 1.6),
                      epsilon = 1e-12),
  raking = calibrate(dclus1, ~stype + api99, c(pop.totals, api99 = 3914069), calfun = "raking", epsilon = 1e-12),
  logit = calibrate(dclus1, ~stype + api99, c(pop.totals, api99 = 3914069), calfun = "logit",
                    bounds = c(0.5, 2.5), epsilon = 1e-12),
  trim = trimWeights(greg3, upper = 40, lower = 30),
  strict = trimWeights(greg3, upper = 40, lower = 30, strict = TRUE))
sink(paste0(out, "survey-calibration.txt"))
for (name in names(designs)) {
  d <- designs[[name]]
  line("WEIGHTS", name, f(weights(d)))
  m <- svymean(~api00, d)
  line("MEAN", name, f(coef(m), SE(m)))
  models <- list(gaussian = svyglm(api00 ~ ell + meals, design = d),
                 quasibinomial = svyglm(yes ~ ell + meals, design = d, family = quasibinomial(), control = tight),
                 poisson = svyglm(mobility ~ ell + meals, design = d, family = poisson(), control = tight),
                 quasipoisson = svyglm(mobility ~ ell + meals, design = d, family = quasipoisson(), control = tight))
  for (model in names(models)) {
    g <- models[[model]]
    line("GLM", name, model, f(coef(g)), f(sqrt(diag(vcov(g)))))
    X <- model.matrix(g); w <- weights(d); y <- g$y
    mu <- g$family$linkinv(c(X %*% coef(g)))
    A <- solve(t(X) %*% (X * (w * g$family$variance(mu))))
    V <- svyrecvar((X * (w * (y - mu))) %*% A, d$cluster, d$strata, d$fpc, postStrata = d$postStrata)
    line("EXACT", name, model, f(sqrt(diag(V))))
  }
  b <- svyby(~yes, ~stype, d, svymean)
  w <- weights(d); y <- d$variables$yes; s <- d$variables$stype
  Z <- sapply(levels(s), function(l) { i <- s == l; p <- sum(w[i] * y[i]) / sum(w[i]); i * w * (y - p) / sum(w[i]) })
  V <- svyrecvar(Z, d$cluster, d$strata, d$fpc, postStrata = d$postStrata)
  line("BY", name, f(coef(b)), f(t(V)), f(SE(b)))
}
dstrat <- update(svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
                 yes = as.numeric(sch.wide == "Yes"),
                 award = ifelse(seq_len(nrow(apistrat)) <= 10, NA, as.numeric(awards == "Yes")))
replicates <- list(jk1 = as.svrepdesign(dclus1), jkn = as.svrepdesign(dstrat, type = "JKn"),
                   jk1mse = as.svrepdesign(dclus1, mse = TRUE))
for (name in names(replicates)) {
  d <- replicates[[name]]
  models <- list(gaussian = svyglm(api00 ~ ell + meals, design = d, control = tight),
                 quasibinomial = svyglm(yes ~ ell + meals, design = d, family = quasibinomial(), control = tight),
                 poisson = svyglm(mobility ~ ell + meals, design = d, family = poisson(), control = tight),
                 quasipoisson = svyglm(mobility ~ ell + meals, design = d, family = quasipoisson(), control = tight))
  for (model in names(models)) {
    g <- models[[model]]
    s <- summary(g)
    line("GLM", name, model, f(coef(g)), f(sqrt(diag(vcov(g)))), f(g$df.residual), f(s$dispersion))
  }
  b <- svyby(~yes, ~stype, d, svymean, covmat = TRUE)
  line("BY", name, f(coef(b)), f(t(vcov(b))), f(SE(b)))
}
all <- c(designs, replicates)
for (name in names(all)) {
  d <- all[[name]]
  r <- svyratio(~api00, ~api99, d)
  line("RATIO", name, f(coef(r), SE(r)))
  m <- svymean(~yes + award, d, na.rm = TRUE)
  s <- svycontrast(m, c(yes = 1, award = -1))
  line("JOINT", name, f(coef(m)), f(t(vcov(m))), f(coef(s), SE(s)))
  for (statistic in c("F", "Chisq", "Wald", "adjWald")) {
    x <- svychisq(~awards + stype, d, statistic = statistic)
    ndf <- if (length(x$parameter) > 1) x$parameter[1] else x$parameter
    ddf <- if (length(x$parameter) > 1) x$parameter[2] else NA
    line("CHISQ", name, statistic, f(x$statistic), f(ndf), f(ddf), f(x$p.value))
  }
}
sink()
# Collinear calibration variables under raking: calibrate solves through a generalised inverse and svyrecvar projects
# by qr.resid, so x2 = 2x changes nothing against calibrating on x alone.
coll <- data.frame(w = c(10, 12, 9, 20, 22, 18, 30, 31), x = 1:8, y = c(3, 1, 4, 1, 5, 9, 2, 6))
coll$x2 <- 2 * coll$x
d <- svydesign(ids = ~1, weights = ~w, data = coll)
tn <- sum(coll$w) * 1.1; tx <- sum(coll$w * coll$x) * 1.1
raked <- calibrate(d, ~x + x2, c(`(Intercept)` = tn, x = tx, x2 = 2 * tx), calfun = "raking")
m <- svymean(~y, raked); cat("collinear raking svymean(~y):", sprintf("%.17g", c(coef(m), SE(m))), "\n")
m <- svymean(~y, calibrate(d, ~x, c(`(Intercept)` = tn, x = tx), calfun = "raking"))
cat("without x2:", sprintf("%.17g", c(coef(m), SE(m))), "\n")
