/**
 * Readiness of transaction lines before any definition exists: the lines aggregated into items by
 * the line rules, then judged against the thresholds (readiness.ts). What `supply-segments
 * readiness` reports and the task pane's Data view shows.
 *
 * One-off lines are reported, not removed: readiness judges the data as it is.
 */
import type { LineRules } from "../apply/applyDefinition";
import type { ExceptionSettings } from "../definition/schema";
import type { DemandPeriod } from "../policy/periods";
import { type AggregatedItems, aggregateTransactions } from "../transactions/aggregate";
import { isLineReadable, type TransactionLines } from "../transactions/lines";
import { assessReadiness, type ColumnCompleteness, type ReadinessReport, type ReadinessThresholds } from "./readiness";

/** One-offs as readiness reports them: found by the design's rule, kept in the data. */
export const READINESS_EXCEPTIONS: ExceptionSettings = { maxLineShare: 0.5, minLines: 5, action: "keep" };

export interface LinesReadinessOptions extends LineRules {
  columns: readonly ColumnCompleteness[];
  thresholds: ReadinessThresholds;
  period: DemandPeriod;
}

export interface LinesReadiness {
  /** Null when no line could be read at all (then no item has history). */
  aggregated: AggregatedItems | null;
  readiness: ReadinessReport;
}

export function assessLinesReadiness(lines: TransactionLines, options: LinesReadinessOptions): LinesReadiness {
  const { columns, thresholds, period } = options;
  let readable = false;
  for (let i = 0; i < lines.count && !readable; i++) readable = isLineReadable(lines, i);
  if (!readable) {
    const readiness = assessReadiness({ columns, ids: [], historyPeriods: new Float64Array(0), periodCount: 0, period, thresholds });
    return { aggregated: null, readiness };
  }
  // Unit costs play no part in readiness; 1 is any valid ratio.
  const aggregated = aggregateTransactions(lines, { ...options, exceptions: READINESS_EXCEPTIONS, costRatio: 1 });
  const readiness = assessReadiness({
    columns,
    ids: aggregated.table.ids,
    historyPeriods: aggregated.table.numbers.get("historyperiods")!,
    periodCount: aggregated.periodCount,
    period,
    thresholds,
  });
  return { aggregated, readiness };
}
