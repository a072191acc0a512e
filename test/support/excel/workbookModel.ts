/**
 * An in-memory workbook for tests of src/excel: sheets of cells (column-major, so a 1,048,576-row
 * sheet is six plain arrays), number formats, tables, workbook names, worksheet custom properties,
 * visibility and the selection. It knows the few rules of Excel the add-in depends on:
 * - a text written to a cell that is not formatted as Text ("@") is converted the way Excel converts
 *   typed input: "00123" and "1e5" become numbers, "2024-01-02" a date serial, a leading apostrophe
 *   is dropped, and "=…", "+…", "-…" become formulas (recorded in `formulaCells`);
 * - sheet names are unique ignoring case and at most 31 characters without : \ / ? * [ ];
 * - table and workbook names share one namespace, unique ignoring case.
 * It is used by the office-addin-mock adapter (excelMock.ts) in jest and, bundled, in the browser.
 */

export type CellValue = string | number | boolean;

export interface Block {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function blockAddress(block: Block, absolute = false): string {
  const d = absolute ? "$" : "";
  const first = `${d}${columnLetters(block.left)}${d}${block.top + 1}`;
  if (block.rows === 1 && block.columns === 1) return first;
  return `${first}:${d}${columnLetters(block.left + block.columns - 1)}${d}${block.top + block.rows}`;
}

/** "A1", "B2:D10", "A:F" or "3:5" on a sheet. */
export function parseAddress(address: string): Block {
  const text = address.replace(/\$/g, "").toUpperCase();
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const [from, to = from] = text.split(":");
  const a = cell.exec(from);
  const b = cell.exec(to);
  if (a && b) {
    const left = columnIndex(a[1]);
    const top = Number(a[2]) - 1;
    return { top, left, rows: Number(b[2]) - top, columns: columnIndex(b[1]) - left + 1 };
  }
  if (/^[A-Z]{1,3}$/.test(from) && /^[A-Z]{1,3}$/.test(to)) {
    const left = columnIndex(from);
    return { top: 0, left, rows: MAX_ROWS, columns: columnIndex(to) - left + 1 };
  }
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    return { top: Number(from) - 1, left: 0, rows: Number(to) - Number(from) + 1, columns: MAX_COLUMNS };
  }
  throw new Error(`workbook model: cannot parse the address ${address}`);
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** Excel's date serial of an ISO date (1900 date system). */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export class ModelSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  frozenRows = 0;
  /** values[column][row]; undefined is a blank cell. */
  readonly values: (CellValue | undefined)[][] = [];
  readonly formats: (string | undefined)[][] = [];
  /** Cells ("row,column") Excel would have taken as formulas. */
  readonly formulaCells = new Set<string>();
  /** Custom properties by lower-case key. */
  readonly customProperties = new Map<string, { key: string; value: string }>();

  constructor(public name: string) {}

  get(row: number, column: number): CellValue | undefined {
    return this.values[column]?.[row];
  }

  format(row: number, column: number): string {
    return this.formats[column]?.[row] ?? "General";
  }

  /** Stores a value as Excel would store it typed into the cell (see the module comment). */
  write(row: number, column: number, value: unknown): void {
    if (row < 0 || row >= MAX_ROWS || column < 0 || column >= MAX_COLUMNS) {
      throw new Error(`workbook model: cell (${row}, ${column}) is off the sheet`);
    }
    const columnValues = (this.values[column] ??= []);
    if (this.formulaCells.size > 0) this.formulaCells.delete(`${row},${column}`);
    if (value === null || value === undefined || value === "") {
      columnValues[row] = undefined;
      return;
    }
    if (typeof value === "number" || typeof value === "boolean") {
      columnValues[row] = value;
      return;
    }
    let text = String(value);
    if (this.format(row, column) !== "@") {
      if (text.startsWith("'")) {
        text = text.slice(1);
      } else if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) {
        columnValues[row] = Number(text);
        return;
      } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        const [y, m, d] = text.split("-").map(Number);
        columnValues[row] = dateSerial(y, m, d);
        return;
      } else if (/^[=+-]/.test(text)) {
        this.formulaCells.add(`${row},${column}`);
      }
    }
    columnValues[row] = text;
  }

  setFormat(row: number, column: number, format: string): void {
    (this.formats[column] ??= [])[row] = format === "General" ? undefined : format;
  }

  /** Values of a block as Excel's range.values gives them: "" for blanks. */
  read(block: Block): CellValue[][] {
    const rows: CellValue[][] = new Array(block.rows);
    for (let r = 0; r < block.rows; r++) {
      const row: CellValue[] = new Array(block.columns);
      for (let c = 0; c < block.columns; c++) row[c] = this.values[block.left + c]?.[block.top + r] ?? "";
      rows[r] = row;
    }
    return rows;
  }

  readFormats(block: Block): string[][] {
    const rows: string[][] = new Array(block.rows);
    for (let r = 0; r < block.rows; r++) {
      const row: string[] = new Array(block.columns);
      for (let c = 0; c < block.columns; c++) row[c] = this.format(block.top + r, block.left + c);
      rows[r] = row;
    }
    return rows;
  }

  clear(block: Block, what: "All" | "Contents" | "Formats" = "All"): void {
    const lastColumn = Math.min(block.left + block.columns, Math.max(this.values.length, this.formats.length));
    for (let c = block.left; c < lastColumn; c++) {
      const end = Math.min(block.top + block.rows, Math.max(this.values[c]?.length ?? 0, this.formats[c]?.length ?? 0));
      for (let r = block.top; r < end; r++) {
        if (what !== "Formats" && this.values[c]) this.values[c][r] = undefined;
        if (what !== "Contents" && this.formats[c]) this.formats[c][r] = undefined;
        if (this.formulaCells.size > 0) this.formulaCells.delete(`${r},${c}`);
      }
    }
  }

  /** The smallest block holding every non-blank cell within `within` (the whole sheet by default). */
  usedBlock(within?: Block): Block | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const firstColumn = within?.left ?? 0;
    const endColumn = within ? within.left + within.columns : this.values.length;
    for (let c = firstColumn; c < Math.min(endColumn, this.values.length); c++) {
      const column = this.values[c];
      if (!column) continue;
      const from = within?.top ?? 0;
      const to = Math.min(column.length, within ? within.top + within.rows : column.length);
      for (let r = from; r < to; r++) {
        if (column[r] === undefined) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Fills rows from (top, left): test data set-up, stored as given (no Excel conversion). */
  put(top: number, left: number, rows: readonly (readonly (CellValue | null | undefined)[])[]): void {
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        (this.values[left + c] ??= [])[top + r] = value === null || value === "" ? undefined : (value ?? undefined);
      }),
    );
  }
}

export interface ModelTable {
  name: string;
  sheet: ModelSheet;
  /** Header row included. */
  block: Block;
}

export interface ModelName {
  name: string;
  sheet: ModelSheet;
  block: Block;
  comment: string;
  visible: boolean;
}

export class WorkbookModel {
  readonly sheets: ModelSheet[] = [];
  readonly tables: ModelTable[] = [];
  readonly names: ModelName[] = [];
  selection: { sheet: ModelSheet; block: Block } | null = null;
  /** Office.context.document.settings, as saved. */
  readonly settings = new Map<string, unknown>();
  private tableCounter = 0;

  sheet(name: string): ModelSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): ModelSheet {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
      throw Object.assign(new Error(`The sheet name "${name}" is not valid`), { code: "InvalidArgument" });
    }
    if (this.sheet(name)) throw Object.assign(new Error(`A sheet named "${name}" already exists`), { code: "ItemAlreadyExists" });
    const sheet = new ModelSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  table(name: string): ModelTable | undefined {
    return this.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  }

  name(name: string): ModelName | undefined {
    return this.names.find((item) => item.name.toLowerCase() === name.toLowerCase());
  }

  private checkNameFree(name: string): void {
    if (this.table(name) || this.name(name)) {
      throw Object.assign(new Error(`The name "${name}" is already in use`), { code: "ItemAlreadyExists" });
    }
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw Object.assign(new Error(`"${name}" is not a valid name`), { code: "InvalidArgument" });
    }
  }

  addTable(sheet: ModelSheet, block: Block, name?: string): ModelTable {
    const tableName = name ?? `Table${++this.tableCounter}`;
    this.checkNameFree(tableName);
    for (const other of this.tables) {
      if (other.sheet === sheet && overlaps(other.block, block)) {
        throw Object.assign(new Error("A table can't overlap another table"), { code: "InvalidArgument" });
      }
    }
    const table = { name: tableName, sheet, block: { ...block } };
    this.tables.push(table);
    return table;
  }

  renameTable(table: ModelTable, name: string): void {
    if (table.name.toLowerCase() !== name.toLowerCase()) this.checkNameFree(name);
    table.name = name;
  }

  removeTable(table: ModelTable): void {
    this.tables.splice(this.tables.indexOf(table), 1);
  }

  addName(name: string, sheet: ModelSheet, block: Block, comment = ""): ModelName {
    this.checkNameFree(name);
    const item = { name, sheet, block: { ...block }, comment, visible: true };
    this.names.push(item);
    return item;
  }

  removeName(item: ModelName): void {
    this.names.splice(this.names.indexOf(item), 1);
  }

  /** "Sheet1!A1:D10", with the sheet quoted when Excel would quote it. */
  address(sheet: ModelSheet, block: Block): string {
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
    return `${quoted}!${blockAddress(block)}`;
  }

  /** A sheet holding `rows` from A1, optionally as a table over all of it. */
  static withSheet(sheetName: string, rows: readonly (readonly (CellValue | null)[])[], tableName?: string): WorkbookModel {
    const model = new WorkbookModel();
    const sheet = model.addSheet(sheetName);
    sheet.put(0, 0, rows);
    if (tableName) model.addTable(sheet, { top: 0, left: 0, rows: rows.length, columns: rows[0].length }, tableName);
    return model;
  }
}

export function overlaps(a: Block, b: Block): boolean {
  return a.left < b.left + b.columns && b.left < a.left + a.columns && a.top < b.top + b.rows && b.top < a.top + a.rows;
}

export function intersect(a: Block, b: Block): Block | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.top + a.rows, b.top + b.rows);
  const right = Math.min(a.left + a.columns, b.left + b.columns);
  return bottom > top && right > left ? { top, left, rows: bottom - top, columns: right - left } : null;
}

/** A workbook as plain JSON: what the browser tests send to the in-page stand-in. */
export interface WorkbookSpec {
  sheets: {
    name: string;
    rows: (CellValue | null)[][];
    /** Number formats by column index, for every data row (row 2 on). */
    columnFormats?: Record<number, string>;
  }[];
  tables?: { name: string; sheet: string; address: string }[];
  names?: { name: string; sheet: string; address: string }[];
  selection?: { sheet: string; address: string };
}

export function modelFromSpec(spec: WorkbookSpec): WorkbookModel {
  const model = new WorkbookModel();
  for (const sheetSpec of spec.sheets) {
    const sheet = model.addSheet(sheetSpec.name);
    sheet.put(0, 0, sheetSpec.rows);
    for (const [column, format] of Object.entries(sheetSpec.columnFormats ?? {})) {
      for (let row = 1; row < sheetSpec.rows.length; row++) sheet.setFormat(row, Number(column), format);
    }
  }
  const sheetOf = (name: string) => {
    const sheet = model.sheet(name);
    if (!sheet) throw new Error(`workbook spec: no sheet ${name}`);
    return sheet;
  };
  for (const table of spec.tables ?? []) model.addTable(sheetOf(table.sheet), parseAddress(table.address), table.name);
  for (const item of spec.names ?? []) model.addName(item.name, sheetOf(item.sheet), parseAddress(item.address));
  if (spec.selection) model.selection = { sheet: sheetOf(spec.selection.sheet), block: parseAddress(spec.selection.address) };
  return model;
}
