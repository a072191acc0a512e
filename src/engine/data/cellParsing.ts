/**
 * Reading one field of a transactions line: a number, a date or a code, from CSV text, an .xlsx
 * cell or a workbook cell (number, text, Date). A field that cannot be read gives the reason, which
 * the readiness report shows with the row; nothing is guessed. The command line and the task pane
 * read lines through these same rules.
 *
 * - Numbers: plain decimals with a point ("12", "-3.5", "1e3"). Thousands separators and decimal
 *   commas are refused ("1,234" is 1234 or 1.234 depending on the locale); so is text.
 * - Dates: ISO 8601 "2011-12-09" with an optional time ("2011-12-09 12:50:00", "T" too), which is
 *   what databases and most exports write; "9-Dec-11" / "09-Dec-2011" (month names are
 *   unambiguous); slashed dates only with the date format dmy or mdy, since "12/1/2010" is December
 *   in the US and January in the UK. Date cells and Excel date serials are read as dates. The time
 *   of day is dropped: periods and on-time checks are by calendar day.
 */
import { daysFromCivil } from "../policy/periods";

export type RawCell = string | number | Date | null;
export type DateFormat = "auto" | "iso" | "dmy" | "mdy";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface DayOptions {
  /** What to tell the reader of an ambiguous slashed date to do; the command line names its option. */
  ambiguousHint?: string;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;
const NAMED_MONTH = /^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{2}|\d{4})$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MS_PER_DAY = 86_400_000;
const DEFAULT_AMBIGUOUS_HINT = "state the date format, day/month/year (dmy) or month/day/year (mdy)";

/** Excel serial of 1970-01-01 in the 1900 date system. */
export const EXCEL_SERIAL_1970 = 25569;
/** First serial after 9999-12-31, the last date Excel has. */
const EXCEL_SERIAL_END = 2_958_466;

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

function civil(year: number, month: number, day: number, text: string): Parsed<number> {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `"${text}" is not a real date` };
  }
  return { ok: true, value: daysFromCivil(year, month, day) };
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? (year < 70 ? 2000 + year : 1900 + year) : year;
}

/**
 * The day number (days since 1970-01-01) of an Excel date serial in the 1900 date system; the time
 * of day (the fraction) is dropped. Serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never
 * was (serial 60, kept from Lotus 1-2-3: Microsoft, "Excel incorrectly assumes that the year 1900 is
 * a leap year"), so serials from 61 (1900-03-01) on are one day ahead of a plain count: serial 25569
 * is 1970-01-01, and serials 1–59 are counted from 1899-12-31.
 */
export function excelSerialDay(serial: number): Parsed<number> {
  const day = excelSerialDayOrNaN(serial);
  if (day === day) return { ok: true, value: day };
  if (Math.floor(serial) === 60) return { ok: false, reason: "60 is 29 February 1900, a day Excel counts but the calendar does not have" };
  return { ok: false, reason: `${serial} is not a date` };
}

/** excelSerialDay's day, or NaN when the serial is no date: for hot loops that need no reason. */
export function excelSerialDayOrNaN(serial: number): number {
  if (!(serial >= 1 && serial < EXCEL_SERIAL_END)) return NaN;
  const whole = Math.floor(serial);
  if (whole === 60) return NaN;
  return whole < 60 ? whole - EXCEL_SERIAL_1970 + 1 : whole - EXCEL_SERIAL_1970;
}

/** A day number (days since 1970-01-01) from a date field. */
export function parseDay(cell: RawCell, format: DateFormat, options: DayOptions = {}): Parsed<number> {
  if (cell === null) return { ok: false, reason: "blank" };
  if (cell instanceof Date) {
    const time = cell.getTime();
    return time === time ? { ok: true, value: Math.floor(time / MS_PER_DAY) } : { ok: false, reason: "invalid date" };
  }
  if (typeof cell === "number") return excelSerialDay(cell);
  const text = cell.trim();
  if (text === "") return { ok: false, reason: "blank" };
  let match = ISO.exec(text);
  if (match) return civil(Number(match[1]), Number(match[2]), Number(match[3]), text);
  match = NAMED_MONTH.exec(text);
  if (match) {
    const month = MONTHS.indexOf(match[2].toLowerCase()) + 1;
    if (month > 0) return civil(fullYear(match[3]), month, Number(match[1]), text);
  }
  match = SLASHED.exec(text);
  if (match) {
    if (format === "dmy") return civil(fullYear(match[3]), Number(match[2]), Number(match[1]), text);
    if (format === "mdy") return civil(fullYear(match[3]), Number(match[1]), Number(match[2]), text);
    return { ok: false, reason: `"${text}" is ambiguous (day/month or month/day?): ${options.ambiguousHint ?? DEFAULT_AMBIGUOUS_HINT}` };
  }
  return { ok: false, reason: `"${text.length > 30 ? text.slice(0, 27) + "..." : text}" is not a date (expected YYYY-MM-DD)` };
}

/** A finite number from a numeric field. */
export function parseNumber(cell: RawCell): Parsed<number> {
  if (cell === null) return { ok: false, reason: "blank" };
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, reason: `${cell} is not a finite number` };
  if (cell instanceof Date) return { ok: false, reason: "a date where a number belongs" };
  const text = cell.trim();
  if (text === "") return { ok: false, reason: "blank" };
  if (NUMBER.test(text)) return { ok: true, value: Number(text) };
  if (/^[-+]?[\d.,]+$/.test(text)) return { ok: false, reason: `"${text}" has a thousands separator or decimal comma; write plain numbers such as 1234.5` };
  return { ok: false, reason: `"${text.length > 30 ? text.slice(0, 27) + "..." : text}" is not a number` };
}

/** A code (item, order) from a field: trimmed text; numbers written as text ("85123" from 85123). */
export function parseCode(cell: RawCell): Parsed<string> {
  if (cell === null) return { ok: false, reason: "blank" };
  if (cell instanceof Date) return { ok: true, value: cell.toISOString().slice(0, 10) };
  const text = typeof cell === "number" ? String(cell) : cell.trim();
  return text === "" ? { ok: false, reason: "blank" } : { ok: true, value: text };
}
