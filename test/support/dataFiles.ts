/**
 * The shared real-data folder cloned beside the repository (<repo>/../shared/data), and a reader for
 * the first records of a (possibly gzip-compressed) CSV file without inflating all of it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { forEachCsvRecord } from "./csv";

export const SHARED_DATA = path.resolve(__dirname, "../../../shared/data");

/** The path of a data file; throws (so the test fails rather than skips) when it is missing. */
export function sharedDataFile(...segments: string[]): string {
  const file = path.join(SHARED_DATA, ...segments);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Real-data file not found: ${file}. The tests read the shared data folder cloned beside the repository ` +
        `(<repo>/../shared/data); fetch it there rather than skipping the tests.`,
    );
  }
  return file;
}

/**
 * The header and up to `maxRecords` records after it. Only as much of the file as needed is read:
 * a gzip file is inflated from its first bytes with a sync flush, which yields a prefix of the text.
 */
export function readCsvHead(file: string, maxRecords: number): { header: string[]; records: string[][] } {
  let prefixBytes = 256 * 1024;
  for (;;) {
    const whole = fs.statSync(file).size <= prefixBytes;
    const handle = fs.openSync(file, "r");
    const buffer = Buffer.alloc(Math.min(prefixBytes, fs.statSync(file).size));
    fs.readSync(handle, buffer, 0, buffer.length, 0);
    fs.closeSync(handle);
    const text = (
      file.endsWith(".gz") ? zlib.gunzipSync(buffer, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : buffer
    ).toString("utf8");
    // Cut at the last line break so a record is never split (quoted fields with line breaks aside, which
    // the data sets used here don't have in their first records).
    const complete = whole ? text : text.slice(0, text.lastIndexOf("\n") + 1);
    const rows: string[][] = [];
    forEachCsvRecord(complete, (fields) => {
      if (rows.length <= maxRecords) rows.push(fields);
    });
    if (rows.length > maxRecords || whole) {
      return { header: rows[0] ?? [], records: rows.slice(1, maxRecords + 1) };
    }
    prefixBytes *= 4;
  }
}
