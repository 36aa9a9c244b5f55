# Times metafor on the data of MetaAnalysisBenchmark and prints, beside the JMH results, the ratio.
#   Rscript benchmarks/metafor-timing.R benchmarks/target/jmh-meta.csv   (run.sh calls it after JMH, from the root)
# R 4.2.2, metafor 3.8.1 (Debian 12), each call as metafor's defaults run it. The time is elapsed time per call:
# REML on k = 50 is the median of 5 rounds of 100 calls after 20 warm-up calls; leave1out on k = 1,000 (1,000
# REML fits of 999 studies, about 3 s each) is timed once.
suppressMessages(library(metafor))
jmh <- read.csv(commandArgs(TRUE)[1], check.names = FALSE)
data <- function(k) escalc("PLO", xi = xi, ni = ni, data = read.csv(sprintf("benchmarks/data/k%d.csv", k)))
k50 <- data(50)
k1000 <- data(1000)
per_call <- function(f, reps) system.time(for (i in seq_len(reps)) f())[["elapsed"]] / reps

for (i in 1:20) rma(yi, vi, data = k50, method = "REML")
reml <- median(replicate(5, per_call(function() rma(yi, vi, data = k50, method = "REML"), 100)))
fit <- rma(yi, vi, data = k1000, method = "REML")
loo <- per_call(function() leave1out(fit), 1)

seconds <- function(name) {
  row <- jmh[grepl(paste0("\\.", name, "$"), jmh$Benchmark), ]
  row$Score * c("s/op" = 1, "ms/op" = 1e-3, "us/op" = 1e-6, "ns/op" = 1e-9)[[row$Unit]]
}
show <- function(s) if (s >= 1) sprintf("%.2f s", s) else if (s >= 1e-3) sprintf("%.2f ms", s * 1e3) else sprintf("%.1f µs", s * 1e6)
cat("| Task | smesurvey (JMH) | metafor 3.8.1 | Ratio |\n|---|---:|---:|---:|\n")
for (task in list(list("REML, k = 50", "remlK50", reml), list("leave-one-out, k = 1,000", "leaveOneOutK1000", loo))) {
  java <- seconds(task[[2]])
  cat(sprintf("| %s | %s | %s | %.0f× |\n", task[[1]], show(java), show(task[[3]]), task[[3]] / java))
}
