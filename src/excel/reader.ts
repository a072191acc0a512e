/**
 * Reads a table, a named range or the selection into columns, in requests that each stay well
 * under Excel's 5 MB payload limit (see payload.ts), so that a full sheet — 1,048,576 rows — reads
 * as it would in ten thousand small steps, with progress and cancel in between.
 *
 * The first request reads a sample (the header and up to 50 rows) and the first data row's number
 * formats. The size of the largest sample row, with a margin, sets the rows per chunk. Each chunk's
 * largest row then corrects the estimate upwards, and a chunk Excel still refuses as too large is
 * split in half and read again.
 */
import { CHUNK_BUDGET_BYTES, EXCEL_PAYLOAD_LIMIT_BYTES, jsonRowsBytes } from "./payload";
import { estimateRowBytes, rowsPerChunk } from "./chunkPlan";
import { ColumnBuilder, type SheetColumn } from "./columns";
import { isPayloadLimitError, throwIfCancelled, WorkbookError } from "./errors";
import { describeSource, locateSource, type DataSource, type SourceBlock } from "./sources";

export interface ReadOptions {
  /** Whether the first row of a range holds the headers; "auto" (default) decides from its cells. Tables know. */
  headerRow?: "auto" | "yes" | "no";
  /** Bytes one request aims at; default CHUNK_BUDGET_BYTES. */
  budgetBytes?: number;
  /** Rows in the first, sampling request (header included); default 51. */
  sampleRows?: number;
  /** Called after each chunk with the data rows read so far and in all. */
  onProgress?: (rowsRead: number, rowCount: number) => void;
  signal?: AbortSignal;
}

export interface SheetData {
  source: DataSource;
  sheetName: string;
  /** Address of the cells read, header included when the range has one. */
  address: string;
  headers: string[];
  /** Data rows (the header row not counted). */
  rowCount: number;
  columns: SheetColumn[];
}

type Cells = unknown[][];

/** Column letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Whether the first row is a header row: every cell is text (not a number, date or blank), the texts
 * are distinct, and the row below (if any) is not text in every column.
 */
export function looksLikeHeaderRow(first: readonly unknown[], second: readonly unknown[] | undefined): boolean {
  const texts = first.map((cell) => (typeof cell === "string" ? cell.trim() : ""));
  if (texts.some((text) => text === "")) return false;
  if (new Set(texts.map((text) => text.toLowerCase())).size !== texts.length) return false;
  if (second === undefined) return true;
  return second.some((cell) => typeof cell !== "string") || second.every((cell, i) => cell !== first[i]);
}

/** Headers made unique and non-empty: a blank header becomes its column letter, repeats get " (2)". */
export function uniqueHeaders(raw: readonly unknown[], firstColumn: number): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    let header = cell === null || cell === undefined ? "" : String(cell).trim();
    if (header === "") header = `Column ${columnLetters(firstColumn + i)}`;
    const key = header.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}

async function loadCells(context: Excel.RequestContext, block: SourceBlock, firstRow: number, rowCount: number): Promise<Cells> {
  const range = block.sheet.getRangeByIndexes(block.rowIndex + firstRow, block.columnIndex, rowCount, block.columnCount);
  range.load("values");
  await context.sync();
  return range.values;
}

/**
 * Reads rows firstRow … firstRow + rowCount − 1 of the block, halving the request while Excel refuses it
 * as too large. Returns the rows read, which may be fewer than asked.
 */
async function loadCellsWithin(context: Excel.RequestContext, block: SourceBlock, firstRow: number, rowCount: number): Promise<Cells> {
  for (let rows = rowCount; ; rows = Math.ceil(rows / 2)) {
    try {
      return await loadCells(context, block, firstRow, rows);
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      if (rows === 1) {
        throw new WorkbookError(
          "too-large",
          `Row ${block.rowIndex + firstRow + 1} of sheet ${block.sheetName} alone is larger than the ${EXCEL_PAYLOAD_LIMIT_BYTES / 1e6} MB Excel sends at once. Select fewer columns, or shorten the longest texts.`,
          { officeCode: (error as { code?: string }).code, cause: error },
        );
      }
    }
  }
}

export async function readSource(context: Excel.RequestContext, source: DataSource, options: ReadOptions = {}): Promise<SheetData> {
  const action = `read ${describeSource(source)}`;
  const budget = options.budgetBytes ?? CHUNK_BUDGET_BYTES;
  const block = await locateSource(context, source);
  throwIfCancelled(options.signal, action);

  // The sample: the first rows, then the number formats of the second row (the first data row when
  // the first holds headers, a data row anyway when it does not).
  const sampleRows = Math.min(block.rowCount, Math.max(2, options.sampleRows ?? 51));
  const sample = await loadCellsWithin(context, block, 0, sampleRows);
  const formatRow = block.sheet.getRangeByIndexes(block.rowIndex + Math.min(1, block.rowCount - 1), block.columnIndex, 1, block.columnCount);
  formatRow.load("numberFormat");
  await context.sync();
  const formats: unknown[] = formatRow.numberFormat[0] ?? [];

  let headers: string[];
  let dataOffset: number;
  if (block.columnNames !== null) {
    headers = uniqueHeaders(block.columnNames, block.columnIndex);
    dataOffset = 0;
  } else {
    const mode = options.headerRow ?? "auto";
    const hasHeader = mode === "yes" || (mode === "auto" && looksLikeHeaderRow(sample[0], sample[1]));
    headers = hasHeader ? uniqueHeaders(sample[0], block.columnIndex) : sample[0].map((_, i) => `Column ${columnLetters(block.columnIndex + i)}`);
    dataOffset = hasHeader ? 1 : 0;
  }
  const rowCount = block.rowCount - dataOffset;
  const builders = headers.map((header, column) => new ColumnBuilder(header, rowCount, typeof formats[column] === "string" ? (formats[column] as string) : "General"));

  const take = (rows: Cells, firstDataRow: number) => {
    for (let column = 0; column < builders.length; column++) builders[column].take(rows, column, firstDataRow);
  };

  let read = 0;
  let estimate = estimateRowBytes(jsonRowsBytes(sample).largestRow, block.columnCount);
  if (sample.length === block.rowCount) {
    take(sample.slice(dataOffset), 0);
    read = rowCount;
  }
  options.onProgress?.(read, rowCount);
  while (read < rowCount) {
    throwIfCancelled(options.signal, action);
    const wanted = Math.min(rowCount - read, rowsPerChunk(estimate, budget));
    const rows = await loadCellsWithin(context, block, dataOffset + read, wanted);
    take(rows, read);
    read += rows.length;
    estimate = Math.max(estimate, estimateRowBytes(jsonRowsBytes(rows).largestRow, block.columnCount));
    options.onProgress?.(read, rowCount);
  }

  return {
    source,
    sheetName: block.sheetName,
    address: block.address,
    headers,
    rowCount,
    columns: builders.map((builder) => builder.finish()),
  };
}
