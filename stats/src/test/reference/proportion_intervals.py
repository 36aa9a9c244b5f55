# Reference values for ProportionIntervalTest (statsmodels 0.13.5, Debian 12): python3 proportion_intervals.py
# Prints: method, x, n, level, lower, upper with 17 significant digits.
from statsmodels.stats.proportion import proportion_confint

cases = [(0, 80), (1, 80), (40, 80), (79, 80), (80, 80), (212, 400), (1160, 2600), (3, 7), (10.5, 37.25)]
for x, n in cases:
    for level in (0.95, 0.90, 0.99):
        a = 1 - level
        for method, sm, dx, dn in (("WALD", "normal", 0, 0), ("AGRESTI_COULL", "agresti_coull", 0, 0),
                                   ("PLUS_FOUR", "normal", 2, 4), ("WILSON", "wilson", 0, 0),
                                   ("CLOPPER_PEARSON", "beta", 0, 0), ("JEFFREYS", "jeffreys", 0, 0)):
            if method == "JEFFREYS" and x in (0, n):
                continue  # statsmodels has no boundary convention there; the R values cover it
            lo, hi = proportion_confint(x + dx, n + dn, alpha=a, method=sm)
            print("%s,%s,%s,%s,%.17g,%.17g" % (method, x, n, level, lo, hi))
