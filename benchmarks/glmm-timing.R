# Times metafor's rma.glmm on GlmmBenchmark's studies and prints, beside the JMH result, the ratio.
#   Rscript benchmarks/glmm-timing.R benchmarks/target/jmh-glmm.csv   (run.sh calls it, from the root)
# Debian 12 (R 4.2.2, metafor 3.8.1, lme4 1.1-31) or 13 (benchmarks/trixie-r.sh; versions printed): rma.glmm(measure = "PLO", xi, ni) with its defaults (ML, nAGQ = 7, which
# also fits the equal-effects and the saturated GLMs for its heterogeneity tests) on study i of k:
# n_i = 20 + (37 i mod 480), x_i = round(n_i plogis(-0.5 + 1.2 sin(i))); the median of 3 calls after one warm-up.
suppressMessages({library(metafor); library(lme4)})
jmh <- read.csv(commandArgs(TRUE)[1], check.names = FALSE)
cat(sprintf("%s; BLAS %s; metafor %s, lme4 %s\n\n", R.version.string, extSoftVersion()[["BLAS"]],
            packageVersion("metafor"), packageVersion("lme4")))
cat(sprintf("| Task | smesurvey (JMH) | metafor %s | Ratio |\n|---|---:|---:|---:|\n", packageVersion("metafor")))
for (k in c(50, 1000)) {
  i <- seq_len(k); n <- 20 + (37 * i) %% 480; x <- round(n * plogis(-0.5 + 1.2 * sin(i)))
  fit <- function() rma.glmm(measure = "PLO", xi = x, ni = n)
  fit()
  r <- median(replicate(3, system.time(fit())[["elapsed"]]))
  row <- jmh[grepl("\\.randomEffects$", jmh$Benchmark) & jmh[["Param: k"]] == k, ]
  java <- row$Score * c("s/op" = 1, "ms/op" = 1e-3, "us/op" = 1e-6)[[row$Unit]]
  cat(sprintf("| binomial-normal GLMM, 7 nodes (k = %d) | %.2f ms | %.1f ms | %.0f× |\n", k, java * 1e3, r * 1e3,
              r / java))
}
