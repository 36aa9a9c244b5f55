# Reference values for ReplicateDegreesOfFreedomTest (R 4.2.2, survey 4.1.1; also run under R 4.5, survey 4.4.2,
# whose degf.svyrep.design, as.svrepdesign, svyglm.svyrep.design and svyciprop are the same code but for
# svrepdesign's new degf argument, left at its default NULL here):
#   Rscript survey-replicate-df.R                                                 (survey-replicate-df.txt)
#   benchmarks/trixie-r.sh run stats/src/test reference/survey-replicate-df.R -4.4   (survey-replicate-df-4.4.txt)
# survey's degf of a replicate design is qr(weights(design, "analysis"), tol = 1e-5)$rank - 1: units of weight 0
# have rows of 0, so replicates only they tell apart count once.
# Designs (the data of survey-replicate-calibration.R; "zero" gives weight 0 to whole units):
#   jk1, jk1zero:   apiclus1-calibration.csv, as.svrepdesign(svydesign(id = ~dnum, weights = ~w, fpc = ~fpc), "JK1"),
#                   zero: districts 637 and 437 of weight 0
#   jkn, jknzero:   apistrat-calibration.csv, as.svrepdesign(svydesign(id = ~1, strata = ~stype, weights = ~w,
#                   fpc = ~fpc), "JKn"), zero: every school whose snum is a multiple of 11 of weight 0
#   brr, brrzero:   apistrat-brr.csv, as.svrepdesign(svydesign(id = ~psu, strata = ~st, weights = ~w, nest = TRUE),
#                   "BRR", hadamard.matrix = H16), zero: the schools of units E1-1 and M2-0 of weight 0
#   boot, bootzero: apiclus1-calibration.csv with survey's bootstrap multipliers of apiclus1-bootstrap.csv,
#                   svrepdesign(repweights, weights = ~w, type = "bootstrap", combined.weights = FALSE,
#                   scale = 15 / (14 * 49), rscales = 1), zero as jk1zero
#   bootdraw:       R's own as.svrepdesign(jk1zero's svydesign, "bootstrap", replicates = 50): its degf
#   jknweights:     svrepdesign(repweights = weights(jknzero, "analysis"), weights = ~w, combined.weights = TRUE,
#                   type = "JKn", scale = 1, rscales = jknzero$rscales)
#   jk1mse:         jk1 with mse = TRUE
# Lines: DEGF;design;degf;svymean(~api00) estimate,se;confint(svymean(~api00), df = degf(design)) lower,upper
#        GLM;design;df.residual;p values;confint   of svyglm(api00 ~ ell + meals, design): t on degf(design) + 1 - 3
#        XLOGIT;design;estimate,lower,upper  svyciprop(~I(sch.wide == "Yes"), design, method = "xlogit") (delta method)
#        LOGIT;design;estimate,lower,upper   svyciprop(~I(sch.wide == "Yes"), design, method = "logit")
#        LOGIT_TIGHT;design;estimate,lower,upper   the same Wald interval of svyglm(I(sch.wide == "Yes") ~ 1, design,
#             family = quasibinomial, control = glm.control(epsilon = 1e-14, maxit = 100)), whose full-sample and
#             replicate fits converge (svyciprop's stop at glm's default epsilon = 1e-8):
#             expit(confint(m, 1, method = "Wald", ddf = degf(design)))
#        LOGIT_NARM;jknzero;estimate,lower,upper   svyciprop(..., na.rm = TRUE) with every 7th answer missing, and its
#        LOGIT_NARM_TIGHT;jknzero;...   tight refit (svyglm drops the missing rows from every replicate's fit; df the
#             whole design's degf)
#        SUBSET;jknzero;method;degf;estimate,lower,upper   svyciprop(~I(yes == 1), subset(jknzero, !is.na(yes)), method)
#             for mean, xlogit, asin: subset() of a replicate design counts degf again on the rows kept
#        SUBSET_TOTAL;jknzero;degf;estimate,se;lower,upper   svytotal(~yes, jknzero, na.rm = TRUE), confint on the
#             subset's degf
args <- commandArgs(trailingOnly = TRUE)
suffix <- if (length(args)) args[1] else ""
suppressMessages(library(survey))
res <- "../resources/org/smesurvey/stats/survey/"
clus1 <- read.csv(paste0(res, "apiclus1-calibration.csv"))
strat <- read.csv(paste0(res, "apistrat-calibration.csv"))
brrdata <- read.csv(paste0(res, "apistrat-brr.csv"))
brrdata$sch.wide <- ifelse(brrdata$yes == 1, "Yes", "No")
boot <- read.csv(paste0(res, "apiclus1-bootstrap.csv"))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
sylvester <- function(k) { h <- matrix(1); while (nrow(h) < k) h <- rbind(cbind(h, h), cbind(h, -h)); h }
bootmult <- as.matrix(boot[match(clus1$dnum, boot$dnum), -1])
clus1$w <- clus1$pw
clus1z <- clus1; clus1z$w[clus1z$dnum %in% c(637, 437)] <- 0
strat$w <- strat$pw
stratz <- strat; stratz$w[stratz$snum %% 11 == 0] <- 0
brrdata$w <- brrdata$pw
brrz <- brrdata; brrz$w[brrz$psu %in% c("E1-1", "M2-0")] <- 0
jk1 <- function(d, ...) as.svrepdesign(svydesign(id = ~dnum, weights = ~w, fpc = ~fpc, data = d), type = "JK1", ...)
jkn <- function(d) as.svrepdesign(svydesign(id = ~1, strata = ~stype, weights = ~w, fpc = ~fpc, data = d),
                                  type = "JKn")
brr <- function(d) as.svrepdesign(svydesign(id = ~psu, strata = ~st, weights = ~w, nest = TRUE, data = d),
                                  type = "BRR", hadamard.matrix = sylvester(16))
bootstrap <- function(d) svrepdesign(data = d, repweights = bootmult, weights = ~w, type = "bootstrap",
                                     combined.weights = FALSE, scale = 15 / (14 * 49), rscales = rep(1, 50))
designs <- list(jk1 = jk1(clus1), jk1zero = jk1(clus1z), jkn = jkn(strat), jknzero = jkn(stratz),
                brr = brr(brrdata), brrzero = brr(brrz), boot = bootstrap(clus1), bootzero = bootstrap(clus1z),
                jk1mse = jk1(clus1, mse = TRUE))
designs$jknweights <- svrepdesign(data = stratz, repweights = weights(designs$jknzero, "analysis"), weights = ~w,
                                  combined.weights = TRUE, type = "JKn", scale = 1,
                                  rscales = designs$jknzero$rscales)
set.seed(26)
bootdraw <- as.svrepdesign(svydesign(id = ~dnum, weights = ~w, fpc = ~fpc, data = clus1z), type = "bootstrap",
                           replicates = 50)
quiet <- function(expr) withCallingHandlers(expr, warning = function(w)
  if (grepl("non-integer|zero weight not used", conditionMessage(w))) invokeRestart("muffleWarning"))
tight <- glm.control(epsilon = 1e-14, maxit = 100)
sink(paste0(res, "survey-replicate-df", suffix, ".txt"))
for (name in names(designs)) {
  d <- designs[[name]]
  m <- svymean(~api00, d)
  line("DEGF", name, degf(d), f(coef(m), SE(m)), f(confint(m, df = degf(d))))
  ci <- svyciprop(~I(sch.wide == "Yes"), d, method = "xlogit")
  line("XLOGIT", name, f(coef(ci), attr(ci, "ci")))
  ci <- quiet(svyciprop(~I(sch.wide == "Yes"), d, method = "logit"))
  line("LOGIT", name, f(coef(ci), attr(ci, "ci")))
  r <- quiet(svyglm(api00 ~ ell + meals, d))
  line("GLM", name, r$df.residual, f(quiet(summary(r))$coefficients[, 4]), f(confint(r)))
  g <- quiet(svyglm(I(sch.wide == "Yes") ~ 1, d, family = quasibinomial, control = tight))
  line("LOGIT_TIGHT", name, f(plogis(coef(g)[[1]]), plogis(confint(g, 1, method = "Wald", ddf = degf(d)))))
}
line("DEGF", "bootdraw", degf(bootdraw))
d <- designs$jknzero
d <- update(d, yes = ifelse(snum %% 7 == 0, NA, as.numeric(sch.wide == "Yes")))
ci <- quiet(svyciprop(~I(yes == 1), d, method = "logit", na.rm = TRUE))
line("LOGIT_NARM", "jknzero", f(coef(ci), attr(ci, "ci")))
g <- quiet(svyglm(I(yes == 1) ~ 1, d, family = quasibinomial, control = tight))
line("LOGIT_NARM_TIGHT", "jknzero", f(plogis(coef(g)[[1]]), plogis(confint(g, 1, method = "Wald", ddf = degf(d)))))
s <- subset(d, !is.na(yes))
t <- svytotal(~yes, d, na.rm = TRUE)
line("SUBSET_TOTAL", "jknzero", degf(s), f(coef(t), SE(t)), f(confint(t, df = degf(s))))
for (method in c("mean", "xlogit", "asin")) {
  ci <- svyciprop(~I(yes == 1), s, method = method)
  line("SUBSET", "jknzero", method, degf(s), f(coef(ci), attr(ci, "ci")))
}
sink()
