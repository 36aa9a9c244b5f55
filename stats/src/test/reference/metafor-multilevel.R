# Reference values for MultilevelTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-multilevel.R > ../resources/org/smesurvey/stats/meta/metafor-multilevel.txt
# dat.konstantopoulos2011 (56 schools in 11 districts), also written for the test to read:
#   res <- rma.mv(yi, vi, mods, random = ~ 1 | district/school, data = dat, method = m)
#   rob <- robust(res, cluster = district)          # CR1 with metafor's default adjust = TRUE: n/(n - p)
# Each line: sigma2; beta; se; QE, QEp; QM, QMp (NA without moderators); logLik ML and REML (fitstats);
# weights; robust se; robust QM, QMp (NA without moderators); robust dfs; predict(res) or, with the year,
# predict(res, newmods = 5): pred, se, ci.lb, ci.ub, pi.lb, pi.ub; rstandard(res)$z; the BLUPs ranef(res) of the
# districts (in their order of first appearance) and of the schools; then their standard errors (ranef's se).
# metafor's nlminb stops at a relative change of 1e-10 in the likelihood, which leaves the variance components
# about 1e-7 from the maximum (optim's BFGS lands elsewhere at that level). So the TIGHT lines maximise the same
# likelihood further: a quadratic fitted to metafor's own logLik(rma.mv(..., sigma2 = fixed)) on a 5 x 5 grid
# of +-1e-4, then twice +-1e-6 (relative) around the estimate, its maximum taken each time; every other value is
# then metafor's at those
# components (rma.mv with sigma2 fixed).
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
dat <- dat.konstantopoulos2011
dat$c <- dat$year - 1990
write.csv(dat[, c("district", "school", "year", "yi", "vi")], "../resources/org/smesurvey/stats/meta/konstantopoulos2011.csv",
          row.names = FALSE)
fit <- function(model, m, sigma2 = c(NA, NA)) {
  if (model == "intercept") rma.mv(yi, vi, random = ~ 1 | district/school, data = dat, method = m, sigma2 = sigma2)
  else rma.mv(yi, vi, mods = ~ c, random = ~ 1 | district/school, data = dat, method = m, sigma2 = sigma2)
}
tighten <- function(model, m, s) {
  for (step in c(1e-4, 1e-6, 1e-6)) {
    h <- step * s
    grid <- expand.grid(a = -2:2, b = -2:2)
    grid$ll <- mapply(function(a, b) c(logLik(fit(model, m, s + c(a, b) * h))), grid$a, grid$b)
    q <- lm(ll ~ a + b + I(a^2) + I(b^2) + I(a * b), data = grid)
    k <- coef(q)
    H <- matrix(c(2 * k[4], k[6], k[6], 2 * k[5]), 2)
    s <- s + c(solve(H, -k[2:3])) * h
  }
  s
}
for (kind in c("METAFOR", "TIGHT")) for (m in c("REML", "ML")) for (model in c("intercept", "year")) {
  res <- fit(model, m)
  if (kind == "TIGHT") res <- fit(model, m, tighten(model, m, res$sigma2))
  rob <- robust(res, cluster = district)
  qm <- if (model == "intercept") c(NA, NA) else c(res$QM, res$QMp)
  rqm <- if (model == "intercept") c(NA, NA) else c(rob$QM, rob$QMp)
  pr <- if (model == "intercept") predict(res) else predict(res, newmods = 5)
  cat(kind, m, model, f(res$sigma2), f(res$beta), f(res$se), f(res$QE, res$QEp), f(qm),
      f(fitstats(res, REML = FALSE)[1], fitstats(res, REML = TRUE)[1]), f(weights(res)), f(rob$se), f(rqm),
      f(rob$dfs), f(pr$pred, pr$se, pr$ci.lb, pr$ci.ub, pr$pi.lb, pr$pi.ub), f(rstandard(res)$z),
      f(ranef(res)[[1]]$intrcpt), f(ranef(res)[[2]]$intrcpt), f(ranef(res)[[1]]$se), f(ranef(res)[[2]]$se),
      sep = ";")
  cat("\n")
}
