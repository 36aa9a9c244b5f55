# Reference values for RateDecompositionTest (R 4.2.2, base R only): Rscript kitagawa.R
# Kitagawa's (1955) decomposition of the gap between two overall rates into rates and size mix, with delta-method
# standard errors (the shares known), written out from its definition for two sets of three size classes
# (10-49, 50-249, 250+): rates from x of n companies, shares from enterprise counts.
xa <- c(320, 220, 144); na <- c(800, 400, 200); Na <- c(30000, 5000, 1000)
xb <- c(150, 135, 90);  nb <- c(500, 300, 150); Nb <- c(40000, 4000, 600)
ra <- xa / na; rb <- xb / nb; va <- ra * (1 - ra) / na; vb <- rb * (1 - rb) / nb
ca <- Na / sum(Na); cb <- Nb / sum(Nb)
Ra <- sum(ca * ra); Rb <- sum(cb * rb)
rates <- sum((ca + cb) / 2 * (ra - rb)); mix <- sum((ra + rb) / 2 * (ca - cb))
se_gap <- sqrt(sum(ca^2 * va + cb^2 * vb))
se_rates <- sqrt(sum(((ca + cb) / 2)^2 * (va + vb))); se_mix <- sqrt(sum(((ca - cb) / 2)^2 * (va + vb)))
cat(sprintf("%.17g", c(Ra, Rb, Ra - Rb, se_gap, rates, se_rates, mix, se_mix)), sep = "\n")
