# Power with unequal groups (statsmodels 0.13.5): python3 planning.py
from statsmodels.stats.proportion import power_proportions_2indep

for n1, n2, p1, p2 in ((80, 2600, 0.45, 0.35), (80, 2600, 0.35, 0.45), (302, 1657, 0.56, 0.70), (165, 13000, 0.32, 0.31)):
    power = power_proportions_2indep(p1 - p2, p2, n1, ratio=n2 / n1, alpha=0.05, alternative="two-sided")
    print("POWER_UNEQUAL,%d,%d,%s,%s,%.17g" % (n1, n2, p1, p2, power.power))
