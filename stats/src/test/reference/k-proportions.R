# Reference values for KProportionsTest (R 4.2.2, vcd 1.4-11, Debian 12): Rscript k-proportions.R
suppressMessages(library(vcd))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
# Destatis-like size classes (10-49, 50-249, 250+) and a four-class Bitkom-like split with band midpoints.
cases <- list(list(x = c(44, 61, 79), n = c(100, 100, 100), s = c(29.5, 149.5, 500)),
              list(x = c(150, 31, 12), n = c(300, 40, 13), s = c(1, 2, 3)),
              list(x = c(3, 7, 12, 20), n = c(40, 40, 40, 40), s = c(1, 2, 3, 4)),
              list(x = c(0, 5, 9), n = c(80, 60, 20), s = c(5, 30, 150)))
for (k in cases) {
  id <- paste(paste(k$x, collapse = " "), paste(k$n, collapse = " "), paste(k$s, collapse = " "), sep = ",")
  h <- suppressWarnings(prop.test(k$x, k$n))
  v <- assocstats(cbind(k$x, k$n - k$x))$cramer
  t <- prop.trend.test(k$x, k$n, k$s)
  cat(sprintf("%s,%s\n", id, f(h$statistic, h$parameter, h$p.value, v, t$statistic, t$p.value)))
}
