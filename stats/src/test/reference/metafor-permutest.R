# Reference values for PermutationTestTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0):
#   Rscript metafor-permutest.R > ../resources/org/smesurvey/stats/meta/metafor-permutest.txt
# permutest(res, exact = TRUE) on models with and without moderators (every sign pattern or every distinct order of
# the design's rows), the models fitted tightly (control = con, which permutest passes on to every refit):
#   DATA;case;yi;vi;moderator columns (one field each)
#   PERMUTEST;case;method;test;exact.iter;pval (one per coefficient);QMp (NA without moderators);zval;QM
# and print(permutest(...)) of three of them (PRINT lines up to END).
suppressMessages(library(metafor))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000)
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
hs <- dat.hackshaw1998
cases <- list(
  bcg_reml = list(data = bcg, mods = NULL, method = "REML", test = "z"),
  bcg_ee = list(data = bcg, mods = NULL, method = "EE", test = "z"),
  bcg_dl_knha = list(data = bcg, mods = NULL, method = "DL", test = "knha"),
  hackshaw14_reml = list(data = hs[1:14, ], mods = NULL, method = "REML", test = "z"),
  bcg7_ablat = list(data = bcg[1:7, ], mods = ~ ablat, method = "REML", test = "z"),
  bcg7_ablat_knha = list(data = bcg[1:7, ], mods = ~ ablat, method = "REML", test = "knha"),
  bcg7_ablat_year = list(data = bcg[1:7, ], mods = ~ ablat + year, method = "DL", test = "z"),
  bcg9_alloc = list(data = bcg[1:9, ], mods = ~ alloc, method = "REML", test = "z"),
  hackshaw8_year = list(data = hs[1:8, ], mods = ~ year, method = "EE", test = "z"))
printed <- c("bcg_reml", "bcg7_ablat", "bcg7_ablat_knha")
for (name in names(cases)) {
  cs <- cases[[name]]
  res <- if (is.null(cs$mods)) rma(yi, vi, data = cs$data, method = cs$method, test = cs$test, control = con)
         else rma(yi, vi, mods = cs$mods, data = cs$data, method = cs$method, test = cs$test, control = con)
  X <- res$X
  cat("DATA", name, f(res$yi), f(res$vi), if (ncol(X) > 1) sapply(2:ncol(X), function(j) f(X[, j])), sep = ";")
  cat(";", paste(colnames(X), collapse = ","), "\n", sep = "")
  pt <- permutest(res, exact = TRUE, progbar = FALSE)
  cat("PERMUTEST", name, cs$method, cs$test, pt$exact.iter, f(pt$pval), f(if (res$int.only) NA else pt$QMp),
      f(res$zval), f(res$QM), sep = ";")
  cat("\n")
  if (name %in% printed) {
    cat("PRINT;", name, "\n", sep = "")
    writeLines(capture.output(print(pt)))
    cat("END;", name, "\n", sep = "")
  }
}
