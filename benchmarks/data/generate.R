# The benchmark data sets: SME-style surveys of social-network use, k studies with 50 to 3,000 companies each,
# true logits N(-0.5, 0.6^2). Rscript data/generate.R (R 4.2.2) writes data/k50.csv and data/k1000.csv.
for (k in c(50, 1000)) {
  set.seed(2026 + k)
  ni <- round(exp(runif(k, log(50), log(3000))))
  xi <- rbinom(k, ni, plogis(rnorm(k, -0.5, 0.6)))
  write.csv(data.frame(study = sprintf("S%04d", seq_len(k)), xi = xi, ni = ni),
            sprintf("data/k%d.csv", k), row.names = FALSE, quote = FALSE)
}
