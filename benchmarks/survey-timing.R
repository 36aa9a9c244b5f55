# Times R's survey on the data of SurveyBenchmark and prints, beside the JMH results and their one-pass bounds, the ratios.
#   Rscript benchmarks/survey-timing.R benchmarks/target/jmh.csv benchmarks/target/respondents.csv  (run.sh does it)
# R 4.2.2, survey 4.1.1 (Debian 12). Elapsed time per call: the median of 3 calls, after one warm-up call for
# the fast cases (overall estimates); one call for the slow ones (120 domains, raking).
suppressMessages(library(survey))
args <- commandArgs(TRUE)
jmh <- read.csv(args[1], check.names = FALSE)
x <- read.csv(args[2], colClasses = c("character", "integer", "integer", "numeric", "character", "character",
                                       "integer"))
x$region <- paste0("R", (as.integer(substr(x$country, 2, 3)) - 1) %/% 4 + 1)
x$bandf <- factor(x$band, levels = c("0-9", "10-19", "20-49", "50-99", "100-249", "250+"))
x$domain <- paste(x$country, x$band)
d <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = x, nest = TRUE)
jk <- as.svrepdesign(svydesign(ids = ~group, weights = ~weight, data = x), type = "JK1")
bands <- data.frame(band = c("0-9", "10-19", "20-49", "50-99", "100-249", "250+"),
                    Freq = 30e6 * c(40, 25, 15, 10, 7, 3) / 100)
countries <- data.frame(country = sprintf("C%02d", 1:20), Freq = 30e6 * (21 - 1:20) / 210)
timed <- function(f, times) {
  if (times > 1) f()
  median(replicate(times, system.time(f())[["elapsed"]]))
}
# Each case: its label, the library's benchmark, the benchmark of its one-pass bound (NA: none), R's time.
cases <- list(
  list("overall share, Taylor SE", "overallTaylorAnswers", "overallBound", timed(function() svymean(~external, d), 3)),
  list("120 domains, Taylor SE", "domainsTaylorCoded", "domainsBound",
       timed(function() svyby(~external, ~country + band, d, svymean), 1)),
  list("overall share, 100 JK1 replicates", "overallJackknifeAnswers", "overallJackknifeBound",
       timed(function() svymean(~external, jk), 3)),
  list("120 domains, 100 JK1 replicates", "domainsJackknifeCoded", "domainsJackknifeBound",
       timed(function() svyby(~external, ~country + band, jk, svymean), 1)),
  list("raking to two margins", "rakeTwoMarginsCoded", "overallBound",
       timed(function() rake(d, list(~band, ~country), list(bands, countries)), 1)),
  list("logistic regression, 10 coefficients", "logisticRegression", NA,
       timed(function() svyglm(external ~ bandf + region, d, family = quasibinomial()), 1)),
  list("120 domains with their covariance, 20 contrasts", "domainContrasts", NA,
       timed(function() {
         b <- svyby(~external, ~domain, d, svymean, covmat = TRUE)
         svycontrast(b, lapply(setNames(sprintf("C%02d", 1:20), sprintf("C%02d", 1:20)), function(country) {
           w <- setNames(rep(0, nrow(b)), rownames(b)); w[paste(country, "250+")] <- 1; w[paste(country, "0-9")] <- -1; w
         }))
       }, 1)))
# The same estimates from labels and boolean arrays coded in each call (the String[] and boolean[] overloads).
per_call <- list(c("overallTaylor", "overall share, Taylor SE"), c("domainsTaylor", "120 domains, Taylor SE"),
                 c("overallJackknife", "overall share, 100 JK1 replicates"),
                 c("domainsJackknife", "120 domains, 100 JK1 replicates"),
                 c("rakeTwoMargins", "raking to two margins"))
seconds <- function(name) {
  row <- jmh[grepl(paste0("\\.", name, "$"), jmh$Benchmark), ]
  if (nrow(row) != 1) stop("no JMH result for ", name)
  row$Score * c("s/op" = 1, "ms/op" = 1e-3, "us/op" = 1e-6, "ns/op" = 1e-9)[[row$Unit]]
}
show <- function(s) if (s >= 1) sprintf("%.2f s", s) else if (s >= 0.01) sprintf("%.1f ms", s * 1e3) else sprintf("%.2f ms", s * 1e3)
cat(sprintf("%s; BLAS %s; survey %s\n\n", R.version.string, extSoftVersion()[["BLAS"]], packageVersion("survey")))
cat("| Task (1,000,000 respondents) | smesurvey (JMH) | one-pass bound | × the bound | survey | survey ÷ smesurvey |\n",
    "|---|---:|---:|---:|---:|---:|\n", sep = "")
r_time <- list()
for (case in cases) {
  java <- seconds(case[[2]])
  r_time[[case[[1]]]] <- case[[4]]
  bound <- if (is.na(case[[3]])) "" else show(seconds(case[[3]]))
  times <- if (is.na(case[[3]])) "" else sprintf("%.1f×", java / seconds(case[[3]]))
  cat(sprintf("| %s | %s | %s | %s | %s | %.0f× |\n", case[[1]], show(java), bound, times, show(case[[4]]),
              case[[4]] / java))
}
cat("\nCoded in each call (labels as String[], answers as boolean[]):\n\n",
    "| Task | smesurvey (JMH) | survey ÷ smesurvey |\n|---|---:|---:|\n", sep = "")
for (case in per_call) {
  java <- seconds(case[[1]])
  cat(sprintf("| %s | %s | %.0f× |\n", case[[2]], show(java), r_time[[case[[2]]]] / java))
}
