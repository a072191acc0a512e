/**
 * Data readiness: is this data good enough to segment on? Pass/fail against thresholds the user
 * sets, with the rows and items that fail and why.
 *
 * Checks:
 * 1. Completeness of each required column: the share of data rows where the column can be read
 *    must be at least `minCompleteness` (default 99%). Optional columns are reported, not judged.
 * 2. History: the share of items with at least `minHistoryPeriods` periods between their first sale
 *    and the end of the data must be at least `minItemShare` (e.g. 95% of SKUs with 12 months).
 * The line rules (returns, zero prices, non-product codes, one-offs) are reported beside the checks:
 * they are how the data was read, not failures.
 */
import { formatCount, formatShare } from "../definition/format";
import { invalidInput } from "../errors";
import type { DemandPeriod } from "../policy/periods";

export interface RowProblem {
  /** Row number in the source file (header = 1). */
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ColumnCompleteness {
  /** The role: item, date, quantity, price, revenue, order, ... */
  role: string;
  /** The column's header in the file. */
  header: string;
  required: boolean;
  rows: number;
  readable: number;
  /** Total unreadable cells and the first few of them. */
  problemCount: number;
  problems: RowProblem[];
}

export interface ReadinessThresholds {
  minCompleteness: number;
  minHistoryPeriods: number;
  minItemShare: number;
}

export const DEFAULT_THRESHOLDS: ReadinessThresholds = { minCompleteness: 0.99, minHistoryPeriods: 12, minItemShare: 0.95 };

export interface ReadinessCheck {
  check: string;
  value: number;
  threshold: number;
  passed: boolean;
  detail: string;
}

export interface ReadinessReport {
  passed: boolean;
  summary: string;
  checks: ReadinessCheck[];
  /** Items below the history threshold, fewest periods first. */
  shortHistory: { id: string; periods: number }[];
  rowProblems: RowProblem[];
}

export interface ReadinessInputs {
  columns: readonly ColumnCompleteness[];
  ids: readonly string[];
  historyPeriods: Float64Array;
  /** Periods the data spans. */
  periodCount: number;
  period: DemandPeriod;
  thresholds: ReadinessThresholds;
}

export function checkThresholds(thresholds: ReadinessThresholds): void {
  const { minCompleteness, minHistoryPeriods, minItemShare } = thresholds;
  if (!(minCompleteness >= 0 && minCompleteness <= 1)) throw invalidInput(`minimum completeness must be between 0 and 1; got ${minCompleteness}`);
  if (!(minItemShare >= 0 && minItemShare <= 1)) throw invalidInput(`minimum item share must be between 0 and 1; got ${minItemShare}`);
  if (!Number.isInteger(minHistoryPeriods) || minHistoryPeriods < 0) {
    throw invalidInput(`minimum history must be a whole number of periods ≥ 0; got ${minHistoryPeriods}`);
  }
}

export function assessReadiness(inputs: ReadinessInputs): ReadinessReport {
  const { thresholds, period } = inputs;
  checkThresholds(thresholds);
  const checks: ReadinessCheck[] = [];
  for (const column of inputs.columns) {
    if (!column.required) continue;
    const share = column.rows > 0 ? column.readable / column.rows : 0;
    checks.push({
      check: `completeness of ${column.role} (${column.header})`,
      value: share,
      threshold: thresholds.minCompleteness,
      passed: share >= thresholds.minCompleteness,
      detail: `${formatCount(column.readable)} of ${formatCount(column.rows)} rows readable${column.problemCount > 0 ? `; ${formatCount(column.problemCount)} unreadable (see the rows below)` : ""}`,
    });
  }

  const shortHistory: { id: string; periods: number }[] = [];
  inputs.historyPeriods.forEach((periods, item) => {
    if (!(periods >= thresholds.minHistoryPeriods)) shortHistory.push({ id: inputs.ids[item], periods });
  });
  shortHistory.sort((a, b) => a.periods - b.periods || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const itemCount = inputs.ids.length;
  const withHistory = itemCount - shortHistory.length;
  const historyShare = itemCount > 0 ? withHistory / itemCount : 0;
  const spanNote =
    inputs.periodCount < thresholds.minHistoryPeriods
      ? `; the data spans only ${inputs.periodCount} ${period}${inputs.periodCount === 1 ? "" : "s"}, so no item can have ${thresholds.minHistoryPeriods}`
      : "";
  checks.push({
    check: `items with at least ${thresholds.minHistoryPeriods} ${period}s of history`,
    value: historyShare,
    threshold: thresholds.minItemShare,
    passed: itemCount > 0 && historyShare >= thresholds.minItemShare,
    detail: `${formatCount(withHistory)} of ${formatCount(itemCount)} items${spanNote}`,
  });

  const passed = checks.every((check) => check.passed);
  const failed = checks.filter((check) => !check.passed);
  const summary = passed
    ? `PASS: ${checks.map((c) => `${c.check} ${formatShare(c.value)} ≥ ${formatShare(c.threshold)}`).join("; ")}`
    : `FAIL: ${failed.map((c) => `${c.check} ${formatShare(c.value)} < ${formatShare(c.threshold)}`).join("; ")}`;
  return {
    passed,
    summary,
    checks,
    shortHistory,
    rowProblems: inputs.columns.flatMap((column) => column.problems),
  };
}
