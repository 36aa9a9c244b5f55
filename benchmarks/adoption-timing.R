# Times metafor's rma.mv on the adoption model's design and prints, beside the JMH result, the ratio.
#   Rscript benchmarks/adoption-timing.R benchmarks/target/jmh-adoption.csv   (run.sh calls it, from the root)
# R 4.2.2, metafor 3.8.1: rma.mv(yi, vi, mods, random = ~ 1 | study/figure, method = "REML") with metafor's defaults
# on the design AdoptionModel builds from the bundled catalogue; the median of 5 calls after 2 warm-up calls.
suppressMessages(library(metafor))
jmh <- read.csv(commandArgs(TRUE)[1], check.names = FALSE)
d <- read.csv("stats/src/test/resources/org/smesurvey/stats/adoption/adoption-design.csv")
d$figure <- seq_len(nrow(d))
mods <- as.formula(paste("~", paste(grep("^m", names(d), value = TRUE), collapse = " + ")))
fit <- function() rma.mv(yi, vi, mods = mods, random = ~ 1 | study/figure, data = d, method = "REML")
for (i in 1:2) fit()
r <- median(replicate(5, system.time(fit())[["elapsed"]]))
row <- jmh[grepl("\\.bundledCatalogue$", jmh$Benchmark), ]
java <- row$Score * c("s/op" = 1, "ms/op" = 1e-3, "us/op" = 1e-6)[[row$Unit]]
cat("| Task | smesurvey (JMH) | metafor 3.8.1 | Ratio |\n|---|---:|---:|---:|\n")
cat(sprintf("| adoption model, bundled catalogue (k = %d, %d coefficients) | %.1f ms | %.1f ms | %.0f× |\n",
            nrow(d), length(grep("^m", names(d))) + 1, java * 1e3, r * 1e3, r / java))
