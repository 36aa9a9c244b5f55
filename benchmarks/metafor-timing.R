# Times metafor on the data of MetaAnalysisBenchmark and prints, beside the JMH results, the ratio.
#   Rscript benchmarks/metafor-timing.R benchmarks/target/jmh-meta.csv [DATA_DIR] [reml]   (run.sh calls it after
#   JMH, from the root; DATA_DIR is benchmarks/data unless given; "reml" times REML on k = 50 only, without the
#   27 minutes of leave1out). Debian 12's R 4.2.2 and metafor 3.8.1, or Debian 13's R 4.5 and metafor 4.8
#   (benchmarks/trixie-r.sh), each call as metafor's defaults run it; the versions and BLAS are printed. The time is elapsed time per call:
# REML on k = 50 is the median of 5 rounds of 100 calls after 20 warm-up calls; leave1out on k = 1,000 (1,000
# REML fits of 999 studies, about 3 s each) is timed once.
suppressMessages(library(metafor))
args <- commandArgs(TRUE)
jmh <- read.csv(args[1], check.names = FALSE)
folder <- if (length(args) >= 2) args[2] else "benchmarks/data"
reml_only <- length(args) >= 3 && args[3] == "reml"
data <- function(k) escalc("PLO", xi = xi, ni = ni, data = read.csv(sprintf("%s/k%d.csv", folder, k)))
k50 <- data(50)
k1000 <- data(1000)
per_call <- function(f, reps) system.time(for (i in seq_len(reps)) f())[["elapsed"]] / reps

for (i in 1:20) rma(yi, vi, data = k50, method = "REML")
reml <- median(replicate(5, per_call(function() rma(yi, vi, data = k50, method = "REML"), 100)))
fit <- rma(yi, vi, data = k1000, method = "REML")
loo <- if (reml_only) NA else per_call(function() leave1out(fit), 1)

seconds <- function(name) {
  row <- jmh[grepl(paste0("\\.", name, "$"), jmh$Benchmark), ]
  row$Score * c("s/op" = 1, "ms/op" = 1e-3, "us/op" = 1e-6, "ns/op" = 1e-9)[[row$Unit]]
}
show <- function(s) if (s >= 1) sprintf("%.2f s", s) else if (s >= 1e-3) sprintf("%.2f ms", s * 1e3) else sprintf("%.1f µs", s * 1e6)
cat(sprintf("%s; BLAS %s; metafor %s\n\n", R.version.string, extSoftVersion()[["BLAS"]], packageVersion("metafor")))
cat(sprintf("| Task | smesurvey (JMH) | metafor %s | Ratio |\n|---|---:|---:|---:|\n", packageVersion("metafor")))
tasks <- list(list("REML, k = 50", "remlK50", reml), list("leave-one-out, k = 1,000", "leaveOneOutK1000", loo))
for (task in Filter(function(t) !is.na(t[[3]]), tasks)) {
  java <- seconds(task[[2]])
  cat(sprintf("| %s | %s | %s | %.0f× |\n", task[[1]], show(java), show(task[[3]]), task[[3]] / java))
}
