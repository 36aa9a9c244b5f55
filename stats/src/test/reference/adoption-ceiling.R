# Reference values for AdoptionModelTest's ceiling profile (R 4.2.2, base R):
#   Rscript adoption-ceiling.R   (reads adoption-design.csv and ceiling-start.txt, writes adoption-ceiling.txt in
#                                 ../resources/org/smesurvey/stats/adoption/)
# The profile likelihood of the adoption model's one ceiling (AdoptionModel.Ceiling.ONE) is maximum likelihood: the
# figures' logits y ~ N(mu(phi; kappa), V(theta)) with mu_i = qlogis(kappa * sum_m w_im plogis(x_im' phi)) and V the
# random effects' covariance (as in adoption-model.R), so
#   logLik = -1/2 [ k log 2pi + log|V| + (y - mu)' V^-1 (y - mu) ].
# Two fits are made tight here: kappa = 1 (the maximum: the ceiling's likelihood rises to 100 %) and kappa held at
# the lower bound of its 95 % profile-likelihood interval that AdoptionModel found (ceiling-start.txt, line
# KAPPA_LOWER, with the Java estimates as starting values only). Each is solved by Newton's method on the exact score
#   d/dphi = F' V^-1 r,  d/dtheta_j = -1/2 tr(V^-1 A_j) + 1/2 r' V^-1 A_j V^-1 r   (F the Jacobian of mu, r = y - mu)
# in (phi, theta) with the Hessian by central differences of that score, until the score is below 1e-11. Lines TOP and
# HELD: sigma2 (country, own indicator, country x kind, official studies, private studies, figure); phi; logLik.
# DEVIANCE: 2 (logLik(TOP) - logLik(HELD)), which the bound makes qchisq(0.95, 1) = 3.8414588206941236.
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
dir <- "../resources/org/smesurvey/stats/adoption/"
parts <- read.csv(paste0(dir, "adoption-design.csv"), check.names = FALSE, na.strings = "")
start <- strsplit(readLines(paste0(dir, "ceiling-start.txt")), ";")
line <- function(tag) { l <- start[[which(sapply(start, `[`, 1) == tag)]]; lapply(l[-1], function(x) as.numeric(strsplit(x, ",")[[1]])) }
cols <- names(parts)[-(1:9)]
fig <- unique(parts[, c("figure", "yi", "vi", "study", "country", "country_kind", "own_indicator", "private")])
k <- nrow(fig); p <- length(cols)
Xp <- as.matrix(parts[, cols]); w <- parts$weight; who <- parts$figure
ind <- function(codes) { l <- unique(codes[!is.na(codes)]); m <- outer(codes, l, "==") * 1; m[is.na(m)] <- 0; m }
Z <- list(ind(fig$country), ind(fig$own_indicator), ind(fig$country_kind),
          ind(ifelse(fig$private == 0, fig$study, NA)), ind(ifelse(fig$private == 1, fig$study, NA)))
A <- c(lapply(Z, tcrossprod), list(diag(k)))
V <- function(s) diag(fig$vi) + Reduce(`+`, Map(`*`, s, A))
mu <- function(phi, kappa) qlogis(kappa * c(tapply(w * plogis(Xp %*% phi), who, sum)))
jac <- function(phi, kappa) {
  pr <- c(plogis(Xp %*% phi)); s <- c(tapply(w * pr, who, sum))
  rowsum(w * pr * (1 - pr) * Xp, who) / (s * (1 - kappa * s))
}
loglik <- function(phi, s, kappa) {
  L <- chol(V(s)); r <- fig$yi - mu(phi, kappa)
  -0.5 * (k * log(2 * pi) + 2 * sum(log(diag(L))) + sum(backsolve(L, r, transpose = TRUE)^2))
}
score <- function(par, kappa) {
  phi <- par[1:p]; s <- par[-(1:p)]
  Vi <- chol2inv(chol(V(s))); r <- fig$yi - mu(phi, kappa); Vr <- Vi %*% r
  c(t(jac(phi, kappa)) %*% Vr, sapply(A, function(a) -0.5 * sum(Vi * a) + 0.5 * c(t(Vr) %*% a %*% Vr)))
}
tight <- function(tag, kappa) {
  st <- line(tag); par <- c(st[[2]], st[[1]])
  for (it in 1:50) {
    g <- score(par, kappa)
    if (max(abs(g)) < 1e-11) break
    h <- 1e-6 * pmax(abs(par), 1e-3); m <- length(par)
    H <- sapply(1:m, function(j) (score(replace(par, j, par[j] + h[j]), kappa) -
                                  score(replace(par, j, par[j] - h[j]), kappa)) / (2 * h[j]))
    par <- par - solve((H + t(H)) / 2, g)
  }
  message(sprintf("%s: %d Newton steps, score %.3g", tag, it, max(abs(score(par, kappa)))))
  list(s = par[-(1:p)], phi = par[1:p], ll = loglik(par[1:p], par[-(1:p)], kappa))
}
kappa <- line("KAPPA_LOWER")[[1]]
top <- tight("TOP", 1); held <- tight("HELD", kappa)
sink(paste0(dir, "adoption-ceiling.txt"))
cat("TOP", f(top$s), f(top$phi), f(top$ll), sep = ";"); cat("\n")
cat("HELD", f(kappa), f(held$s), f(held$phi), f(held$ll), sep = ";"); cat("\n")
cat("DEVIANCE", f(2 * (top$ll - held$ll)), sep = ";"); cat("\n")
sink()
