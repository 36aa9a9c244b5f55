# Reference values for SizeMixtureTest (R 4.2.2, base R): Zipf's law, a density proportional to n^-2, integrated
# numerically (integrate, rel.tol 1e-12): the fraction of [20, 50) in [10, 50), of [1, 10) in [1, 50), and the mean log
# size of [1, 10), [10, 50), [50, 250), [250, Inf) and [20, 50).   Rscript zipf.R
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
d <- function(n) n^-2
frac <- function(a, b, A, B) integrate(d, a, b, rel.tol = 1e-12)$value / integrate(d, A, B, rel.tol = 1e-12)$value
mlog <- function(a, b) integrate(function(n) log(n) * d(n), a, b, rel.tol = 1e-12)$value / integrate(d, a, b, rel.tol = 1e-12)$value
cat(f(frac(20, 50, 10, 50), frac(1, 10, 1, 50), mlog(1, 10), mlog(10, 50), mlog(50, 250), mlog(250, Inf), mlog(20, 50)), "\n")
