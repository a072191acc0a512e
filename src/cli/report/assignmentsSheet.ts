/**
 * The Assignments sheet: one row per item, with its segment, how and why it got it, the features
 * that decided it and its policy figures.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import { ASSIGNMENT_SOURCES } from "../../engine/definition/assign";
import { classificationLabels } from "../../engine/definition/methodSchema";
import { RECLASSIFICATION_STATUSES } from "../../engine/definition/reclassify";
import type { Cell, ColumnSpec, XlsxWriter } from "../io/xlsxWriter";

const CLASS_TITLES: Record<string, string> = { abc: "ABC class", xyz: "XYZ class", bands: "Band", demandPattern: "Demand pattern" };

export async function writeAssignmentsSheet(writer: XlsxWriter, result: ApplyResult): Promise<number> {
  const { definition, assignment, policy, aggregated } = result;
  const table = aggregated.table;
  const period = definition.history.period;
  const feature = (name: string) => table.numbers.get(name.toLowerCase())!;
  const revenue = feature("revenue");
  const quantity = feature("quantity");
  const orderLines = feature("orderLines");
  const historyPeriods = feature("historyPeriods");
  const demandMean = feature("demandMean");
  const demandStdDev = feature("demandStdDev");
  const demandCv = feature("demandCv");
  const unitCost = feature("unitCost");
  const classifications = definition.method.type === "matrix" ? definition.method.classifications : [];
  const reclassification = result.reclassification;
  const clusters = definition.method.type === "clusters";
  const classHeaders = clusters
    ? ["Cluster"]
    : classifications.map((c) => (c.kind === "demandPattern" ? CLASS_TITLES[c.kind] : `${CLASS_TITLES[c.kind]} (${c.dimension})`));
  if (classHeaders.length === 2 && classHeaders[0] === classHeaders[1]) classHeaders[1] += " 2";

  const columns: ColumnSpec[] = [
    { header: "Item", width: 14 },
    { header: "Segment", width: 10 },
    { header: "Segment name", width: 18 },
    { header: "Assigned by", width: 13 },
    { header: "Reasons", width: 90 },
    ...classHeaders.map((header) => ({ header, width: 12 })),
    ...(reclassification
      ? [
          { header: "Previous segment", width: 11 },
          { header: "Computed segment", width: 11 },
          { header: "Reclassification", width: 13 },
        ]
      : []),
    { header: "Revenue", format: "decimal", width: 14 },
    { header: "Quantity", format: "integer", width: 11 },
    { header: "Order lines", format: "integer", width: 9 },
    { header: `History (${period}s)`, format: "integer", width: 10 },
    { header: `Demand per ${period}`, format: "number", width: 11 },
    { header: "Demand std dev", format: "number", width: 11 },
    { header: "Demand CoV", format: "ratio", width: 9 },
    { header: "Unit cost", format: "decimal", width: 10 },
    { header: "Service level", format: "percent", width: 9 },
    { header: "Safety stock", format: "number", width: 11 },
    { header: "Reorder point", format: "number", width: 11 },
    { header: "Order quantity", format: "number", width: 11 },
    { header: "Average inventory", format: "number", width: 11 },
    { header: "Inventory value", format: "decimal", width: 13 },
    { header: "Expected fill rate", format: "percent", width: 10 },
    { header: "Policy note", width: 30 },
  ];

  const segments = definition.segments;
  function* rows(): Generator<Cell[]> {
    const row: Cell[] = new Array(columns.length);
    for (let item = 0; item < table.ids.length; item++) {
      let c = 0;
      const k = result.segmentIndex[item];
      const segment = k >= 0 ? segments[k] : null;
      row[c++] = table.ids[item];
      row[c++] = segment ? segment.id : "";
      row[c++] = segment ? segment.name : "no segment";
      const held = reclassification !== null && reclassification.status[item] !== 0 && reclassification.status[item] !== 1;
      row[c++] = held ? RECLASSIFICATION_STATUSES[reclassification.status[item]] : ASSIGNMENT_SOURCES[assignment.source[item]];
      const reasons = assignment.reasons(item);
      if (reclassification) {
        const note = reclassification.reason(item);
        if (note) reasons.unshift(note);
      }
      row[c++] = reasons.join("; ");
      if (clusters) {
        const cluster = assignment.classes[0].classIndex[item];
        row[c++] = cluster >= 0 ? cluster + 1 : null;
      }
      for (let j = 0; j < classifications.length; j++) {
        const classIndex = assignment.classes[j].classIndex[item];
        row[c++] = classIndex >= 0 ? classificationLabels(classifications[j])[classIndex] : "";
      }
      if (reclassification) {
        const previous = reclassification.previousIndex[item];
        const computed = assignment.segmentIndex[item];
        row[c++] = previous >= 0 ? segments[previous].id : "";
        row[c++] = computed >= 0 ? segments[computed].id : "";
        row[c++] = RECLASSIFICATION_STATUSES[reclassification.status[item]];
      }
      row[c++] = revenue[item];
      row[c++] = quantity[item];
      row[c++] = orderLines[item];
      row[c++] = historyPeriods[item];
      row[c++] = demandMean[item];
      row[c++] = demandStdDev[item];
      row[c++] = demandCv[item];
      row[c++] = unitCost[item];
      row[c++] = segment ? segment.policy.serviceLevel : null;
      row[c++] = policy.safetyStock[item];
      row[c++] = policy.reorderPoint[item];
      row[c++] = policy.orderQuantity[item];
      row[c++] = policy.averageInventory[item];
      row[c++] = policy.inventoryValue[item];
      row[c++] = policy.expectedFillRate[item];
      row[c++] = policy.notes.get(item) ?? (demandMean[item] === 0 ? "no demand: no stock planned" : "");
      yield row;
    }
  }
  return writer.addSheet("Assignments", columns, rows());
}
