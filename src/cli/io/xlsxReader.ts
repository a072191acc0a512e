/**
 * Reading the rows of one worksheet of an .xlsx file as plain cells, streaming (exceljs's
 * WorkbookReader), so a workbook of a million rows is not held in memory. Formulas give their
 * cached result, rich text its plain text, hyperlinks their text; date-formatted cells give Dates.
 */
import * as fs from "node:fs";
import type { RawCell } from "./cellParsing";

export class XlsxSheetNotFound extends Error {}

function plain(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) return (object.richText as { text: string }[]).map((run) => run.text).join("");
    if ("result" in object) return plain(object.result);
    if ("formula" in object || "sharedFormula" in object) return null;
    if (typeof object.text === "string") return object.text;
    if (typeof object.error === "string") return object.error;
  }
  return String(value);
}

/**
 * Calls `onRow` with each row's cells (0-based, up to the widest row so far) and its 1-based row
 * number, for the sheet named `sheetName` (case-insensitive) or the first sheet.
 */
export async function readXlsxRows(
  filePath: string,
  sheetName: string | undefined,
  onRow: (cells: RawCell[], rowNumber: number) => void,
  onBytes?: (read: number, total: number) => void,
): Promise<void> {
  const total = fs.statSync(filePath).size;
  const stream = fs.createReadStream(filePath);
  let read = 0;
  stream.on("data", (chunk) => {
    read += chunk.length;
    onBytes?.(read, total);
  });
  // Loaded only when an .xlsx is read: it is most of the command line's start-up time.
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const seen: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    seen.push(name);
    if (sheetName !== undefined && name.toLowerCase() !== sheetName.toLowerCase()) continue;
    for await (const row of worksheet as unknown as AsyncIterable<{ values: unknown[]; number: number }>) {
      const values = row.values;
      const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
      for (let c = 1; c < values.length; c++) cells[c - 1] = plain(values[c]);
      onRow(cells, row.number);
    }
    stream.destroy();
    return;
  }
  throw new XlsxSheetNotFound(
    sheetName === undefined ? "the workbook has no worksheet" : `no sheet named "${sheetName}"; the workbook has ${seen.map((s) => `"${s}"`).join(", ")}`,
  );
}
