# Reference values for SurveyVariancesTest (R 4.2.2, survey 4.1.1, Debian 12): Rscript survey-variances.R
# Also run under R 4.5 / survey 4.4.2 (benchmarks/trixie-r.sh run ... survey-variances.R) into
# survey-variances-4.4.txt: the two differ by 5e-15 at most (benchmarks/compare-reference.py), but for svyvar with
# na.rm = TRUE on the Taylor designs (NAVAR lines, see below), by 1e-3 relative.
# Data: survey's apistrat (stratified by school type, fpc) and apiclus1 (one-stage cluster sample of districts, fpc)
# as survey-calibration.R writes them (apistrat-calibration.csv, apiclus1-calibration.csv), and the two-units-per-
# stratum design of survey-brr.R (apistrat-brr.csv). yes = sch.wide == "Yes", award = awards == "Yes",
# high = api00 > 700, ny = yes with NA where snum %% 7 == 0 (a 0/1 answer, some missing).
# Designs: strat, clus1 (svydesign with fpc); post = postStratify(clus1, ~stype), greg = calibrate(clus1, ~stype),
# jk1 = as.svrepdesign(clus1), jkn = as.svrepdesign(strat, type = "JKn").
# Lines (fields separated by ";", numbers by ","):
#   VAR;design;var;estimate,se                    svyvar(~var, design): coef and SE, for var in api00, yes
#   COVAR;design;estimate;se;vcov                 svyvar(~api00 + ell, design): the 2 x 2 matrix (by column), SE()
#                                                 (by column), and attr(, "var"), the 4 x 4 covariance (by column)
#   NAVAR;design;estimate,se                      svyvar(~ny, design, na.rm = TRUE). survey 4.1.1 scales by n/(n-1)
#                                                 with n all the rows of non-zero weight; survey 4.4 counts only the
#                                                 rows where ny is not missing (Taylor designs; the replicate method
#                                                 counts the answered rows in both)
#   SRS;design;statistic;estimate;vsrs;vsrsr      svymean / svytotal (deff = TRUE and deff = "replace") of api00
#                                                 (mean, total), yes (proportion) and ny (namean, na.rm = TRUE):
#                                                 the simple-random-sampling variances vcov / deff
#   SRSBY;design;statistic;estimates;vsrs;vsrsr   svyby(~api00, ~stype, design, svymean or svytotal, deff = TRUE /
#                                                 "replace") and svyby(~yes, ~stype, design, svymean, ...):
#                                                 SE^2 / deff by domain
#   DELTA;design;eigenvalues;mean;cv;d0           svychisq(~awards + stype)'s Delta as survey builds it (the code of
#                                                 svychisq.survey.design: Cmat, iDmat, N, V of svymean(mm)),
#                                                 eigen(Delta)$values, their mean, sqrt(sum((delta-mean)^2)/k)/mean,
#                                                 sum(diag(Delta))^2/sum(diag(Delta %*% Delta)) (svychisq's ndf)
#   PDEFF;design;eigenvalues;replace              m <- svymean(~yes + award + high, design, deff = TRUE):
#                                                 eigen(solve(vcov(m) / attr(m, "deff")) %*% vcov(m))$values, and
#                                                 the same with deff = "replace"
#   SCALES;design;scale;rscales;mse               des$scale, des$rscales, des$mse of replicate designs: jk1, jkn,
#                                                 jk1mse (mse = TRUE), brr and fay (rho 0.3) on apistrat-brr.csv with
#                                                 Sylvester's H16, bootstrap (replicates = 50)
#   G;design;g                                    weights(design) / weights(clus1) for post, rake (~stype,
#                                                 ~awards), greg (calibrate ~stype), linear3 (~stype + api99),
#                                                 raking and logit (bounds 0.5, 2.5) on the same, trim
#                                                 (trimWeights(linear3, upper = 40, lower = 30)), all epsilon 1e-12
#   PRINT;what followed by the printed lines      print(svyvar(~api00, strat)), print(svyvar(~api00 + ell, strat))
suppressMessages(library(survey))
data <- "../resources/org/smesurvey/stats/survey/"
out <- if (length(commandArgs(TRUE)) > 0) commandArgs(TRUE)[1] else paste0(data, "survey-variances.txt")
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
prepare <- function(d) {
  d$yes <- as.numeric(d$sch.wide == "Yes")
  d$award <- as.numeric(d$awards == "Yes")
  d$high <- as.numeric(d$api00 > 700)
  d$ny <- ifelse(d$snum %% 7 == 0, NA, d$yes)
  d
}
apistrat <- prepare(read.csv(paste0(data, "apistrat-calibration.csv")))
apiclus1 <- prepare(read.csv(paste0(data, "apiclus1-calibration.csv")))
strat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
clus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
pop.totals <- c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018)
stype <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
designs <- list(strat = strat, clus1 = clus1,
                post = postStratify(clus1, ~stype, stype),
                greg = calibrate(clus1, ~stype, pop.totals, epsilon = 1e-12),
                jk1 = as.svrepdesign(clus1), jkn = as.svrepdesign(strat, type = "JKn"))
sink(out)
for (name in names(designs)) {
  d <- designs[[name]]
  for (var in c("api00", "yes")) {
    v <- svyvar(make.formula(var), d)
    line("VAR", name, var, f(coef(v), SE(v)))
  }
  v <- svyvar(~api00 + ell, d)
  line("COVAR", name, f(as.matrix(v)), f(SE(v)), f(attr(v, "var")))
  v <- svyvar(~ny, d, na.rm = TRUE)
  line("NAVAR", name, f(coef(v), SE(v)))
  if (inherits(d, "svyrep.design")) next
  for (s in list(c("mean", "api00"), c("total", "api00"), c("proportion", "yes"), c("namean", "ny"))) {
    fun <- if (s[1] == "total") svytotal else svymean
    m <- fun(make.formula(s[2]), d, deff = TRUE, na.rm = TRUE)
    r <- fun(make.formula(s[2]), d, deff = "replace", na.rm = TRUE)
    line("SRS", name, s[1], f(coef(m)), f(vcov(m) / deff(m)), f(vcov(r) / deff(r)))
  }
  for (s in list(c("mean", "api00"), c("total", "api00"), c("proportion", "yes"))) {
    fun <- if (s[1] == "total") svytotal else svymean
    b <- svyby(make.formula(s[2]), ~stype, d, fun, deff = TRUE)
    r <- svyby(make.formula(s[2]), ~stype, d, fun, deff = "replace")
    line("SRSBY", name, s[1], f(coef(b)), f(SE(b)^2 / deff(b)), f(SE(r)^2 / r[[ncol(r)]]))
  }
}
delta <- function(design) {
  # svychisq.survey.design's own steps for svychisq(~awards + stype, design)
  nr <- length(unique(design$variables$awards)); nc <- length(unique(design$variables$stype))
  fsat <- ~interaction(factor(awards), factor(stype)) - 1
  mm <- model.matrix(fsat, model.frame(fsat, design$variables, na.action = na.pass))
  N <- nrow(mm)
  mf1 <- expand.grid(rows = 1:nr, cols = 1:nc)
  X1 <- model.matrix(~factor(rows) + factor(cols), mf1)
  X12 <- model.matrix(~factor(rows) * factor(cols), mf1)
  mean2 <- svymean(mm, design, na.rm = TRUE)
  Cmat <- qr.resid(qr(X1), X12[, -(1:(nr + nc - 1)), drop = FALSE])
  iDmat <- diag(ifelse(mean2 == 0, 0, 1 / mean2))
  V <- attr(mean2, "var")
  denom <- t(Cmat) %*% (iDmat / N) %*% Cmat
  numr <- t(Cmat) %*% iDmat %*% V %*% iDmat %*% Cmat
  solve(denom, numr)
}
for (name in names(designs)) {
  d <- designs[[name]]
  D <- delta(d)
  e <- eigen(D, only.values = TRUE)$values
  stopifnot(all(abs(Im(e)) < 1e-12)); e <- Re(e)
  d0 <- sum(diag(D))^2 / sum(diag(D %*% D))
  stopifnot(abs(d0 - svychisq(~awards + stype, d)$parameter[1]) < 1e-10 * d0)
  line("DELTA", name, f(e), f(mean(e)), f(sqrt(sum((e - mean(e))^2) / length(e)) / mean(e)), f(d0))
  m <- svymean(~yes + award + high, d, deff = TRUE)
  vsrs <- vcov(m) / attr(m, "deff")
  r <- svymean(~yes + award + high, d, deff = "replace")
  vsrsr <- vcov(r) / attr(r, "deff")
  line("PDEFF", name, f(eigen(solve(vsrs) %*% vcov(m), only.values = TRUE)$values),
       f(eigen(solve(vsrsr) %*% vcov(r), only.values = TRUE)$values))
}
brrdata <- read.csv(paste0(data, "apistrat-brr.csv"))
sylvester <- function(k) { h <- matrix(1); while (nrow(h) < k) h <- rbind(cbind(h, h), cbind(h, -h)); h }
brrdesign <- svydesign(id = ~psu, strata = ~st, weights = ~pw, data = brrdata, nest = TRUE)
set.seed(26)
replicates <- list(jk1 = designs$jk1, jkn = designs$jkn, jk1mse = as.svrepdesign(clus1, mse = TRUE),
                   jknstrat = as.svrepdesign(svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat),
                                             type = "JKn"),
                   brr = as.svrepdesign(brrdesign, type = "BRR", hadamard.matrix = sylvester(16)),
                   fay = as.svrepdesign(brrdesign, type = "Fay", fay.rho = 0.3, hadamard.matrix = sylvester(16)),
                   bootstrap = as.svrepdesign(strat, type = "bootstrap", replicates = 50))
for (name in names(replicates)) {
  r <- replicates[[name]]
  line("SCALES", name, f(r$scale), f(r$rscales), r$mse)
}
dclus1 <- clus1
awards <- data.frame(awards = c("No", "Yes"), Freq = c(2027, 4167))
linear3 <- calibrate(dclus1, ~stype + api99, c(pop.totals, api99 = 3914069), epsilon = 1e-12)
calibrated <- list(
  post = designs$post,
  rake = rake(dclus1, list(~stype, ~awards), list(stype, awards)),
  greg = designs$greg,
  linear3 = linear3,
  raking = calibrate(dclus1, ~stype + api99, c(pop.totals, api99 = 3914069), calfun = "raking", epsilon = 1e-12),
  logit = calibrate(dclus1, ~stype + api99, c(pop.totals, api99 = 3914069), calfun = "logit",
                    bounds = c(0.5, 2.5), epsilon = 1e-12),
  trim = trimWeights(linear3, upper = 40, lower = 30))
for (name in names(calibrated)) {
  line("G", name, f(weights(calibrated[[name]]) / weights(dclus1)))
}
line("PRINT", "var"); print(svyvar(~api00, strat))
line("PRINT", "covar"); print(svyvar(~api00 + ell, strat))
line("PRINT", "end")
sink()
