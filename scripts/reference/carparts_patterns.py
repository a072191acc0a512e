#!/usr/bin/env python3
"""Reference Syntetos-Boylan-Croston demand-pattern counts for Hyndman's "carparts" data (2,674 monthly
series, Jan 1998 - Mar 2002), computed independently of the TypeScript engine with the standard library
and exact rational arithmetic.

Usage:  python3 scripts/reference/carparts_patterns.py [path/to/carparts_wide.csv]
Default path: ../shared/data/carparts/carparts_wide.csv relative to the repository root.
Prints one JSON object; test/integration/realData.test.ts asserts the counts it prints.

Rules (Syntetos, Boylan & Croston 2005, JORS 56(5):495-503; the conventions are the engine's documented
ones, implemented separately here):
- An empty cell is NA, a missing month: it is left out, not read as 0 (165 series stop early).
- Status, first that applies: a negative month -> "negativeDemand"; fewer than 2 observed months ->
  "tooFewPeriods"; no month with demand -> "noDemand"; exactly one month with demand -> "tooFewDemands".
- ADI = observed months / months with non-zero demand.
- CV2 = (population variance / mean^2) of the non-zero monthly demands: divisor n, the engine's default
  (numpy's default ddof=0), which reproduces the data set's SOURCE.md classification of the 2,509 series
  with no NA (2,146 intermittent, 337 lumpy).
- smooth: ADI < 1.32 and CV2 < 0.49; erratic: ADI < 1.32, CV2 >= 0.49; intermittent: ADI >= 1.32,
  CV2 < 0.49; lumpy: both at or above.

Also reported, for comparison with the data set's SOURCE.md (which classified only the 2,509 series
with no NA): the same counts over that subset; over both sets with CV2 from the sample variance (divisor
n - 1, the engine's `deviation: "sample"`); and, over the subset, under two other ADI conventions found in
the literature and software: the mean interval from the start of the series to each demand (last demand
month / number of demands), and the mean interval between successive demands only
((last - first) / (demands - 1)).
"""
import csv
import json
import os
import statistics
import sys
from fractions import Fraction

ADI_CUTOFF = Fraction("1.32")
CV2_CUTOFF = Fraction("0.49")
PATTERNS = ["smooth", "erratic", "intermittent", "lumpy"]
STATUSES = ["classified", "tooFewPeriods", "noDemand", "negativeDemand", "tooFewDemands"]


def default_path():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(root, "..", "shared", "data", "carparts", "carparts_wide.csv")


def read(path):
    parts = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        for row in reader:
            months = [None if cell == "" else int(cell) for cell in row[1:]]
            assert len(months) == len(header) - 1
            parts.append((row[0], months))
    return parts


def status_of(months):
    observed = [m for m in months if m is not None]
    if any(m < 0 for m in observed):
        return "negativeDemand"
    if len(observed) < 2:
        return "tooFewPeriods"
    demands = sum(1 for m in observed if m > 0)
    if demands == 0:
        return "noDemand"
    if demands == 1:
        return "tooFewDemands"
    return "classified"


def adi_periods_per_demand(months):
    observed = [m for m in months if m is not None]
    return Fraction(len(observed), sum(1 for m in observed if m > 0))


def adi_from_start(months):
    positions = [i + 1 for i, m in enumerate(months) if m is not None and m > 0]
    return Fraction(positions[-1], len(positions))


def adi_between_demands(months):
    positions = [i + 1 for i, m in enumerate(months) if m is not None and m > 0]
    return Fraction(positions[-1] - positions[0], len(positions) - 1)


def cv2(months):
    sizes = [Fraction(m) for m in months if m is not None and m > 0]
    mean = statistics.mean(sizes)
    return statistics.pvariance(sizes) / (mean * mean)


def cv2_sample(months):
    sizes = [Fraction(m) for m in months if m is not None and m > 0]
    mean = statistics.mean(sizes)
    return statistics.variance(sizes) / (mean * mean)


def pattern(adi, squared_cv):
    intermittent = adi >= ADI_CUTOFF
    variable = squared_cv >= CV2_CUTOFF
    return PATTERNS[(2 if intermittent else 0) + (1 if variable else 0)]


def tally(parts, adi_rule, cv2_rule=cv2):
    patterns = dict.fromkeys(PATTERNS, 0)
    statuses = dict.fromkeys(STATUSES, 0)
    for _, months in parts:
        status = status_of(months)
        statuses[status] += 1
        if status == "classified":
            patterns[pattern(adi_rule(months), cv2_rule(months))] += 1
    return {"items": len(parts), "patterns": patterns, "statuses": statuses}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_path()
    parts = read(path)
    full = [p for p in parts if all(m is not None for m in p[1])]
    print(json.dumps({
        "script": "scripts/reference/carparts_patterns.py",
        "all": tally(parts, adi_periods_per_demand),
        "fullHistory": tally(full, adi_periods_per_demand),
        "allSampleCv2": tally(parts, adi_periods_per_demand, cv2_sample),
        "fullHistorySampleCv2": tally(full, adi_periods_per_demand, cv2_sample),
        "fullHistoryAdiFromStart": tally(full, adi_from_start),
        "fullHistoryAdiBetweenDemands": tally(full, adi_between_demands),
    }, indent=2))


if __name__ == "__main__":
    main()
