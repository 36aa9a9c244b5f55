# Reference values for ReplicateDesignEffectTest (R 4.2.2, survey 4.1.1, Debian 12): Rscript survey-replicate-deff.R
# Also run under R 4.5 / survey 4.4.2 into survey-replicate-deff-4.4.txt:
#   benchmarks/trixie-r.sh run stats/src/test reference/survey-replicate-deff.R \
#       ../resources/org/smesurvey/stats/survey/survey-replicate-deff-4.4.txt
# (svymean.svyrep.design, svytotal.svyrep.design, svyvar.svyrep.design and [.svyrep.design are the same code in both
# versions). The design effects of replicate designs: survey divides the replicate variance v by
#   vsrs = svyvar(x, design, estimate.only = TRUE) / nobs * (npop - nobs) / npop       (mean, deff = TRUE)
#   vsrs = svyvar(x, design, estimate.only = TRUE) * npop^2 / nobs * (npop - nobs) / npop   (total)
# without the factor (npop - nobs) / npop for deff = "replace", nobs = length(design$pweights) the rows of the
# (sub)design, weight 0 included, npop their weights' sum; svyby subsets the design by domain ([.svyrep.design drops
# the other rows), na.rm = TRUE drops the rows with a missing answer.
# Data: apiclus1-calibration.csv and apistrat-calibration.csv (survey-calibration.R), apistrat-brr.csv (survey-brr.R),
# R's bootstrap multipliers of apiclus1's districts apiclus1-bootstrap.csv (survey-api.R). yes = sch.wide == "Yes",
# ny = yes with NA where snum %% 7 == 0.
# Designs: jk1 = as.svrepdesign(clus1) (clus1 = svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc)), jk1mse the same
# with mse = TRUE, jkn = as.svrepdesign(strat, type = "JKn") (strat = svydesign(id = ~1, strata = ~stype,
# weights = ~pw, fpc = ~fpc)), brr and fay (fay.rho = 0.3) on apistrat-brr.csv with Sylvester's H16, boot =
# svrepdesign(repweights = apiclus1-bootstrap.csv's multipliers, weights = ~pw, combined.weights = FALSE, scale of
# as.svrepdesign(type = "bootstrap", replicates = 50) on clus1 without fpc, rscales 1), cal = calibrate(jk1, ~stype,
# c(6194, 755, 1018)), post = postStratify(jk1, ~stype, E 4421, H 755, M 1018), zero = as.svrepdesign of clus1 with
# the weights of the schools whose snum is a multiple of 11 set to 0.
# Lines (fields separated by ";", numbers by ","):
#   SRS;design;statistic;estimate,se,deff;vsrs;vsrsr   svymean(~api00) (mean), svytotal(~api00) (total),
#                                                     svymean(~yes) (proportion), svymean(~ny, na.rm = TRUE)
#                                                     (namean), each with deff = TRUE: coef, SE, deff, then
#                                                     vcov / deff, and vcov / deff of the same with deff = "replace"
#   SRSBY;design;statistic;estimates;se;deff;vsrs;vsrsr svyby(~api00, ~stype, design, svymean or svytotal, deff =
#                                                     TRUE / "replace"), svyby(~yes, ~stype, design, svymean, ...)
#                                                     and svyby(~ny, ~stype, design, svymean, na.rm = TRUE, ...)
#                                                     (namean): coef, SE, DEff, SE^2 / DEff of both
#   SCALES;design;scale;rscales                        des$scale and des$rscales of boot, cal and post
#   EDGE;what;estimate,se,deff                         where the answers do not vary, on flat = as.svrepdesign(
#                                                     svydesign(ids = ~1, strata = ~s, weights = ~w), type = "JKn")
#                                                     with s = 1, 1, 2, 2, 2 and w = 2:6 (survey-edge.R's flat):
#                                                     svymean(~y0, flat, deff = TRUE) (all 0), svymean(~y1, flat,
#                                                     deff = "replace") (all 1), svymean(~c, flat, deff = TRUE) and
#                                                     svytotal(~c, flat, deff = TRUE) (all 3); and svyby(~y, ~s,
#                                                     one, svymean, deff = TRUE) on a JK1 design of three rows
#                                                     (s = a, a, b; w = 2, 3, 4; y = 1, 0, 1), whose domain b has
#                                                     a single row
#   PRINT;what followed by the printed lines           print(svymean(~api00, jk1, deff = TRUE)),
#                                                     print(svytotal(~api00, jkn, deff = TRUE)),
#                                                     print(svymean(~yes, fay, deff = "replace"))
# The replicate weights of cal and post (weights(design, "analysis"), with weights(design, "sampling") as pw) are
# written to apiclus1-calibrated-replicates.csv when the script runs without an argument (survey 4.1.1), and the
# 4.4 run checks its own against them (1e-12 relative).
suppressMessages(library(survey))
data <- "../resources/org/smesurvey/stats/survey/"
out <- if (length(commandArgs(TRUE)) > 0) commandArgs(TRUE)[1] else paste0(data, "survey-replicate-deff.txt")
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
prepare <- function(d) {
  d$yes <- as.numeric(d$yes)
  d$ny <- ifelse(d$snum %% 7 == 0, NA, d$yes)
  d
}
apiclus1 <- read.csv(paste0(data, "apiclus1-calibration.csv"))
apiclus1$yes <- apiclus1$sch.wide == "Yes"
apiclus1 <- prepare(apiclus1)
apistrat <- read.csv(paste0(data, "apistrat-calibration.csv"))
apistrat$yes <- apistrat$sch.wide == "Yes"
apistrat <- prepare(apistrat)
brrdata <- prepare(read.csv(paste0(data, "apistrat-brr.csv")))
clus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
strat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
sylvester <- function(k) { h <- matrix(1); while (nrow(h) < k) h <- rbind(cbind(h, h), cbind(h, -h)); h }
brrdesign <- svydesign(id = ~psu, strata = ~st, weights = ~pw, data = brrdata, nest = TRUE)
boot <- read.csv(paste0(data, "apiclus1-bootstrap.csv"))
bootscale <- as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = apiclus1), type = "bootstrap",
                            replicates = 50)$scale
jk1 <- as.svrepdesign(clus1)
zero <- apiclus1
zero$pw <- ifelse(zero$snum %% 11 == 0, 0, zero$pw)
designs <- list(
  jk1 = jk1,
  jk1mse = as.svrepdesign(clus1, mse = TRUE),
  jkn = as.svrepdesign(strat, type = "JKn"),
  brr = as.svrepdesign(brrdesign, type = "BRR", hadamard.matrix = sylvester(16)),
  fay = as.svrepdesign(brrdesign, type = "Fay", fay.rho = 0.3, hadamard.matrix = sylvester(16)),
  boot = svrepdesign(data = apiclus1, repweights = as.matrix(boot[match(apiclus1$dnum, boot$dnum), -1]),
                     weights = ~pw, type = "bootstrap", combined.weights = FALSE, scale = bootscale,
                     rscales = rep(1, 50)),
  cal = calibrate(jk1, ~stype, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018)),
  post = postStratify(jk1, ~stype, data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))),
  zero = as.svrepdesign(svydesign(id = ~dnum, weights = ~pw, data = zero, fpc = ~fpc)))
calibrated <- data.frame(snum = apiclus1$snum)
for (name in c("cal", "post")) {
  d <- designs[[name]]
  w <- weights(d, "analysis")
  calibrated[[paste0(name, "pw")]] <- weights(d, "sampling")
  for (r in seq_len(ncol(w))) calibrated[[paste0(name, r)]] <- w[, r]
}
written <- paste0(data, "apiclus1-calibrated-replicates.csv")
if (length(commandArgs(TRUE)) == 0) {
  write.csv(data.frame(lapply(calibrated, function(x) sprintf("%.17g", x))), written, row.names = FALSE,
            quote = FALSE)
} else {
  given <- as.matrix(read.csv(written)); ours <- as.matrix(calibrated)
  stopifnot(all(abs(given - ours) <= 1e-12 * abs(ours)))
}
sink(out)
for (name in names(designs)) {
  d <- designs[[name]]
  for (s in list(c("mean", "api00"), c("total", "api00"), c("proportion", "yes"), c("namean", "ny"))) {
    fun <- if (s[1] == "total") svytotal else svymean
    m <- fun(make.formula(s[2]), d, deff = TRUE, na.rm = TRUE)
    r <- fun(make.formula(s[2]), d, deff = "replace", na.rm = TRUE)
    line("SRS", name, s[1], f(coef(m), SE(m), deff(m)), f(vcov(m) / deff(m)), f(vcov(r) / deff(r)))
  }
  for (s in list(c("mean", "api00"), c("total", "api00"), c("proportion", "yes"), c("namean", "ny"))) {
    fun <- if (s[1] == "total") svytotal else svymean
    b <- svyby(make.formula(s[2]), ~stype, d, fun, deff = TRUE, na.rm = TRUE)
    r <- svyby(make.formula(s[2]), ~stype, d, fun, deff = "replace", na.rm = TRUE)
    deff <- b[[ncol(b)]]
    line("SRSBY", name, s[1], f(coef(b)), f(SE(b)), f(deff), f(SE(b)^2 / deff), f(SE(r)^2 / r[[ncol(r)]]))
  }
}
for (name in c("boot", "cal", "post")) {
  line("SCALES", name, f(designs[[name]]$scale), f(designs[[name]]$rscales))
}
flat <- data.frame(s = c(1, 1, 2, 2, 2), w = 2:6, y0 = 0, y1 = 1, c = 3)
flat <- as.svrepdesign(svydesign(ids = ~1, strata = ~s, weights = ~w, data = flat), type = "JKn")
edge <- list(y0 = svymean(~y0, flat, deff = TRUE), y1 = svymean(~y1, flat, deff = "replace"),
             c = svymean(~c, flat, deff = TRUE), ctotal = svytotal(~c, flat, deff = TRUE))
for (what in names(edge)) line("EDGE", what, f(coef(edge[[what]]), SE(edge[[what]]), deff(edge[[what]])))
one <- data.frame(s = c("a", "a", "b"), w = c(2, 3, 4), y = c(1, 0, 1))
one <- as.svrepdesign(svydesign(ids = ~1, weights = ~w, data = one), type = "JK1")
b <- suppressWarnings(svyby(~y, ~s, one, svymean, deff = TRUE))
line("EDGE", "single", f(coef(b)), f(SE(b)), f(b[[ncol(b)]]))
line("PRINT", "jk1mean"); print(svymean(~api00, designs$jk1, deff = TRUE))
line("PRINT", "jkntotal"); print(svytotal(~api00, designs$jkn, deff = TRUE))
line("PRINT", "fayreplace"); print(svymean(~yes, designs$fay, deff = "replace"))
line("PRINT", "end")
sink()
