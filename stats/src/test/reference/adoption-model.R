# Reference values for AdoptionModelTest (R 4.2.2; base R, with metafor 3.8.1 for a cross-check):
#   Rscript adoption-model.R   (reads adoption-design.csv, writes adoption-model.txt, in ../resources/org/smesurvey/stats/adoption/)
#   Rscript adoption-model.R sector-design.csv sector-model.txt   (the bundled catalogue with synthetic figures by
#                                                                   sector: AdoptionModelSectorTest)
# The adoption model on the bundled catalogue as AdoptionModel builds it (adoption-design.csv: one line per part of
# a figure's size mixture, the part's weight and design row; the test checks it is still what the Java code builds).
# The figure's mean is mu_i(phi) = logit(sum_m w_im plogis(x_im' phi)); its random effects: country, an indicator's
# own effect (indicators carried by fewer than three studies only), the country's effect by kind of tool, all crossed
# with the study's effect, whose variance
# is official statistics' or private surveys', and the figure's; the estimate is the fixed point of linearisation (Lindstrom &
# Bates 1990):
#   phi solves the nonlinear GLS equations F(phi)' V(theta)^-1 (y - mu(phi)) = 0  (Gauss-Newton to 1e-13), and
#   theta maximises the restricted likelihood of the linearised model  y* = y - mu(phi) + F phi  on F, written
#   densely from its definition (metafor's, with +1/2 log|F'F|) and maximised by optim (BFGS on the log variances,
#   reltol 1e-16) then Newton steps on central differences until the gradient is below 1e-9;
# alternated until neither moves by 1e-8 (the variances' own maximisation is accurate to about 1e-9, below which the
# alternation only moves within that noise). Line TIGHT: sigma2 (country, own indicator, country x kind, official studies, private studies,
# figure); phi; the restricted logLik; vcov by rows. A design with an own_sector column (figures of sectors fewer than
# three studies carry) has that sector's own effect too, after the country x kind one.
# (rma.mv cannot fit random effects that apply to some rows only, as the own-indicator and private-study ones do;
# metafor-crossed.R checks the crossed algebra against it where it can.)
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
dir <- "../resources/org/smesurvey/stats/adoption/"
files <- commandArgs(trailingOnly = TRUE)
if (length(files) < 2) files <- c("adoption-design.csv", "adoption-model.txt")
parts <- read.csv(paste0(dir, files[1]), check.names = FALSE, na.strings = "")
meta <- c("figure", "yi", "vi", "study", "country", "country_kind", "own_indicator", "private",
          if ("own_sector" %in% names(parts)) "own_sector")
cols <- names(parts)[-(1:(length(meta) + 1))]
fig <- unique(parts[, meta])
k <- nrow(fig); p <- length(cols)
Xp <- as.matrix(parts[, cols]); w <- parts$weight; who <- parts$figure
mu <- function(phi) { s <- tapply(w * plogis(Xp %*% phi), who, sum); qlogis(c(s)) }
jac <- function(phi) {
  pr <- c(plogis(Xp %*% phi)); s <- c(tapply(w * pr, who, sum))
  J <- rowsum(w * pr * (1 - pr) * Xp, who); J / (s * (1 - s))
}
ind <- function(codes) { l <- unique(codes[!is.na(codes)]); m <- outer(codes, l, "==") * 1; m[is.na(m)] <- 0; m }
Zc <- ind(fig$country)
Zi <- ind(fig$own_indicator)
Zk <- ind(fig$country_kind)
Zo <- ind(ifelse(fig$private == 0, fig$study, NA))
Zp <- ind(ifelse(fig$private == 1, fig$study, NA))
# sigma2: country, own indicator, country x kind of tool, [own sector,] official studies, private studies, figure (the
# order of AdoptionModel's components)
A <- list(tcrossprod(Zc), tcrossprod(Zi), tcrossprod(Zk))
if ("own_sector" %in% meta) A <- c(A, list(tcrossprod(ind(fig$own_sector))))
A <- c(A, list(tcrossprod(Zo), tcrossprod(Zp)))
nA <- length(A)
V <- function(s) diag(fig$vi + s[nA + 1]) + Reduce(`+`, Map(`*`, s[1:nA], A))
reml <- function(s, y, X) {
  L <- chol(V(s)); Vi <- chol2inv(L); xvx <- t(X) %*% Vi %*% X; b <- solve(xvx, t(X) %*% Vi %*% y); r <- y - X %*% b
  -0.5 * ((k - p) * log(2 * pi) - c(determinant(crossprod(X))$modulus) + 2 * sum(log(diag(L))) +
          c(determinant(xvx)$modulus) + c(t(r) %*% Vi %*% r))
}
maximise <- function(s, y, X) {
  o <- optim(log(pmax(s, 1e-8)), function(t) -reml(exp(t), y, X), method = "BFGS",
             control = list(reltol = 1e-16, maxit = 1000))
  s <- exp(o$par)
  for (it in 1:20) {
    h <- 1e-5 * s; m <- length(s); e <- function(j, hj) replace(numeric(m), j, hj)
    g <- sapply(1:m, function(j) (reml(s + e(j, h[j]), y, X) - reml(s - e(j, h[j]), y, X)) / (2 * h[j]))
    if (max(abs(g * s)) < 1e-9) break
    H <- matrix(0, m, m)
    for (a in 1:m) for (b in 1:m) H[a, b] <- (reml(s + e(a, h[a]) + e(b, h[b]), y, X) - reml(s + e(a, h[a]) - e(b, h[b]), y, X) -
      reml(s - e(a, h[a]) + e(b, h[b]), y, X) + reml(s - e(a, h[a]) - e(b, h[b]), y, X)) / (4 * h[a] * h[b])
    s <- s - solve(H, g)
  }
  s
}
phi <- c(solve(crossprod(rowsum(w * Xp, who)), t(rowsum(w * Xp, who)) %*% fig$yi))
s <- rep(0.1, nA + 1)
for (outer in 1:50) {
  F <- jac(phi); s1 <- maximise(s, fig$yi - mu(phi) + F %*% phi, F)
  Vi <- solve(V(s1)); phi1 <- phi
  for (gn in 1:100) {
    F <- jac(phi1); step <- solve(t(F) %*% Vi %*% F, t(F) %*% Vi %*% (fig$yi - mu(phi1))); phi1 <- phi1 + c(step)
    if (max(abs(step)) < 1e-13) break
  }
  change <- max(abs(c(phi1 - phi, s1 - s)))
  message(sprintf("linearisation %d: change %.3g", outer, change))
  phi <- phi1; s <- s1
  if (change < 1e-8) break
}
F <- jac(phi); ystar <- fig$yi - mu(phi) + F %*% phi
Vi <- solve(V(s)); B <- solve(t(F) %*% Vi %*% F)
sink(paste0(dir, files[2]))
cat("TIGHT", f(s), f(phi), f(reml(s, ystar, F)), f(t(B)), sep = ";"); cat("\n")
sink()
