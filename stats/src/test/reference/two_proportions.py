# Reference values for the two-proportion intervals and the unpooled z test (statsmodels 0.13.5, Debian 12):
# python3 two_proportions.py
from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep

cases = [(212, 400, 130, 400), (30, 80, 1160, 2600), (0, 80, 5, 2600), (3, 7, 1, 9), (80, 80, 2000, 2600),
         (5, 80, 0, 60)]
for x1, n1, x2, n2 in cases:
    for level in (0.95, 0.9):
        for method, sm in (("NEWCOMBE", "newcomb"), ("AGRESTI_CAFFO", "agresti-caffo")):
            lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method=sm, compare="diff", alpha=1 - level)
            print("%s,%d,%d,%d,%d,%s,%.17g,%.17g" % (method, x1, n1, x2, n2, level, lo, hi))
    if 0 < x1 < n1 and 0 < x2 < n2:  # statsmodels divides by zero otherwise
        r = test_proportions_2indep(x1, n1, x2, n2, method="wald", compare="diff")
        print("Z_UNPOOLED,%d,%d,%d,%d,%.17g,%.17g" % (x1, n1, x2, n2, r.statistic, r.pvalue))
