# Reference output for MetaforLayoutTest (R 4.2.2, metafor 3.8.1, metadat 1.2.0, UTF-8 locale):
#   Rscript metafor-print.R
# print(res) of six fits, line by line, and fitstats(res, REML = FALSE) and fitstats(res, REML = TRUE); then
# print(trimfill(...)) with the L0 and R0 estimators.
suppressMessages(library(metafor))
out <- "../resources/org/smesurvey/stats/meta/"
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
con <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-14)
db <- escalc("PLO", xi = xi, ni = ni, data = dat.debruin2009)
pz <- escalc("PLO", xi = xi, ni = ni, data = dat.pritz1997)
fits <- list(
  re_reml = rma(yi, vi, data = db, method = "REML", control = con),
  me_reml = rma(yi, vi, mods = ~ year + select, data = db, method = "REML", control = con),
  ee = rma(yi, vi, data = db, method = "EE"),
  ee_mods = rma(yi, vi, mods = ~ year + select, data = db, method = "EE"),
  re_dl_knha = rma(yi, vi, data = pz, method = "DL", test = "knha"),
  me_dl_knha = rma(yi, vi, mods = ~ year, data = db, method = "DL", test = "knha"))
con_out <- file(paste0(out, "metafor-print.txt"), encoding = "UTF-8")
lines <- character()
for (name in names(fits)) {
  lines <- c(lines, paste0("### ", name), capture.output(print(fits[[name]])))
  lines <- c(lines, paste("FITSTATS", name, f(fitstats(fits[[name]], REML = FALSE)),
                          f(fitstats(fits[[name]], REML = TRUE)), sep = ";"))
}
# trimfill(res) and trimfill(res, estimator = "R0") on dat.pritz1997, printed.
for (e in c("L0", "R0")) {
  tf <- trimfill(rma(yi, vi, data = pz, control = con), estimator = e, control = con)
  lines <- c(lines, paste0("### trimfill_", e), capture.output(print(tf)))
}
writeLines(lines, con_out)
close(con_out)
