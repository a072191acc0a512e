/**
 * Streaming CSV reader for `.csv` and gzip-compressed `.csv.gz` files (RFC 4180: fields optionally
 * in double quotes, which may hold delimiters, line breaks and "" for a quote; records ended by
 * CRLF, LF or CR; an optional UTF-8 byte-order mark). The file is read in chunks and each record is
 * handed to a callback, so a file of any size is read in constant memory.
 *
 * The delimiter is a comma unless the header line has none and has semicolons or tabs instead
 * (spreadsheets saved in locales with a decimal comma), or one is given.
 */
import * as fs from "node:fs";
import { StringDecoder } from "node:string_decoder";
import * as zlib from "node:zlib";

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export interface CsvReadOptions {
  delimiter?: string;
  /** Called with compressed bytes read so far and the file size (for progress). */
  onBytes?: (read: number, total: number) => void;
  /** Bytes read at a time (default 1 MB); small values exercise records split across chunks. */
  chunkBytes?: number;
}

export class CsvFormatError extends Error {}

/**
 * Parses as many complete records as `text` holds from `start`. Returns where the unparsed rest
 * begins (the start of an incomplete last record), or text.length when `final`.
 */
function parseRecords(
  text: string,
  start: number,
  final: boolean,
  delimiter: number,
  onRecord: (fields: string[]) => void,
  recordNumber: () => number,
): number {
  const length = text.length;
  let at = start;
  while (at < length) {
    const recordStart = at;
    const fields: string[] = [];
    let complete = false;
    for (;;) {
      if (at < length && text.charCodeAt(at) === QUOTE) {
        let value = "";
        let from = at + 1;
        let closed = false;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0 || (quote + 1 >= length && !final)) break;
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          at = quote + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (final) throw new CsvFormatError(`record ${recordNumber()}: a quoted field is never closed`);
          return recordStart;
        }
        const next = text.charCodeAt(at);
        if (at < length && next !== delimiter && next !== CR && next !== LF) {
          throw new CsvFormatError(`record ${recordNumber()}: text after the closing quote of field ${fields.length + 1}`);
        }
        fields.push(value);
      } else {
        let end = at;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === delimiter || code === LF || code === CR) break;
          end++;
        }
        fields.push(text.slice(at, end));
        at = end;
      }
      if (at >= length) {
        if (!final) return recordStart;
        complete = true;
        break;
      }
      const code = text.charCodeAt(at);
      if (code === delimiter) {
        at++;
        continue;
      }
      if (code === CR) {
        if (at + 1 >= length && !final) return recordStart; // the LF may be in the next chunk
        at++;
        if (at < length && text.charCodeAt(at) === LF) at++;
      } else {
        at++; // LF
      }
      complete = true;
      break;
    }
    if (complete) onRecord(fields);
  }
  return at;
}

function guessDelimiter(headerLine: string): string {
  if (headerLine.includes(",")) return ",";
  if (headerLine.includes(";")) return ";";
  if (headerLine.includes("\t")) return "\t";
  return ",";
}

/**
 * Reads every record of a CSV file (header included) in order; `onRecord` gets the fields and the
 * record's 1-based number (the header is record 1). Returns the number of records.
 */
export async function readCsv(
  filePath: string,
  onRecord: (fields: string[], recordNumber: number) => void,
  options: CsvReadOptions = {},
): Promise<number> {
  const total = fs.statSync(filePath).size;
  const file = fs.createReadStream(filePath, { highWaterMark: options.chunkBytes ?? 1 << 20 });
  let read = 0;
  file.on("data", (chunk) => {
    read += chunk.length;
    options.onBytes?.(read, total);
  });
  const source: NodeJS.ReadableStream = filePath.toLowerCase().endsWith(".gz") ? file.pipe(zlib.createGunzip()) : file;
  file.on("error", (error) => (source as unknown as { destroy(e: Error): void }).destroy(error));
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let delimiter = options.delimiter ? options.delimiter.charCodeAt(0) : -1;
  let records = 0;
  let first = true;
  const handle = (fields: string[]) => {
    records++;
    onRecord(fields, records);
  };
  const current = () => records + 1;

  const consume = (text: string, final: boolean) => {
    let body = carry + text;
    if (first && body.length > 0) {
      if (body.charCodeAt(0) === 0xfeff) body = body.slice(1);
      if (delimiter < 0) {
        const lineEnd = body.search(/[\r\n]/);
        if (lineEnd < 0 && !final) {
          carry = body;
          return;
        }
        delimiter = guessDelimiter(lineEnd < 0 ? body : body.slice(0, lineEnd)).charCodeAt(0);
      }
      first = false;
    }
    const rest = parseRecords(body, 0, final, delimiter, handle, current);
    carry = body.slice(rest);
  };

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) consume(decoder.write(chunk), false);
    consume(decoder.end(), true);
  } finally {
    file.destroy();
  }
  return records;
}
