/**
 * Showing rows in the sheet: the rows a readiness check or a KPI complains about, selected so the
 * planner sees them one click away. Data rows are numbered from 0 below the header, as the reader
 * numbers them; runs of adjacent rows become one area, and at most MAX_AREAS areas are selected
 * (Excel's multi-area address has a length limit), the first ones by row.
 */
import { WorkbookError } from "./errors";
import { columnLetters } from "./reader";
import { requireExcelApi } from "./run";

export const MAX_AREAS = 100;

/** Where the data was read from: what SheetData records. */
export interface RowsLocation {
  sheetName: string;
  /** The block read, header row included when it had one ("Sheet1!A1:F500"). */
  address: string;
  /** Data rows (header not counted). */
  rowCount: number;
}

/** Runs of consecutive row numbers, sorted, duplicates dropped: [[first, last], ...]. */
export function rowRuns(rows: readonly number[]): [number, number][] {
  const sorted = Array.from(new Set(rows)).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/** The A1 address (without sheet) of data rows `runs` across columns [left, left + width). */
export function runsAddress(runs: readonly [number, number][], dataTop: number, left: number, width: number): string {
  const first = columnLetters(left);
  const last = columnLetters(left + width - 1);
  return runs.map(([a, b]) => `${first}${dataTop + a + 1}:${last}${dataTop + b + 1}`).join(",");
}

export async function selectRows(context: Excel.RequestContext, data: RowsLocation, rows: readonly number[]): Promise<string> {
  requireExcelApi("1.9", "select rows in the sheet");
  const bad = rows.find((row) => !Number.isInteger(row) || row < 0 || row >= data.rowCount);
  if (bad !== undefined) {
    throw new WorkbookError("invalid", `Row ${bad + 1} is not among the ${data.rowCount.toLocaleString("en-US")} data rows read; read the data again and retry.`);
  }
  if (rows.length === 0) throw new WorkbookError("invalid", "There are no rows to show.");
  const sheet = context.workbook.worksheets.getItemOrNullObject(data.sheetName);
  await context.sync();
  if (sheet.isNullObject) {
    throw new WorkbookError("not-found", `The sheet ${data.sheetName} is gone. Read the data again from the Data view.`);
  }
  const local = data.address.includes("!") ? data.address.slice(data.address.lastIndexOf("!") + 1) : data.address;
  const block = sheet.getRange(local);
  block.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  const dataTop = block.rowIndex + (block.rowCount - data.rowCount);
  const runs = rowRuns(rows).slice(0, MAX_AREAS);
  const address = runsAddress(runs, dataTop, block.columnIndex, block.columnCount);
  sheet.activate();
  sheet.getRanges(address).select();
  await context.sync();
  return `${data.sheetName}!${address}`;
}
