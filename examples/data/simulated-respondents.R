# A simulated SME survey for the EstimateFromRespondents example (not real answers): 2,000 French companies in
# 4 strata (the size categories of the LME law: 0-9, 10-249, 250-4999, 5000+) with up to 50 primary units each
# (local business registers), and whether each uses an external and an internal social network.
#   Rscript examples/data/simulated-respondents.R \
#       > examples/src/main/resources/org/smesurvey/examples/simulated-respondents.csv       (R 4.2.2)
set.seed(20261122)
n <- 2000
band <- sample(c("0-9", "10-249", "250-4999", "5000+"), n, replace = TRUE, prob = c(0.45, 0.35, 0.15, 0.05))
psu <- paste0(band, "-", sample(1:50, n, replace = TRUE))
region <- sample(c("Ile-de-France", "Auvergne-Rhone-Alpes", "Occitanie", "Hauts-de-France", "Grand Est"), n,
                 replace = TRUE)
weight <- round(c("0-9" = 4000, "10-249" = 200, "250-4999" = 20, "5000+" = 3)[band] * runif(n, 0.8, 1.2), 2)
level <- match(band, c("0-9", "10-249", "250-4999", "5000+"))
external <- as.integer(runif(n) < plogis(-0.6 + 0.45 * level))
internal <- as.integer(runif(n) < plogis(-3.2 + 0.8 * level))
write.csv(data.frame(band, psu, region, weight, external, internal), stdout(), row.names = FALSE, quote = FALSE)
