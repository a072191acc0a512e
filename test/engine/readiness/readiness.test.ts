import { assessReadiness, type ColumnCompleteness } from "../../../src/engine/readiness/readiness";

const column = (role: string, readable: number, required = true): ColumnCompleteness => ({
  role,
  header: role.toUpperCase(),
  required,
  rows: 200,
  readable,
  problemCount: 200 - readable,
  problems: readable < 200 ? [{ row: 7, column: role.toUpperCase(), value: "x", reason: '"x" is not a number' }] : [],
});

const ids = Array.from({ length: 20 }, (_, k) => `i${k}`);
// 19 of 20 items have 12 or more months; one has 3.
const history = Float64Array.from(ids, (_, k) => (k === 4 ? 3 : 12 + (k % 3)));

test("passes when every required column and the history share reach their thresholds", () => {
  const report = assessReadiness({
    columns: [column("item", 200), column("quantity", 198), column("order", 10, false)],
    ids,
    historyPeriods: history,
    periodCount: 24,
    period: "month",
    thresholds: { minCompleteness: 0.99, minHistoryPeriods: 12, minItemShare: 0.95 },
  });
  expect(report.passed).toBe(true);
  expect(report.checks.map((c) => [c.check, c.value, c.passed])).toEqual([
    ["completeness of item (ITEM)", 1, true],
    ["completeness of quantity (QUANTITY)", 0.99, true],
    ["items with at least 12 months of history", 0.95, true],
  ]);
  expect(report.shortHistory).toEqual([{ id: "i4", periods: 3 }]);
  expect(report.summary).toMatch(/^PASS: /);
});

test("fails with the checks that failed, the rows and the items behind them", () => {
  const report = assessReadiness({
    columns: [column("item", 200), column("quantity", 150)],
    ids,
    historyPeriods: history,
    periodCount: 24,
    period: "month",
    thresholds: { minCompleteness: 0.99, minHistoryPeriods: 13, minItemShare: 0.95 },
  });
  expect(report.passed).toBe(false);
  // Items with ≥ 13 months: k % 3 ∈ {1, 2} except k = 4 → 12 of 20.
  expect(report.summary).toBe("FAIL: completeness of quantity (QUANTITY) 75% < 99%; items with at least 13 months of history 60% < 95%");
  expect(report.checks[1].detail).toBe("150 of 200 rows readable; 50 unreadable (see the rows below)");
  expect(report.rowProblems).toEqual([{ row: 7, column: "QUANTITY", value: "x", reason: '"x" is not a number' }]);
  expect(report.shortHistory.map((s) => s.periods)).toEqual([3, 12, 12, 12, 12, 12, 12, 12]);
});

test("says when the data is too short for the history threshold at all", () => {
  const report = assessReadiness({
    columns: [column("item", 200)],
    ids,
    historyPeriods: history,
    periodCount: 6,
    period: "month",
    thresholds: { minCompleteness: 0.99, minHistoryPeriods: 12, minItemShare: 0.95 },
  });
  expect(report.checks[1].detail).toContain("the data spans only 6 months, so no item can have 12");
  expect(() =>
    assessReadiness({ columns: [], ids, historyPeriods: history, periodCount: 6, period: "month", thresholds: { minCompleteness: 95, minHistoryPeriods: 12, minItemShare: 0.95 } }),
  ).toThrow("minimum completeness must be between 0 and 1; got 95");
});
