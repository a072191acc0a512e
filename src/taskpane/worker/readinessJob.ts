/**
 * Data readiness as an engine job, as `supply-segments readiness` computes it: the lines aggregated
 * into items by the line rules (one-offs reported, not removed), then each required column's
 * completeness and the share of items with enough history judged against the thresholds. Along with
 * the report come the figures the Data view shows beside it: items, the period covered and what
 * each line rule did.
 */
import type { DemandPeriod } from "../../engine/policy/periods";
import { assessLinesReadiness } from "../../engine/readiness/linesReadiness";
import type { ColumnCompleteness, ReadinessReport, ReadinessThresholds } from "../../engine/readiness/readiness";
import { type LineRuleSpec, lineRulesOf } from "../../engine/transactions/lineRules";
import { LINE_STATUS_NAMES, LINE_UNREADABLE, type TransactionLines } from "../../engine/transactions/lines";
import { defineJob } from "./jobs";

export interface ReadinessJobInput {
  lines: TransactionLines;
  columns: ColumnCompleteness[];
  thresholds: ReadinessThresholds;
  period: DemandPeriod;
  rules: LineRuleSpec;
}

export interface LineRuleCount {
  /** LINE_STATUS_NAMES: "sale", "return or cancellation", "non-product code", ... */
  status: string;
  lines: number;
  quantity: number;
  revenue: number;
}

export interface ReadinessJobOutput {
  report: ReadinessReport;
  itemCount: number;
  /** Periods the data spans (0 when no line could be read). */
  periodCount: number;
  period: DemandPeriod;
  /** First and last day with a readable line (days since 1970-01-01); NaN when none. */
  firstDay: number;
  lastDay: number;
  /** What happened to the lines, one entry per status that has any. */
  lineRules: LineRuleCount[];
  /** Non-product codes left out, most lines first: the first MAX_NON_PRODUCT_CODES. */
  nonProductCodes: { code: string; lines: number }[];
  /** Distinct non-product codes in all. */
  nonProductCodeCount: number;
  /** One-off lines found (reported, not removed). */
  oneOffLines: number;
}

/** Non-product codes listed at most (the line rules count them all). */
export const MAX_NON_PRODUCT_CODES = 20;

export const readinessJob = defineJob<ReadinessJobInput, ReadinessJobOutput>("data.readiness", async (input, context) => {
  context.progress(0, 2, "Aggregating lines into items");
  await context.checkpoint();
  const { aggregated, readiness } = assessLinesReadiness(input.lines, {
    ...lineRulesOf(input.rules),
    columns: input.columns,
    thresholds: input.thresholds,
    period: input.period,
  });
  context.progress(1, 2, "Checking readiness");
  await context.checkpoint();
  const lineRules: LineRuleCount[] = aggregated
    ? aggregated.byStatus.flatMap((totals, status) => (totals.lines > 0 ? [{ status: LINE_STATUS_NAMES[status], ...totals }] : []))
    : input.lines.count > 0
      ? [{ status: LINE_STATUS_NAMES[LINE_UNREADABLE], lines: input.lines.count, quantity: 0, revenue: 0 }]
      : [];
  context.progress(2, 2);
  return {
    report: readiness,
    itemCount: aggregated ? aggregated.table.ids.length : 0,
    periodCount: aggregated ? aggregated.periodCount : 0,
    period: input.period,
    firstDay: aggregated ? aggregated.firstDay : NaN,
    lastDay: aggregated ? aggregated.lastDay : NaN,
    lineRules,
    nonProductCodes: (aggregated?.nonProductCodes ?? []).slice(0, MAX_NON_PRODUCT_CODES).map(({ code, lines }) => ({ code, lines })),
    nonProductCodeCount: aggregated ? aggregated.nonProductCodes.length : 0,
    oneOffLines: aggregated ? aggregated.exceptions.length : 0,
  };
});
