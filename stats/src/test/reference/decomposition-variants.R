# Reference values for RateDecompositionVariantsTest (R 4.2.2, base R only):
#   Rscript decomposition-variants.R > ../resources/org/smesurvey/stats/harmonisation/decomposition-variants.txt
# No package in Debian computes these decompositions (DasGuptR is on CRAN only), so each is written out from its
# definition, by another route than the Java code where one exists:
# ONE_STANDARD: Kitagawa's (1955) one-standard decompositions of kitagawa.R's gap (rates 320/800, 220/400, 144/200
#   against 150/500, 135/300, 90/150 in 10-49, 50-249, 250+; enterprises 30,000/5,000/1,000 and 40,000/4,000/600),
#   the standard s = A or B: rates sum(c_s dr), composition sum(r_s dc), interaction +-sum(dc dr) (+ for B, the
#   three-term decomposition); delta-method standard errors, shares known. Line: s; gap, se; rates, se;
#   composition, se; interaction, se.
# DAS_GUPTA: Das Gupta's (1993, ch. 2 and 4) symmetric three-factor decomposition of R = sum(c a u), each effect
#   averaged over the four combinations of the other factors' populations (weights 1/3, 1/6, 1/6, 1/3) from whole
#   rate evaluations Q(.,.,.); access 520/800, 300/400, 180/200 against 260/500, 200/300, 120/150, use among those
#   with access 320/520, 220/300, 144/180 against 150/260, 135/200, 90/120 (so the rates are kitagawa.R's); standard
#   errors by the delta method with the gradient taken as exact differences (each effect is linear in each figure).
#   Line: R_A, R_B; gap, se; composition, se; access, se; use, se.
# TAIWAN: Das Gupta (1993) example 4.3, the crude birth rate of Taiwan, 1970 (A) against 1960 (B), as the sum over
#   seven age groups of births per married woman x married share x women's share of the population; effects in the
#   factors' order bm, mw, wp. Line: R_A, R_B; effects.
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
ra <- c(320, 220, 144) / c(800, 400, 200); rb <- c(150, 135, 90) / c(500, 300, 150)
va <- ra * (1 - ra) / c(800, 400, 200); vb <- rb * (1 - rb) / c(500, 300, 150)
ca <- c(30000, 5000, 1000) / 36000; cb <- c(40000, 4000, 600) / 44600
dr <- ra - rb; dc <- ca - cb
gap <- sum(ca * ra) - sum(cb * rb); se_gap <- sqrt(sum(ca^2 * va + cb^2 * vb))
for (s in c("FIRST", "SECOND")) {
  cs <- if (s == "FIRST") ca else cb; rs <- if (s == "FIRST") ra else rb; vs <- if (s == "FIRST") va else vb
  sign <- if (s == "FIRST") -1 else 1
  cat("ONE_STANDARD", s, f(gap, se_gap, sum(cs * dr), sqrt(sum(cs^2 * (va + vb))), sum(rs * dc), sqrt(sum(dc^2 * vs)),
      sign * sum(dc * dr), sqrt(sum(dc^2 * (va + vb)))), sep = ";")
  cat("\n")
}
# Das Gupta's three-factor effects from whole rates Q(c, a, u) = sum(c a u).
Q <- function(c, a, u) sum(c * a * u)
effects <- function(A, B) {
  e <- numeric(3)
  for (k in 1:3) {
    other <- setdiff(1:3, k)
    for (g in c("A", "B")) for (h in c("A", "B")) {
      w <- if (g == h) 1 / 3 else 1 / 6
      x <- list(A = A, B = B)
      withA <- list(); withB <- list()
      withA[[k]] <- A[[k]]; withB[[k]] <- B[[k]]
      withA[[other[1]]] <- withB[[other[1]]] <- x[[g]][[other[1]]]
      withA[[other[2]]] <- withB[[other[2]]] <- x[[h]][[other[2]]]
      e[k] <- e[k] + w * (Q(withA[[1]], withA[[2]], withA[[3]]) - Q(withB[[1]], withB[[2]], withB[[3]]))
    }
  }
  e
}
nA <- c(800, 400, 200); nB <- c(500, 300, 150)
aA <- c(520, 300, 180) / nA; aB <- c(260, 200, 120) / nB
uA <- c(320, 220, 144) / c(520, 300, 180); uB <- c(150, 135, 90) / c(260, 200, 120)
vaA <- aA * (1 - aA) / nA; vaB <- aB * (1 - aB) / nB
vuA <- uA * (1 - uA) / c(520, 300, 180); vuB <- uB * (1 - uB) / c(260, 200, 120)
figures <- list(aA = aA, aB = aB, uA = uA, uB = uB)
variances <- list(aA = vaA, aB = vaB, uA = vuA, uB = vuB)
all <- function(x) c(effects(list(ca, x$aA, x$uA), list(cb, x$aB, x$uB)), Q(ca, x$aA, x$uA) - Q(cb, x$aB, x$uB))
base <- all(figures)
var <- numeric(4)
for (name in names(figures)) for (i in 1:3) {
  up <- figures; down <- figures
  up[[name]][i] <- up[[name]][i] + 0.5; down[[name]][i] <- down[[name]][i] - 0.5
  var <- var + (all(up) - all(down))^2 * variances[[name]][i]
}
cat("DAS_GUPTA", f(Q(ca, aA, uA), Q(cb, aB, uB)), f(base[4], sqrt(var[4]), base[1], sqrt(var[1]), base[2],
    sqrt(var[2]), base[3], sqrt(var[3])), sep = ";")
cat("\n")
bm <- list(c(488, 452, 338, 156, 63, 22, 3), c(393, 407, 369, 274, 184, 90, 16))
mw <- list(c(.082, .527, .866, .941, .942, .923, .876), c(.122, .622, .903, .930, .916, .873, .800))
wp <- list(c(.058, .038, .032, .030, .026, .023, .019), c(.043, .041, .036, .032, .026, .020, .018))
cat("TAIWAN", f(Q(bm[[1]], mw[[1]], wp[[1]]), Q(bm[[2]], mw[[2]], wp[[2]])),
    f(effects(list(bm[[1]], mw[[1]], wp[[1]]), list(bm[[2]], mw[[2]], wp[[2]]))), sep = ";")
cat("\n")
