# Times R's survey on the data of SurveyBenchmark and prints, beside the JMH results and their one-pass bounds, the ratios.
#   Rscript benchmarks/survey-timing.R benchmarks/target/jmh.csv benchmarks/target/respondents.csv [USER_JVM.csv]
#   (run.sh does it; USER_JVM.csv, SurveyUserJvmBenchmark's results, adds the table of a user's JVM)
# Debian 12's R 4.2.2 and survey 4.1.1, or Debian 13's R 4.5 and survey 4.4 (benchmarks/trixie-r.sh). Elapsed time per call: the median of 3 calls, after one warm-up call for
# the fast cases (overall estimates); one call for the slow ones (120 domains, raking).
suppressMessages(library(survey))
args <- commandArgs(TRUE)
jmh <- read.csv(args[1], check.names = FALSE)
x <- read.csv(args[2], colClasses = c("character", "integer", "integer", "numeric", "character", "character",
                                       "integer"))
x$region <- paste0("R", (as.integer(substr(x$country, 2, 3)) - 1) %/% 4 + 1)
x$bandf <- factor(x$band, levels = c("0-9", "10-19", "20-49", "50-99", "100-249", "250+"))
x$domain <- paste(x$country, x$band)
# The ordered answer of the proportional-odds case, as SurveyBenchmark derives it: 1 + floor(5 s / 11) of the score
# s = band index (0 to 5) + 2 x external + (primary unit mod 4).
x$importance <- factor(1 + ((as.integer(x$bandf) - 1 + 2 * x$external + x$psu %% 4) * 5) %/% 11, levels = 1:5)
# a size in employees spread over each band by a fixed rule, as SurveyBenchmark.sizes makes it (the file has none)
low <- c(0, 10, 20, 50, 100, 250)[match(x$band, levels(x$bandf))]
width <- c(10, 10, 30, 50, 150, 1750)[match(x$band, levels(x$bandf))]
x$size <- low + (7919 * (seq_len(nrow(x)) - 1)) %% width
d <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = x, nest = TRUE)
jk <- as.svrepdesign(svydesign(ids = ~group, weights = ~weight, data = x), type = "JK1")
bands <- data.frame(band = c("0-9", "10-19", "20-49", "50-99", "100-249", "250+"),
                    Freq = 30e6 * c(40, 25, 15, 10, 7, 3) / 100)
countries <- data.frame(country = sprintf("C%02d", 1:20), Freq = 30e6 * (21 - 1:20) / 210)
# A case's timing, run when the case is reached (so that CASES can leave cases out untimed).
timed <- function(f, times) function() {
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
  list("proportional-odds regression, 10 coefficients and 4 cut-points", "ordinalRegression", NA,
       timed(function() svyolr(importance ~ bandf + region + external, d), 1)),
  list("120 domains with their covariance, 20 contrasts", "domainContrasts", NA,
       timed(function() {
         b <- svyby(~external, ~domain, d, svymean, covmat = TRUE)
         svycontrast(b, lapply(setNames(sprintf("C%02d", 1:20), sprintf("C%02d", 1:20)), function(country) {
           w <- setNames(rep(0, nrow(b)), rownames(b)); w[paste(country, "250+")] <- 1; w[paste(country, "0-9")] <- -1; w
         }))
       }, 1)),
  list("quartiles of firm size, Woodruff intervals", "quartilesTaylor", NA,
       timed(function() svyquantile(~size, d, c(0.25, 0.5, 0.75), ci = TRUE), 3)),
  list("quartiles in 120 domains, Woodruff intervals", "quartilesDomainsTaylor", NA,
       timed(function() svyby(~size, ~domain, d, svyquantile, quantiles = c(0.25, 0.5, 0.75), ci = TRUE), 1)))
# CASES=REGEX (environment): only the cases whose benchmark's name matches are timed, without the per-call and
# user's-JVM tables, e.g. CASES='^(ordinalRegression|quartiles)' for the JMH results of those benchmarks alone.
only <- Sys.getenv("CASES")
if (nzchar(only)) cases <- Filter(function(case) grepl(only, case[[2]]), cases)
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
respondents <- format(nrow(x), big.mark = ",")
cat("| Task (", respondents, " respondents) | smesurvey (JMH) | one-pass bound | × the bound | survey | survey ÷ smesurvey |\n",
    "|---|---:|---:|---:|---:|---:|\n", sep = "")
r_time <- list()
for (case in cases) {
  java <- seconds(case[[2]])
  r <- case[[4]]()
  r_time[[case[[1]]]] <- r
  bound <- if (is.na(case[[3]])) "" else show(seconds(case[[3]]))
  times <- if (is.na(case[[3]])) "" else sprintf("%.1f×", java / seconds(case[[3]]))
  cat(sprintf("| %s | %s | %s | %s | %s | %.0f× |\n", case[[1]], show(java), bound, times, show(r), r / java))
}
if (!nzchar(only)) {
  cat("\nCoded in each call (labels as String[], answers as boolean[]):\n\n",
      "| Task | smesurvey (JMH) | survey ÷ smesurvey |\n|---|---:|---:|\n", sep = "")
  for (case in per_call) {
    java <- seconds(case[[1]])
    cat(sprintf("| %s | %s | %.0f× |\n", case[[2]], show(java), r_time[[case[[2]]]] / java))
  }
}
# In a user's JVM (SurveyUserJvmBenchmark: every form of every estimator called before any measurement), beside the
# same cases alone in their JVM (the table above) and the bound measured in the user's JVM.
if (length(args) >= 3 && !nzchar(only)) {
  user <- read.csv(args[3], check.names = FALSE)
  in_user <- function(name) {
    row <- user[grepl(paste0("\\.", name, "$"), user$Benchmark), ]
    if (nrow(row) != 1) stop("no user-JVM result for ", name)
    row$Score * c("s/op" = 1, "ms/op" = 1e-3, "us/op" = 1e-6, "ns/op" = 1e-9)[[row$Unit]]
  }
  cat("\nIn a user's JVM (every estimator form called first), beside each case alone in its JVM:\n\n",
      "| Task | form | alone | user's JVM | its bound there | × the bound | ÷ the coded form | survey ÷ smesurvey |\n",
      "|---|---|---:|---:|---:|---:|---:|---:|\n", sep = "")
  rows <- list(c("overall share, Taylor SE", "overallTaylorAnswers", "overallTaylor", "overallBound"),
               c("120 domains, Taylor SE", "domainsTaylorCoded", "domainsTaylor", "domainsBound"),
               c("raking to two margins", "rakeTwoMarginsCoded", "rakeTwoMargins", "overallBound"))
  for (r in rows) {
    coded <- in_user(r[[2]])
    bound <- in_user(r[[4]])
    for (form in c("coded", "per call")) {
      name <- if (form == "coded") r[[2]] else r[[3]]
      t <- in_user(name)
      cat(sprintf("| %s | %s | %s | %s | %s | %.1f× | %.2f× | %.0f× |\n", r[[1]], form, show(seconds(name)), show(t),
                  show(bound), t / bound, t / coded, r_time[[r[[1]]]] / t))
    }
  }
}
