/**
 * The streaming workbook writer, read back with an independent reader (exceljs): values, number
 * formats, the styled and frozen header, one Excel table per sheet, escaping, and the guarantee that
 * a failed write leaves any earlier workbook untouched.
 */
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { XlsxWriter } from "../../../src/cli/io/xlsxWriter";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

test("values, formats, header style, frozen header and a table per sheet", async () => {
  const file = path.join(dir, "out", "book.xlsx");
  const writer = XlsxWriter.create(file);
  await writer.addSheet(
    "Assignments",
    [{ header: "Item" }, { header: "Revenue", format: "decimal" }, { header: "Share", format: "percent" }, { header: "Note" }],
    [
      ["85123A", 104518.8, 0.044, 'A & B < "C" → D'],
      ["22423", NaN, { value: 3, format: "integer" }, null],
      ["bad\u0001chars", 1e6, 1, true],
    ],
  );
  await writer.addSheet("Empty", [{ header: "A" }, { header: "B" }], []);
  await writer.close();

  const workbook = await readBack(file);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Assignments", "Empty"]);
  const sheet = workbook.getWorksheet("Assignments")!;
  expect(sheet.getRow(1).values).toEqual([undefined, "Item", "Revenue", "Share", "Note"]);
  expect(sheet.getRow(2).values).toEqual([undefined, "85123A", 104518.8, 0.044, 'A & B < "C" → D']);
  expect(sheet.getCell("B3").value).toBeNull(); // NaN is a blank cell
  expect(sheet.getCell("C3").value).toBe(3);
  expect(sheet.getCell("A4").value).toBe("badchars"); // control characters are not valid XML
  expect(sheet.getCell("D4").value).toBe(true);
  expect(sheet.getCell("B2").numFmt).toBe("#,##0.00");
  expect(sheet.getCell("C2").numFmt).toBe("0.0%");
  expect(sheet.getCell("C3").numFmt).toBe("#,##0");
  expect(sheet.getCell("A1").font?.bold).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
  const table = (sheet as unknown as { tables: Record<string, { table: { tableRef: string; columns: { name: string }[]; style: { theme: string } } }> }).tables;
  expect(Object.keys(table)).toEqual(["tblAssignments"]);
  expect(table.tblAssignments.table.tableRef).toBe("A1:D4");
  expect(table.tblAssignments.table.style.theme).toBe("TableStyleMedium2");
  expect(table.tblAssignments.table.columns.map((c) => c.name)).toEqual(["Item", "Revenue", "Share", "Note"]);
  expect(Object.keys((workbook.getWorksheet("Empty") as unknown as { tables: object }).tables)).toEqual(["tblEmpty"]);
});

test("a failed write leaves the earlier workbook as it was and no temporary file", async () => {
  const file = path.join(dir, "keep.xlsx");
  const first = XlsxWriter.create(file);
  await first.addSheet("Data", [{ header: "x" }], [[1]]);
  await first.close();
  const before = fs.readFileSync(file);

  const second = XlsxWriter.create(file);
  function* failing(): Generator<number[]> {
    yield [2];
    throw new Error("disk full");
  }
  await expect(second.addSheet("Data", [{ header: "x" }], failing())).rejects.toThrow("disk full");
  second.abort();
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
});

test("refuses what Excel would refuse: duplicate headers, bad sheet names", async () => {
  const writer = XlsxWriter.create(path.join(dir, "refused.xlsx"));
  await expect(writer.addSheet("Data", [{ header: "x" }, { header: "X" }], [])).rejects.toThrow('column "X" appears twice');
  await expect(writer.addSheet("a/b", [{ header: "x" }], [])).rejects.toThrow('sheet name "a/b" is not allowed');
  writer.abort();
});
