# Reference values for BalancedReplicationTest (R 4.2.2, survey 4.1.1): Rscript survey-brr.R
# A two-units-per-stratum design made from survey's apistrat: 12 strata (school type x district number mod 4),
# in each two primary units (school number odd or even), weights pw, no fpc; written to apistrat-brr.csv with the
# columns used. Sylvester's Hadamard matrix of order 16 (the smallest 2^k above 12 strata) is passed to survey:
#   brr = as.svrepdesign(d, type = "BRR", hadamard.matrix = H16)
#   fay = as.svrepdesign(d, type = "Fay", fay.rho = 0.3, hadamard.matrix = H16)
#   file = svrepdesign(data, repweights = "repw[0-9]+", weights = ~pw, type = "Fay", rho = 0.3,
#                      combined.weights = TRUE), the Fay weights written out (apistrat-fay-weights.csv) and read back
#   default = as.svrepdesign(d, type = "BRR"), survey's own choice of matrix (its hadamard(12), order 16 too)
# Lines: REPLICATES;design;R;scale;degf
#        MEAN;design;estimate,se          svymean(~api00)
#        BY;design;estimates;se           svyby(~yes, ~stype, svymean)
#        RATIO;design;estimate,se         svyratio(~api00, ~api99)
#        GLM;design;coef;se               svyglm(api00 ~ ell + meals)
suppressMessages(library(survey))
data(api)
out <- "../resources/org/smesurvey/stats/survey/"
data <- apistrat
data$st <- paste(data$stype, data$dnum %% 4, sep = "")
data$psu <- paste(data$st, data$snum %% 2, sep = "-")
stopifnot(all(tapply(data$psu, data$st, function(p) length(unique(p))) == 2))
data$yes <- as.numeric(data$sch.wide == "Yes")
cols <- c("snum", "st", "psu", "stype", "pw", "api00", "api99", "ell", "meals", "yes")
write.csv(data[, cols], paste0(out, "apistrat-brr.csv"), row.names = FALSE)
sylvester <- function(k) { h <- matrix(1); while (nrow(h) < k) h <- rbind(cbind(h, h), cbind(h, -h)); h }
H16 <- sylvester(16)
d <- svydesign(id = ~psu, strata = ~st, weights = ~pw, data = data, nest = TRUE)
fay <- as.svrepdesign(d, type = "Fay", fay.rho = 0.3, hadamard.matrix = H16)
repw <- weights(fay, "analysis")
colnames(repw) <- paste0("repw", seq_len(ncol(repw)))
write.csv(cbind(data[, c("snum", "pw")], repw), paste0(out, "apistrat-fay-weights.csv"), row.names = FALSE)
filed <- read.csv(paste0(out, "apistrat-fay-weights.csv"))
filed <- merge(data[, setdiff(cols, "pw")], filed, by = "snum", sort = FALSE)
stopifnot(all(filed$snum == data$snum))
designs <- list(
  brr = as.svrepdesign(d, type = "BRR", hadamard.matrix = H16),
  fay = fay,
  file = svrepdesign(data = filed, repweights = "repw[0-9]+", weights = ~pw, type = "Fay", rho = 0.3,
                     combined.weights = TRUE),
  default = as.svrepdesign(d, type = "BRR"))
f <- function(...) paste(sprintf("%.17g", c(...)), collapse = ",")
line <- function(...) { cat(paste(..., sep = ";")); cat("\n") }
sink(paste0(out, "survey-brr.txt"))
for (name in names(designs)) {
  r <- designs[[name]]
  line("REPLICATES", name, ncol(r$repweights), f(r$scale), degf(r))
  m <- svymean(~api00, r)
  line("MEAN", name, f(coef(m), SE(m)))
  b <- svyby(~yes, ~stype, r, svymean)
  line("BY", name, f(coef(b)), f(SE(b)))
  q <- svyratio(~api00, ~api99, r)
  line("RATIO", name, f(coef(q), SE(q)))
  g <- svyglm(api00 ~ ell + meals, design = r)
  line("GLM", name, f(coef(g)), f(sqrt(diag(vcov(g)))))
}
sink()
