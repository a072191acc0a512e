/**
 * Writes columns of results to a sheet, header first, in requests that stay under Excel's payload
 * limit. Every chunk is sent with calculation suspended (context.application.
 * suspendApiCalculationUntilNextSync), so Excel does not recalculate the workbook after each of
 * hundreds of chunks; it recalculates once, after the last.
 *
 * Text columns get the number format "@" (Text) before their values: an item code such as "00123"
 * or "1E5" then stays text, and a description starting with "=" or "-" is not turned into a formula
 * (Excel reads values starting with "=", "+" or "-" as formulas otherwise).
 */
import { CHUNK_BUDGET_BYTES, EXCEL_PAYLOAD_LIMIT_BYTES, jsonTextBytes, jsonValueBytes } from "./payload";
import { packRows } from "./chunkPlan";
import { throwIfCancelled, WorkbookError } from "./errors";

/** The most rows an Excel sheet has. */
export const SHEET_ROW_LIMIT = 1_048_576;
/** The most columns an Excel sheet has. */
export const SHEET_COLUMN_LIMIT = 16_384;

export type CellOut = string | number | boolean;

export interface WriteColumn {
  header: string;
  /** One value per row: numbers (NaN = blank) or texts (null or "" = blank). */
  values: Float64Array | Int32Array | readonly (string | number | boolean | null)[];
  /** Excel number format for a number column, e.g. "0.0%"; "General" by default. Text columns are always "@". */
  numberFormat?: string;
}

export interface WriteOptions {
  budgetBytes?: number;
  /** Called after each chunk with the data rows written so far and in all. */
  onProgress?: (rowsWritten: number, rowCount: number) => void;
  signal?: AbortSignal;
}

export interface WrittenBlock {
  /** Data rows written (the header row not counted). */
  rowCount: number;
  columnCount: number;
}

function isTextColumn(column: WriteColumn): boolean {
  return !(column.values instanceof Float64Array || column.values instanceof Int32Array);
}

function cellOut(values: WriteColumn["values"], row: number): CellOut {
  const value = values[row];
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (value === null || value === undefined) return "";
  return value;
}

/** Checks the columns line up and fit on a sheet from (topRow, leftColumn). */
export function checkBlock(columns: readonly WriteColumn[], topRow: number, leftColumn: number): number {
  if (columns.length === 0) throw new WorkbookError("invalid", "There is nothing to write: no columns were given.");
  const rowCount = columns[0].values.length;
  for (const column of columns) {
    if (column.values.length !== rowCount) {
      throw new WorkbookError(
        "invalid",
        `The column ${column.header} has ${column.values.length} rows where ${columns[0].header} has ${rowCount}; every column needs one value per row.`,
      );
    }
  }
  if (topRow + 1 + rowCount > SHEET_ROW_LIMIT) {
    throw new WorkbookError(
      "too-large",
      `${rowCount.toLocaleString("en-US")} rows and a header do not fit on a sheet from row ${topRow + 1}: Excel sheets end at row ${SHEET_ROW_LIMIT.toLocaleString("en-US")}.`,
    );
  }
  if (leftColumn + columns.length > SHEET_COLUMN_LIMIT) {
    throw new WorkbookError("too-large", `${columns.length} columns do not fit on a sheet (Excel sheets have ${SHEET_COLUMN_LIMIT} columns).`);
  }
  return rowCount;
}

/**
 * Writes the header in row `topRow` and the values below it, starting at column `leftColumn` (both
 * 0-based). Returns what was written.
 */
export async function writeColumns(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  topRow: number,
  leftColumn: number,
  columns: readonly WriteColumn[],
  options: WriteOptions = {},
): Promise<WrittenBlock> {
  const rowCount = checkBlock(columns, topRow, leftColumn);
  const budget = options.budgetBytes ?? CHUNK_BUDGET_BYTES;
  const formats = columns.map((column) => (isTextColumn(column) ? "@" : column.numberFormat ?? "General"));
  const formatRowBytes = formats.reduce((sum, format) => sum + jsonTextBytes(format) + 1, 1);

  // Rows are numbered from the header (row 0) so the header travels with the first chunk.
  const rowBytes = (row: number): number => {
    let bytes = 2 + formatRowBytes;
    for (const column of columns) bytes += 1 + (row === 0 ? jsonTextBytes(column.header) : jsonValueBytes(cellOut(column.values, row - 1)));
    return bytes;
  };
  const chunks = packRows(rowCount + 1, rowBytes, budget);
  for (const chunk of chunks) {
    if (chunk.count === 1 && rowBytes(chunk.start) > EXCEL_PAYLOAD_LIMIT_BYTES) {
      throw new WorkbookError(
        "too-large",
        `Row ${chunk.start} of the results is larger than the ${EXCEL_PAYLOAD_LIMIT_BYTES / 1e6} MB Excel accepts at once; shorten its texts.`,
      );
    }
  }

  const action = "write the results";
  let written = 0;
  for (const chunk of chunks) {
    throwIfCancelled(options.signal, action);
    const values: CellOut[][] = new Array(chunk.count);
    const numberFormat: string[][] = new Array(chunk.count);
    for (let r = 0; r < chunk.count; r++) {
      const row = chunk.start + r;
      values[r] = columns.map((column) => (row === 0 ? column.header : cellOut(column.values, row - 1)));
      numberFormat[r] = row === 0 ? columns.map(() => "@") : formats;
    }
    const range = sheet.getRangeByIndexes(topRow + chunk.start, leftColumn, chunk.count, columns.length);
    range.numberFormat = numberFormat;
    range.values = values;
    context.application.suspendApiCalculationUntilNextSync();
    await context.sync();
    written = chunk.start + chunk.count - 1;
    options.onProgress?.(written, rowCount);
  }
  return { rowCount, columnCount: columns.length };
}
