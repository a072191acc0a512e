/**
 * An ApplyResult as plain data, so it can cross from the engine worker to the pane, and back into
 * an ApplyResult on the pane's side.
 *
 * What a worker can't send is functions, and an ApplyResult has a few: an assignment's reasons and
 * each classification's `describe` are worded on demand from the assignment's internals. Those stay
 * behind; on the pane's side the first call for a reason runs the assignment once more
 * (applyDefinition's assignBatch on the same item table and definition — pure, so the same
 * assignment) and words every reason from then on. The segments, classes, matrix cells, policy
 * figures, KPIs and readiness arrive as data and are used as they are.
 */
import { APPLY_BATCH_OPTIONS, type ApplyResult } from "../../engine/apply/applyDefinition";
import { assignBatch, type BatchAssignment, type SegmentDefinition } from "../../engine/definition";
import type { PlacedClasses } from "../../engine/definition/matrix";
import { createItemTable, type ItemTable } from "../../engine/items/itemTable";
import type { PolicyColumns } from "../../engine/policy/applyPolicies";
import type { AggregatedItems } from "../../engine/transactions/aggregate";

/** An item table as records (maps become objects: a worker message keeps them, and so does JSON). */
export interface PlainItemTable {
  ids: string[];
  numbers: Record<string, Float64Array>;
  texts: Record<string, (string | null)[]>;
}

export interface PlainAssignment {
  segmentIndex: Int32Array;
  computedIndex: Int32Array;
  source: Uint8Array;
  computedSource: Uint8Array;
  classes: { classIndex: Int32Array; thresholdClass: Int32Array | null }[];
  /** Per item: index into cellNames of its matrix cell; −1 for none. */
  cellIndex: Int32Array;
  cellNames: string[];
}

export interface AppliedData {
  aggregated: Omit<AggregatedItems, "table"> & { table: PlainItemTable };
  assignment: PlainAssignment;
  policy: Omit<PolicyColumns, "notes"> & { notes: [number, string][] };
  measures: ApplyResult["measures"];
  kpis: ApplyResult["kpis"];
  readiness: ApplyResult["readiness"];
  drift: ApplyResult["drift"];
}

function plainTable(table: ItemTable): PlainItemTable {
  return {
    ids: table.ids.slice(),
    numbers: Object.fromEntries(table.numbers),
    texts: Object.fromEntries([...table.texts].map(([name, column]) => [name, column.slice()])),
  };
}

function plainAssignment(assignment: BatchAssignment): PlainAssignment {
  const itemCount = assignment.ids.length;
  const cellNames: string[] = [];
  const cellOf = new Map<string, number>();
  const cellIndex = new Int32Array(itemCount);
  for (let item = 0; item < itemCount; item++) {
    const cell = assignment.cellOf(item);
    if (cell === "") {
      cellIndex[item] = -1;
      continue;
    }
    let index = cellOf.get(cell);
    if (index === undefined) {
      index = cellNames.length;
      cellNames.push(cell);
      cellOf.set(cell, index);
    }
    cellIndex[item] = index;
  }
  return {
    segmentIndex: assignment.segmentIndex,
    computedIndex: assignment.computedIndex,
    source: assignment.source,
    computedSource: assignment.computedSource,
    classes: assignment.classes.map((placed) => ({ classIndex: placed.classIndex, thresholdClass: placed.thresholdClass })),
    cellIndex,
    cellNames,
  };
}

/**
 * The result as plain data. A result reclassified against previous data is not supported: its
 * reasons need the previous data too, and the pane applies without it.
 */
export function toAppliedData(result: ApplyResult): AppliedData {
  if (result.reclassification !== null) throw new Error("internal: a reclassified result can't be sent from the worker");
  const { table, ...aggregated } = result.aggregated;
  const { notes, ...policy } = result.policy;
  return {
    aggregated: { ...aggregated, table: plainTable(table) },
    assignment: plainAssignment(result.assignment),
    policy: { ...policy, notes: [...notes] },
    measures: result.measures,
    kpis: result.kpis,
    readiness: result.readiness,
    drift: result.drift,
  };
}

/** Back to an ApplyResult; `definition` must be the one that was applied. */
export function fromAppliedData(data: AppliedData, definition: SegmentDefinition): ApplyResult {
  const table = createItemTable(data.aggregated.table.ids, data.aggregated.table.numbers, data.aggregated.table.texts);
  let full: BatchAssignment | null = null;
  // Reasons are worded from the assignment's internals, which stayed in the worker: run it here once, when first asked.
  const assigned = (): BatchAssignment => (full ??= assignBatch(definition, table, APPLY_BATCH_OPTIONS));
  const plain = data.assignment;
  const classes: PlacedClasses[] = plain.classes.map((placed, c) => ({
    classIndex: placed.classIndex,
    thresholdClass: placed.thresholdClass,
    describe: (item: number) => assigned().classes[c].describe(item),
  }));
  const assignment: BatchAssignment = {
    definition,
    ids: table.ids,
    segmentIndex: plain.segmentIndex,
    computedIndex: plain.computedIndex,
    source: plain.source,
    computedSource: plain.computedSource,
    classes,
    cellOf: (item) => (plain.cellIndex[item] >= 0 ? plain.cellNames[plain.cellIndex[item]] : ""),
    reasons: (item) => assigned().reasons(item),
    computedReasons: (item) => assigned().computedReasons(item),
  };
  return {
    definition,
    aggregated: { ...data.aggregated, table },
    assignment,
    reclassification: null,
    segmentIndex: plain.segmentIndex,
    policy: { ...data.policy, notes: new Map(data.policy.notes) },
    measures: data.measures,
    kpis: data.kpis,
    readiness: data.readiness,
    drift: data.drift,
  };
}
