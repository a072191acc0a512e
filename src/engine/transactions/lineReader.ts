/**
 * Turning rows of cells into transaction lines, the same way whatever holds the rows: the command
 * line's CSV and .xlsx readers and the task pane's workbook columns all hand their rows here, one
 * cell at a time, and get the same typed lines and the same column completeness back.
 *
 * Every row handed in becomes one line, in order; a field that cannot be read is NaN (numbers,
 * dates) or −1 (codes), counted, and the first few are kept with their row and reason for the
 * readiness report. Codes are interned in order of first appearance.
 */
import { type DateFormat, type DayOptions, excelSerialDayOrNaN, type Parsed, parseCode, parseDay, parseNumber, type RawCell } from "../data/cellParsing";
import { invalidInput } from "../errors";
import type { ColumnCompleteness, RowProblem } from "../readiness/readiness";
import type { TransactionLines } from "./lines";

/** The fields of a transaction line a column can fill (TransactionLines). */
export type LineField =
  | "item"
  | "date"
  | "quantity"
  | "price"
  | "revenue"
  | "order"
  | "shipped"
  | "promisedDate"
  | "deliveredDate"
  | "costToServe"
  | "unitCost";

export type CellKind = "code" | "day" | "number";

/** Each field: how its cells are read and whether segmenting needs it (price or revenue: one of the two). */
export const LINE_FIELDS: readonly { field: LineField; kind: CellKind; required: boolean }[] = [
  { field: "item", kind: "code", required: true },
  { field: "date", kind: "day", required: true },
  { field: "quantity", kind: "number", required: true },
  { field: "price", kind: "number", required: true },
  { field: "revenue", kind: "number", required: true },
  { field: "order", kind: "code", required: false },
  { field: "shipped", kind: "number", required: false },
  { field: "promisedDate", kind: "day", required: false },
  { field: "deliveredDate", kind: "day", required: false },
  { field: "costToServe", kind: "number", required: false },
  { field: "unitCost", kind: "number", required: false },
];

/** Unreadable cells kept per column with their row and reason (all are counted). */
export const MAX_PROBLEMS_PER_COLUMN = 25;

/**
 * One column to read: a line field, or another role (e.g. lead time) whose completeness is reported
 * though the lines have no place for it.
 */
export interface LineColumnSpec {
  role: LineField | string;
  kind: CellKind;
  required: boolean;
  header: string;
  /** Where the column is in the row handed to addRow. */
  index: number;
}

export interface LineReaderOptions extends DayOptions {
  dateFormat: DateFormat;
}

class Floats {
  data = new Float64Array(1 << 12);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class Ints {
  data = new Int32Array(1 << 12);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

interface ColumnState extends LineColumnSpec {
  readable: number;
  problemCount: number;
  problems: RowProblem[];
  numbers: Floats | null;
  codes: Ints | null;
  codeIndex: Map<string, number> | null;
  codeList: string[] | null;
  /** Codes of cells that hold numbers (71053), so a number's text is made once. */
  numberCodes: Map<number, number> | null;
  lastText: string | null;
  lastParsed: Parsed<number> | null;
}

const LINE_FIELD_NAMES: ReadonlySet<string> = new Set(LINE_FIELDS.map((entry) => entry.field));

export class TransactionLineReader {
  private readonly columns: ColumnState[];
  private readonly byRole = new Map<string, ColumnState>();
  private readonly sourceRow = new Ints();
  private rows = 0;

  constructor(
    specs: readonly LineColumnSpec[],
    private readonly options: LineReaderOptions,
  ) {
    this.columns = specs.map((spec) => {
      const codes = spec.kind === "code";
      return {
        ...spec,
        readable: 0,
        problemCount: 0,
        problems: [],
        numbers: codes ? null : new Floats(),
        codes: codes ? new Ints() : null,
        codeIndex: codes ? new Map() : null,
        codeList: codes ? [] : null,
        numberCodes: codes ? new Map() : null,
        lastText: null,
        lastParsed: null,
      };
    });
    for (const column of this.columns) {
      if (this.byRole.has(column.role)) throw invalidInput(`the role ${column.role} is given two columns`);
      this.byRole.set(column.role, column);
    }
  }

  /** Data rows read so far. */
  get dataRows(): number {
    return this.rows;
  }

  /** Adds one data row as one line: `cellAt(index)` gives the cell of each column's index; `rowNumber` is its row in the source. */
  addRow(cellAt: (index: number) => RawCell, rowNumber: number): void {
    this.rows++;
    this.sourceRow.push(rowNumber);
    for (const column of this.columns) {
      const cell = cellAt(column.index);
      let reason: string | null = null;
      // Fast paths for cells that hold numbers (most cells of a workbook): the same outcome as the parsers, without their objects.
      if (typeof cell === "number") {
        if (column.codes !== null) {
          let code = column.numberCodes!.get(cell);
          if (code === undefined) {
            code = this.intern(column, String(cell));
            column.numberCodes!.set(cell, code);
          }
          column.codes.push(code);
          column.readable++;
          continue;
        }
        const value = column.kind === "day" ? excelSerialDayOrNaN(cell) : Number.isFinite(cell) ? cell : NaN;
        if (value === value) {
          column.numbers!.push(value);
          column.readable++;
          continue;
        }
      }
      if (column.codes !== null) {
        const parsed = parseCode(cell);
        if (parsed.ok) {
          column.codes.push(this.intern(column, parsed.value));
          column.readable++;
        } else {
          column.codes.push(-1);
          reason = parsed.reason;
        }
      } else {
        let parsed: Parsed<number>;
        if (column.kind === "day") {
          // Lines of one order share a date: reuse the last parse.
          if (typeof cell === "string" && cell === column.lastText) parsed = column.lastParsed!;
          else {
            parsed = parseDay(cell, this.options.dateFormat, this.options);
            if (typeof cell === "string") {
              column.lastText = cell;
              column.lastParsed = parsed;
            }
          }
        } else {
          parsed = parseNumber(cell);
        }
        column.numbers!.push(parsed.ok ? parsed.value : NaN);
        if (parsed.ok) column.readable++;
        else reason = parsed.reason;
      }
      if (reason !== null) {
        column.problemCount++;
        if (column.problems.length < MAX_PROBLEMS_PER_COLUMN) {
          column.problems.push({ row: rowNumber, column: column.header, value: cell === null ? "" : String(cell), reason });
        }
      }
    }
  }

  /** The index of `code` among the column's codes, adding it when new. */
  private intern(column: ColumnState, code: string): number {
    let index = column.codeIndex!.get(code);
    if (index === undefined) {
      index = column.codeList!.length;
      column.codeIndex!.set(code, index);
      column.codeList!.push(code);
    }
    return index;
  }

  /** How readable each column is so far, in the order the columns were given. */
  completeness(): ColumnCompleteness[] {
    return this.columns.map((column) => ({
      role: column.role,
      header: column.header,
      required: column.required,
      rows: this.rows,
      readable: column.readable,
      problemCount: column.problemCount,
      problems: column.problems.slice(),
    }));
  }

  /** The lines read; needs item, date and quantity columns and exactly one of price and revenue. */
  finish(): { lines: TransactionLines; columns: ColumnCompleteness[] } {
    const missing = ["item", "date", "quantity"].filter((role) => !this.byRole.has(role));
    if (missing.length > 0) throw invalidInput(`map a column to ${missing.join(", ")} to read transaction lines`);
    if (this.byRole.has("price") === this.byRole.has("revenue")) {
      throw invalidInput("map either a unit price or a line revenue column, not both and not neither");
    }
    const numbers = (role: LineField) => this.byRole.get(role)?.numbers?.done();
    const item = this.byRole.get("item")!;
    if (item.codes === null) throw invalidInput("the item column must be read as codes");
    const order = this.byRole.get("order");
    const has = (role: LineField) => this.byRole.has(role);
    const lines: TransactionLines = {
      count: this.rows,
      itemCodes: item.codeList!,
      item: item.codes.done(),
      sourceRow: this.sourceRow.done(),
      day: numbers("date")!,
      quantity: numbers("quantity")!,
      price: numbers("price") ?? null,
      revenue: numbers("revenue") ?? null,
      ...(order?.codes ? { orderCodes: order.codeList!, order: order.codes.done() } : {}),
      ...(has("shipped") ? { shipped: numbers("shipped") } : {}),
      ...(has("promisedDate") ? { promisedDay: numbers("promisedDate") } : {}),
      ...(has("deliveredDate") ? { deliveredDay: numbers("deliveredDate") } : {}),
      ...(has("costToServe") ? { costToServe: numbers("costToServe") } : {}),
      ...(has("unitCost") ? { unitCost: numbers("unitCost") } : {}),
    };
    return { lines, columns: this.completeness() };
  }
}

/** Whether `role` is a field of the lines (rather than a column only reported on). */
export function isLineField(role: string): role is LineField {
  return LINE_FIELD_NAMES.has(role);
}

/**
 * Required columns that fewer than half of the rows can be read from: almost always the wrong
 * column, or a date format to state. Readers stop (the command line) or warn (the pane) on these.
 */
export function mostlyUnreadable(columns: readonly ColumnCompleteness[]): ColumnCompleteness[] {
  return columns.filter((column) => column.required && column.readable < column.rows / 2);
}
