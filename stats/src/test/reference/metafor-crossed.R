# Reference values for CrossedFitTest (R 4.2.2, metafor 3.8.1):
#   Rscript metafor-crossed.R   (writes ../resources/org/smesurvey/stats/internal/crossed.csv and crossed.txt)
# A simulated meta-analysis with crossed random effects: 240 logits in 60 studies in 12 countries (every tenth
# study spans several countries, as a Eurostat release does), fitted as
#   rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure), data = d,
#          method = "REML")  (and method = "ML")
# then tightened: the restricted (or full) likelihood written out densely from its definition,
#   -1/2 [ (k - p) log 2pi - log|X'X| + log|V| + log|X'V^-1 X| + r'V^-1 r ]   (metafor's, REML)
# maximised by optim (BFGS, reltol 1e-16) from metafor's estimate on the log variances, then by Newton steps on
# a central-difference gradient and Hessian until the gradient is below 1e-9. Lines: METAFOR (sigma2, beta),
# TIGHT (sigma2, beta, logLik, vcov by rows), BLUP_COUNTRY, BLUP_STUDY (ranef of the tight fit), PREDICT (for the
# new row year = 3, size = 0.5, ind = b, in country 4 and in a country the data lack: the mean with the country's
# BLUP and its prediction error variance from Henderson's mixed-model equations, written densely), PEV (a contrast of
# random effects, its prediction error variance from the same equations), ROBUST (robust(fit, cluster = study,
# adjust = TRUE) on the fit at the tight components: CR1 standard errors and degrees of freedom).
# Then, for MultilevelCrossedTest (the public MetaAnalysis.multilevel with CrossedFactor), lines API_REML and API_ML:
# metafor's own values on the fit at the tight components, fixed <- rma.mv(..., sigma2 = s) (QE, QM, weights,
# rstandard, predict, ranef with its se, robust), fitstats at the tight components (metafor's fitstats(res) of its
# default fit shifted by the change of the log-likelihood to the tight maximum, so that AIC, BIC and AICc count
# metafor's parameters), and the predictions of PREDICT for either method; a line NESTED_CR2: a crossed factor
# nested in the robust clusters ('team', a country within one of 12 groups of five studies),
#   rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | team, ~ 1 | study/figure), data = d)
# tightened, then clubSandwich 0.5.8's vcovCR(fixed, cluster = group, type = "CR2"), coef_test and conf_int
# (Satterthwaite); a line NOT_APPLICABLE: the country not applying to the figures of the studies that span several
# countries, metafor's random = list(~ applies | country, ~ 1 | study/figure), struct = "DIAG", tau2 = c(0, NA)
# (its tau2[2], sigma2), then tightened (sigma2, beta, logLik); and metafor's print(res) of three fits, with the study and figure named cluster and estimate as
# MultilevelResult names them, written to ../resources/org/smesurvey/stats/meta/metafor-crossed-print.txt.
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
out <- "../resources/org/smesurvey/stats/internal/"
set.seed(2026)
k <- 240; S <- 60; C <- 12
study <- sort(rep(1:S, length.out = k))
country <- sample(1:C, S, replace = TRUE)[study]
multi <- study %% 10 == 0
country[multi] <- sample(1:C, sum(multi), replace = TRUE)
year <- round(runif(S, 2010, 2023))[study] - 2015
size <- rnorm(k)
ind <- factor(sample(c("a", "b", "c"), k, replace = TRUE))
u <- rnorm(C, 0, 0.5)[country] + rnorm(S, 0, 0.4)[study] + rnorm(k, 0, 0.3)
n <- sample(80:2000, k, replace = TRUE)
eta <- -0.5 + 0.15 * year + 0.4 * size + c(0, 0.3, -0.6)[as.integer(ind)] + u
x <- rbinom(k, n, plogis(eta))
d <- escalc(measure = "PLO", xi = x, ni = n)
d$study <- study; d$country <- country; d$year <- year; d$size <- size; d$ind <- ind; d$figure <- 1:k
write.csv(data.frame(yi = sprintf("%.17g", d$yi), vi = sprintf("%.17g", d$vi), study, country, year,
                     size = sprintf("%.17g", size), ind), paste0(out, "crossed.csv"), row.names = FALSE, quote = FALSE)
X <- model.matrix(~ year + size + ind, data = d)
Zc <- outer(d$country, sort(unique(d$country)), "==") * 1
Zs <- outer(d$study, sort(unique(d$study)), "==") * 1
V <- function(s) diag(d$vi + s[3]) + s[1] * Zc %*% t(Zc) + s[2] * Zs %*% t(Zs)
ll <- function(s, reml) {
  Vi <- solve(V(s)); xvx <- t(X) %*% Vi %*% X; b <- solve(xvx, t(X) %*% Vi %*% d$yi); r <- d$yi - X %*% b
  q <- c(t(r) %*% Vi %*% r); ldv <- c(determinant(V(s))$modulus)
  if (reml) -0.5 * ((k - ncol(X)) * log(2 * pi) - c(determinant(crossprod(X))$modulus) + ldv +
                    c(determinant(xvx)$modulus) + q)
  else -0.5 * (k * log(2 * pi) + ldv + q)
}
tighten <- function(s, reml) {
  o <- optim(log(s), function(t) -ll(exp(t), reml), method = "BFGS", control = list(reltol = 1e-16, maxit = 1000))
  s <- exp(o$par)
  for (it in 1:20) {
    h <- 1e-5 * s; m <- length(s)
    g <- sapply(1:m, function(j) { e <- replace(numeric(m), j, h[j]); (ll(s + e, reml) - ll(s - e, reml)) / (2 * h[j]) })
    if (max(abs(g * s)) < 1e-9) break
    H <- matrix(0, m, m)
    for (a in 1:m) for (b in 1:m) {
      ea <- replace(numeric(m), a, h[a]); eb <- replace(numeric(m), b, h[b])
      H[a, b] <- (ll(s + ea + eb, reml) - ll(s + ea - eb, reml) - ll(s - ea + eb, reml) + ll(s - ea - eb, reml)) /
        (4 * h[a] * h[b])
    }
    s <- s - solve(H, g)
  }
  s
}
sink(paste0(out, "crossed.txt"))
tight <- list(); default <- list()
for (method in c("REML", "ML")) {
  reml <- method == "REML"
  res <- rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure), data = d,
                method = method)
  cat(method, "METAFOR", f(res$sigma2), f(res$beta), sep = ";"); cat("\n")
  s <- tighten(res$sigma2, reml)
  tight[[method]] <- s; default[[method]] <- res
  Vi <- solve(V(s)); B <- solve(t(X) %*% Vi %*% X); b <- B %*% t(X) %*% Vi %*% d$yi
  cat(method, "TIGHT", f(s), f(b), f(ll(s, reml)), f(t(B)), sep = ";"); cat("\n")
  if (reml) {
    r <- d$yi - X %*% b; P <- Vi - Vi %*% X %*% B %*% t(X) %*% Vi; Py <- P %*% d$yi
    cat("BLUP_COUNTRY", f(s[1] * t(Zc) %*% Py), sep = ";"); cat("\n")
    cat("BLUP_STUDY", f(s[2] * t(Zs) %*% Py), sep = ";"); cat("\n")
    # Henderson's mixed-model equations, the random effects u = (country, study, figure) with R = diag(vi):
    Z <- cbind(Zc, Zs, diag(k)); G <- diag(c(rep(s[1], ncol(Zc)), rep(s[2], ncol(Zs)), rep(s[3], k)))
    Ri <- diag(1 / d$vi)
    M <- rbind(cbind(t(X) %*% Ri %*% X, t(X) %*% Ri %*% Z), cbind(t(Z) %*% Ri %*% X, t(Z) %*% Ri %*% Z + solve(G)))
    Mi <- solve(M)
    x0 <- c(1, 3, 0.5, 1, 0)
    sol <- Mi %*% rbind(t(X) %*% Ri %*% d$yi, t(Z) %*% Ri %*% d$yi)
    known <- c(x0, replace(numeric(ncol(Z)), 4, 1))
    cat("PREDICT", f(sum(known * sol), c(t(known) %*% Mi %*% known), sum(x0 * b), c(t(x0) %*% B %*% x0) + s[1]),
        sep = ";"); cat("\n")
    # The prediction error variance of a contrast of random effects from the same equations: the first country's
    # effect minus the second's, plus the first study's, minus the third figure's own effect.
    cu <- c(numeric(ncol(X)), replace(numeric(ncol(Z)), c(1, 2, ncol(Zc) + 1, ncol(Zc) + ncol(Zs) + 3), c(1, -1, 1, -1)))
    cat("PEV", f(c(t(cu) %*% Mi %*% cu)), sep = ";"); cat("\n")
    # Cluster-robust (CR1) standard errors by study, metafor's robust() on the fit at the tight components.
    fixed <- rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure), data = d,
                    sigma2 = s)
    rob <- robust(fixed, cluster = d$study, adjust = TRUE)
    cat("ROBUST", f(rob$se), f(rob$dfs), sep = ";"); cat("\n")
  }
}
# The lines for the public API (MultilevelCrossedTest), each method at its tight components.
henderson <- function(s) {
  Vi <- solve(V(s)); B <- solve(t(X) %*% Vi %*% X); b <- B %*% t(X) %*% Vi %*% d$yi
  Z <- cbind(Zc, Zs, diag(k)); G <- diag(c(rep(s[1], ncol(Zc)), rep(s[2], ncol(Zs)), rep(s[3], k)))
  Ri <- diag(1 / d$vi)
  M <- rbind(cbind(t(X) %*% Ri %*% X, t(X) %*% Ri %*% Z), cbind(t(Z) %*% Ri %*% X, t(Z) %*% Ri %*% Z + solve(G)))
  Mi <- solve(M)
  x0 <- c(1, 3, 0.5, 1, 0)
  sol <- Mi %*% rbind(t(X) %*% Ri %*% d$yi, t(Z) %*% Ri %*% d$yi)
  known <- c(x0, replace(numeric(ncol(Z)), 4, 1))
  c(sum(known * sol), c(t(known) %*% Mi %*% known), sum(x0 * b), c(t(x0) %*% B %*% x0) + s[1])
}
for (method in c("REML", "ML")) {
  s <- tight[[method]]; res <- default[[method]]
  fixed <- rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure), data = d,
                  method = method, sigma2 = s)
  fs <- function(r) { x <- fitstats(res, REML = r)[, 1]; x + c(1, -2, -2, -2, -2) * (fitstats(fixed, REML = r)[1, 1] - x[1]) }
  pr <- predict(fixed, newmods = c(3, 0.5, 1, 0))
  re <- ranef(fixed)
  rob <- robust(fixed, cluster = d$study, adjust = TRUE)
  cat(paste0("API_", method), f(fixed$QE, fixed$QEp), f(fixed$QM, fixed$QMp), f(fs(FALSE)), f(fs(TRUE)),
      f(weights(fixed)), f(rstandard(fixed)$z), f(pr$pred, pr$se, pr$ci.lb, pr$ci.ub, pr$pi.lb, pr$pi.ub),
      f(re$country$intrcpt), f(re$country$se), f(re$study$intrcpt), f(re$study$se), f(re$`study/figure`$intrcpt),
      f(re$`study/figure`$se), f(rob$se), f(rob$QM, rob$QMp, rob$dfs), f(henderson(s)), sep = ";"); cat("\n")
}
# A crossed factor nested in the robust clusters, where clubSandwich's CR2 applies.
group <- (d$study - 1) %/% 5 + 1
d$team <- paste(group, d$country)
Zc <- outer(d$team, sort(unique(d$team)), "==") * 1
res <- rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | team, ~ 1 | study/figure), data = d)
s <- tighten(res$sigma2, TRUE)
fixed <- rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | team, ~ 1 | study/figure), data = d,
                sigma2 = s)
suppressMessages(library(clubSandwich))
v2 <- vcovCR(fixed, cluster = group, type = "CR2")
ct <- coef_test(fixed, vcov = v2, test = "Satterthwaite")
ci <- conf_int(fixed, vcov = v2, test = "Satterthwaite", level = 0.95)
r1 <- robust(fixed, cluster = group, adjust = TRUE)
cat("NESTED_CR2", f(s), f(fixed$beta), f(as.matrix(v2)), f(ct$SE), f(ct$tstat), f(ct$df_Satt), f(ct$p_Satt),
    f(ci$CI_L), f(ci$CI_U), f(r1$se), sep = ";"); cat("\n")
# A crossed factor that does not apply to some figures (those of the studies that span several countries): metafor's
# DIAG structure on ~ applies | country with the variance of the rows it does not apply to fixed at 0, tightened.
d$applies <- factor(ifelse(d$study %% 10 == 0, "no", "yes"))
Zc <- outer(d$country, sort(unique(d$country)), "==") * (d$applies == "yes")
res <- rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ applies | country, ~ 1 | study/figure),
              struct = "DIAG", tau2 = c(0, NA), data = d)
s <- tighten(c(res$tau2[2], res$sigma2), TRUE)
Vi <- solve(V(s)); b <- solve(t(X) %*% Vi %*% X, t(X) %*% Vi %*% d$yi)
cat("NOT_APPLICABLE", f(res$tau2[2], res$sigma2), f(s), f(b), f(ll(s, TRUE)), sep = ";"); cat("\n")
sink()
# print(res) as metafor lays it out, the study and figure named as MultilevelResult names them.
d$cluster <- d$study; d$estimate <- d$figure
prints <- list(
  crossed_mods = rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | cluster/estimate),
                        data = d),
  crossed = rma.mv(yi, vi, random = list(~ 1 | country, ~ 1 | cluster/estimate), data = d),
  nested_mods_ml = rma.mv(yi, vi, mods = ~ year + size + ind, random = ~ 1 | cluster/estimate, data = d,
                          method = "ML"))
lines <- character()
for (name in names(prints)) lines <- c(lines, paste0("### ", name), capture.output(print(prints[[name]])))
con <- file("../resources/org/smesurvey/stats/meta/metafor-crossed-print.txt", encoding = "UTF-8")
writeLines(lines, con)
close(con)
