# Reference values for MultilevelRobustTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0, clubSandwich 0.5.8):
#   Rscript metafor-robust.R > ../resources/org/smesurvey/stats/meta/metafor-robust.txt
# Cluster-robust inference on three-level fits, CR1 by metafor and CR2 by clubSandwich:
#   res <- rma.mv(yi, vi, mods, random = ~ 1 | cluster/estimate, data = d, method = "REML")
#   robust(res, cluster = cluster, adjust = TRUE)                          # CR1: n/(n - p), t on n - p df
#   clubSandwich::coef_test(res, vcov = "CR2", cluster = d$cluster)        # CR2, Satterthwaite df
#   clubSandwich::conf_int(res, vcov = "CR2", cluster = d$cluster)         # its intervals, on those df
# on three designs:
#   KONSTANTOPOULOS  dat.konstantopoulos2011, mods = ~ c (year - 1990), clusters the 11 districts;
#   SINGLE           the same with two dummies, 'one' for district 58 alone and 'two' for districts 11 and 12:
#                    a coefficient carried by one cluster and one carried by two;
#   ADOPTION         the adoption model's design (adoption-like-design.csv: 292 figures in 56 studies, 40 moderator
#                    columns, several dummies carried by one or two studies), clusters the studies.
# As in metafor-multilevel.R, metafor's nlminb stops about 1e-7 from the maximum, so each fit's likelihood is
# maximised further (a quadratic on metafor's own logLik at fixed components, +-1e-4 then twice +-1e-6; on the
# boundary, a component at 0, in the other alone) and every value is metafor's or clubSandwich's at those components.
# Each line: design; sigma2; beta; CR1 se; CR1 tval; CR1 pval; CR1 ci.lb; CR1 ci.ub; CR1 dfs; CR1 QM, QMp (NA when
# metafor could not invert the robust covariance, or without moderators); CR2 vcov by rows; CR2 SE; CR2 tstat;
# CR2 df_Satt; CR2 p_Satt; CR2 CI_L; CR2 CI_U.
suppressMessages({library(metafor); library(clubSandwich)})
f <- function(...) paste(ifelse(is.na(c(...)), "NA", sprintf("%.17g", c(...))), collapse = ",")
k <- dat.konstantopoulos2011
k <- data.frame(cluster = k$district, estimate = k$school, yi = k$yi, vi = k$vi, c = k$year - 1990,
                one = as.numeric(k$district == 58), two = as.numeric(k$district %in% c(11, 12)))
a <- read.csv("../resources/org/smesurvey/stats/meta/adoption-like-design.csv")
a <- data.frame(cluster = a$study, estimate = seq_len(nrow(a)), a[, -1])
designs <- list(
  KONSTANTOPOULOS = list(d = k, mods = ~ c),
  SINGLE = list(d = k, mods = ~ c + one + two),
  ADOPTION = list(d = a, mods = as.formula(paste("~", paste(grep("^m", names(a), value = TRUE), collapse = " + ")))))
tighten <- function(fit, s) {
  if (s[1] < 1e-6 * s[2]) {
    s[1] <- 0
    stopifnot(c(logLik(fit(s))) > c(logLik(fit(s + c(1e-6 * s[2], 0)))))
    for (step in c(1e-4, 1e-6, 1e-6)) {
      h <- step * s[2]; a <- -2:2
      ll <- sapply(a, function(a) c(logLik(fit(c(0, s[2] + a * h)))))
      q <- coef(lm(ll ~ a + I(a^2)))
      s[2] <- s[2] - q[2] / (2 * q[3]) * h
    }
  } else {
    for (step in c(1e-4, 1e-6, 1e-6)) {
      h <- step * s
      grid <- expand.grid(a = -2:2, b = -2:2)
      grid$ll <- mapply(function(a, b) c(logLik(fit(s + c(a, b) * h))), grid$a, grid$b)
      q <- coef(lm(ll ~ a + b + I(a^2) + I(b^2) + I(a * b), data = grid))
      s <- s + c(solve(matrix(c(2 * q[4], q[6], q[6], 2 * q[5]), 2), -q[2:3])) * h
    }
  }
  s
}
for (name in names(designs)) {
  d <- designs[[name]]$d
  fit <- function(sigma2 = c(NA, NA)) rma.mv(yi, vi, mods = designs[[name]]$mods, random = ~ 1 | cluster/estimate,
                                             data = d, method = "REML", sigma2 = sigma2)
  res <- fit()
  res <- fit(tighten(fit, res$sigma2))
  r1 <- robust(res, cluster = d$cluster, adjust = TRUE)
  qm <- if (is.na(r1$QM)) c(NA, NA) else c(r1$QM, r1$QMp)
  v2 <- vcovCR(res, cluster = d$cluster, type = "CR2")
  ct <- coef_test(res, vcov = v2, test = "Satterthwaite")
  ci <- conf_int(res, vcov = v2, test = "Satterthwaite", level = 0.95)
  cat(name, f(res$sigma2), f(res$beta), f(r1$se), f(r1$zval), f(r1$pval), f(r1$ci.lb), f(r1$ci.ub), f(r1$dfs), f(qm),
      f(t(as.matrix(v2))), f(ct$SE), f(ct$tstat), f(ct$df_Satt), f(ct$p_Satt), f(ci$CI_L), f(ci$CI_U), sep = ";")
  cat("\n")
}
