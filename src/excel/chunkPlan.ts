/**
 * How many rows go into one request. Reading, the size of rows not yet read is estimated from the
 * rows already seen (with a margin) and corrected as chunks arrive; writing, the size of every row
 * is known, so rows are packed greedily up to the budget.
 */
import { CHUNK_BUDGET_BYTES } from "./payload";

export interface RowChunk {
  /** First row of the chunk, counted from the first row of the data (0-based). */
  start: number;
  count: number;
}

/** Rows per request when no row is larger than `bytesPerRow`. Always at least 1. */
export function rowsPerChunk(bytesPerRow: number, budgetBytes: number = CHUNK_BUDGET_BYTES): number {
  if (!(bytesPerRow > 0)) return 1;
  return Math.max(1, Math.floor(budgetBytes / bytesPerRow));
}

/**
 * Consecutive chunks covering rows 0 … rowCount − 1 exactly once, each of at most `rowsInChunk` rows.
 */
export function planRowChunks(rowCount: number, rowsInChunk: number): RowChunk[] {
  if (!Number.isInteger(rowCount) || rowCount < 0) throw new RangeError(`rowCount must be a whole number ≥ 0; got ${rowCount}`);
  const step = Math.max(1, Math.floor(rowsInChunk));
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += step) chunks.push({ start, count: Math.min(step, rowCount - start) });
  return chunks;
}

/** The margin on an estimate from a sample: rows not yet seen may be longer than the longest seen. */
export const ESTIMATE_MARGIN = 1.25;

/** An estimate of the JSON bytes of any row from the largest row of a sample, with the margin. */
export function estimateRowBytes(largestSampleRow: number, columnCount: number): number {
  // A row of blanks is "[null,null,...]": never estimate below 5 bytes a cell.
  return Math.max(largestSampleRow, 5 * columnCount + 2) * ESTIMATE_MARGIN;
}

/**
 * Greedy packing when each row's size is known: a chunk takes rows while their total stays within the
 * budget. A row larger than the budget on its own goes alone (the caller checks it against Excel's limit).
 */
export function packRows(rowCount: number, rowBytes: (row: number) => number, budgetBytes: number = CHUNK_BUDGET_BYTES): RowChunk[] {
  const chunks: RowChunk[] = [];
  let start = 0;
  let bytes = 2;
  for (let row = 0; row < rowCount; row++) {
    const size = rowBytes(row) + 1;
    if (row > start && bytes + size > budgetBytes) {
      chunks.push({ start, count: row - start });
      start = row;
      bytes = 2;
    }
    bytes += size;
  }
  if (rowCount > start) chunks.push({ start, count: rowCount - start });
  return chunks;
}
