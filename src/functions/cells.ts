/**
 * Reading Excel's arguments. Excel hands a custom function numbers, strings, booleans, `null` for an
 * omitted optional argument, a bare value or a 2-D array for a range, and — depending on host and
 * version — blanks as `null`, `undefined` or `""`, and error cells as CustomFunctions.Error objects
 * or as their text ("#N/A"). Everything here turns that into plain typed data, or a CellProblem
 * that says which cell is wrong and how.
 */

export type CellValue = number | string | boolean | null | undefined | ExcelErrorLike;

/** The shape of a CustomFunctions.Error, as far as this layer needs it. */
export interface ExcelErrorLike {
  code: string;
  message?: string;
}

/** A range (or a single value) as Excel passes it. */
export type ExcelArgument = CellValue | CellValue[][] | CellValue[];

export type ProblemCode = "#VALUE!" | "#NUM!" | "#N/A";

/** What went wrong in one cell or argument, in words the user can act on. */
export class CellProblem {
  constructor(
    readonly code: ProblemCode,
    readonly message: string,
  ) {}
}

export function problem(code: ProblemCode, message: string): CellProblem {
  return new CellProblem(code, message);
}

export function isProblem(value: unknown): value is CellProblem {
  return value instanceof CellProblem;
}

const ERROR_TEXTS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BUSY!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#PYTHON!",
]);

export function isExcelError(value: unknown): value is ExcelErrorLike {
  if (typeof value !== "object" || value === null) return false;
  // CustomFunctions.Error has a `code` that is one of Excel's error texts.
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && ERROR_TEXTS.has(code);
}

export function isBlank(value: unknown): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The Excel error a cell holds, if it holds one (as an object or as its text). */
export function cellErrorText(value: unknown): string | null {
  if (isExcelError(value)) return value.code;
  if (typeof value === "string" && ERROR_TEXTS.has(value.trim().toUpperCase())) return value.trim().toUpperCase();
  return null;
}

/** A 2-D view of an argument: a bare value becomes 1×1. `null` (an omitted argument) stays null. */
export interface Grid {
  rows: number;
  columns: number;
  cells: CellValue[][];
}

export function toGrid(argument: ExcelArgument): Grid | null {
  if (argument === null || argument === undefined) return null;
  if (!Array.isArray(argument)) return { rows: 1, columns: 1, cells: [[argument]] };
  if (argument.length === 0) return { rows: 0, columns: 0, cells: [] };
  // Some hosts pass a one-dimensional array for a single row.
  const cells = (Array.isArray(argument[0]) ? argument : [argument]) as CellValue[][];
  const columns = cells[0].length;
  for (const row of cells) {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new TypeError("ragged range: every row of a range must have the same number of cells");
    }
  }
  return { rows: cells.length, columns, cells };
}

/** Shows a cell's content in a message, short enough for Excel's error tooltip. */
export function describeCell(value: CellValue): string {
  if (typeof value === "string") return `text "${value.length > 24 ? value.slice(0, 21) + "..." : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isExcelError(value)) return value.code;
  return String(value);
}

/**
 * A number from one cell, or the problem with it. Text that looks like a number is refused rather
 * than guessed at ("1,5" means different things in different locales); the message says so.
 */
export function readNumber(value: CellValue, where: string): number | CellProblem | null {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : problem("#NUM!", `${where} is not a finite number`);
  }
  if (isBlank(value)) return null;
  const errorText = cellErrorText(value);
  if (errorText !== null) {
    return problem(errorText === "#N/A" ? "#N/A" : "#VALUE!", `${where} holds the error ${errorText}; fix that cell first`);
  }
  if (typeof value === "boolean") {
    return problem("#VALUE!", `${where} holds ${describeCell(value)}; a number is needed here`);
  }
  const text = String(value).trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(text)) {
    return problem("#VALUE!", `${where} holds the number ${text} stored as text; convert it to a number`);
  }
  return problem("#VALUE!", `${where} holds ${describeCell(value)}; a number is needed here`);
}

/** A one-row or one-column range read in order without copying it: `at(i)` is its i-th cell. */
export interface Vector {
  length: number;
  at(index: number): CellValue;
  orientation: "column" | "row";
}

export function toVector(grid: Grid, name: string): Vector | CellProblem {
  if (grid.rows === 0 || grid.columns === 0) return problem("#VALUE!", `${name} is empty`);
  const cells = grid.cells;
  if (grid.columns === 1) return { length: grid.rows, at: (i) => cells[i][0], orientation: "column" };
  if (grid.rows === 1) return { length: grid.columns, at: (i) => cells[0][i], orientation: "row" };
  return problem(
    "#VALUE!",
    `${name} must be a single column or a single row; got ${grid.rows} rows x ${grid.columns} columns`,
  );
}

/**
 * Lays a per-item result out the way the input ran: down a column or across a row. Down a column,
 * rows holding the same text share one row array: Excel only reads the result, and a million
 * one-cell arrays would otherwise cost more than the classification itself.
 */
export function spill<T>(results: T[], orientation: "column" | "row"): T[][] {
  if (orientation === "row") return [results];
  const shared = new Map<string, T[]>();
  const out: T[][] = new Array(results.length);
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    if (typeof result !== "string") {
      out[i] = [result];
      continue;
    }
    let row = shared.get(result);
    if (row === undefined) {
      row = [result];
      shared.set(result, row);
    }
    out[i] = row;
  }
  return out;
}

/**
 * An optional list of numbers (cutoffs): omitted → null; otherwise every cell must be a number.
 */
export function readNumberList(argument: ExcelArgument, name: string): number[] | CellProblem | null {
  const grid = toGrid(argument);
  if (grid === null) return null;
  const numbers: number[] = [];
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.columns; c++) {
      const value = grid.cells[r][c];
      if (isBlank(value)) continue;
      const read = readNumber(value, `${name} item ${numbers.length + 1}`);
      if (read === null) continue;
      if (typeof read !== "number") return read;
      numbers.push(read);
    }
  }
  return numbers.length === 0 ? null : numbers;
}

/** An optional list of labels: omitted or all blank → null; numbers are allowed as labels. */
export function readLabelList(argument: ExcelArgument, name: string): string[] | CellProblem | null {
  const grid = toGrid(argument);
  if (grid === null) return null;
  const labels: string[] = [];
  for (const row of grid.cells) {
    for (const value of row) {
      if (isBlank(value)) continue;
      const errorText = cellErrorText(value);
      if (errorText !== null) return problem("#VALUE!", `${name} holds the error ${errorText}`);
      labels.push(String(value).trim());
    }
  }
  return labels.length === 0 ? null : labels;
}
