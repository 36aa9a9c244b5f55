# Reference values for SmeSurveyParityTest (R 4.2.2, survey 4.1.1): Rscript survey-sme.R
# A generated survey of SME social-network adoption (set.seed(2026)): 3 countries (strata) x 10 regions (primary
# units), 2,400 firms sampled disproportionately by size band (weights 1/probability by band and country), NACE
# section, employees, external network use (a logistic model in band, country and section) and internal network use
# (missing for about 3 %), 12 firms with weight 0. Written to sme-survey.csv. Then:
#   d   <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
#   cal <- calibrate(d without the firms of weight 0, ~band + sector, totals, calfun = "raking", epsilon = 1e-12)
#   jkn <- as.svrepdesign(d, type = "JKn")
#   logit <- calibrate(dpos, ~band + sector, totals, calfun = "logit", bounds = c(0.3, 3), epsilon = 1e-12)
#   trim <- trimWeights(cal, upper = 1500)
#   fay <- as.svrepdesign(svydesign(id = ~region, strata = ~pair, ...), type = "Fay", fay.rho = 0.5,
#                         hadamard.matrix = H16): the 30 regions paired into 15 strata of two (pair), Sylvester's
#                         matrix of order 16
# and on each of them:
#   GLM      svyglm(external ~ band + country + sector, quasibinomial) - 10 coefficients; refitted from its own
#            estimate (start = coef) so its covariance rests on working weights at the final coefficients
#   TERM     regTermTest(g, ~band) Wald F; regTermTest(g, ~band, method = "LRT")   (statistic, p, tight p)
#   MARGINS  svypredmeans(svyglm(external ~ country + sector), ~band)  (levels sorted; vcov by row)
#   BY       svyby(~external, ~band, svymean, covmat = TRUE) (cal: svyrecvar of the influence functions, as
#            survey-calibration.R, since svyby(covmat = TRUE) stops on calibrated designs); CONTRAST 50-249 - 10-49
#   JOINT    svymean(~external + internal, na.rm = TRUE), vcov, svycontrast(external - internal)
#   PREDICT  predict(g, data.frame(band = "50-249", country = "FR", sector = "J"), se.fit = TRUE), link and response
#   POISSON  svyglm(employees ~ band + country, quasipoisson) coefficients and standard errors
#   RATIO    svyratio(~adopters, ~employees): the share of employees in firms using external networks
#   CHISQ    svychisq(~external + band, statistic = "F")
suppressMessages(library(survey))
set.seed(2026)
out <- "../resources/org/smesurvey/stats/survey/"
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
bands <- c("0-9", "10-49", "50-249", "250+")
n <- 2400
country <- sample(c("DE", "ES", "FR"), n, replace = TRUE, prob = c(0.4, 0.25, 0.35))
region <- paste(country, sample(1:10, n, replace = TRUE), sep = "-")
band <- sample(bands, n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
sector <- sample(c("C", "F", "G", "J", "M"), n, replace = TRUE, prob = c(0.25, 0.15, 0.3, 0.1, 0.2))
low <- c(0, 10, 50, 250)[match(band, bands)]
high <- c(9, 49, 249, 2000)[match(band, bands)]
employees <- round(exp(runif(n, log(low + 1), log(high + 1)))) - (band == "0-9")
employees <- pmax(employees, low)
share <- c(0.00035, 0.0017, 0.006, 0.014)[match(band, bands)] * c(DE = 1, ES = 1.3, FR = 1.1)[country]
weight <- round(1 / share, 3)
weight[sample(n, 12)] <- 0
eta <- -0.9 + c(0, 0.5, 0.9, 1.4)[match(band, bands)] + c(DE = 0, ES = 0.3, FR = -0.2)[country] +
  c(C = 0, F = -0.6, G = 0.4, J = 1.2, M = 0.5)[sector]
external <- rbinom(n, 1, plogis(eta))
internal <- rbinom(n, 1, plogis(eta - 1.5 + 0.8 * external))
internal[sample(n, 72)] <- NA
pair <- paste(country, (as.integer(sub(".*-", "", region)) + 1) %/% 2, sep = "-")
sme <- data.frame(firm = seq_len(n), country, region, pair, band, sector, employees, weight, external, internal)
write.csv(sme, paste0(out, "sme-survey.csv"), row.names = FALSE, na = "")
sme$band <- factor(sme$band, levels = bands)
sme$adopters <- sme$employees * sme$external
d <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
totals <- c(`(Intercept)` = 3.2e6, `band10-49` = 420000, `band50-249` = 80000, `band250+` = 17000,
            sectorF = 560000, sectorG = 1e6, sectorJ = 170000, sectorM = 520000)
# survey's GREG variance divides by the calibrated weights, so firms of weight 0 make it NaN: the calibrated design
# is built without them (they add nothing to any estimate; the Java calibrates the whole file, zeros included).
dpos <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme[sme$weight > 0, ], nest = TRUE)
cal <- calibrate(dpos, ~band + sector, totals, calfun = "raking", epsilon = 1e-12)
sylvester <- function(k) { h <- matrix(1); while (nrow(h) < k) h <- rbind(cbind(h, h), cbind(h, -h)); h }
paired <- svydesign(id = ~region, strata = ~pair, weights = ~weight, data = sme, nest = TRUE)
designs <- list(d = d, cal = cal, jkn = as.svrepdesign(d, type = "JKn"),
                logit = calibrate(dpos, ~band + sector, totals, calfun = "logit", bounds = c(0.3, 3), epsilon = 1e-12),
                trim = trimWeights(cal, upper = 1500),
                fay = as.svrepdesign(paired, type = "Fay", fay.rho = 0.5, hadamard.matrix = sylvester(16)))
tight <- glm.control(epsilon = 1e-14, maxit = 100)
saddle0 <- survey:::saddle
tightSaddle <- eval(parse(text = sub("tol = 1e-08", "tol = 1e-14", paste(deparse(saddle0), collapse = "\n"))))
environment(tightSaddle) <- asNamespace("survey")
sink(paste0(out, "survey-sme.txt"))
line("TOTALS", f(totals))
for (name in names(designs)) {
  x <- designs[[name]]
  g0 <- svyglm(external ~ band + country + sector, design = x, family = quasibinomial(), control = tight)
  g <- update(g0, start = coef(g0))
  g$call$start <- NULL
  line("GLM", name, f(coef(g)), f(sqrt(diag(vcov(g)))), g$df.residual)
  new <- data.frame(band = factor("50-249", levels = bands), country = factor("FR", levels = c("DE", "ES", "FR")),
                    sector = factor("J", levels = c("C", "F", "G", "J", "M")))
  pl <- predict(g, newdata = new, type = "link", se.fit = TRUE)
  pr <- predict(g, newdata = new, type = "response", se.fit = TRUE)
  line("PREDICT", name, f(pl, SE(pl), pr, SE(pr)))
  q0 <- svyglm(employees ~ band + country, design = x, family = quasipoisson(), control = tight)
  q <- update(q0, start = coef(q0))
  line("POISSON", name, f(coef(q)), f(sqrt(diag(vcov(q)))))
  w <- regTermTest(g, ~band)
  line("TERM", name, "Wald", f(w$Ftest), f(w$p), f(w$p))
  assignInNamespace("saddle", saddle0, "survey")
  l <- regTermTest(g, ~band, method = "LRT")
  assignInNamespace("saddle", tightSaddle, "survey")
  l2 <- regTermTest(g, ~band, method = "LRT")
  assignInNamespace("saddle", saddle0, "survey")
  line("TERM", name, "LRT", f(l$chisq), f(l$p), f(l2$p))
  pm <- svypredmeans(svyglm(external ~ country + sector, design = x, family = quasibinomial(), control = tight),
                     ~band)
  o <- order(names(coef(pm)))
  line("MARGINS", name, f(coef(pm)[o]), f(t(vcov(pm)[o, o])))
  if (name %in% c("cal", "logit", "trim")) {
    wt <- weights(x); y <- x$variables$external; s <- x$variables$band
    lv <- sort(levels(s))
    Z <- sapply(lv, function(l) { i <- s == l; p <- sum(wt[i] * y[i]) / sum(wt[i]); i * wt * (y - p) / sum(wt[i]) })
    V <- svyrecvar(Z, x$cluster, x$strata, x$fpc, postStrata = x$postStrata)
    est <- sapply(lv, function(l) { i <- s == l; sum(wt[i] * y[i]) / sum(wt[i]) })
    cc <- c(-1, 0, 0, 1)[match(lv, c("10-49", "0-9", "250+", "50-249"))]
    line("BY", name, f(est), f(t(V)))
    line("CONTRAST", name, f(sum(cc * est), sqrt(c(t(cc) %*% V %*% cc))))
  } else {
    b <- svyby(~external, ~band, x, svymean, covmat = TRUE)
    o <- order(as.character(b$band))
    line("BY", name, f(coef(b)[o]), f(t(vcov(b)[o, o])))
    s <- svycontrast(b, c(`10-49` = -1, `50-249` = 1))
    line("CONTRAST", name, f(coef(s), SE(s)))
  }
  m <- svymean(~external + internal, x, na.rm = TRUE)
  s <- svycontrast(m, c(external = 1, internal = -1))
  line("JOINT", name, f(coef(m)), f(t(vcov(m))), f(coef(s), SE(s)))
  r <- svyratio(~adopters, ~employees, x)
  line("RATIO", name, f(coef(r), SE(r)))
  q <- svychisq(~external + band, x, statistic = "F")
  line("CHISQ", name, f(q$statistic), f(q$parameter), f(q$p.value))
}
sink()

