# The respondent-level benchmark data: 1,000,000 SME respondents in 4 strata and 2,000 primary units (500 per
# stratum), 20 countries x 6 size bands = 120 domains, and a 0/1 answer (uses an external network).
#   Rscript benchmarks/data/respondents.R benchmarks/target/respondents.csv [N]     (run.sh does it; N 1e6 unless
#   given: the 2,000 units, 4 strata and 120 domains stay, with N / 2,000 respondents per unit on average)
# The JK1 case uses 100 groups of 20 units as its clusters ("group").
args <- commandArgs(TRUE)
set.seed(2026)
n <- if (length(args) >= 2) as.numeric(args[2]) else 1e6
psu <- sample(rep(1:2000, length.out = n))
stratum <- paste0("S", (psu - 1) %/% 500 + 1)
country <- sprintf("C%02d", sample(1:20, n, replace = TRUE, prob = 20:1))
band <- c("0-9", "10-19", "20-49", "50-99", "100-249", "250+")[sample(1:6, n, replace = TRUE,
                                                                       prob = c(40, 25, 15, 10, 7, 3))]
weight <- round(runif(n, 5, 50) * c(S1 = 1, S2 = 1.5, S3 = 2, S4 = 3)[stratum], 4)
logit <- -0.8 + 0.25 * match(band, c("0-9", "10-19", "20-49", "50-99", "100-249", "250+")) +
  rnorm(2000, 0, 0.3)[psu] + (as.integer(substr(country, 2, 3)) - 10) * 0.03
external <- as.integer(runif(n) < plogis(logit))
write.csv(data.frame(stratum, psu, group = (psu - 1) %% 100 + 1, weight, country, band, external), args[1],
          row.names = FALSE, quote = FALSE)
