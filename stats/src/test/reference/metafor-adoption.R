# Reference values for AdoptionModelTest (R 4.2.2, metafor 3.8.1):
#   Rscript metafor-adoption.R > ../resources/org/smesurvey/stats/adoption/metafor-adoption.txt
# The adoption model's design on the bundled catalogue (adoption-design.csv, as AdoptionModel builds it: the
# test checks it is still what the Java code builds), fitted as
#   rma.mv(yi, vi, mods = ~ m1 + ... + mN, random = ~ 1 | study/figure, data = d, method = "REML")
# (the columns' names in adoption-names.txt)
# then, as in metafor-multilevel.R, its likelihood maximised further (a quadratic on metafor's logLik at fixed
# components, +-1e-4 then twice +-1e-6; on the boundary sigma2.1 = 0 in sigma2.2 alone). Lines: METAFOR and
# TIGHT, each sigma2; beta; se.
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
d <- read.csv("../resources/org/smesurvey/stats/adoption/adoption-design.csv")
d$figure <- seq_len(nrow(d))
mods <- as.formula(paste("~", paste(grep("^m", names(d), value = TRUE), collapse = " + ")))
fit <- function(sigma2 = c(NA, NA)) rma.mv(yi, vi, mods = mods, random = ~ 1 | study/figure, data = d,
                                           method = "REML", sigma2 = sigma2)
res <- res0 <- fit()
cat("METAFOR", f(res$sigma2), f(res$beta), f(res$se), sep = ";"); cat("\n")
s <- res$sigma2
if (s[1] < 1e-6 * s[2]) {
  # metafor stops just above 0 in the between-study component: the maximum is on the boundary (the likelihood
  # falls when that component grows from 0), so the tight fit fixes it at 0 and maximises in the other alone.
  s[1] <- 0
  stopifnot(c(logLik(fit(s))) > c(logLik(fit(s + c(1e-6 * s[2], 0)))))
  for (step in c(1e-4, 1e-6, 1e-6)) {
    h <- step * s[2]
    a <- -2:2
    ll <- sapply(a, function(a) c(logLik(fit(c(0, s[2] + a * h)))))
    k <- coef(lm(ll ~ a + I(a^2)))
    s[2] <- s[2] - k[2] / (2 * k[3]) * h
  }
} else {
  for (step in c(1e-4, 1e-6, 1e-6)) {
    h <- step * s
    grid <- expand.grid(a = -2:2, b = -2:2)
    grid$ll <- mapply(function(a, b) c(logLik(fit(s + c(a, b) * h))), grid$a, grid$b)
    q <- lm(ll ~ a + b + I(a^2) + I(b^2) + I(a * b), data = grid)
    k <- coef(q)
    s <- s + c(solve(matrix(c(2 * k[4], k[6], k[6], 2 * k[5]), 2), -k[2:3])) * h
  }
}
res <- fit(s)
cat("TIGHT", f(res$sigma2), f(res$beta), f(res$se), sep = ";"); cat("\n")
# Fit statistics (REML): logLik, deviance, AIC, BIC, AICc. FITSTATS_METAFOR is fitstats() of metafor's own fit;
# FITSTATS those of the tight fit by metafor's formulas, its two components counted as estimated (fitstats(res)
# would not count them, res having been given them).
cat("FITSTATS_METAFOR", f(fitstats(res0)), sep = ";"); cat("\n")
ll <- c(logLik(res)); P <- length(res$beta) + 2; n <- nrow(d) - length(res$beta); m <- max(n, P + 2)
cat("FITSTATS", f(ll, -2 * ll, -2 * ll + 2 * P, -2 * ll + P * log(n), -2 * ll + 2 * P * m / (m - P - 1)), sep = ";")
cat("\n")
# On the tight fit: predict(res, newmods = row) for year + 3 and log size + 0.5 (centred), social networks, external
# networks, a probability sample; and where that kind's line crosses logit(0.5) and logit(0.8), with the delta-method
# standard error sqrt(g' vcov g)/|d'b|, g = c + t d (c the row at the centre year, d its derivative in the year).
cols <- readLines("../resources/org/smesurvey/stats/adoption/adoption-names.txt", encoding = "UTF-8")[-1]
at <- function(values) { r <- setNames(rep(0, length(cols)), cols); r[names(values)] <- values; unname(r) }
row <- at(c("year" = 3, "log size" = 0.5, "year × log size" = 1.5, "indicator social_networks" = 1,
            "scope external" = 1))
p <- predict(res, newmods = row)
cat("PREDICT", f(p$pred, p$se, p$ci.lb, p$ci.ub, p$pi.lb, p$pi.ub), sep = ";"); cat("\n")
cc <- c(1, at(c("log size" = 0.5, "indicator social_networks" = 1, "scope external" = 1)))
dd <- c(0, at(c("year" = 1, "year × log size" = 0.5))); b <- c(res$beta)
for (L in c(0.5, 0.8)) {
  t <- (qlogis(L) - sum(cc * b)) / sum(dd * b); g <- cc + t * dd
  cat("CROSSING", L, f(t, sqrt(c(t(g) %*% vcov(res) %*% g)) / abs(sum(dd * b))), sep = ";"); cat("\n")
}
# On the tight fit, the best linear unbiased predictions each figure carries, ranef(res), one value per row of the
# design: RANEF_STUDY (its study's effect), RANEF_FIGURE (its own effect within the study) and SAMPLING, what is
# left of its residual, resid(res) - both.
u <- ranef(res)
study <- u$study[d$study, "intrcpt"]
figure <- u$`study/figure`[paste(d$study, d$figure, sep = "/"), "intrcpt"]
cat("RANEF_STUDY", f(study), sep = ";"); cat("\n")
cat("RANEF_FIGURE", f(figure), sep = ";"); cat("\n")
cat("SAMPLING", f(resid(res) - study - figure), sep = ";"); cat("\n")
# Their standard errors: ranef's se per row (RANEF_STUDY_SE, RANEF_FIGURE_SE), sqrt(diag(D - D Z'PZ D)), and for
# the gap between the first and the last figure (GAP_SE: studies, figures, sampling error) the same prediction-error
# variance g'Dg - g'DZ'PZDg of the difference, with (u, w, e) of covariance D = diag(sigma2.1 I, sigma2.2 I, V).
cat("RANEF_STUDY_SE", f(u$study[d$study, "se"]), sep = ";"); cat("\n")
cat("RANEF_FIGURE_SE", f(u$`study/figure`[paste(d$study, d$figure, sep = "/"), "se"]), sep = ";"); cat("\n")
Z <- outer(d$study, rownames(u$study), "==") * 1
W <- solve(res$M); X <- model.matrix(res)
P <- W - W %*% X %*% solve(t(X) %*% W %*% X) %*% t(X) %*% W
k <- nrow(d); e <- function(i) { v <- rep(0, k); v[i] <- 1; v }
pev <- function(h, gdg) sqrt(gdg - c(t(h) %*% P %*% h))
zs <- Z[1, ] - Z[k, ]
cat("GAP_SE", f(pev(res$sigma2[1] * Z %*% zs, res$sigma2[1] * sum(zs^2)),
                pev(res$sigma2[2] * (e(1) - e(k)), 2 * res$sigma2[2]),
                pev(d$vi * (e(1) - e(k)), d$vi[1] + d$vi[k])), sep = ";"); cat("\n")
# A gap between two size profiles (ProfileGapTest), on the tight fit: Destatis 2019 (DE) against SCB 2013 (SE) over
# the classes 10-49 and 250+, each weighted by its population in the bundled populations.csv (DE: the register's
# sections C-J and L-N of 2022 summed; SE: SCB 2016). Kitagawa's size mix with its delta-method SE (the variances
# p(1-p)/n of the samples the model weighs the figures by, p^2 (1-p)^2 vi), then each class's gap split as above,
# each part summed over the classes with weight cbar_i k_i (k_i the class gap's points per logit), with the SE of the
# summed contrast. Line PROFILE: Ra, Rb, gap in points, size mix, its SE; then the parts time, size, indicator, scope,
# sampling, country, respondent, studies, figures, sampling error in points; then their SEs.
pop <- read.csv("../../../../core/src/main/resources/org/smesurvey/core/bundled/populations.csv")
de <- pop[pop$population_id %in% paste0("DESTATIS_URS_2022_", c(LETTERS[3:10], LETTERS[12:14])), ]
se <- pop[pop$population_id == "SCB_FTG_2016", ]
count <- function(p, lo, hi) sum(p$enterprises[p$size_min == lo & (if (is.na(hi)) is.na(p$size_max) else
  (!is.na(p$size_max) & p$size_max == hi))])
Na <- c(count(de, 10, 49), count(de, 250, NA)); Nb <- c(count(se, 10, 49), count(se, 250, NA))
ca <- Na / sum(Na); cb <- Nb / sum(Nb); cbar <- (ca + cb) / 2
row <- function(study, p) { i <- which(d$study == study & abs(d$yi - qlogis(p)) < 1e-9); stopifnot(length(i) == 1); i }
A <- c(row("DESTATIS_2020", 0.44), row("DESTATIS_2020", 0.79)); B <- c(row("SCB_2013", 0.41), row("SCB_2013", 0.69))
pa <- plogis(d$yi[A]); pb <- plogis(d$yi[B])
vp <- function(i) d$vi[i] * plogis(d$yi[i])^2 * (1 - plogis(d$yi[i]))^2
mix <- sum((pa + pb) / 2 * (ca - cb)); se_mix <- sqrt(sum(((ca - cb) / 2)^2 * (vp(A) + vp(B))))
dims <- c("time", "size", "indicator", "scope", "sampling", "country", "respondent")
dim_of <- function(name) sub(" .*", "", name)
G <- matrix(0, length(dims), ncol(X), dimnames = list(dims, colnames(X)))
zs <- rep(0, ncol(Z)); es <- rep(0, k); pts <- setNames(rep(0, 10), c(dims, "studies", "figures", "sampling error"))
for (i in seq_along(A)) {
  a <- A[i]; bb <- B[i]; xa <- X[a, ]; xb <- X[bb, ]
  kk <- 100 * (pa[i] - pb[i]) / (d$yi[a] - d$yi[bb])
  g <- matrix(0, length(dims), ncol(X), dimnames = list(dims, colnames(X)))
  for (j in 2:ncol(X)) {
    nm <- cols[j - 1]
    if (nm == "year") g["time", j] <- xa[j] - xb[j]
    else if (nm == "log size") g["size", j] <- xa[j] - xb[j]
    else if (nm == "year × log size") {
      g["time", j] <- (xa[3] + xb[3]) / 2 * (xa[2] - xb[2]); g["size", j] <- (xa[2] + xb[2]) / 2 * (xa[3] - xb[3])
    } else g[dim_of(nm), j] <- xa[j] - xb[j]
  }
  study <- u$study[d$study[a], "intrcpt"] - u$study[d$study[bb], "intrcpt"]
  figure <- u$`study/figure`[paste(d$study[a], a, sep = "/"), "intrcpt"] -
    u$`study/figure`[paste(d$study[bb], bb, sep = "/"), "intrcpt"]
  logit <- c(g %*% b)
  parts <- c(logit, study, figure, d$yi[a] - d$yi[bb] - sum(logit) - study - figure)
  pts <- pts + cbar[i] * kk * parts
  G <- G + cbar[i] * kk * g
  zs <- zs + cbar[i] * kk * (Z[a, ] - Z[bb, ]); es <- es + cbar[i] * kk * (e(a) - e(bb))
}
ses <- c(apply(G, 1, function(v) sqrt(c(t(v) %*% vcov(res) %*% v))),
         pev(res$sigma2[1] * Z %*% zs, res$sigma2[1] * sum(zs^2)), pev(res$sigma2[2] * es, res$sigma2[2] * sum(es^2)),
         pev(d$vi * es, sum(d$vi * es^2)))
cat("PROFILE", f(sum(ca * pa), sum(cb * pb), 100 * (sum(ca * pa) - sum(cb * pb)), 100 * mix, 100 * se_mix), f(pts),
    f(ses), sep = ";"); cat("\n")
