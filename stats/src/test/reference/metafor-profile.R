# Reference values for MultilevelProfileTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-profile.R > ../resources/org/smesurvey/stats/meta/metafor-profile.txt
# (also writes konstantopoulos-flat.csv and metafor-profile-print.txt there). Profile-likelihood intervals of the
# variance components of rma.mv fits, metafor's confint(res), their profiles, profile(res, sigma2 = j), and the
# multilevel I^2 of each level, on three data sets:
#   konstantopoulos  dat.konstantopoulos2011, rma.mv(yi, vi, mods, random = ~ 1 | district/school)
#   flat             the same with each district's mean taken out, yi - ave(yi, district) + mean(yi): the
#                    districts' variance is estimated at 0 (the boundary)
#   crossed          crossed.csv of metafor-crossed.R, rma.mv(yi, vi, mods = ~ year + size + ind,
#                    random = list(~ 1 | country, ~ 1 | study/figure))
# Lines (fields separated by ';', numbers by ','):
#   CONFINT;METAFOR;set;method;model;j;sigma2 estimate,ci.lb,ci.ub;sigma estimate,ci.lb,ci.ub
#       metafor's confint(res)[[j]]$random (its uniroot stops at tol = .Machine$double.eps^0.25, about 1.2e-4)
#   CONFINT;TIGHT;...  the same solved tightly: uniroot(tol = 1e-12) on 2 (llmax - pl(s)) - qchisq(0.95, 1), where
#       pl(s) is the profile from rma.mv with the component fixed, logLik(rma.mv(..., sigma2 = c(s, x))) maximised
#       over the other component by optimize(tol = 1e-12) (and its value at 0 when larger); for the three
#       components of 'crossed', by rma.mv(..., sigma2 = c(s, NA, NA), control = list(optimizer = "optim",
#       optmethod = "BFGS", reltol = 1e-14)) (nlminb with rel.tol = 1e-12 stops with "false convergence"; its
#       default fit's logLik agrees with this one to 1e-13 here). llmax is
#       the likelihood at the tight maximum (metafor-multilevel.R's quadratic refinement, or the profile's maximum
#       by optimize where a component is at 0; for 'crossed', metafor-crossed.R's TIGHT components in crossed.txt).
#   PROFILE;METAFOR;set;method;model;j;values;logLik;logLik(res)   profile(res, sigma2 = j)'s grid and values
#   PROFILE;TIGHT;set;method;model;j;values;logLik;llmax            the tight profile pl(s) on the same grid
#   I2;set;method;model;sigma2;typical v;I2 total;I2 per level      the website's formula at the tight sigma2:
#       W <- diag(1/vi); P <- W - W X (X'WX)^-1 X'W; v <- (k - p)/tr(P); 100 sigma2 / (sum(sigma2) + v)
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
out <- "../resources/org/smesurvey/stats/meta/"
dat <- dat.konstantopoulos2011
dat$c <- dat$year - 1990
flat <- dat
flat$yi <- as.numeric(sprintf("%.17g", dat$yi - ave(dat$yi, dat$district) + mean(dat$yi)))
write.csv(data.frame(district = flat$district, school = flat$school, year = flat$year,
                     yi = sprintf("%.17g", flat$yi), vi = sprintf("%.17g", flat$vi)),
          paste0(out, "konstantopoulos-flat.csv"), row.names = FALSE, quote = FALSE)
cr <- read.csv("../resources/org/smesurvey/stats/internal/crossed.csv")
crossed.txt <- "../resources/org/smesurvey/stats/internal/crossed.txt"
cr$ind <- factor(cr$ind)
cr$figure <- seq_len(nrow(cr))
fit <- function(set, model, m, sigma2 = NULL, control = list()) {
  if (set == "crossed") {
    if (is.null(sigma2)) sigma2 <- rep(NA, 3)
    return(rma.mv(yi, vi, mods = ~ year + size + ind, random = list(~ 1 | country, ~ 1 | study/figure), data = cr,
                  method = m, sigma2 = sigma2, control = control))
  }
  d <- if (set == "konstantopoulos") dat else flat
  if (is.null(sigma2)) sigma2 <- c(NA, NA)
  if (model == "intercept") rma.mv(yi, vi, random = ~ 1 | district/school, data = d, method = m, sigma2 = sigma2)
  else rma.mv(yi, vi, mods = ~ c, random = ~ 1 | district/school, data = d, method = m, sigma2 = sigma2)
}
ll <- function(set, model, m, s) c(logLik(fit(set, model, m, s)))
# The profile: component j fixed at v, the other(s) maximised.
pl <- function(set, model, m, j, v) {
  if (set == "crossed") {
    s <- rep(NA, 3); s[j] <- v
    return(c(logLik(fit(set, model, m, s, control = list(optimizer = "optim", optmethod = "BFGS", reltol = 1e-14)))))
  }
  other <- function(x) { s <- numeric(2); s[j] <- v; s[3 - j] <- x; ll(set, model, m, s) }
  o <- optimize(other, c(0, 2), maximum = TRUE, tol = 1e-12)
  max(o$objective, other(0))
}
# metafor-multilevel.R's refinement: a quadratic on metafor's own logLik on 5 x 5 grids of +-1e-4, then +-1e-6.
tighten <- function(set, model, m, s) {
  for (step in c(1e-4, 1e-6, 1e-6)) {
    h <- step * s
    grid <- expand.grid(a = -2:2, b = -2:2)
    grid$ll <- mapply(function(a, b) ll(set, model, m, s + c(a, b) * h), grid$a, grid$b)
    q <- lm(ll ~ a + b + I(a^2) + I(b^2) + I(a * b), data = grid)
    k <- coef(q)
    H <- matrix(c(2 * k[4], k[6], k[6], 2 * k[5]), 2)
    s <- s + c(solve(H, -k[2:3])) * h
  }
  s
}
maximum <- function(set, model, m, res) {
  if (set == "crossed") {
    # metafor-crossed.R's tight maximum (optim, then Newton to a gradient below 1e-9), metafor's logLik there.
    tight <- strsplit(grep(paste0("^", m, ";TIGHT;"), readLines(crossed.txt), value = TRUE), ";")[[1]]
    s <- as.numeric(strsplit(tight[3], ",")[[1]])
    return(list(s = s, ll = ll(set, model, m, s)))
  }
  if (all(res$sigma2 > 1e-6)) {
    s <- tighten(set, model, m, res$sigma2)
    return(list(s = s, ll = ll(set, model, m, s)))
  }
  # A component at the boundary: the profile of the other maximised by optimize (and compared with 0).
  j <- which(res$sigma2 > 1e-6)
  o <- optimize(function(v) pl(set, model, m, j, v), c(0, 2), maximum = TRUE, tol = 1e-12)
  s <- numeric(2); s[j] <- o$maximum
  list(s = s, ll = o$objective)
}
bounds <- function(set, model, m, j, s, llmax) {
  q <- qchisq(0.95, 1)
  g <- function(v) 2 * (llmax - pl(set, model, m, j, v)) - q
  lb <- if (s[j] <= 1e-6 || g(0) <= 0) 0 else uniroot(g, c(0, s[j]), tol = 1e-12, maxiter = 1000)$root
  hi <- max(10, 100 * s[j])
  while (g(hi) <= 0) hi <- 2 * hi
  ub <- uniroot(g, c(s[j], hi), tol = 1e-12, maxiter = 1000)$root
  c(lb, ub)
}
cases <- list(c("konstantopoulos", "REML", "intercept"), c("konstantopoulos", "ML", "intercept"),
              c("konstantopoulos", "REML", "year"), c("flat", "REML", "intercept"), c("flat", "ML", "intercept"),
              c("crossed", "REML", "year+size+ind"))
printed <- character()
for (case in cases) {
  set <- case[1]; m <- case[2]; model <- case[3]
  res <- fit(set, model, m)
  ci <- confint(res)
  top <- maximum(set, model, m, res)
  for (j in seq_along(res$sigma2)) {
    r <- ci[[j]]$random
    cat("CONFINT", "METAFOR", set, m, model, j, f(r[1, ]), f(r[2, ]), sep = ";"); cat("\n")
    b <- bounds(set, model, m, j, top$s, top$ll)
    est <- if (top$s[j] <= 1e-6) 0 else top$s[j]
    cat("CONFINT", "TIGHT", set, m, model, j, f(est, b), f(sqrt(c(est, b))), sep = ";"); cat("\n")
    if (set == "konstantopoulos" && m == "REML" && model == "intercept") {
      printed <- c(printed, paste("###", set, m, model, j, "metafor"), capture.output(print(ci[[j]])))
      tight <- ci[[j]]
      tight$random[1, ] <- c(est, b); tight$random[2, ] <- sqrt(c(est, b))
      printed <- c(printed, paste("###", set, m, model, j, "tight"), capture.output(print(tight)))
    }
    if (model == "intercept" || set == "crossed") {
      p <- profile(res, sigma2 = j, plot = FALSE, progbar = FALSE)
      cat("PROFILE", "METAFOR", set, m, model, j, f(p[[1]]), f(p$ll), f(logLik(res)), sep = ";"); cat("\n")
      cat("PROFILE", "TIGHT", set, m, model, j, f(p[[1]]), f(sapply(p[[1]], function(v) pl(set, model, m, j, v))),
          f(top$ll), sep = ";"); cat("\n")
    }
  }
  if (set == "konstantopoulos") {
    W <- diag(1 / res$vi)
    X <- model.matrix(res)
    P <- W - W %*% X %*% solve(t(X) %*% W %*% X) %*% t(X) %*% W
    v <- (res$k - res$p) / sum(diag(P))
    s <- top$s
    cat("I2", set, m, model, f(s), f(v), f(100 * sum(s) / (sum(s) + v)), f(100 * s / (sum(s) + v)), sep = ";")
    cat("\n")
  }
}
writeLines(printed, paste0(out, "metafor-profile-print.txt"))
