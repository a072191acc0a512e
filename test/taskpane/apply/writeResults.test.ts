/**
 * "Write to workbook" against Excel as office-addin-mock presents it (test/support/excel): the
 * definition saved in the workbook behind SegDef_<name>, the three tables on sheets named after the
 * definition, updates in place on a re-run, and a user's sheet in the way put to the user.
 */
import { parseDefinition, type SegmentDefinition } from "../../../src/engine/definition/schema";
import { joinCellTexts } from "../../../src/excel/definitionCells";
import { DEFINITIONS_SHEET } from "../../../src/excel/definitionStore";
import { OWNER_PROPERTY } from "../../../src/excel/resultSheets";
import { assign } from "../../../src/functions/definitionFunctions";
import { computePolicyFiguresNow, liveFigures, policyFiguresInput } from "../../../src/taskpane/apply/policyFigures";
import { type ConflictAnswer, type ResultsConflict, type WriteProgress, writeResults } from "../../../src/taskpane/apply/writeResults";
import { createExcelGateway } from "../../../src/taskpane/workbook/excelGateway";
import { installCustomFunctionsStandIn, isStandInError } from "../../support/customFunctions";
import { installExcelMock, MOCK_PAYLOAD_LIMIT_BYTES } from "../../support/excel/excelMock";
import { type ModelSheet, WorkbookModel } from "../../support/excel/workbookModel";
import { retailApplied } from "./retailApplied";

const { applied } = retailApplied();
const itemCount = applied.aggregated.table.ids.length;

function live(edited: SegmentDefinition = applied.definition) {
  return liveFigures(edited, applied, computePolicyFiguresNow(policyFiguresInput(edited, applied)));
}

function withServiceLevel(segmentId: string, serviceLevel: number): SegmentDefinition {
  const definition = applied.definition;
  return {
    ...definition,
    segments: definition.segments.map((segment) => (segment.id === segmentId ? { ...segment, policy: { ...segment.policy, serviceLevel } } : segment)),
  };
}

/** The header row of a sheet and its rows as records. */
function records(sheet: ModelSheet, rowCount: number): Record<string, unknown>[] {
  const header = sheet.read({ top: 0, left: 0, rows: 1, columns: 40 })[0].filter((cell) => cell !== "") as string[];
  return sheet.read({ top: 1, left: 0, rows: rowCount, columns: header.length }).map((row) => Object.fromEntries(header.map((name, c) => [name, row[c]])));
}

const neverAsked = async (conflict: ResultsConflict): Promise<ConflictAnswer> => {
  throw new Error(`unexpected question: ${conflict.message}`);
};

describe("writing the results of a definition to the workbook", () => {
  it("saves the definition behind SegDef_<name> and writes Assignments, Summary and Policies as tables", async () => {
    const model = WorkbookModel.withSheet("Transactions", [["InvoiceNo"], ["536365"]]);
    const mock = installExcelMock(model);
    const progress: WriteProgress[] = [];
    const figures = live(withServiceLevel("AX", 0.99));
    const outcome = await writeResults(createExcelGateway(), applied, figures, { askConflict: neverAsked, onProgress: (p) => progress.push(p) });

    expect(outcome.status).toBe("written");
    expect(outcome.tables).toEqual([
      { kind: "Assignments", sheetName: "Retail Assignments", tableName: "Seg_Retail_Assignments", rowCount: itemCount, created: true },
      { kind: "Summary", sheetName: "Retail Summary", tableName: "Seg_Retail_Summary", rowCount: 10, created: true },
      { kind: "Policies", sheetName: "Retail Policies", tableName: "Seg_Retail_Policies", rowCount: itemCount, created: true },
    ]);
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["Transactions", DEFINITIONS_SHEET, "Retail Assignments", "Retail Summary", "Retail Policies"]);
    expect(model.sheet("Transactions")!.get(1, 0)).toBe("536365");
    for (const name of ["Seg_Retail_Assignments", "Seg_Retail_Summary", "Seg_Retail_Policies"]) expect(model.table(name)).toBeDefined();
    expect(model.table("Seg_Retail_Assignments")!.block).toEqual({ top: 0, left: 0, rows: itemCount + 1, columns: expect.any(Number) });

    // Progress runs from 0 to every row of the three tables.
    expect(progress[0].done).toBe(0);
    expect(progress.at(-1)).toMatchObject({ done: 2 * itemCount + 10, total: 2 * itemCount + 10 });
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
    for (const record of mock.log) expect(record.requestBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);

    // The definition travels with the workbook: what SegDef_Retail refers to is the edited definition.
    expect(outcome.definition).toMatchObject({ name: "Retail", formulaName: "SegDef_Retail" });
    const name = model.name("SegDef_Retail")!;
    const cells = name.sheet.read(name.block);
    const saved = parseDefinition(joinCellTexts(cells));
    expect(saved).toEqual(figures.definition);
    expect(saved.segments.find((segment) => segment.id === "AX")!.policy.serviceLevel).toBe(0.99);

    // =SEGMENT.ASSIGN(SegDef_Retail, features) in a cell gives each item the segment the Assignments table holds.
    installCustomFunctionsStandIn();
    const numbers = applied.aggregated.table.numbers;
    const feature = (name: string, item: number) => {
      const value = numbers.get(name.toLowerCase())![item];
      return Number.isNaN(value) ? "" : value;
    };
    const features = [["revenue", "demandCv", "historyPeriods"], ...applied.aggregated.table.ids.map((_, item) => ["revenue", "demandCv", "historyPeriods"].map((n) => feature(n, item)))];
    const spilled = assign(cells, features).map((row) => row[0]);
    expect(spilled.some(isStandInError)).toBe(false);
    const assignments = records(model.sheet("Retail Assignments")!, itemCount);
    expect(spilled).toEqual(assignments.map((row) => row.Segment));

    // What the sheets hold: the reasons in words, the edited service level, the totals.
    const top = assignments.find((row) => row.Item === "85123A")!;
    expect(top).toMatchObject({ Segment: "AX", "Segment name": "Core runners", "Assigned by": "method", "Service level": 0.99 });
    expect(top.Reasons).toBe(applied.assignment.reasons(applied.aggregated.table.ids.indexOf("85123A")).join("; "));
    const summary = records(model.sheet("Retail Summary")!, 10);
    expect(summary[9]).toMatchObject({ Segment: "All", Items: itemCount });
    expect(summary[9]["Inventory value"] as number).toBeCloseTo(figures.measures[9].inventoryValue, 6);
    const policies = records(model.sheet("Retail Policies")!, itemCount);
    expect(policies.find((row) => row.Item === "85123A")!["Safety stock"]).toBe(figures.policy.safetyStock[applied.aggregated.table.ids.indexOf("85123A")]);
  });

  it("running again updates the same sheets and tables in place, and the definition under the same name", async () => {
    const model = WorkbookModel.withSheet("Transactions", [["x"]]);
    installExcelMock(model);
    const gateway = createExcelGateway();
    await writeResults(gateway, applied, live(), { askConflict: neverAsked });
    model.sheet("Retail Summary")!.name = "My summary"; // renamed by the planner: still ours, found by its mark
    const again = await writeResults(gateway, applied, live(withServiceLevel("AX", 0.995)), { askConflict: neverAsked });
    expect(again.status).toBe("written");
    expect(again.tables.map((table) => [table.sheetName, table.created])).toEqual([
      ["Retail Assignments", false],
      ["My summary", false],
      ["Retail Policies", false],
    ]);
    expect(model.sheets).toHaveLength(5);
    expect(model.tables).toHaveLength(3);
    expect(model.names.map((item) => item.name)).toEqual(["SegDef_Retail"]);
    const name = model.name("SegDef_Retail")!;
    expect(parseDefinition(joinCellTexts(name.sheet.read(name.block))).segments[0].policy.serviceLevel).toBe(0.995);
    const assignments = records(model.sheet("Retail Assignments")!, itemCount);
    expect(assignments.filter((row) => row.Segment === "AX").every((row) => row["Service level"] === 0.995)).toBe(true);
  });

  describe("a sheet of the user's named like a result", () => {
    function workbookWithUserSheet() {
      const model = WorkbookModel.withSheet("Retail Assignments", [["my notes"], [42]]);
      installExcelMock(model);
      return model;
    }

    it("is put to the user; 'rename' writes beside it, and the next run updates that sheet without asking", async () => {
      const model = workbookWithUserSheet();
      const asked: ResultsConflict[] = [];
      const outcome = await writeResults(createExcelGateway(), applied, live(), {
        askConflict: async (conflict) => {
          asked.push(conflict);
          return "rename";
        },
      });
      expect(asked).toEqual([
        {
          kind: "Assignments",
          sheetName: "Retail Assignments",
          owner: null,
          message:
            'A sheet named "Retail Assignments" already exists and was not created by Supply Segments. Replace its contents, or write the assignments to "Retail Assignments (2)"?',
          alternativeSheetName: "Retail Assignments (2)",
        },
      ]);
      expect(outcome.status).toBe("written");
      expect(outcome.tables[0]).toMatchObject({ sheetName: "Retail Assignments (2)", created: true });
      expect(model.sheet("Retail Assignments")!.read({ top: 0, left: 0, rows: 2, columns: 1 })).toEqual([["my notes"], [42]]);
      const again = await writeResults(createExcelGateway(), applied, live(), { askConflict: neverAsked });
      expect(again.tables[0]).toMatchObject({ sheetName: "Retail Assignments (2)", created: false });
    });

    it("'replace' takes the sheet over (marked as ours from then on)", async () => {
      const model = workbookWithUserSheet();
      const outcome = await writeResults(createExcelGateway(), applied, live(), { askConflict: async () => "replace" });
      expect(outcome.tables[0]).toMatchObject({ sheetName: "Retail Assignments", created: true });
      const sheet = model.sheet("Retail Assignments")!;
      expect(sheet.get(0, 0)).toBe("Item");
      expect(sheet.customProperties.has(OWNER_PROPERTY.toLowerCase())).toBe(true);
      expect(model.sheets.map((s) => s.name)).not.toContain("Retail Assignments (2)");
    });

    it("'cancel' stops before that table: nothing of the user's is touched, the definition is saved", async () => {
      const model = workbookWithUserSheet();
      const outcome = await writeResults(createExcelGateway(), applied, live(), { askConflict: async () => "cancel" });
      expect(outcome).toMatchObject({ status: "declined", skipped: "Assignments", tables: [] });
      expect(model.sheets.map((s) => s.name)).toEqual(["Retail Assignments", DEFINITIONS_SHEET]);
      expect(model.sheet("Retail Assignments")!.get(0, 0)).toBe("my notes");
      expect(model.name("SegDef_Retail")).toBeDefined();
    });
  });

  it("the Cancel button stops at the next chunk; writing again finishes the partly written sheet", async () => {
    const model = WorkbookModel.withSheet("Transactions", [["x"]]);
    installExcelMock(model);
    const controller = new AbortController();
    const outcome = await writeResults(createExcelGateway(), applied, live(), {
      askConflict: neverAsked,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.message === "Writing the policies") controller.abort();
      },
    });
    expect(outcome).toMatchObject({ status: "cancelled", stopped: "Policies" });
    expect(outcome.tables.map((table) => table.kind)).toEqual(["Assignments", "Summary"]);
    const again = await writeResults(createExcelGateway(), applied, live(), { askConflict: neverAsked });
    expect(again.status).toBe("written");
    expect(model.table("Seg_Retail_Policies")!.block.rows).toBe(itemCount + 1);
  });
});
