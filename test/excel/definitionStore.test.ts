import { deleteDefinition, DEFINITIONS_MARK, DEFINITIONS_SHEET, JSON_COLUMN, listDefinitions, loadDefinition, saveDefinition } from "../../src/excel/definitionStore";
import { CELL_TEXT_LIMIT, joinCellTexts } from "../../src/excel/definitionCells";
import { installExcelMock, MOCK_PAYLOAD_LIMIT_BYTES } from "../support/excel/excelMock";
import { WorkbookModel, type ModelSheet } from "../support/excel/workbookModel";

function definitionJson(name: string, overrides: number): string {
  return JSON.stringify(
    {
      schemaVersion: 1,
      id: name.toLowerCase(),
      name,
      method: { kind: "matrix", abc: { cutoffs: [0.8, 0.95] }, xyz: { cutoffs: [0.5, 1] } },
      segments: [{ id: "AX", name: "Runners – steady", description: "Top value, steady demand: €, 日本, 😀" }],
      overrides: Array.from({ length: overrides }, (_, i) => ({ item: `SKU-${i}`, segment: "AX", reason: `key account "${i}" -- approved` })),
    },
    null,
    2,
  );
}

/** What a formula sees through a workbook name: the cells it refers to, joined in reading order. */
function readThroughName(model: WorkbookModel, formulaName: string): string {
  const item = model.name(formulaName);
  if (!item) throw new Error(`no name ${formulaName}`);
  return joinCellTexts(item.sheet.read(item.block));
}

function definitionsSheet(model: WorkbookModel): ModelSheet {
  const sheet = model.sheet(DEFINITIONS_SHEET);
  if (!sheet) throw new Error("no definitions sheet");
  return sheet;
}

describe("definitions kept in the workbook", () => {
  it("saves a definition on a very hidden sheet with a formula name, and loads it back", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installExcelMock(model);
    const json = definitionJson("Retail", 3);
    const stored = await Excel.run((context) => saveDefinition(context, "Retail", json));
    expect(stored).toMatchObject({ name: "Retail", formulaName: "SegDef_Retail", characters: json.length, cells: 1, row: 1 });

    const sheet = definitionsSheet(model);
    expect(sheet.visibility).toBe("VeryHidden");
    expect(sheet.customProperties.has(DEFINITIONS_MARK.toLowerCase())).toBe(true);
    expect(sheet.read({ top: 0, left: 0, rows: 2, columns: 5 })).toEqual([
      ["Definition", "Name in formulas", "Characters", "Cells", "Saved"],
      ["Retail", "SegDef_Retail", json.length, 1, stored.savedAt],
    ]);
    expect(model.name("SegDef_Retail")).toMatchObject({ sheet, block: { top: 1, left: JSON_COLUMN, rows: 1, columns: 1 } });
    expect(readThroughName(model, "SegDef_Retail")).toBe(json);
    expect(await Excel.run((context) => loadDefinition(context, "retail"))).toBe(json);
    expect(await Excel.run((context) => loadDefinition(context, "Wholesale"))).toBeNull();
  });

  it("round-trips a definition longer than 32,767 characters across cells in reading order", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    const mock = installExcelMock(model);
    const json = definitionJson("Spare parts", 4_000);
    expect(json.length).toBeGreaterThan(8 * CELL_TEXT_LIMIT);
    const stored = await Excel.run((context) => saveDefinition(context, "Spare parts", json));
    expect(stored.formulaName).toBe("SegDef_Spare_parts");
    // As few cells as the limit allows, give or take one for split points moved off unsafe characters.
    expect(stored.cells).toBeGreaterThanOrEqual(Math.ceil(json.length / CELL_TEXT_LIMIT));
    expect(stored.cells).toBeLessThanOrEqual(Math.ceil(json.length / CELL_TEXT_LIMIT) + 1);

    const sheet = definitionsSheet(model);
    const cells = sheet.read({ top: stored.row, left: JSON_COLUMN, rows: 1, columns: stored.cells })[0];
    for (const cell of cells) {
      expect(typeof cell).toBe("string");
      expect((cell as string).length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
      expect(cell).not.toMatch(/^[=+\-@'\s]/);
    }
    expect(sheet.format(stored.row, JSON_COLUMN + 1)).toBe("@");
    expect(sheet.formulaCells.size).toBe(0);
    expect(readThroughName(model, stored.formulaName)).toBe(json);
    expect(await Excel.run((context) => loadDefinition(context, "Spare parts"))).toBe(json);
    for (const record of mock.log) {
      expect(record.requestBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);
      expect(record.responseBytes).toBeLessThan(MOCK_PAYLOAD_LIMIT_BYTES);
    }
  });

  it("saving again replaces the text and moves the name; shorter text leaves no old cells behind", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installExcelMock(model);
    const long = definitionJson("Retail", 2_000);
    const first = await Excel.run((context) => saveDefinition(context, "Retail", long));
    expect(first.cells).toBeGreaterThan(2);
    const short = definitionJson("Retail", 1);
    const second = await Excel.run((context) => saveDefinition(context, "Retail", short));
    expect(second).toMatchObject({ row: first.row, formulaName: "SegDef_Retail", cells: 1 });
    const sheet = definitionsSheet(model);
    expect(sheet.get(first.row, JSON_COLUMN + 1)).toBeUndefined();
    expect(model.name("SegDef_Retail")!.block.columns).toBe(1);
    expect(model.names).toHaveLength(1);
    expect(readThroughName(model, "SegDef_Retail")).toBe(short);
  });

  it("lists, keeps names apart, deletes, and reuses a deleted definition's row", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installExcelMock(model);
    await Excel.run(async (context) => {
      await saveDefinition(context, "Retail Europe", definitionJson("Retail Europe", 1));
      await saveDefinition(context, "Retail_Europe", definitionJson("Retail_Europe", 1));
      await saveDefinition(context, "Wholesale", definitionJson("Wholesale", 1));
    });
    const listed = await Excel.run((context) => listDefinitions(context));
    expect(listed.map((entry) => [entry.name, entry.formulaName, entry.row])).toEqual([
      ["Retail Europe", "SegDef_Retail_Europe", 1],
      ["Retail_Europe", "SegDef_Retail_Europe_2", 2],
      ["Wholesale", "SegDef_Wholesale", 3],
    ]);

    expect(await Excel.run((context) => deleteDefinition(context, "Retail_Europe"))).toBe(true);
    expect(await Excel.run((context) => deleteDefinition(context, "Retail_Europe"))).toBe(false);
    expect(model.name("SegDef_Retail_Europe_2")).toBeUndefined();
    // Other names keep pointing at their own rows.
    expect(readThroughName(model, "SegDef_Wholesale")).toBe(definitionJson("Wholesale", 1));
    const again = await Excel.run((context) => saveDefinition(context, "Spares", definitionJson("Spares", 1)));
    expect(again.row).toBe(2);
    expect((await Excel.run((context) => listDefinitions(context))).map((entry) => entry.name)).toEqual(["Retail Europe", "Spares", "Wholesale"]);
  });

  it("a workbook without definitions lists none; a user's sheet of the same name is left alone", async () => {
    installExcelMock(WorkbookModel.withSheet("Data", [["x"]]));
    expect(await Excel.run((context) => listDefinitions(context))).toEqual([]);
    expect(await Excel.run((context) => deleteDefinition(context, "Retail"))).toBe(false);

    const model = WorkbookModel.withSheet(DEFINITIONS_SHEET, [["my own notes"]]);
    installExcelMock(model);
    await expect(Excel.run((context) => saveDefinition(context, "Retail", definitionJson("Retail", 1)))).rejects.toThrow(
      "This workbook has a sheet named SegmentDefinitions that Supply Segments did not create. Rename that sheet",
    );
    expect(model.sheet(DEFINITIONS_SHEET)!.get(0, 0)).toBe("my own notes");
  });

  it("refuses what is not a definition, and a damaged one on loading", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installExcelMock(model);
    await expect(Excel.run((context) => saveDefinition(context, "  ", "{}"))).rejects.toThrow("A definition needs a name");
    await expect(Excel.run((context) => saveDefinition(context, "X", "=HYPERLINK()"))).rejects.toThrow('must be a JSON object (text starting with "{")');
    const stored = await Excel.run((context) => saveDefinition(context, "Retail", definitionJson("Retail", 1)));
    definitionsSheet(model).write(stored.row, JSON_COLUMN, '{"cut":');
    await expect(Excel.run((context) => loadDefinition(context, "Retail"))).rejects.toThrow(/The definition "Retail" kept in this workbook is damaged/);
  });
});
