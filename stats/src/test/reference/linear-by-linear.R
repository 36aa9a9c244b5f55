# Reference values for KProportionsTest's linear-by-linear association test (R 4.2.2, coin 1.4-2, Debian 12):
# Rscript linear-by-linear.R
# Each line: x, n, scores (space-separated), then coin's M^2 (its statistic, the signed root, squared) and p-value,
# the closed form (N - 1) r^2 on the N companies with its chi-squared p-value, and prop.trend.test's statistic
# (the Cochran-Armitage N r^2) for the relation M^2 = (N - 1) / N * CA; 17 significant digits.
suppressMessages(library(coin))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
cases <- list(list(x = c(44, 61, 79), n = c(100, 100, 100), s = c(29.5, 149.5, 500)),
              list(x = c(150, 31, 12), n = c(300, 40, 13), s = c(1, 2, 3)),
              list(x = c(3, 7, 12, 20), n = c(40, 40, 40, 40), s = c(1, 2, 3, 4)),
              list(x = c(0, 5, 9), n = c(80, 60, 20), s = c(5, 30, 150)),
              list(x = c(3, 1), n = c(7, 9), s = c(0, 1)))
for (k in cases) {
  id <- paste(paste(k$x, collapse = " "), paste(k$n, collapse = " "), paste(k$s, collapse = " "), sep = ",")
  g <- seq_along(k$x)
  d <- data.frame(answer = factor(rep(c("yes", "no"), each = length(g)), levels = c("yes", "no")),
                  group = ordered(c(g, g)), w = c(k$x, k$n - k$x))
  d <- d[d$w > 0, ]
  lt <- lbl_test(answer ~ group, data = d, weights = ~ w, scores = list(group = k$s))
  # The closed form on the N companies themselves: u = 1 for a company with the characteristic, v its group's score.
  u <- rep(c(rep(1, length(g)), rep(0, length(g))), c(k$x, k$n - k$x))
  v <- rep(c(k$s, k$s), c(k$x, k$n - k$x))
  N <- sum(k$n)
  m2 <- (N - 1) * cor(u, v)^2
  ca <- prop.trend.test(k$x, k$n, k$s)$statistic
  cat(sprintf("%s,%s\n", id, f(statistic(lt)^2, pvalue(lt), m2, pchisq(m2, 1, lower.tail = FALSE), ca)))
}
