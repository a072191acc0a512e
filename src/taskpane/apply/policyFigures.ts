/**
 * Policy figures for edited policies, without applying the definition again: an edit to a segment's
 * policy leaves every item in its segment, so the engine's applyPolicies runs over the applied
 * result's per-item demand (mean, standard deviation, unit cost) with the new policies, and the
 * policy-dependent measures per segment (inventory value, cost of goods, demand-weighted expected
 * fill rate) come from the engine's measureSegments. Order-line measures do not depend on policies
 * and are kept from the applied result.
 *
 * Plain data in and out (typed arrays, no Map), so the same function runs on the main thread for a
 * few thousand items and in the engine worker (worker/resultsJob.ts) for a hundred thousand.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../engine/definition/schema";
import { evaluateKpis, type KpiRow } from "../../engine/kpi/evaluate";
import { measureSegments, type SegmentMeasures } from "../../engine/kpi/measure";
import { applyPolicies, type PolicyColumns } from "../../engine/policy/applyPolicies";
import type { DemandPeriod } from "../../engine/policy/periods";
import type { StockingPolicy } from "../../engine/policy/segmentPolicy";
import type { TransactionLines } from "../../engine/transactions/lines";

export interface PolicyFiguresInput {
  /** One policy per segment index. */
  policies: StockingPolicy[];
  period: DemandPeriod;
  segmentIndex: Int32Array;
  demandMean: Float64Array;
  demandStdDev: Float64Array;
  unitCost: Float64Array;
  /** Item revenue as classified, for the measures' revenue. */
  itemRevenue: Float64Array;
}

/** PolicyColumns as plain data: the notes as two parallel lists. */
export interface PlainPolicyColumns extends Omit<PolicyColumns, "notes"> {
  noteItems: Int32Array;
  noteTexts: string[];
}

export interface PolicyFiguresOutput {
  columns: PlainPolicyColumns;
  /** measureSegments over the items alone: per segment index, then all items. */
  itemMeasures: SegmentMeasures[];
}

/** Items per chunk between two checkpoints in the worker. */
export const CHUNK_ITEMS = 16_384;

const NO_LINES: TransactionLines = {
  count: 0,
  itemCodes: [],
  item: new Int32Array(0),
  sourceRow: new Int32Array(0),
  day: new Float64Array(0),
  quantity: new Float64Array(0),
  price: new Float64Array(0),
  revenue: null,
};

/** What the figures read of an applied definition with the working (possibly edited) definition's policies. */
export function policyFiguresInput(definition: SegmentDefinition, applied: ApplyResult): PolicyFiguresInput {
  const numbers = applied.aggregated.table.numbers;
  return {
    policies: definition.segments.map((segment) => segment.policy),
    period: definition.history.period,
    segmentIndex: applied.segmentIndex,
    demandMean: numbers.get("demandmean")!,
    demandStdDev: numbers.get("demandstddev")!,
    unitCost: numbers.get("unitcost")!,
    itemRevenue: numbers.get("revenue")!,
  };
}

function emptyColumns(n: number): PlainPolicyColumns {
  return {
    orderQuantity: new Float64Array(n),
    safetyStock: new Float64Array(n),
    reorderPoint: new Float64Array(n),
    averageInventory: new Float64Array(n),
    inventoryValue: new Float64Array(n),
    expectedFillRate: new Float64Array(n),
    annualDemand: new Float64Array(n),
    plannedTurns: new Float64Array(n),
    noteItems: new Int32Array(0),
    noteTexts: [],
  };
}

const FIGURES = ["orderQuantity", "safetyStock", "reorderPoint", "averageInventory", "inventoryValue", "expectedFillRate", "annualDemand", "plannedTurns"] as const;

/**
 * The figures in chunks of CHUNK_ITEMS, calling `between` after each chunk (the worker's progress and
 * checkpoint); the synchronous path passes none.
 */
export async function computePolicyFigures(
  input: PolicyFiguresInput,
  between?: (done: number, total: number) => Promise<void>,
): Promise<PolicyFiguresOutput> {
  const n = input.segmentIndex.length;
  const columns = emptyColumns(n);
  const noteItems: number[] = [];
  for (let start = 0; start < n; start += CHUNK_ITEMS) {
    const end = Math.min(n, start + CHUNK_ITEMS);
    const chunk = applyPolicies(
      input.policies,
      input.segmentIndex.subarray(start, end),
      {
        demandMean: input.demandMean.subarray(start, end),
        demandStdDev: input.demandStdDev.subarray(start, end),
        unitCost: input.unitCost.subarray(start, end),
      },
      input.period,
    );
    for (const figure of FIGURES) columns[figure].set(chunk[figure], start);
    for (const [item, note] of chunk.notes) {
      noteItems.push(start + item);
      columns.noteTexts.push(note);
    }
    if (between) await between(end, n);
  }
  columns.noteItems = Int32Array.from(noteItems);
  return { columns, itemMeasures: itemMeasures(input, columns) };
}

/** The synchronous path, for the main thread: the same figures in one pass. */
export function computePolicyFiguresNow(input: PolicyFiguresInput): PolicyFiguresOutput {
  const policy = applyPolicies(
    input.policies,
    input.segmentIndex,
    { demandMean: input.demandMean, demandStdDev: input.demandStdDev, unitCost: input.unitCost },
    input.period,
  );
  const { notes, ...figures } = policy;
  const columns: PlainPolicyColumns = { ...figures, noteItems: Int32Array.from(notes.keys()), noteTexts: [...notes.values()] };
  return { columns, itemMeasures: itemMeasures(input, columns) };
}

function itemMeasures(input: PolicyFiguresInput, columns: PlainPolicyColumns): SegmentMeasures[] {
  return measureSegments({
    lines: NO_LINES,
    lineStatus: new Uint8Array(0),
    lineItem: new Int32Array(0),
    segmentIndex: input.segmentIndex,
    segmentCount: input.policies.length,
    policy: toPolicyColumns(columns),
    demandMean: input.demandMean,
    unitCost: input.unitCost,
    itemRevenue: input.itemRevenue,
  });
}

export function toPolicyColumns(plain: PlainPolicyColumns): PolicyColumns {
  const { noteItems, noteTexts, ...figures } = plain;
  const notes = new Map<number, string>();
  for (let i = 0; i < noteItems.length; i++) notes.set(noteItems[i], noteTexts[i]);
  return { ...figures, notes };
}

/** The applied result's measures with the policy-dependent ones taken from `itemMeasures`. */
export function mergeMeasures(applied: readonly SegmentMeasures[], itemMeasures: readonly SegmentMeasures[]): SegmentMeasures[] {
  return applied.map((measures, k) => ({
    ...measures,
    inventoryValue: itemMeasures[k].inventoryValue,
    annualCostOfGoods: itemMeasures[k].annualCostOfGoods,
    weightedFill: itemMeasures[k].weightedFill,
    fillWeight: itemMeasures[k].fillWeight,
  }));
}

/** Policy figures, measures and KPIs of the working definition over the applied assignment. */
export interface LiveFigures {
  definition: SegmentDefinition;
  policy: PolicyColumns;
  measures: SegmentMeasures[];
  kpis: KpiRow[];
}

export function liveFigures(definition: SegmentDefinition, applied: ApplyResult, output: PolicyFiguresOutput): LiveFigures {
  const measures = mergeMeasures(applied.measures, output.itemMeasures);
  return { definition, policy: toPolicyColumns(output.columns), measures, kpis: evaluateKpis(definition.segments, measures) };
}
