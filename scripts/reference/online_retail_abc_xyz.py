#!/usr/bin/env python3
"""Reference ABC / XYZ class counts for the UCI "Online Retail" data, computed independently of the
TypeScript engine (pure standard library, exact decimal and rational arithmetic, no floating point).

Usage:  python3 scripts/reference/online_retail_abc_xyz.py [path/to/online_retail.csv.gz]
Default path: ../shared/data/online-retail/online_retail.csv.gz relative to the repository root.
Prints one JSON object; test/integration/realData.test.ts asserts the counts it prints.

Rules (the same rules the test states; this is a separate implementation of them, not a port):
- Item = StockCode exactly as written (case-sensitive): 4,070 items.
- Revenue of an item = sum over all of its lines of Quantity x UnitPrice, returns and cancellations
  included (so it is net and can be zero or negative).
- ABC: rank by revenue, largest first (ties by first appearance in the file); cumulative share of the total
  of positive revenues, including the item; cumulative <= 80% -> A, <= 95% -> B, else C; zero or negative
  revenue -> C.
- XYZ: demand of a month = sum of Quantity over the item's lines whose InvoiceDate falls in that calendar
  month, 2010-12 .. 2011-12 (13 months); a month with no line is 0. An item with a negative month is
  "negative demand", with every month 0 "no demand" (neither classified). Otherwise CV = sample standard
  deviation / mean of the 13 months; CV <= 0.5 -> X, <= 1.0 -> Y, else Z.
"""
import csv
import decimal
import gzip
import json
import os
import statistics
import sys
from fractions import Fraction

MONTHS = ["2010-12"] + ["2011-%02d" % m for m in range(1, 13)]
ABC_CUTOFFS = [Fraction(8, 10), Fraction(95, 100)]
XYZ_CUTOFFS = [Fraction(1, 2), Fraction(1)]


def default_path():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(root, "..", "shared", "data", "online-retail", "online_retail.csv.gz")


def read(path):
    revenue = {}  # insertion order = order of first appearance
    monthly = {}
    lines = 0
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            lines += 1
            code = row["StockCode"]
            quantity = int(row["Quantity"])
            price = decimal.Decimal(row["UnitPrice"])
            month = row["InvoiceDate"][:7]
            if code not in revenue:
                revenue[code] = decimal.Decimal(0)
                monthly[code] = dict.fromkeys(MONTHS, 0)
            revenue[code] += quantity * price
            if month not in monthly[code]:
                raise ValueError("InvoiceDate outside 2010-12..2011-12: " + row["InvoiceDate"])
            monthly[code][month] += quantity
    return lines, revenue, monthly


def abc(revenue):
    codes = list(revenue)
    first_seen = {code: i for i, code in enumerate(codes)}
    ranked = sorted(codes, key=lambda code: (-revenue[code], first_seen[code]))
    total = sum((r for r in revenue.values() if r > 0), decimal.Decimal(0))
    classes = {}
    cumulative = decimal.Decimal(0)
    for code in ranked:
        value = revenue[code]
        if value <= 0:
            classes[code] = "C"
            continue
        cumulative += value
        # Exact rational comparison of cumulative / total with the cutoff: no rounding at the boundary.
        share = Fraction(cumulative) / Fraction(total)
        if share <= ABC_CUTOFFS[0]:
            classes[code] = "A"
        elif share <= ABC_CUTOFFS[1]:
            classes[code] = "B"
        else:
            classes[code] = "C"
    non_positive = sum(1 for r in revenue.values() if r <= 0)
    return classes, total, non_positive


def xyz(monthly):
    classes = {}
    status = {"classified": 0, "negativeDemand": 0, "noDemand": 0, "tooFewPeriods": 0}
    for code, months in monthly.items():
        series = [Fraction(months[m]) for m in MONTHS]
        if any(q < 0 for q in series):
            status["negativeDemand"] += 1
            continue
        if all(q == 0 for q in series):
            status["noDemand"] += 1
            continue
        status["classified"] += 1
        mean = statistics.mean(series)
        variance = statistics.variance(series)  # exact for Fractions; n - 1 divisor
        cv_squared = variance / (mean * mean)
        if cv_squared <= XYZ_CUTOFFS[0] ** 2:
            classes[code] = "X"
        elif cv_squared <= XYZ_CUTOFFS[1] ** 2:
            classes[code] = "Y"
        else:
            classes[code] = "Z"
    return classes, status


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_path()
    lines, revenue, monthly = read(path)
    abc_classes, total, non_positive = abc(revenue)
    xyz_classes, xyz_status = xyz(monthly)
    abc_counts = {label: sum(1 for c in abc_classes.values() if c == label) for label in "ABC"}
    xyz_counts = {label: sum(1 for c in xyz_classes.values() if c == label) for label in "XYZ"}
    matrix = {a + x: 0 for a in "ABC" for x in "XYZ"}
    for code, x in xyz_classes.items():
        matrix[abc_classes[code] + x] += 1
    print(json.dumps({
        "script": "scripts/reference/online_retail_abc_xyz.py",
        "lines": lines,
        "items": len(revenue),
        "abc": {"counts": abc_counts, "nonPositive": non_positive, "totalPositiveRevenue": str(total)},
        "xyz": {"counts": xyz_counts, **xyz_status},
        "matrix": matrix,
    }, indent=2))


if __name__ == "__main__":
    main()
