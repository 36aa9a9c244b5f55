# Times metafor's rma.mv on the adoption model's design and prints, beside the JMH results, the ratios.
#   Rscript benchmarks/adoption-timing.R benchmarks/target/jmh-adoption.csv [DESIGN.csv]   (run.sh calls it, from
#   the root; DESIGN.csv is the test resource adoption-design.csv unless given). Debian 12's R 4.2.2 and metafor
#   3.8.1, or Debian 13's R 4.5 and metafor 4.8 (benchmarks/trixie-r.sh); the versions and BLAS are printed. The adoption model's mean is nonlinear (bands are mixtures of size classes), which rma.mv
# cannot fit; its closest linear counterpart is timed: each figure's design row averaged over its size classes (the
# weights of adoption-design.csv), with the model's random effects rma.mv can express,
#   rma.mv(yi, vi, mods = X, random = list(~ 1 | country, ~ 1 | country_kind, ~ source | study, ~ 1 | figure),
#          struct = "DIAG")
# (a country's level by kind of tool; a between-study variance for official statistics and one for private surveys;
# the indicators' own effects, which apply to some figures only, left out). One fit, and the cross-validation that refits it without each study: the
# median of 5 fits after 2 warm-up fits, one pass of the cross-validation.
suppressMessages(library(metafor))
args <- commandArgs(TRUE)
jmh <- read.csv(args[1], check.names = FALSE)
design <- if (length(args) >= 2) args[2] else
  "stats/src/test/resources/org/smesurvey/stats/adoption/adoption-design.csv"
parts <- read.csv(design, check.names = FALSE, na.strings = "")
cols <- names(parts)[-(1:9)]
d <- unique(parts[, c("figure", "yi", "vi", "study", "country", "country_kind", "private")])
X <- rowsum(parts$weight * as.matrix(parts[, cols]), parts$figure)
d$source <- factor(ifelse(d$private == 1, "private", "official"))
fit <- function(rows = seq_len(nrow(d))) {
  rma.mv(yi, vi, mods = X[rows, -1], random = list(~ 1 | country, ~ 1 | country_kind, ~ source | study,
         ~ 1 | figure), struct = "DIAG", data = d[rows, ], method = "REML")
}
for (i in 1:2) fit()
one <- median(replicate(5, system.time(fit())[["elapsed"]]))
studies <- unique(d$study)
cv <- system.time(for (s in studies) try(fit(which(d$study != s)), silent = TRUE))[["elapsed"]]
seconds <- function(name) {
  row <- jmh[grepl(paste0("\\.", name, "$"), jmh$Benchmark), ]
  row$Score * c("s/op" = 1, "ms/op" = 1e-3, "us/op" = 1e-6)[[row$Unit]]
}
java <- seconds("bundledCatalogue")
javaCv <- seconds("crossValidation")
cat(sprintf("%s; BLAS %s; metafor %s\n\n", R.version.string, extSoftVersion()[["BLAS"]], packageVersion("metafor")))
cat(sprintf("| Task | smesurvey (JMH) | metafor %s (linear counterpart) | Ratio |\n|---|---:|---:|---:|\n",
            packageVersion("metafor")))
cat(sprintf("| adoption model, bundled catalogue (k = %d, %d coefficients) | %.1f ms | %.1f ms | %.0f× |\n",
            nrow(d), length(cols), java * 1e3, one * 1e3, one / java))
cat(sprintf("| its cross-validation, each of %d studies left out | %.2f s | %.1f s | %.0f× |\n",
            length(studies), javaCv, cv, cv / javaCv))
