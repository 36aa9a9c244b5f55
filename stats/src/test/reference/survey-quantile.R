# Reference values for SurveyQuantileTest: Rscript survey-quantile.R (R 4.2.2, survey 4.1.1), and under R 4.5 /
# survey 4.4.2, from the repository's root (the script reads and writes ../resources):
#   benchmarks/trixie-r.sh run stats/src/test reference/survey-quantile.R 4.4      (writes survey-quantile-4.4.txt)
# Design-based quantiles of firm size (employees, integers with many ties) on the generated SME survey of survey-sme.R
# (sme-survey.csv: 2,400 firms, 3 countries as strata, 30 regions as primary units, 12 firms of weight 0), with
# employees missing for every 37th firm (firm %% 37 == 0), dropped as na.rm = TRUE. The designs, as survey-sme.R:
#   d   <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
#   cal <- calibrate(dpos, ~band + sector, totals, calfun = "raking", epsilon = 1e-12)   (dpos: the firms of weight > 0)
#   post <- postStratify(dpos, ~band, data.frame(band = bands, Freq = c(2683000, 420000, 80000, 17000)))
#   jkn <- as.svrepdesign(d, type = "JKn")
#   fay <- as.svrepdesign(paired, type = "Fay", fay.rho = 0.5, hadamard.matrix = H16)
# Each line: QUANTILE;design;interval.type;qrule;domain;quantile,lower,upper,se for probabilities 0.25, 0.5, 0.75, from
#   svyquantile(~size, x, c(0.25, 0.5, 0.75), ci = TRUE, na.rm = TRUE, interval.type = type, qrule = rule)
#   svyby(~size, ~band, x, svyquantile, quantiles = c(0.25, 0.5, 0.75), ci = TRUE, na.rm = TRUE,
#         interval.type = type, qrule = rule, vartype = c("se", "ci"))
# (domain "" for the whole sample). EDGE lines: probabilities 0 and 0.0001 (below the first firm's share of the weight),
# where survey 4.1.1 and 4.4 differ. DEGF lines: degf of each replicate design's subsets (svyquantile's df).
# TIGHT lines: the score interval with uniroot's tolerance at 1e-12 instead of survey's 1/(100 sqrt(n)).
suppressMessages(library(survey))
args <- commandArgs(TRUE)
out <- "../resources/org/smesurvey/stats/survey/"
file <- if (length(args) && args[1] == "4.4") "survey-quantile-4.4.txt" else "survey-quantile.txt"
sme <- read.csv(paste0(out, "sme-survey.csv"))
sme$size <- ifelse(sme$firm %% 37 == 0, NA, sme$employees)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
bands <- c("0-9", "10-49", "50-249", "250+")
d <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
totals <- c(`(Intercept)` = 3.2e6, `band10-49` = 420000, `band50-249` = 80000, `band250+` = 17000,
            sectorF = 560000, sectorG = 1e6, sectorJ = 170000, sectorM = 520000)
dpos <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme[sme$weight > 0, ], nest = TRUE)
dpos$variables$band <- factor(dpos$variables$band, levels = bands)
cal <- calibrate(dpos, ~band + sector, totals, calfun = "raking", epsilon = 1e-12)
cal$variables$band <- as.character(cal$variables$band)
post <- postStratify(dpos, ~band, data.frame(band = bands, Freq = c(2683000, 420000, 80000, 17000)))
post$variables$band <- as.character(post$variables$band)
sylvester <- function(k) { h <- matrix(1); while (nrow(h) < k) h <- rbind(cbind(h, h), cbind(h, -h)); h }
paired <- svydesign(id = ~region, strata = ~pair, weights = ~weight, data = sme, nest = TRUE)
designs <- list(d = d, cal = cal, post = post, jkn = as.svrepdesign(d, type = "JKn"),
                fay = as.svrepdesign(paired, type = "Fay", fay.rho = 0.5, hadamard.matrix = sylvester(16)))
rules <- c("math", "school", "shahvaish", paste0("hf", 1:9))
probs <- c(0.25, 0.5, 0.75)
# svyby's row k as the same: its columns size.<p>, se.size.<p>, ci_l.size.<p>, ci_u.size.<p>
byRow <- function(b, k) {
  column <- function(prefix) unlist(b[k, grep(prefix, names(b))])
  f(t(cbind(column("^size"), column("^ci_l"), column("^ci_u"), column("^se\\."))))
}
# svyquantile's matrix (rows: probabilities; columns: quantile, lower, upper, se) as one row of numbers
row <- function(q) f(t(q[[1]]))
sink(paste0(out, file))
for (name in names(designs)) {
  x <- designs[[name]]
  replicate <- inherits(x, "svyrep.design")
  types <- c("mean", "beta", "xlogit", "asin", if (replicate) "quantile" else "score")
  if (replicate) {
    line("DEGF", name, f(degf(x), degf(x[!is.na(x$variables$size), ]),
                         sapply(bands, function(b) degf(x[!is.na(x$variables$size) & x$variables$band == b, ]))))
  }
  for (type in types) {
    for (rule in rules) {
      q <- suppressWarnings(svyquantile(~size, x, probs, ci = TRUE, na.rm = TRUE, interval.type = type, qrule = rule))
      line("QUANTILE", name, type, rule, "", row(q))
      b <- suppressWarnings(svyby(~size, ~band, x, svyquantile, quantiles = probs, ci = TRUE, na.rm = TRUE,
                                  interval.type = type, qrule = rule, vartype = c("se", "ci")))
      for (band in bands) {
        k <- which(as.character(b$band) == band)
        line("QUANTILE", name, type, rule, band, byRow(b, k))
      }
    }
  }
  for (rule in c("math", "school", "hf1", "hf2", "hf3", "hf4", "hf7")) {
    q <- suppressWarnings(svyquantile(~size, x, c(0, 0.0001), ci = TRUE, na.rm = TRUE, qrule = rule))
    line("EDGE", name, rule, "", row(q))
    b <- suppressWarnings(svyby(~size, ~band, x, svyquantile, quantiles = c(0, 0.0001), ci = TRUE, na.rm = TRUE,
                                qrule = rule, vartype = c("se", "ci")))
    for (band in bands) line("EDGE", name, rule, band, byRow(b, which(as.character(b$band) == band)))
  }
}
# the score interval solved tightly: survey's ffullerCI with uniroot's tol at 1e-12
tight <- survey:::ffullerCI
body(tight) <- parse(text = sub("tol <- 1/\\(100 \\* sqrt\\(nrow\\(design\\)\\)\\)", "tol <- 1e-12",
                                paste(deparse(body(tight)), collapse = "\n")))[[1]]
environment(tight) <- asNamespace("survey")
for (name in c("d", "cal", "post")) {
  x <- designs[[name]]
  s <- x[!is.na(x$variables$size), ]
  v <- s$variables$size
  if (length(v) < nrow(x)) NULL
  xs <- if (nrow(s) == nrow(x)) ifelse(is.na(x$variables$size), 0, x$variables$size) else v
  r <- sapply(probs, function(p) {
    qhat <- survey:::qrule_math(xs, weights(s), p)
    tight(xs, qhat, p, s, survey:::qrule_math, 0.05, degf(s))
  })
  line("TIGHT", name, f(r))
}
sink()
