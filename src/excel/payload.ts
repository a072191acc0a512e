/**
 * Sizes of Office.js requests. Excel on the web refuses a request or a response larger than 5 MB
 * ("Resource limits and performance optimization for Office Add-ins", Excel add-ins section), and
 * values travel as JSON, so the size that counts is the UTF-8 length of the JSON of the cells.
 * These functions compute it exactly, without building the JSON text.
 */

/** Excel's limit on one request or response: 5 MB, counted as 5,000,000 bytes to stay clear of MB-vs-MiB. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5_000_000;

/**
 * What one chunk aims at: under a third of the limit, so that an estimate three times too small still
 * passes, and the pane gets control back (progress, cancel) every second or so on slow connections.
 */
export const CHUNK_BUDGET_BYTES = 1_500_000;

/** UTF-8 bytes of `text` as a JSON string literal, quotes and escapes included. */
export function jsonTextBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 6; // a lone surrogate is escaped as \udXXX
    } else if (code >= 0xd800 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/**
 * JSON bytes of a number, without formatting it (formatting a million numbers per chunk costs more
 * than reading them): exact for whole numbers below 1e21; for any other finite double an upper bound:
 * 19 bytes from 1 to 1e21 (sign, 17 significant digits, point), 24 from 1e21 on ("-1.2345678901234567e+308"),
 * and 26 below 1 ("-0.000000" and 17 digits; below 1e-7 JavaScript switches to the exponent form).
 */
export function jsonNumberBytes(value: number): number {
  if (!Number.isFinite(value)) return 4; // JSON writes NaN and ±Infinity as null
  const magnitude = Math.abs(value);
  const sign = value < 0 ? 1 : 0;
  if (Number.isInteger(value) && magnitude < 1e21) {
    let digits = 1;
    for (let power = 10; magnitude >= power && digits < 21; power *= 10) digits++;
    return sign + digits;
  }
  return magnitude >= 1e21 ? 24 : magnitude >= 1 ? 19 : 26;
}

/** UTF-8 bytes of one cell value in JSON: exact, except an upper bound for fractional numbers (see jsonNumberBytes). */
export function jsonValueBytes(value: unknown): number {
  switch (typeof value) {
    case "number":
      return jsonNumberBytes(value);
    case "string":
      return jsonTextBytes(value);
    case "boolean":
      return value ? 4 : 5;
    default:
      return 4; // null, undefined (as null in arrays)
  }
}

/** UTF-8 bytes of one row `[a,b,c]` in JSON. */
export function jsonRowBytes(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (let i = 0; i < row.length; i++) bytes += jsonValueBytes(row[i]);
  return bytes;
}

/** UTF-8 bytes of a 2-D array of cells in JSON, and of its largest row. */
export function jsonRowsBytes(rows: readonly (readonly unknown[])[]): { total: number; largestRow: number } {
  let total = 2 + Math.max(0, rows.length - 1);
  let largestRow = 0;
  for (const row of rows) {
    const bytes = jsonRowBytes(row);
    total += bytes;
    if (bytes > largestRow) largestRow = bytes;
  }
  return { total, largestRow };
}
