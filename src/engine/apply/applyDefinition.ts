/**
 * A definition applied to transaction lines, end to end: the batch path behind `supply-segments
 * apply` and `compare`. Pure: lines in, results out; reading and writing files is src/cli's job.
 *
 * Steps: aggregate the lines into items by the definition's period, returns and one-off rules
 * (transactions/aggregate.ts) → assign every item, ranking ABC on this population
 * (definition/assign.ts) → with previous data, hold items back by the reclassification rules
 * (definition/reclassify.ts) → policy figures by the final segment (policy/applyPolicies.ts) →
 * KPIs per segment against targets (kpi/) → readiness (readiness/).
 *
 * ABC rule for the batch: the definition's cutoffs are shares, so the classes are recomputed on the
 * data given. Items whose class differs from the one the stored design thresholds give are listed
 * as drift: the population has moved since the definition was designed.
 */
import { ASSIGNMENT_SOURCES, type BatchAssignment, assignBatch } from "../definition/assign";
import { classificationLabels } from "../definition/methodSchema";
import { type ReclassificationResult, reclassify } from "../definition/reclassify";
import type { SegmentDefinition } from "../definition/schema";
import { evaluateKpis, type KpiRow } from "../kpi/evaluate";
import { measureSegments, type SegmentMeasures } from "../kpi/measure";
import { applyPolicies, type PolicyColumns } from "../policy/applyPolicies";
import { type ColumnCompleteness, type ReadinessReport, type ReadinessThresholds, assessReadiness } from "../readiness/readiness";
import { type AggregatedItems, aggregateTransactions } from "../transactions/aggregate";
import type { TransactionLines } from "../transactions/lines";
import { type PeriodTotals, periodTotals } from "../transactions/periodTotals";

export interface LineRules {
  returns: "exclude" | "net";
  isNonProduct: (code: string) => boolean;
}

export interface ApplyOptions extends LineRules {
  thresholds: ReadinessThresholds;
  /** Column completeness as the reader measured it (for the readiness report). */
  columns: readonly ColumnCompleteness[];
  /** Earlier transactions, to reclassify with hysteresis against. */
  previous?: TransactionLines;
}

export interface ThresholdDrift {
  dimension: string;
  /** Items whose population class differs from their design-threshold class. */
  items: number[];
  /** Per item listed: [population class label, threshold class label]. */
  labels: [string, string][];
}

export interface ApplyResult {
  definition: SegmentDefinition;
  aggregated: AggregatedItems;
  assignment: BatchAssignment;
  reclassification: ReclassificationResult | null;
  /** Final segment per item (after hysteresis and overrides). */
  segmentIndex: Int32Array;
  policy: PolicyColumns;
  measures: SegmentMeasures[];
  kpis: KpiRow[];
  readiness: ReadinessReport;
  drift: ThresholdDrift[];
}

export function aggregateFor(definition: SegmentDefinition, lines: TransactionLines, rules: LineRules): AggregatedItems {
  return aggregateTransactions(lines, {
    period: definition.history.period,
    returns: rules.returns,
    isNonProduct: rules.isNonProduct,
    exceptions: definition.exceptions,
    costRatio: definition.valuation.costRatio,
  });
}

function driftOf(definition: SegmentDefinition, assignment: BatchAssignment): ThresholdDrift[] {
  const method = definition.method;
  if (method.type !== "matrix") return [];
  const drift: ThresholdDrift[] = [];
  method.classifications.forEach((classification, c) => {
    const placed = assignment.classes[c];
    if (classification.kind !== "abc" || placed.thresholdClass === null) return;
    const labels = classificationLabels(classification);
    const entry: ThresholdDrift = { dimension: classification.dimension, items: [], labels: [] };
    for (let item = 0; item < placed.classIndex.length; item++) {
      const now = placed.classIndex[item];
      const byThreshold = placed.thresholdClass[item];
      if (now >= 0 && byThreshold >= 0 && now !== byThreshold) {
        entry.items.push(item);
        entry.labels.push([labels[now], labels[byThreshold]]);
      }
    }
    drift.push(entry);
  });
  return drift;
}

function totalsFor(definition: SegmentDefinition, lines: TransactionLines, aggregated: AggregatedItems): PeriodTotals {
  return periodTotals(lines, aggregated, definition.reclassification?.period ?? "quarter");
}

/** How the batch places items: ABC ranked on this population, every dimension required. */
export const APPLY_BATCH_OPTIONS = { abcMode: "population", requireAllDimensions: true } as const;

/** The steps of applyDefinition, in order, with words for a progress bar. */
export const APPLY_STEPS = [
  { step: "aggregate", label: "Aggregating lines into items" },
  { step: "assign", label: "Assigning segments" },
  { step: "reclassify", label: "Reclassifying against the previous data" },
  { step: "policies", label: "Computing policy figures" },
  { step: "measures", label: "Measuring KPIs" },
  { step: "readiness", label: "Checking readiness" },
] as const;

export type ApplyStep = (typeof APPLY_STEPS)[number]["step"];

/**
 * applyDefinition one step at a time: yields the name of each step before it runs and returns the
 * result, so a caller can report progress and stop between steps (the task pane's worker does).
 */
export function* applySteps(definition: SegmentDefinition, lines: TransactionLines, options: ApplyOptions): Generator<ApplyStep, ApplyResult, void> {
  yield "aggregate";
  const aggregated = aggregateFor(definition, lines, options);
  const table = aggregated.table;
  yield "assign";
  const assignment = assignBatch(definition, table, APPLY_BATCH_OPTIONS);

  let reclassification: ReclassificationResult | null = null;
  let segmentIndex = assignment.segmentIndex;
  if (options.previous) {
    yield "reclassify";
    const before = aggregateFor(definition, options.previous, options);
    const priorAssignment = assignBatch(definition, before.table, APPLY_BATCH_OPTIONS);
    reclassification = reclassify(definition, assignment, totalsFor(definition, lines, aggregated), {
      ids: before.table.ids,
      segment: Array.from(priorAssignment.segmentIndex, (k) => (k >= 0 ? definition.segments[k].id : null)),
      source: Array.from(priorAssignment.source, (s) => ASSIGNMENT_SOURCES[s]),
      totals: totalsFor(definition, options.previous, before),
    });
    segmentIndex = reclassification.segmentIndex;
  }

  yield "policies";
  const demandMean = table.numbers.get("demandmean")!;
  const unitCost = table.numbers.get("unitcost")!;
  const policy = applyPolicies(
    definition.segments.map((segment) => segment.policy),
    segmentIndex,
    { demandMean, demandStdDev: table.numbers.get("demandstddev")!, unitCost },
    definition.history.period,
  );
  yield "measures";
  const measures = measureSegments({
    lines,
    lineStatus: aggregated.lineStatus,
    lineItem: aggregated.lineItem,
    segmentIndex,
    segmentCount: definition.segments.length,
    policy,
    demandMean,
    unitCost,
    itemRevenue: table.numbers.get("revenue")!,
  });
  yield "readiness";
  const readiness = assessReadiness({
    columns: options.columns,
    ids: table.ids,
    historyPeriods: table.numbers.get("historyperiods")!,
    periodCount: aggregated.periodCount,
    period: definition.history.period,
    thresholds: options.thresholds,
  });
  return {
    definition,
    aggregated,
    assignment,
    reclassification,
    segmentIndex,
    policy,
    measures,
    kpis: evaluateKpis(definition.segments, measures),
    readiness,
    drift: driftOf(definition, assignment),
  };
}

export function applyDefinition(definition: SegmentDefinition, lines: TransactionLines, options: ApplyOptions): ApplyResult {
  const steps = applySteps(definition, lines, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
