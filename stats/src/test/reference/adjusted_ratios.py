# Reference values for the adjusted risk and odds ratios (statsmodels 0.13.5, Debian 12):
# /usr/bin/python3 adjusted_ratios.py
# Each line: name, x1, n1, x2, n2, level, then the estimate (the interval's centre on the log scale, which is the
# adjusted ratio), the lower and the upper limit, 17 significant digits.
import math

from statsmodels.stats.proportion import confint_proportions_2indep

cases = [(212, 400, 130, 400), (30, 80, 1160, 2600), (0, 80, 5, 2600), (3, 7, 1, 9), (80, 80, 2000, 2600),
         (5, 80, 0, 60), (0, 10, 0, 12), (10, 10, 12, 12)]
for x1, n1, x2, n2 in cases:
    for level in (0.95, 0.9):
        for name, compare, method in (("RISK_RATIO_ADJUSTED", "ratio", "log-adjusted"),
                                      ("ODDS_RATIO_ADJUSTED", "odds-ratio", "logit-adjusted")):
            lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method=method, compare=compare, alpha=1 - level)
            print("%s,%d,%d,%d,%d,%s,%.17g,%.17g,%.17g" % (name, x1, n1, x2, n2, level,
                                                          math.sqrt(lo * hi), lo, hi))
