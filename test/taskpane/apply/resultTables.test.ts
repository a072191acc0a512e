/**
 * The three tables the pane writes, built from the applied Online Retail slice and the working
 * definition's policies: Assignments and Summary are the engine's tables (the command line writes
 * the same), Policies gives each item its segment's replenishment figures.
 */
import { assignmentTable } from "../../../src/engine/apply/assignmentTable";
import type { SegmentDefinition } from "../../../src/engine/definition/schema";
import type { WriteColumn } from "../../../src/excel/writer";
import { computePolicyFiguresNow, liveFigures, policyFiguresInput } from "../../../src/taskpane/apply/policyFigures";
import { EXCEL_FORMATS, resultTable, ROWS_PER_SLICE, toWriteColumns } from "../../../src/taskpane/apply/resultTables";
import { retailApplied } from "./retailApplied";

const { applied } = retailApplied();
const definition = applied.definition;
const itemCount = applied.aggregated.table.ids.length;
/** Days in a month of the Gregorian calendar on average: 365.25 / 12. */
const MONTH_DAYS = 30.4375;

function live(edited: SegmentDefinition = definition) {
  return liveFigures(edited, applied, computePolicyFiguresNow(policyFiguresInput(edited, applied)));
}

async function columnsOf(kind: "Assignments" | "Summary" | "Policies", edited?: SegmentDefinition) {
  const columns = await toWriteColumns(resultTable(kind, applied, live(edited)));
  return Object.fromEntries(columns.map((column) => [column.header, column])) as Record<string, WriteColumn>;
}

const values = (column: WriteColumn) => Array.from(column.values as ArrayLike<unknown>);

describe("Assignments", () => {
  it("one row per item: segment, name, how, the reasons in words, classes and policy figures", async () => {
    const columns = await columnsOf("Assignments");
    expect(Object.keys(columns).slice(0, 7)).toEqual(["Item", "Segment", "Segment name", "Assigned by", "Reasons", "ABC class (revenue)", "XYZ class (demandCv)"]);
    expect(values(columns.Item)).toEqual(applied.aggregated.table.ids);
    expect(values(columns.Segment)).toEqual(Array.from(applied.segmentIndex, (k) => definition.segments[k].id));
    // 85123A, WHITE HANGING HEART T-LIGHT HOLDER: the first line of the file, and a core runner.
    const row = applied.aggregated.table.ids.indexOf("85123A");
    expect(values(columns.Reasons)[row]).toBe(applied.assignment.reasons(row).join("; "));
    expect(values(columns.Reasons)[row]).toMatch(/^revenue [\d,]+: rank \d+ of 150, cumulative [\d.]+% ≤ 80% → A; demandCv [\d.]+ ≤ 0\.5 → X; cell AX → AX \(Core runners\)$/);
    expect(values(columns["Assigned by"]).every((source) => source === "method" || source === "fallback")).toBe(true);
    expect(columns["Service level"].numberFormat).toBe(EXCEL_FORMATS.percent);
    expect(columns.Revenue.numberFormat).toBe("#,##0.00");
    expect(columns.Reasons.numberFormat).toBeUndefined(); // text: written as "@"
  });

  it("is the engine's assignment table, with the edited policy's figures", async () => {
    const edited: SegmentDefinition = {
      ...definition,
      segments: definition.segments.map((segment) => (segment.id === "AX" ? { ...segment, policy: { ...segment.policy, serviceLevel: 0.995 } } : segment)),
    };
    const columns = await columnsOf("Assignments", edited);
    const engine = assignmentTable({ ...applied, definition: edited, policy: live(edited).policy });
    expect(Object.keys(columns)).toEqual(engine.columns.map((column) => column.header));
    const ax = applied.segmentIndex.indexOf(definition.segments.findIndex((segment) => segment.id === "AX"));
    expect(values(columns["Service level"])[ax]).toBe(0.995);
    expect(values(columns["Safety stock"])[ax]).toBe(live(edited).policy.safetyStock[ax]);
    expect(values(columns["Safety stock"])[ax]).toBeGreaterThan(applied.policy.safetyStock[ax]);
  });
});

describe("Summary", () => {
  it("one row per segment and a total: items, revenue, inventory and their shares, fill rate", async () => {
    const columns = await columnsOf("Summary");
    expect(values(columns.Segment)).toEqual([...definition.segments.map((segment) => segment.id), "All"]);
    const items = values(columns.Items) as number[];
    expect(items[9]).toBe(itemCount);
    expect(items.slice(0, 9).reduce((a, b) => a + b, 0)).toBe(itemCount);
    const revenue = applied.aggregated.table.numbers.get("revenue")!.reduce((a, b) => a + b, 0);
    expect(values(columns.Revenue)[9] as number).toBeCloseTo(revenue, 6);
    const policies = await columnsOf("Policies");
    const inventory = (values(policies["Inventory value"]) as number[]).reduce((sum, value) => (Number.isNaN(value) ? sum : sum + value), 0);
    expect(values(columns["Inventory value"])[9] as number).toBeCloseTo(inventory, 6);
    const shares = (values(columns["Share of inventory"]) as number[]).slice(0, 9);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("Policies", () => {
  it("per item: under periodic review the figure is the order-up-to level μ·(L + R) + SS; continuous review gives a reorder point", async () => {
    const bx = definition.segments.findIndex((segment) => segment.id === "BX");
    const edited: SegmentDefinition = {
      ...definition,
      segments: definition.segments.map((segment, k) => (k === bx ? { ...segment, policy: { ...segment.policy, reviewPeriodDays: 0 } } : segment)),
    };
    const columns = await columnsOf("Policies", edited);
    const figures = live(edited).policy;
    const mean = applied.aggregated.table.numbers.get("demandmean")!;
    const periodic = applied.segmentIndex.indexOf(definition.segments.findIndex((segment) => segment.id === "AY"));
    const continuous = applied.segmentIndex.indexOf(bx);
    const ay = edited.segments[applied.segmentIndex[periodic]].policy;
    // Chopra & Meindl ch. 12: OUL = D·(T + L) + ss under periodic review, ROP = D·L + ss under continuous review.
    expect(values(columns["Order-up-to level"])[periodic]).toBeCloseTo(mean[periodic] * ((ay.leadTimeDays + ay.reviewPeriodDays) / MONTH_DAYS) + figures.safetyStock[periodic], 9);
    expect(values(columns["Reorder point"])[periodic]).toBeNaN();
    expect(values(columns["Replenishment"])[periodic]).toBe("every 7 days, order up to S");
    expect(values(columns["Reorder point"])[continuous]).toBeCloseTo(mean[continuous] * (14 / MONTH_DAYS) + figures.safetyStock[continuous], 9);
    expect(values(columns["Order-up-to level"])[continuous]).toBeNaN();
    expect(values(columns["Replenishment"])[continuous]).toBe("continuous, order Q at the reorder point");
    expect(values(columns["Inventory value"])).toEqual(Array.from(figures.inventoryValue));
    expect(values(columns["Service target"])[periodic]).toBe("fill rate");
  });
});

it("builds large tables in slices, and stops when cancelled", async () => {
  const rowCount = 2 * ROWS_PER_SLICE + 5;
  const table = {
    rowCount,
    columns: [
      { header: "n", kind: "number" as const, format: "integer" as const, width: 5, cell: (row: number) => (row % 7 === 0 ? null : row) },
      { header: "t", kind: "text" as const, width: 5, cell: (row: number) => (row % 5 === 0 ? null : `r${row}`) },
    ],
  };
  const [numbers, texts] = await toWriteColumns(table);
  expect(numbers.values.length).toBe(rowCount);
  expect(numbers.values[rowCount - 1]).toBe(rowCount - 1);
  expect(numbers.values[7]).toBeNaN();
  expect(numbers.numberFormat).toBe("#,##0");
  expect(texts.values[rowCount - 1]).toBe(`r${rowCount - 1}`);
  expect(texts.values[5]).toBeNull();
  const controller = new AbortController();
  controller.abort();
  await expect(toWriteColumns(table, controller.signal)).rejects.toMatchObject({ kind: "cancelled" });
});
