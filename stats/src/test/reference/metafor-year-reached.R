# Reference values for YearReachedTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-year-reached.R > ../resources/org/smesurvey/stats/meta/metafor-year-reached.txt
# The year at which a fitted logit line crosses logit(L), from metafor's coefficients and vcov(res), written out
# (no package computes it): with c the moderator row at time 0 and d its derivative in time,
#   t* = (qlogis(L) - c'b) / d'b,  se = sqrt(g' vcov(res) g) / |d'b| with g = c + t* d,  t* -/+ crit * se
# (crit qnorm(0.975), or qt(0.975, k - p) under Knapp-Hartung).
#   REGRESSION: db <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
#               res <- rma(yi, vi, mods = ~ year + select, data = db, method = "REML", test = t, control = con)
#               for selectyes = 0 and 1 and L = 0.3, 0.6
#   MULTILEVEL: dat.konstantopoulos2011 (its yi taken as logits), c = year - 1990,
#               res <- rma.mv(yi, vi, mods = ~ c, random = ~ 1 | district/school, method = "REML"),
#               its likelihood maximised further as in metafor-multilevel.R; L = plogis(0.1), plogis(0.3)
# Each line: kind; test; selectyes (or -); L; t*, se, lower, upper.
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-14)
reached <- function(b, V, cc, dd, L, crit) {
  t <- (qlogis(L) - sum(cc * b)) / sum(dd * b); g <- cc + t * dd
  se <- sqrt(c(t(g) %*% V %*% g)) / abs(sum(dd * b))
  c(t, se, t - crit * se, t + crit * se)
}
db <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
for (test in c("z", "knha")) {
  res <- rma(yi, vi, mods = ~ year + select, data = db, method = "REML", test = test, control = con)
  crit <- if (test == "z") qnorm(0.975) else qt(0.975, res$k - res$p)
  for (sel in c(0, 1)) for (L in c(0.3, 0.6)) {
    cat("REGRESSION", test, sel, f(L), f(reached(c(res$beta), vcov(res), c(1, 0, sel), c(0, 1, 0), L, crit)), sep = ";")
    cat("\n")
  }
}
dat <- dat.konstantopoulos2011
dat$c <- dat$year - 1990
fit <- function(sigma2 = c(NA, NA)) rma.mv(yi, vi, mods = ~ c, random = ~ 1 | district/school, data = dat,
                                           method = "REML", sigma2 = sigma2)
s <- fit()$sigma2
for (step in c(1e-4, 1e-6, 1e-6)) {
  h <- step * s
  grid <- expand.grid(a = -2:2, b = -2:2)
  grid$ll <- mapply(function(a, b) c(logLik(fit(s + c(a, b) * h))), grid$a, grid$b)
  q <- coef(lm(ll ~ a + b + I(a^2) + I(b^2) + I(a * b), data = grid))
  s <- s + c(solve(matrix(c(2 * q[4], q[6], q[6], 2 * q[5]), 2), -q[2:3])) * h
}
res <- fit(s)
for (L in plogis(c(0.1, 0.3))) {
  cat("MULTILEVEL", "z", "-", f(L), f(reached(c(res$beta), vcov(res), c(1, 0), c(0, 1), L, qnorm(0.975))), sep = ";")
  cat("\n")
}
