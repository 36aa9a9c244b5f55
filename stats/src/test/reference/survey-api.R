# Reference values for SurveyEstimatorTest and ReplicateDesignTest (R 4.2.2, survey 4.1.1, Debian 12): Rscript survey-api.R
# Writes the respondent data the Java tests read (survey's own api samples: a stratified sample with fpc, and a
# one-stage cluster sample of school districts with fpc) and, line by line, what survey computes on them.
suppressMessages(library(survey))
data(api)
out <- "../resources/org/smesurvey/stats/survey/"
cols <- c("snum", "dnum", "cname", "stype", "pw", "fpc", "sch.wide", "comp.imp", "awards", "both")
write.csv(apistrat[, cols], paste0(out, "apistrat.csv"), row.names = FALSE)
write.csv(apiclus1[, cols], paste0(out, "apiclus1.csv"), row.names = FALSE)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
designs <- list(
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc),
  strat_nofpc = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat),
  clus1 = svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc),
  clus1_nofpc = svydesign(id = ~dnum, weights = ~pw, data = apiclus1))
sink(paste0(out, "survey-api.txt"))
for (name in names(designs)) {
  d <- update(designs[[name]], yes = as.numeric(sch.wide == "Yes"), award = as.numeric(awards == "Yes"))
  for (v in c("yes", "award")) {
    fm <- as.formula(paste0("~", v))
    m <- svymean(fm, d, deff = TRUE)
    t <- svytotal(fm, d, deff = TRUE)
    line("MEAN", name, v, f(coef(m), SE(m), deff(m), degf(d)))
    line("TOTAL", name, v, f(coef(t), SE(t), deff(t)))
    for (method in c("mean", "xlogit", "logit", "asin", "beta", "likelihood")) {
      ci <- svyciprop(as.formula(paste0("~I(", v, " == 1)")), d, method = method)
      line("CIPROP", name, v, method, f(coef(ci), attr(ci, "ci")))
    }
    # The likelihood interval without its profile's spline interpolation: the roots of the quasi-likelihood
    # ratio of the intercept-only svyglm, 2 (n - 1) KL(p, mu) = qt(0.025, degf)^2 lambda, with survey's own
    # lambda = vcov(svymean) n / (p (1 - p)), the ratio of the design-based to the model-based variance.
    p <- coef(m)[[1]]; n <- nrow(d)
    target <- qt(0.025, degf(d))^2 * vcov(m)[[1]] * n / (p * (1 - p))
    kl <- function(mu) 2 * (n - 1) * (p * log(p / mu) + (1 - p) * log((1 - p) / (1 - mu))) - target
    line("CIPROP_EXACT", name, v, "likelihood", f(p, uniroot(kl, c(1e-12, p), tol = 1e-15)$root,
                                                uniroot(kl, c(p, 1 - 1e-12), tol = 1e-15)$root))
    byt <- svyby(fm, ~stype, d, svytotal, deff = TRUE)
    line("TOTAL_BY_STYPE", name, v, f(coef(byt)), f(SE(byt)), f(deff(byt)))
    by <- svyby(fm, ~stype, d, svymean, deff = TRUE)
    line("BY_STYPE", name, v, paste(by$stype, collapse = ","), f(coef(by)), f(SE(by)), f(deff(by)),
         f(sapply(levels(apistrat$stype), function(s) degf(subset(d, stype == s)))))
  }
  byc <- svyby(~yes, ~cname, d, svymean)
  line("BY_COUNTY", name, paste(byc$cname, collapse = ","), f(coef(byc)), f(SE(byc)))
}
sink()
# Rao-Scott tests of independence: svychisq(~sch.wide + stype, d, statistic = s) and ~awards + both.
sink(paste0(out, "survey-api.txt"), append = TRUE)
for (name in names(designs)) for (pair in list(c("sch.wide", "stype"), c("awards", "both"), c("stype", "comp.imp")))
  for (s in c("F", "Chisq")) {
    r <- svychisq(as.formula(paste0("~", pair[1], "+", pair[2])), designs[[name]], statistic = s)
    p0 <- suppressWarnings(chisq.test(svytable(as.formula(paste0("~", pair[1], "+", pair[2])), designs[[name]],
                                               Ntotal = nrow(designs[[name]])), correct = FALSE))
    line("CHISQ", name, pair[1], pair[2], s, f(r$statistic, r$parameter, r$p.value, p0$statistic))
  }
sink()
# Post-stratification and raking to the population totals of survey's own examples:
# postStratify(d, ~stype, data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))) and
# rake(d, list(~stype, ~sch.wide), list(pop.types, data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122)))).
sink(paste0(out, "survey-api.txt"), append = TRUE)
pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
for (name in c("strat", "clus1", "clus1_nofpc")) {
  d0 <- update(designs[[name]], award = as.numeric(awards == "Yes"))
  for (kind in c("post", "rake")) {
    d <- if (kind == "post") postStratify(d0, ~stype, pop.types)
         else rake(d0, list(~stype, ~sch.wide), list(pop.types, pop.schwide))
    m <- svymean(~award, d, deff = TRUE)
    t <- svytotal(~award, d)
    by <- svyby(~award, ~stype, d, svymean)
    byc <- svyby(~award, ~cname, d, svymean)
    line("CALIBRATED", name, kind, f(coef(m), SE(m), deff(m), coef(t), SE(t)), f(weights(d)),
         f(coef(by)), f(SE(by)), paste(byc$cname, collapse = ","), f(coef(byc)), f(SE(byc)))
  }
}
sink()
# Replicate weights on the cluster sample: JK1 (deterministic) and the bootstrap of survey's bootweights, whose
# multipliers (one row per district, one column per replicate) are written for the Java test to use as given.
#   as.svrepdesign(d, type = "JK1", mse = m); set.seed(2026); as.svrepdesign(d, type = "bootstrap", replicates = 50)
sink(paste0(out, "survey-api.txt"), append = TRUE)
for (name in c("clus1", "clus1_nofpc")) for (mse in c(FALSE, TRUE)) {
  r <- as.svrepdesign(update(designs[[name]], award = as.numeric(awards == "Yes")), type = "JK1", mse = mse)
  m <- svymean(~award, r)
  by <- svyby(~award, ~stype, r, svymean)
  line("JK1", name, mse, f(coef(m), SE(m), r$scale), f(coef(by)), f(SE(by)))
}
set.seed(2026)
rb <- as.svrepdesign(update(designs[["clus1_nofpc"]], award = as.numeric(awards == "Yes")), type = "bootstrap",
                     replicates = 50)
sink()
# Compressed replicate weights: one row per district in order of first appearance.
write.csv(data.frame(dnum = apiclus1$dnum[!duplicated(apiclus1$dnum)], rb$repweights$weights),
          paste0(out, "apiclus1-bootstrap.csv"), row.names = FALSE)
sink(paste0(out, "survey-api.txt"), append = TRUE)
m <- svymean(~award, rb)
by <- svyby(~award, ~stype, rb, svymean)
line("BOOTSTRAP", "clus1_nofpc", f(coef(m), SE(m), rb$scale), f(coef(by)), f(SE(by)))
sink()
# Strata with a single unit: district 637 alone in its stratum, the others split at dnum 500.
# options(survey.lonely.psu = rule); svydesign(id = ~dnum, strata = ~st, weights = ~pw, data = apiclus1, fpc = ~fpc)
sink(paste0(out, "survey-api.txt"), append = TRUE)
lonelydata <- transform(apiclus1, st = ifelse(dnum == 637, "single", ifelse(dnum < 500, "low", "high")),
                        award = as.numeric(awards == "Yes"))
for (rule in c("remove", "certainty", "adjust", "average")) {
  options(survey.lonely.psu = rule)
  d <- svydesign(id = ~dnum, strata = ~st, weights = ~pw, data = lonelydata, fpc = ~fpc)
  m <- svymean(~award, d)
  by <- svyby(~award, ~stype, d, svymean)
  line("LONELY", rule, f(coef(m), SE(m)), f(coef(by)), f(SE(by)))
}
options(survey.lonely.psu = "fail")
sink()
# Domain estimates into a meta-analysis: svyby(~yes, ~stype, strat, svymean), each school type's effective
# sample p(1 - p) / SE^2, then escalc("PLO", xi = p * neff, ni = neff) and rma(method = "REML").
suppressMessages(library(metafor))
sink(paste0(out, "survey-api.txt"), append = TRUE)
d <- update(designs[["strat"]], yes = as.numeric(sch.wide == "Yes"))
by <- svyby(~yes, ~stype, d, svymean)
neff <- coef(by) * (1 - coef(by)) / SE(by)^2
es <- escalc("PLO", xi = coef(by) * neff, ni = neff)
fit <- rma(yi, vi, data = es, method = "REML", control = list(threshold = 1e-13, maxiter = 10000))
line("META", f(neff), f(es$yi), f(es$vi), f(fit$beta, fit$se, fit$tau2))
sink()
