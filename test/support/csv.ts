/**
 * A small RFC 4180 CSV reader for tests that read the real data sets: comma-separated fields, fields
 * optionally in double quotes (which may then hold commas, line breaks and "" for a quote), records ended
 * by CRLF, LF or CR, an optional UTF-8 byte-order mark. Reads `.csv` and gzip-compressed `.csv.gz`.
 *
 * It walks the text once with `indexOf` and `slice` and hands each record to a callback, so half a
 * million lines parse in about a second without holding every record at once.
 */
import * as fs from "node:fs";
import * as zlib from "node:zlib";

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** The whole file as text, gunzipped first when the name ends in `.gz`. */
export function readCsvText(filePath: string): string {
  const bytes = fs.readFileSync(filePath);
  return (filePath.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8");
}

/**
 * Calls `onRecord` with the fields of every record, header included, in file order; returns the number
 * of records. A line break at the very end of the text does not start another record.
 */
export function forEachCsvRecord(text: string, onRecord: (fields: string[], recordIndex: number) => void): number {
  const length = text.length;
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let recordIndex = 0;
  while (at < length) {
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(at) === QUOTE) {
        let value = "";
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) throw new Error(`CSV record ${recordIndex + 1}: a quoted field is never closed`);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1); // "" inside quotes is one quote
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          at = quote + 1;
          break;
        }
        const next = text.charCodeAt(at);
        if (at < length && next !== COMMA && next !== CR && next !== LF) {
          throw new Error(`CSV record ${recordIndex + 1}: text after the closing quote of field ${fields.length + 1}`);
        }
        fields.push(value);
      } else {
        let end = at;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          end++;
        }
        fields.push(text.slice(at, end));
        at = end;
      }
      if (text.charCodeAt(at) === COMMA) {
        at++;
        continue;
      }
      if (text.charCodeAt(at) === CR) at++;
      if (text.charCodeAt(at) === LF) at++;
      break;
    }
    onRecord(fields, recordIndex++);
  }
  return recordIndex;
}

/** Every record of `text` as an array of fields (header included). For small inputs. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  forEachCsvRecord(text, (fields) => records.push(fields));
  return records;
}

/** Position of each named column in `header`; throws naming the missing column and the ones found. */
export function columnIndexes<Name extends string>(header: readonly string[], names: readonly Name[]): Record<Name, number> {
  const indexes = {} as Record<Name, number>;
  for (const name of names) {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`CSV column "${name}" not found; the header has ${header.join(", ")}`);
    indexes[name] = index;
  }
  return indexes;
}
