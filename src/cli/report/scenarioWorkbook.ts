/**
 * The scenario workbook of `supply-segments compare`: Comparison (per segment of each scenario,
 * side by side), Totals (A, B and the difference), Moves (the from/to matrix), Changed items and
 * Readiness.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import type { ScenarioComparison } from "../../engine/scenario/compare";
import { type Cell, type ColumnSpec, XlsxWriter } from "../io/xlsxWriter";
import { writeAboutSheet } from "./detailSheets";
import { type ReadinessContext, writeReadinessSheet } from "./readinessSheets";

export async function writeScenarioWorkbook(
  file: string,
  comparison: ScenarioComparison,
  results: [ApplyResult, ApplyResult],
  names: [string, string],
  context: ReadinessContext,
  facts: [string, string | number][],
): Promise<void> {
  const writer = XlsxWriter.create(file);
  try {
    const perSegment: ColumnSpec[] = [
      { header: "Scenario", width: 20 },
      { header: "Segment", width: 10 },
      { header: "Name", width: 20 },
      { header: "Items", format: "integer", width: 9 },
      { header: "Revenue", format: "decimal", width: 15 },
      { header: "Inventory investment", format: "decimal", width: 15 },
      { header: "Expected fill rate", format: "percent", width: 10 },
      { header: "Cost-to-serve", format: "percent", width: 10 },
    ];
    const rows: Cell[][] = [];
    comparison.sides.forEach((side, s) => {
      for (const row of side) {
        rows.push([names[s], row.segment, row.name, row.items, row.revenue, row.inventoryValue, row.expectedFillRate, row.costToServe]);
      }
    });
    await writer.addSheet("Comparison", perSegment, rows);

    const [a, b] = comparison.sides.map((side) => side[side.length - 1]);
    const totalColumns: ColumnSpec[] = [
      { header: "Measure", width: 30 },
      { header: names[0], width: 18 },
      { header: names[1] === names[0] ? `${names[1]} (B)` : names[1], width: 18 },
      { header: "Difference (B − A)", width: 18 },
    ];
    const line = (label: string, x: number, y: number, format: "integer" | "decimal" | "percent"): Cell[] => [
      label,
      { value: x, format },
      { value: y, format },
      { value: y - x, format },
    ];
    await writer.addSheet("Totals", totalColumns, [
      line("Items", a.items, b.items, "integer"),
      line("Items that change segment", 0, comparison.changed.length, "integer"),
      line("Revenue", a.revenue, b.revenue, "decimal"),
      line("Inventory investment", a.inventoryValue, b.inventoryValue, "decimal"),
      line("Expected fill rate (demand-weighted)", a.expectedFillRate, b.expectedFillRate, "percent"),
      line("Cost-to-serve (share of revenue)", a.costToServe, b.costToServe, "percent"),
    ]);

    const moveColumns: ColumnSpec[] = [
      { header: `From (${names[0]})`, width: 16 },
      ...comparison.toLabels.map((label) => ({ header: `To ${label}`, format: "integer" as const, width: 9 })),
      { header: "Total", format: "integer", width: 9 },
    ];
    await writer.addSheet(
      "Moves",
      moveColumns,
      comparison.fromLabels.map((label, r) => [label, ...comparison.fromTo[r], comparison.fromTo[r].reduce((sum, n) => sum + n, 0)]),
    );

    const [resultA, resultB] = results;
    const table = resultA.aggregated.table;
    const revenue = table.numbers.get("revenue")!;
    const segmentId = (result: ApplyResult, item: number) => {
      const k = result.segmentIndex[item];
      return k >= 0 ? result.definition.segments[k].id : "(none)";
    };
    const changedColumns: ColumnSpec[] = [
      { header: "Item", width: 14 },
      { header: "Segment A", width: 10 },
      { header: "Segment B", width: 10 },
      { header: "Revenue", format: "decimal", width: 14 },
      { header: "Inventory value A", format: "decimal", width: 14 },
      { header: "Inventory value B", format: "decimal", width: 14 },
      { header: "Reasons B", width: 90 },
    ];
    function* changedRows(): Generator<Cell[]> {
      for (const item of comparison.changed) {
        yield [
          table.ids[item],
          segmentId(resultA, item),
          segmentId(resultB, item),
          revenue[item],
          resultA.policy.inventoryValue[item],
          resultB.policy.inventoryValue[item],
          resultB.assignment.reasons(item).join("; "),
        ];
      }
    }
    await writer.addSheet("Changed items", changedColumns, changedRows());
    await writeReadinessSheet(writer, context);
    await writeAboutSheet(writer, facts);
    await writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
}
