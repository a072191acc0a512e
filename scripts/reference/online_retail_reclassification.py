#!/usr/bin/env python3
"""Reference counts for reclassification with hysteresis over two years of the UCI Online Retail data,
computed independently of the TypeScript engine (standard library only, exact decimal and rational
arithmetic, a separate implementation of the rules, not a port).

Usage:  python3 scripts/reference/online_retail_reclassification.py [previous.csv.gz current.csv.gz]
Defaults: ../shared/data/online-retail-ii-2009-2010/online_retail_ii_2009_2010.csv.gz (previous year)
and ../shared/data/online-retail/online_retail.csv.gz (current year), relative to the repository root.
Prints one JSON object; test/integration/reclassification.test.ts asserts the counts it prints.

Rules (those README.md and src/engine state for `supply-segments design` + `apply --previous-data`):
- Item codes are trimmed of surrounding spaces. Line rules, per file: an item code with no digit is a non-product code (left out, not an item);
  quantity < 0 is a return (left out); quantity 0 left out; price < 0 left out; price 0 left out; the rest
  are sales. Items = product codes in order of first appearance.
- One-off lines: a sales line whose quantity is more than 50% of its item's total sales quantity, for an
  item with at least 5 sales lines, is excluded.
- Months: every calendar month from the file's first to its last date (all lines); demand of a month =
  sum of the quantities of the item's counted sales lines in it (0 without one).
- ABC on revenue = sum of quantity x price of counted lines; ranked largest first (ties: first appearance);
  cumulative share of the total of positive revenues including the item: <= 80% A, <= 95% B, else C;
  revenue <= 0 -> C.
- XYZ: CV = sample standard deviation / mean of the monthly demands; CV <= 0.5 X, <= 1 Y, else Z; no demand
  at all -> not classifiable.
- historyPeriods = months from the item's first sales month to the last month, inclusive (0 without a sale).
- Segment: historyPeriods < 6 -> BY by the fallback rule "new products"; else not classifiable -> CZ
  (fallback "no measurable demand"); else the ABC letter + XYZ letter.
- Reclassification by calendar quarter. A quarter is complete in a file when the file's first date is on
  or before its first day and its last date on or after its last day. The rules are checked on the last 2
  complete quarters of the current file; the baseline of each is the same quarter a year earlier in the
  previous file (it must be complete there). "sustained drop": baseline > 0 and quantity <= 0.7 x baseline
  in both; "sustained rise": quantity > 0 and quantity >= 1.3 x baseline in both.
- Status of each current item: "new item" (not in the previous file); "unchanged" (same segment);
  "graduated" (its previous segment came from a fallback rule); "moved" (a rule held); else "held" (it keeps
  its previous segment). Previous items without a line in the current file are "departed".
"""
import csv
import datetime
import decimal
import gzip
import json
import os
import statistics
import sys
from fractions import Fraction


def data_path(*parts):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(root, "..", "shared", "data", *parts)


def read(path, price_column):
    lines = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            day = datetime.date.fromisoformat(row["InvoiceDate"][:10])
            # Codes are trimmed, as the command line reads them ("47503J " is "47503J").
            lines.append((row["StockCode"].strip(), int(row["Quantity"]), decimal.Decimal(row[price_column]), day))
    return lines


def segment_file(lines):
    first_day = min(line[3] for line in lines)
    last_day = max(line[3] for line in lines)
    month_of = lambda day: day.year * 12 + day.month - 1
    first_month = month_of(first_day)
    months = month_of(last_day) - first_month + 1

    order = []
    sales = {}
    for code, quantity, price, day in lines:
        if not any(ch.isdigit() for ch in code):
            continue
        if code not in sales:
            sales[code] = []
            order.append(code)
        if quantity > 0 and price > 0:
            sales[code].append((quantity, price, day))

    counted = {}
    for code in order:
        lines_of = sales[code]
        total = sum(q for q, _, _ in lines_of)
        keep = []
        for q, p, d in lines_of:
            if len(lines_of) >= 5 and Fraction(q, total) > Fraction(1, 2):
                continue
            keep.append((q, p, d))
        counted[code] = keep

    revenue = {code: sum((q * p for q, p, _ in counted[code]), decimal.Decimal(0)) for code in order}
    position = {code: i for i, code in enumerate(order)}
    total = sum((r for r in revenue.values() if r > 0), decimal.Decimal(0))
    abc = {}
    cumulative = decimal.Decimal(0)
    for code in sorted(order, key=lambda c: (-revenue[c], position[c])):
        if revenue[code] <= 0:
            abc[code] = "C"
            continue
        cumulative += revenue[code]
        share = Fraction(cumulative) / Fraction(total)
        abc[code] = "A" if share <= Fraction(4, 5) else "B" if share <= Fraction(19, 20) else "C"

    segment = {}
    source = {}
    quarter_quantity = {}
    for code in order:
        monthly = [0] * months
        quarters = {}
        first_sale = None
        for q, _, d in counted[code]:
            m = month_of(d) - first_month
            monthly[m] += q
            key = d.year * 4 + (d.month - 1) // 3
            quarters[key] = quarters.get(key, 0) + q
            first_sale = m if first_sale is None else min(first_sale, m)
        quarter_quantity[code] = quarters
        history = 0 if first_sale is None else months - first_sale
        if history < 6:
            segment[code], source[code] = "BY", "fallback"
            continue
        if all(q == 0 for q in monthly):
            segment[code], source[code] = "CZ", "unclassified"
            continue
        series = [Fraction(q) for q in monthly]
        mean = statistics.mean(series)
        cv_squared = statistics.variance(series) / (mean * mean)
        xyz = "X" if cv_squared <= Fraction(1, 4) else "Y" if cv_squared <= 1 else "Z"
        segment[code], source[code] = abc[code] + xyz, "method"

    def complete(quarter):
        year, index = divmod(quarter, 4)
        start = datetime.date(year, index * 3 + 1, 1)
        end = datetime.date(year + (index == 3), (index * 3 + 3) % 12 + 1, 1) - datetime.timedelta(days=1)
        return first_day <= start and last_day >= end

    first_quarter = first_day.year * 4 + (first_day.month - 1) // 3
    last_quarter = last_day.year * 4 + (last_day.month - 1) // 3
    complete_quarters = [q for q in range(first_quarter, last_quarter + 1) if complete(q)]
    return {"order": order, "segment": segment, "source": source, "quarters": quarter_quantity, "complete": complete_quarters}


def main():
    previous_path = sys.argv[1] if len(sys.argv) > 2 else data_path("online-retail-ii-2009-2010", "online_retail_ii_2009_2010.csv.gz")
    current_path = sys.argv[2] if len(sys.argv) > 2 else data_path("online-retail", "online_retail.csv.gz")
    previous = segment_file(read(previous_path, "Price"))
    current = segment_file(read(current_path, "UnitPrice"))

    window = current["complete"][-2:]
    previous_complete = set(previous["complete"])

    def rule_holds(code, direction):
        for quarter in window:
            base_quarter = quarter - 4
            if base_quarter not in previous_complete:
                return False
            base = previous["quarters"][code].get(base_quarter, 0)
            now = current["quarters"][code].get(quarter, 0)
            if direction == "down" and not (base > 0 and 10 * now <= 7 * base):
                return False
            if direction == "up" and not (now > 0 and 10 * now >= 13 * base):
                return False
        return True

    counts = {"new item": 0, "unchanged": 0, "moved": 0, "held": 0, "graduated": 0}
    moves = {}
    final = {}
    for code in current["order"]:
        now = current["segment"][code]
        if code not in previous["segment"]:
            status = "new item"
            final[code] = now
        elif previous["segment"][code] == now:
            status = "unchanged"
            final[code] = now
        elif previous["source"][code] != "method":
            status = "graduated"
            final[code] = now
        elif rule_holds(code, "down") or rule_holds(code, "up"):
            status = "moved"
            final[code] = now
            key = previous["segment"][code] + "->" + now
            moves[key] = moves.get(key, 0) + 1
        else:
            status = "held"
            final[code] = previous["segment"][code]
        counts[status] += 1
    departed = sum(1 for code in previous["order"] if code not in current["segment"])
    final_counts = {}
    for segment in final.values():
        final_counts[segment] = final_counts.get(segment, 0) + 1
    computed_counts = {}
    for segment in current["segment"].values():
        computed_counts[segment] = computed_counts.get(segment, 0) + 1
    quarter_label = lambda q: "%d-Q%d" % (q // 4, q % 4 + 1)
    print(json.dumps({
        "script": "scripts/reference/online_retail_reclassification.py",
        "previousItems": len(previous["order"]),
        "currentItems": len(current["order"]),
        "evaluatedQuarters": [quarter_label(q) for q in window],
        "statusCounts": counts,
        "departed": departed,
        "moves": dict(sorted(moves.items())),
        "computedSegments": dict(sorted(computed_counts.items())),
        "finalSegments": dict(sorted(final_counts.items())),
    }, indent=2))


if __name__ == "__main__":
    main()
