/**
 * The Assignments table of an applied definition: one row per item, with its segment, how and why
 * it got it (the reasons in words), the classes that decided it, its demand figures and its policy
 * figures. The command line's Assignments sheet and the task pane's Assignments table are both
 * this table.
 */
import { ASSIGNMENT_SOURCES } from "../definition/assign";
import { classificationLabels } from "../definition/methodSchema";
import { RECLASSIFICATION_STATUSES } from "../definition/reclassify";
import type { ApplyResult } from "./applyDefinition";
import type { ResultColumn, ResultTable } from "./resultTable";

const CLASS_TITLES: Record<string, string> = { abc: "ABC class", xyz: "XYZ class", bands: "Band", demandPattern: "Demand pattern" };

/** What the table reads of an ApplyResult; `policy` may be figures recomputed for edited policies. */
export type AssignedItems = Pick<ApplyResult, "definition" | "assignment" | "policy" | "aggregated" | "reclassification" | "segmentIndex">;

export function assignmentTable(result: AssignedItems): ResultTable {
  const { definition, assignment, policy, aggregated, reclassification, segmentIndex } = result;
  const table = aggregated.table;
  const period = definition.history.period;
  const feature = (name: string) => table.numbers.get(name.toLowerCase())!;
  const demandMean = feature("demandMean");
  const segments = definition.segments;
  const segmentOf = (item: number) => (segmentIndex[item] >= 0 ? segments[segmentIndex[item]] : null);
  const classifications = definition.method.type === "matrix" ? definition.method.classifications : [];
  const clusters = definition.method.type === "clusters";

  const text = (header: string, width: number, cell: (item: number) => string | null): ResultColumn => ({ header, kind: "text", width, cell });
  const number = (header: string, format: ResultColumn["format"], width: number, cell: (item: number) => number | null): ResultColumn => ({
    header,
    kind: "number",
    ...(format ? { format } : {}),
    width,
    cell,
  });
  const featureColumn = (header: string, name: string, format: ResultColumn["format"], width: number) => {
    const values = feature(name);
    return number(header, format, width, (item) => values[item]);
  };
  const policyColumn = (header: string, values: Float64Array, format: ResultColumn["format"], width: number) =>
    number(header, format, width, (item) => values[item]);

  const classColumns: ResultColumn[] = [];
  if (clusters) {
    classColumns.push(
      number("Cluster", undefined, 12, (item) => {
        const cluster = assignment.classes[0].classIndex[item];
        return cluster >= 0 ? cluster + 1 : null;
      }),
    );
  } else {
    const headers = classifications.map((c) => (c.kind === "demandPattern" ? CLASS_TITLES[c.kind] : `${CLASS_TITLES[c.kind]} (${c.dimension})`));
    if (headers.length === 2 && headers[0] === headers[1]) headers[1] += " 2";
    classifications.forEach((classification, j) => {
      const labels = classificationLabels(classification);
      classColumns.push(
        text(headers[j], 12, (item) => {
          const classIndex = assignment.classes[j].classIndex[item];
          return classIndex >= 0 ? labels[classIndex] : "";
        }),
      );
    });
  }

  const reclassificationColumns: ResultColumn[] = reclassification
    ? [
        text("Previous segment", 11, (item) => {
          const previous = reclassification.previousIndex[item];
          return previous >= 0 ? segments[previous].id : "";
        }),
        text("Computed segment", 11, (item) => {
          const computed = assignment.segmentIndex[item];
          return computed >= 0 ? segments[computed].id : "";
        }),
        text("Reclassification", 13, (item) => RECLASSIFICATION_STATUSES[reclassification.status[item]]),
      ]
    : [];

  const columns: ResultColumn[] = [
    text("Item", 14, (item) => table.ids[item]),
    text("Segment", 10, (item) => segmentOf(item)?.id ?? ""),
    text("Segment name", 18, (item) => segmentOf(item)?.name ?? "no segment"),
    text("Assigned by", 13, (item) => {
      const held = reclassification !== null && reclassification.status[item] !== 0 && reclassification.status[item] !== 1;
      return held ? RECLASSIFICATION_STATUSES[reclassification.status[item]] : ASSIGNMENT_SOURCES[assignment.source[item]];
    }),
    text("Reasons", 90, (item) => {
      const reasons = assignment.reasons(item);
      if (reclassification) {
        const note = reclassification.reason(item);
        if (note) reasons.unshift(note);
      }
      return reasons.join("; ");
    }),
    ...classColumns,
    ...reclassificationColumns,
    featureColumn("Revenue", "revenue", "decimal", 14),
    featureColumn("Quantity", "quantity", "integer", 11),
    featureColumn("Order lines", "orderLines", "integer", 9),
    featureColumn(`History (${period}s)`, "historyPeriods", "integer", 10),
    featureColumn(`Demand per ${period}`, "demandMean", "number", 11),
    featureColumn("Demand std dev", "demandStdDev", "number", 11),
    featureColumn("Demand CoV", "demandCv", "ratio", 9),
    featureColumn("Unit cost", "unitCost", "decimal", 10),
    number("Service level", "percent", 9, (item) => segmentOf(item)?.policy.serviceLevel ?? null),
    policyColumn("Safety stock", policy.safetyStock, "number", 11),
    policyColumn("Reorder point", policy.reorderPoint, "number", 11),
    policyColumn("Order quantity", policy.orderQuantity, "number", 11),
    policyColumn("Average inventory", policy.averageInventory, "number", 11),
    policyColumn("Inventory value", policy.inventoryValue, "decimal", 13),
    policyColumn("Expected fill rate", policy.expectedFillRate, "percent", 10),
    text("Policy note", 30, (item) => policy.notes.get(item) ?? (demandMean[item] === 0 ? "no demand: no stock planned" : "")),
  ];
  return { columns, rowCount: table.ids.length };
}
