/**
 * The detail sheets of a results workbook: Overrides (listed apart from computed assignments),
 * Reclassification (who moved, who was held and why), Drift (items whose ABC class differs from
 * the design thresholds) and About (what was run on what).
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import { formatNumber } from "../../engine/definition/format";
import { RECLASSIFICATION_STATUSES } from "../../engine/definition/reclassify";
import type { Cell, ColumnSpec, XlsxWriter } from "../io/xlsxWriter";

export async function writeOverridesSheet(writer: XlsxWriter, result: ApplyResult): Promise<void> {
  const { definition, assignment } = result;
  const itemOf = new Map(assignment.ids.map((id, item) => [id, item]));
  const columns: ColumnSpec[] = [
    { header: "Item", width: 14 },
    { header: "Override segment", width: 12 },
    { header: "Computed segment", width: 12 },
    { header: "Reason", width: 40 },
    { header: "By", width: 14 },
    { header: "At", width: 22 },
    { header: "In this data", width: 9 },
    { header: "Computed reasons", width: 90 },
  ];
  const rows = definition.overrides.map((override): Cell[] => {
    const item = itemOf.get(override.item);
    const computed = item === undefined ? -1 : assignment.computedIndex[item];
    return [
      override.item,
      override.segment,
      item === undefined ? "" : computed >= 0 ? definition.segments[computed].id : "no segment",
      override.reason,
      override.by,
      override.at,
      item === undefined ? "no" : "yes",
      item === undefined ? "the item has no line in this data" : assignment.computedReasons(item).join("; "),
    ];
  });
  await writer.addSheet("Overrides", columns, rows);
}

export async function writeReclassificationSheet(writer: XlsxWriter, result: ApplyResult): Promise<void> {
  const reclassification = result.reclassification!;
  const { definition, assignment } = result;
  const segmentId = (k: number) => (k >= 0 ? definition.segments[k].id : "");
  const columns: ColumnSpec[] = [
    { header: "Item", width: 14 },
    { header: "Status", width: 11 },
    { header: "Previous segment", width: 11 },
    { header: "Computed segment", width: 11 },
    { header: "Final segment", width: 11 },
    { header: "Rule", width: 18 },
    { header: "Reason", width: 120 },
  ];
  function* rows(): Generator<Cell[]> {
    for (let item = 0; item < assignment.ids.length; item++) {
      const status = reclassification.status[item];
      if (status === 1) continue; // unchanged items are in Assignments
      const rule = reclassification.ruleIndex[item];
      yield [
        assignment.ids[item],
        RECLASSIFICATION_STATUSES[status],
        segmentId(reclassification.previousIndex[item]),
        segmentId(assignment.segmentIndex[item]),
        segmentId(reclassification.segmentIndex[item]),
        rule >= 0 && definition.reclassification ? definition.reclassification.rules[rule].name : "",
        reclassification.reason(item) || "not in the previous data",
      ];
    }
    for (const departed of reclassification.departed) {
      yield [departed.id, "departed", departed.segment ?? "", "", "", "", "in the previous data, no line in this data"];
    }
  }
  await writer.addSheet("Reclassification", columns, rows());
}

export async function writeDriftSheet(writer: XlsxWriter, result: ApplyResult): Promise<void> {
  const table = result.aggregated.table;
  const columns: ColumnSpec[] = [
    { header: "Item", width: 14 },
    { header: "Dimension", width: 12 },
    { header: "Value", format: "decimal", width: 14 },
    { header: "Class on this data", width: 12 },
    { header: "Class by design thresholds", width: 14 },
    { header: "Note", width: 80 },
  ];
  function* rows(): Generator<Cell[]> {
    for (const drift of result.drift) {
      const values = table.numbers.get(drift.dimension.toLowerCase())!;
      for (let k = 0; k < drift.items.length; k++) {
        const item = drift.items[k];
        const [now, design] = drift.labels[k];
        yield [
          table.ids[item],
          drift.dimension,
          values[item],
          now,
          design,
          `ranked on this data it is ${now}; the thresholds stored at design would make ${drift.dimension} ${formatNumber(values[item])} ${design}`,
        ];
      }
    }
  }
  await writer.addSheet("Drift", columns, rows());
}

export async function writeAboutSheet(writer: XlsxWriter, facts: [string, string | number][]): Promise<void> {
  const columns: ColumnSpec[] = [
    { header: "Field", width: 26 },
    { header: "Value", width: 110 },
  ];
  await writer.addSheet(
    "About",
    columns,
    facts.map(([field, value]) => [field, typeof value === "number" ? { value, format: "integer" } : value]),
  );
}
