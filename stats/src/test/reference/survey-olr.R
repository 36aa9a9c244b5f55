# Reference values for OrdinalRegressionTest (R 4.2.2, survey 4.1.1; also run under R 4.5 / survey 4.4.2, see
# OrdinalRegressionTest): Rscript survey-olr.R [output]
# Design-based proportional-odds regression, survey's svyolr, on the generated SME survey of survey-sme.R
# (sme-survey.csv: 3 countries as strata, 30 regions as primary units, 12 firms of weight 0). An ordered answer is
# added with set.seed(2612): "how important are social networks to your firm", 1 (not at all) to 5 (essential), from
# a latent logistic model in size band, country, NACE section and external network use; a copy with 48 answers
# missing. Written to sme-importance.csv. Designs:
#   d    svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
#   post postStratify(d, ~band, population by band)
#   jkn  as.svrepdesign(d1, type = "JKn"), d1 as d with the weights divided by their mean: MASS::polr, which
#        svyolr.svyrep.design calls, fails on the raw weights (its starting glm diverges: "initial value in 'vmmin'
#        is not finite"); the fit and the replicates' spread do not depend on the weights' scale.
# Model: importance ~ band + country + sector + external, method "logistic" and "probit" (and, on d, the answer with
# missing values, na.omit); "cloglog" on d and post, which svyolr.survey.design2 fits with survey:::pgumbel,
# F(z) = exp(-exp(-z)) (MASS::polr's "loglog"; polr's "cloglog", which svyolr.svyrep.design would use, is
# 1 - exp(-exp(z)), and its replicates are refitted logistic, so jkn is left out). Lines (numbers %.17g, comma separated; estimates: the 10 coefficients then the 4
# intercepts zeta, names 1|2 .. 4|5):
#   SVYOLR;design;answer;method;estimates;standard errors;deviance;df.residual   svyolr's own values (optim stops
#       early; on jkn the replicates are refitted with polr's default method, logistic, whatever the method asked)
#   ERROR;design;answer;method;message     where svyolr stops (survey 4.4.2 on d and post, see below)
#   TIGHT;design;answer;method;estimates;standard errors;deviance;logLik
#       the same weighted likelihood maximised by Newton's method with its analytic gradient and Hessian (a step
#       below 1e-13); the sandwich svyrecvar(U H^-1), U the score contributions, H the analytic information, on
#       the design svyolr uses (d[-na.action, ]); on jkn each replicate refitted the same way from the full-sample
#       estimate and svrVar of the replicates. logLik is sum(w log p) with the design's weights. On post the
#       sandwich is taken without the firms of weight 0; ZEROS;post;answer;method;standard errors is svyrecvar's
#       on the full design, where those firms count (see below).
#   PROB;design;answer;method;probabilities     the 5 categories' probabilities at the tight fit for a firm of
#       50-249 employees in FR, section J, using external networks
#   PRINT;design;answer;method;line             print(summary(fit)) of the tight fit, its call left out
suppressMessages(library(survey))
out <- "../resources/org/smesurvey/stats/survey/"
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
sme <- read.csv(paste0(out, "sme-survey.csv"))
set.seed(2612)
bands <- c("0-9", "10-49", "50-249", "250+")
n <- nrow(sme)
eta <- c(0, 0.4, 0.8, 1.1)[match(sme$band, bands)] + c(DE = 0, ES = 0.35, FR = -0.25)[sme$country] +
  c(C = 0, F = -0.4, G = 0.3, J = 0.9, M = 0.4)[sme$sector] + 0.7 * sme$external
importance <- cut(eta + rlogis(n), c(-Inf, -0.5, 0.5, 1.3, 2.2, Inf), labels = FALSE)
importance_na <- importance
importance_na[sample(n, 48)] <- NA
if (!length(commandArgs(TRUE))) {
  write.csv(data.frame(firm = sme$firm, importance, importance_na), paste0(out, "sme-importance.csv"),
            row.names = FALSE, na = "")
}
sme$importance <- factor(importance, levels = 1:5)
sme$importance_na <- factor(importance_na, levels = 1:5)
sme$band <- factor(sme$band, levels = bands)
sme$w1 <- sme$weight / mean(sme$weight)
d <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = sme, nest = TRUE)
d1 <- svydesign(id = ~region, strata = ~country, weights = ~w1, data = sme, nest = TRUE)
population <- data.frame(band = factor(bands, levels = bands), Freq = c(2.4e6, 600000, 130000, 30000))
designs <- list(d = d, post = postStratify(d, ~band, population), jkn = as.svrepdesign(d1, type = "JKn"))
# survey 4.4.2's svyolr.survey.design2 stops on a design with firms of weight 0 (it drops them from the weights but
# not from the model matrix: "argument wt must be a numeric vector of length 1 or length 2400"); there the SVYOLR
# line is svyolr on the same design without those firms (which add nothing), after an ERROR line.
positive <- sme[sme$weight > 0, ]
dpos <- svydesign(id = ~region, strata = ~country, weights = ~weight, data = positive, nest = TRUE)
d1pos <- svydesign(id = ~region, strata = ~country, weights = ~w1, data = positive, nest = TRUE)
without <- list(d = dpos, post = postStratify(dpos, ~band, population), jkn = as.svrepdesign(d1pos, type = "JKn"))
cases <- list(c("d", "importance", "logistic"), c("d", "importance", "probit"), c("d", "importance_na", "logistic"),
              c("post", "importance", "logistic"), c("post", "importance", "probit"),
              c("jkn", "importance", "logistic"), c("jkn", "importance", "probit"),
              c("d", "importance", "cloglog"), c("post", "importance", "cloglog"))

# The weighted log-likelihood sum(w log(F(zeta_y - eta) - F(zeta_{y-1} - eta))), its gradient and Hessian in
# (beta, zeta), and each respondent's score contribution.
pieces <- function(theta, X, y, w, method) {
  p <- ncol(X); q <- length(theta) - p
  F <- switch(method, logistic = plogis, probit = pnorm, cloglog = function(z) exp(-exp(-z)))
  S <- switch(method, logistic = function(z) plogis(-z), probit = function(z) pnorm(-z),
              cloglog = function(z) -expm1(-exp(-z)))
  dens <- switch(method, logistic = dlogis, probit = dnorm, cloglog = function(z) exp(-z - exp(-z)))
  slope <- switch(method, logistic = function(z) dlogis(z) * (1 - 2 * plogis(z)), probit = function(z) -z * dnorm(z),
                  cloglog = function(z) exp(-z - exp(-z)) * expm1(-z))
  beta <- theta[seq_len(p)]; zeta <- theta[p + seq_len(q)]
  e <- drop(X %*% beta)
  upper <- c(zeta, Inf)[y] - e; lower <- c(-Inf, zeta)[y] - e
  # P from the upper tails (S = 1 - F) where both bounds are above 0, as the Java does, so that nothing cancels
  P <- ifelse(lower > 0, S(lower) - S(upper), F(upper) - F(lower))
  fa <- dens(upper); fb <- dens(lower); sa <- slope(upper); sb <- slope(lower)
  fa[!is.finite(upper)] <- 0; fb[!is.finite(lower)] <- 0; sa[!is.finite(upper)] <- 0; sb[!is.finite(lower)] <- 0
  # dP/d(eta, zeta_y, zeta_{y-1}) and the second derivatives
  dEta <- -(fa - fb); dUp <- fa; dLow <- -fb
  Z <- matrix(0, length(y), q)
  Zup <- Z; Zlow <- Z
  Zup[cbind(seq_along(y), y)[y <= q, , drop = FALSE]] <- 1
  Zlow[cbind(seq_along(y), y - 1)[y > 1, , drop = FALSE]] <- 1
  D <- cbind(X * dEta, Zup * dUp + Zlow * dLow)               # dP/dtheta
  U <- D * (w / P)                                            # score contributions
  g <- colSums(U)
  # d2P/dtheta2 = (sa - sb) x x', -sa x zeta_y', +sb x zeta_{y-1}', sa zeta_y zeta_y', -sb zeta_{y-1} zeta_{y-1}'
  r <- w / P
  H <- -crossprod(D, D * (w / P^2))
  H[1:p, 1:p] <- H[1:p, 1:p] + crossprod(X, X * (r * (sa - sb)))
  H[1:p, p + 1:q] <- H[1:p, p + 1:q] + crossprod(X, Zup * (-r * sa) + Zlow * (r * sb))
  H[p + 1:q, 1:p] <- t(H[1:p, p + 1:q])
  H[p + 1:q, p + 1:q] <- H[p + 1:q, p + 1:q] + diag(colSums(Zup * (r * sa) - Zlow * (r * sb)), q)
  list(loglik = sum(w * log(P)), gradient = g, hessian = H, scores = U)
}
newton <- function(theta, X, y, w, method) {
  for (iteration in 1:200) {
    now <- pieces(theta, X, y, w, method)
    step <- -solve(now$hessian, now$gradient)
    t <- 1
    repeat {
      trial <- theta + t * step
      zeta <- trial[ncol(X) + seq_len(length(theta) - ncol(X))]
      if (all(diff(zeta) > 0)) {
        l <- pieces(trial, X, y, w, method)$loglik
        if (is.finite(l) && l >= now$loglik - 1e-9 * abs(now$loglik)) break
      }
      t <- t / 2
    }
    theta <- trial
    if (max(abs(t * step)) < 1e-13) break
  }
  theta
}

if (length(commandArgs(TRUE))) sink(commandArgs(TRUE)[1]) else sink(paste0(out, "survey-olr.txt"))
new <- data.frame(band = factor("50-249", levels = bands), country = factor("FR", levels = c("DE", "ES", "FR")),
                  sector = factor("J", levels = c("C", "F", "G", "J", "M")), external = 1)
for (case in cases) {
  design <- designs[[case[1]]]; answer <- case[2]; method <- case[3]
  formula <- as.formula(paste(answer, "~ band + country + sector + external"))
  fit <- tryCatch(svyolr(formula, design, method = method), error = function(e) {
    line("ERROR", case[1], answer, method, conditionMessage(e))
    svyolr(formula, without[[case[1]]], method = method)
  })
  estimate <- c(fit$coefficients, fit$zeta)
  line("SVYOLR", case[1], answer, method, f(estimate), f(sqrt(diag(vcov(fit)))), f(fit$deviance), fit$df.residual)
  # the data svyolr fits: the answered firms, their model matrix without intercept
  keep <- !is.na(design$variables[[answer]])
  sub <- design[keep, ]
  X <- model.matrix(~ band + country + sector + external, sub$variables)[, -1]
  y <- as.integer(sub$variables[[answer]])
  w <- weights(sub, "sampling")
  theta <- newton(estimate, X, y, w, method)
  at <- pieces(theta, X, y, w, method)
  if (inherits(design, "svyrep.design")) {
    rw <- weights(sub, "analysis")
    replicates <- t(apply(rw, 2, function(wr) newton(theta, X, y, wr, method)))
    V <- svrVar(replicates, design$scale, design$rscales, mse = design$mse, coef = theta)
  } else {
    V <- svyrecvar(at$scores %*% solve(-at$hessian), sub$cluster, sub$strata, sub$fpc, postStrata = sub$postStrata)
    if (!is.null(sub$postStrata)) {
      # svyrecvar gives a firm of weight 0 in a post-stratum minus the post-stratum's mean of the influence
      # functions (it sets their weight to 1 to avoid 0/0), where it should contribute nothing: the sandwich of
      # the TIGHT line is taken on the design without those firms, and svyrecvar's on the full one is written too.
      line("ZEROS", case[1], answer, method, f(sqrt(diag(V))))
      pos <- without[[case[1]]]
      pos <- pos[!is.na(pos$variables[[answer]]), ]
      V <- svyrecvar(at$scores[w > 0, ] %*% solve(-at$hessian), pos$cluster, pos$strata, pos$fpc,
                     postStrata = pos$postStrata)
    }
  }
  deviance <- -2 * at$loglik / mean(w)
  line("TIGHT", case[1], answer, method, f(theta), f(sqrt(diag(V))), f(deviance), f(at$loglik))
  xnew <- model.matrix(~ band + country + sector + external, new)[1, -1]
  zeta <- theta[ncol(X) + 1:4]
  cumulative <- switch(method, logistic = plogis, probit = pnorm,
                       cloglog = survey:::pgumbel)(zeta - sum(xnew * theta[1:ncol(X)]))
  line("PROB", case[1], answer, method, f(diff(c(0, cumulative, 1))))
  tight <- fit
  tight$coefficients <- theta[1:ncol(X)]
  tight$zeta <- setNames(zeta, names(fit$zeta))
  tight$var <- V
  tight$call <- NULL
  for (text in capture.output(print(summary(tight)))) line("PRINT", case[1], answer, method, text)
}
sink()
