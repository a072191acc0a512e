/**
 * Two saved scenarios side by side, as the Scenarios view shows them and writes them to a sheet:
 * the engine's compareScenarios (from/to matrix, changed items, per-segment rows) on both
 * scenarios' results, then the per-segment rows joined by segment id with what moves out of and
 * into each segment.
 */
import type { ApplyResult } from "../../../engine/apply/applyDefinition";
import { formatCount } from "../../../engine/definition/format";
import { compareScenarios, type ScenarioComparison, type ScenarioSegmentRow, type ScenarioSide } from "../../../engine/scenario/compare";
import type { WriteColumn } from "../../../excel/writer";
import type { Scenario } from "../../design";

/** The label compareScenarios gives items without a segment. */
export const NO_SEGMENT = "(none)";

export interface JoinedSegmentRow {
  segment: string;
  name: string;
  a: ScenarioSegmentRow | null;
  b: ScenarioSegmentRow | null;
  /** Items of this segment in A that are in another segment (or none) in B. */
  movedOut: number;
  /** Items of this segment in B that were in another segment (or none) in A. */
  movedIn: number;
}

export interface ScenarioComparisonView {
  names: [string, string];
  ids: readonly string[];
  results: [ApplyResult, ApplyResult];
  comparison: ScenarioComparison;
  rows: JoinedSegmentRow[];
  totals: [ScenarioSegmentRow, ScenarioSegmentRow];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function sideOf(name: string, result: ApplyResult): ScenarioSide {
  return {
    name,
    segmentIds: result.definition.segments.map((segment) => segment.id),
    segmentNames: result.definition.segments.map((segment) => segment.name),
    segmentIndex: result.segmentIndex,
    measures: result.measures,
  };
}

/** Why scenarios A and B can't be compared item by item, or null when they can. */
export function differentData(a: Scenario, b: Scenario): string | null {
  const idsA = a.applied.aggregated.table.ids;
  const idsB = b.applied.aggregated.table.ids;
  if (sameIds(idsA, idsB)) return null;
  return (
    `"${a.name}" and "${b.name}" were computed on different data (${formatCount(idsA.length)} and ${formatCount(idsB.length)} items, ` +
    `not the same item list), so their segments can't be compared item by item. Apply both to the same data — choose the data, ` +
    `load or re-create each scenario, save it again — then compare.`
  );
}

/**
 * Scenario A against scenario B, from their results brought up to date with their own policies
 * (repriced.ts); the two must hold the same items (differentData).
 */
export function compareResults(names: [string, string], results: [ApplyResult, ApplyResult]): ScenarioComparisonView {
  const ids = results[0].aggregated.table.ids;
  const comparison = compareScenarios(ids, sideOf(names[0], results[0]), sideOf(names[1], results[1]));
  const [sideA, sideB] = comparison.sides;
  const segmentRowsA = sideA.slice(0, -1);
  const segmentRowsB = sideB.slice(0, -1);

  const order: string[] = [];
  for (const row of [...segmentRowsA, ...segmentRowsB]) if (!order.includes(row.segment)) order.push(row.segment);
  const rows = order.map((segment): JoinedSegmentRow => {
    const rowA = segmentRowsA.find((row) => row.segment === segment) ?? null;
    const rowB = segmentRowsB.find((row) => row.segment === segment) ?? null;
    const from = comparison.fromLabels.indexOf(segment);
    const to = comparison.toLabels.indexOf(segment);
    let movedOut = 0;
    let movedIn = 0;
    if (from >= 0) {
      for (let c = 0; c < comparison.toLabels.length; c++) if (comparison.toLabels[c] !== segment) movedOut += comparison.fromTo[from][c];
    }
    if (to >= 0) {
      for (let r = 0; r < comparison.fromLabels.length; r++) if (comparison.fromLabels[r] !== segment) movedIn += comparison.fromTo[r][to];
    }
    return { segment, name: rowB?.name ?? rowA?.name ?? segment, a: rowA, b: rowB, movedOut, movedIn };
  });
  return { names, ids, results, comparison, rows, totals: [sideA[sideA.length - 1], sideB[sideB.length - 1]] };
}

/** Segment id of an item in a result, or "(none)". */
export function segmentOf(result: ApplyResult, item: number): string {
  const k = result.segmentIndex[item];
  return k >= 0 ? result.definition.segments[k].id : NO_SEGMENT;
}

/** The name of the comparison's sheet and table: "<A> vs <B>". */
export function comparisonName(names: readonly [string, string]): string {
  return `${names[0]} vs ${names[1]}`;
}

const ITEMS = "#,##0";
const MONEY = "#,##0.00";
const SHARE = "0.0%";
const SHARE_FINE = "0.00%";

/**
 * The comparison as one table: a row per segment (A's, then B's new ones) and a last row for all
 * items, with A, B and B − A of every measure and the items moving out and in.
 */
export function comparisonColumns(view: ScenarioComparisonView): WriteColumn[] {
  const all: JoinedSegmentRow = {
    segment: "All",
    name: "All items",
    a: view.totals[0],
    b: view.totals[1],
    movedOut: view.comparison.changed.length,
    movedIn: view.comparison.changed.length,
  };
  const rows = [...view.rows, all];
  const pick = (side: "a" | "b", measure: keyof ScenarioSegmentRow) =>
    Float64Array.from(rows, (row) => {
      const source = row[side];
      if (source) return source[measure] as number;
      // A segment the scenario doesn't have holds nothing (items, revenue, inventory) and has no rates.
      return measure === "items" || measure === "revenue" || measure === "inventoryValue" ? 0 : NaN;
    });
  const measureColumns = (label: string, measure: keyof ScenarioSegmentRow, format: string): WriteColumn[] => {
    const a = pick("a", measure);
    const b = pick("b", measure);
    return [
      { header: `${label} A`, values: a, numberFormat: format },
      { header: `${label} B`, values: b, numberFormat: format },
      { header: `${label} B − A`, values: Float64Array.from(a, (x, k) => b[k] - x), numberFormat: format },
    ];
  };
  return [
    { header: "Segment", values: rows.map((row) => row.segment) },
    { header: "Name", values: rows.map((row) => row.name) },
    ...measureColumns("Items", "items", ITEMS),
    { header: "Items moving out", values: Float64Array.from(rows, (row) => row.movedOut), numberFormat: ITEMS },
    { header: "Items moving in", values: Float64Array.from(rows, (row) => row.movedIn), numberFormat: ITEMS },
    ...measureColumns("Revenue", "revenue", MONEY),
    ...measureColumns("Inventory investment", "inventoryValue", MONEY),
    ...measureColumns("Expected fill rate", "expectedFillRate", SHARE),
    ...measureColumns("Cost-to-serve", "costToServe", SHARE_FINE),
  ];
}
