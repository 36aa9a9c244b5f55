# Reference values for ReplicateCalibrationTest (R 4.2.2, survey 4.1.1; also run under R 4.5, survey 4.4.2, whose
# postStratify.svyrep.design, rake, calibrate.svyrep.design, regcalibrate.svyrep.design and grake are the same
# code): Rscript survey-replicate-calibration.R [suffix]
# Replicate designs recalibrated replicate by replicate: survey's postStratify, rake and calibrate on an
# svyrep.design calibrate the full-sample weights and each replicate's weights to the same totals.
#   jk1:  apiclus1-calibration.csv, as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc), "JK1")
#   jkn:  apistrat-calibration.csv, as.svrepdesign(svydesign(id = ~1, strata = ~stype, weights = ~pw,
#         fpc = ~fpc), "JKn")
#   brr:  apistrat-brr.csv (survey-brr.R), as.svrepdesign(svydesign(id = ~psu, strata = ~st, weights = ~pw,
#         nest = TRUE), "BRR", hadamard.matrix = H16)
#   boot: apiclus1-calibration.csv with the bootstrap multipliers of apiclus1-bootstrap.csv (survey-api.R):
#         svrepdesign(repweights = multipliers, weights = ~pw, type = "bootstrap", combined.weights = FALSE,
#         scale = 15 / (14 * 49), rscales = 1)
#   jk1mse: jk1 with mse = TRUE
# Calibrations (population totals from apipop, written on the TOTALS lines):
#   post:    postStratify(r, ~sch.wide, table of apipop$sch.wide)
#   rake:    rake(r, list(~stype, ~sch.wide), list(stype table, sch.wide table))
#   linear:  calibrate(r, ~stype + api99, c(N, N_H, N_M, sum api99))                (closed form)
#   bounded: calibrate(..., bounds = b, epsilon = 1e-12, maxit = 200)
#   raking:  calibrate(..., calfun = "raking", epsilon = 1e-12, maxit = 200)
#   logit:   calibrate(..., calfun = "logit", bounds = b, epsilon = 1e-12, maxit = 200)
#   margins: calibrate(r, list(~stype, ~sch.wide), list(...), calfun = "raking", epsilon = 1e-12, maxit = 200)
# Lines: TOTALS;name;levels;totals
#        CAL;design;calibration;degf;svymean(~api00) estimate,se;svytotal(~ell) estimate,se;
#            svyby(~api00, ~stype, svymean) estimates;ses;svyglm(api00 ~ ell + meals) coef;se
#        GLM_ALL;design;calibration;se   where calibration made replicate weights negative: svyglm's standard
#            errors with every respondent in every replicate's refit (see the comment below)
# The schools of apistrat-brr.csv carry sch.wide as yes (0/1): its margin is named by "0"/"1".
args <- commandArgs(trailingOnly = TRUE)
suffix <- if (length(args)) args[1] else ""
suppressMessages(library(survey))
data(api)
res <- "../resources/org/smesurvey/stats/survey/"
clus1 <- read.csv(paste0(res, "apiclus1-calibration.csv"))
strat <- read.csv(paste0(res, "apistrat-calibration.csv"))
brrdata <- read.csv(paste0(res, "apistrat-brr.csv"))
brrdata$sch.wide <- ifelse(brrdata$yes == 1, "Yes", "No")
boot <- read.csv(paste0(res, "apiclus1-bootstrap.csv"))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
popstype <- as.data.frame(table(stype = apipop$stype))
popsw <- as.data.frame(table(sch.wide = apipop$sch.wide))
N <- nrow(apipop)
pop <- c(N, popstype$Freq[2], popstype$Freq[3], sum(apipop$api99))
sylvester <- function(k) { h <- matrix(1); while (nrow(h) < k) h <- rbind(cbind(h, h), cbind(h, -h)); h }
bootmult <- as.matrix(boot[match(clus1$dnum, boot$dnum), -1])
designs <- list(
  jk1 = as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1), type = "JK1"),
  jkn = as.svrepdesign(svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat), type = "JKn"),
  brr = as.svrepdesign(svydesign(id = ~psu, strata = ~st, weights = ~pw, nest = TRUE, data = brrdata), type = "BRR",
                       hadamard.matrix = sylvester(16)),
  boot = svrepdesign(data = clus1, repweights = bootmult, weights = ~pw, type = "bootstrap",
                     combined.weights = FALSE, scale = 15 / (14 * 49), rscales = rep(1, 50)),
  jk1mse = as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = clus1), type = "JK1", mse = TRUE))
tight <- list(epsilon = 1e-12, maxit = 200)
tightly <- function(r, ...) do.call(calibrate, c(list(r, ...), tight))
calibrations <- list(
  post = function(r, b) postStratify(r, ~sch.wide, popsw),
  rake = function(r, b) rake(r, list(~stype, ~sch.wide), list(popstype, popsw)),
  linear = function(r, b) calibrate(r, ~stype + api99, pop, compress = FALSE),
  bounded = function(r, b) tightly(r, ~stype + api99, pop, compress = FALSE, bounds = b),
  raking = function(r, b) tightly(r, ~stype + api99, pop, compress = FALSE, calfun = "raking"),
  logit = function(r, b) tightly(r, ~stype + api99, pop, compress = FALSE, calfun = "logit", bounds = b),
  margins = function(r, b) tightly(r, list(~stype, ~sch.wide), list(popstype, popsw), compress = FALSE,
                                   calfun = "raking"))
sink(paste0(res, "survey-replicate-calibration", suffix, ".txt"))
line("TOTALS", "stype", paste(popstype$stype, collapse = ","), f(popstype$Freq))
line("TOTALS", "sch.wide", paste(popsw$sch.wide, collapse = ","), f(popsw$Freq))
line("TOTALS", "x", "(Intercept),stypeH,stypeM,api99", f(pop))
for (name in names(designs)) for (cal in names(calibrations)) {
  # a replicate that does not converge only warns in survey: none may
  r <- withCallingHandlers(calibrations[[cal]](designs[[name]], if (name == "boot") c(0.1, 6) else c(0.4, 2.2)),
                           warning = function(w) stop(name, " ", cal, ": ", conditionMessage(w)))
  m <- svymean(~api00, r); t <- svytotal(~ell, r)
  by <- svyby(~api00, ~stype, r, svymean)
  g <- svyglm(api00 ~ ell + meals, r)
  line("CAL", name, cal, degf(r), f(coef(m), SE(m)), f(coef(t), SE(t)), f(coef(by)), f(SE(by)), f(coef(g)),
       f(SE(g)))
  w <- weights(r, "analysis")
  if (any(w < 0)) {
    # glm.fit fits only the rows of positive weight, so svyglm's replicate refits drop the respondents whose
    # replicate weight calibration made negative; the replicates' weighted least squares with every respondent:
    X <- model.matrix(~ell + meals, r$variables); y <- r$variables$api00
    betas <- t(apply(w, 2, function(wi) solve(crossprod(X, X * wi), crossprod(X, y * wi))))
    line("GLM_ALL", name, cal, f(sqrt(diag(svrVar(betas, r$scale, r$rscales, mse = r$mse, coef = coef(g))))))
  }
}
sink()
