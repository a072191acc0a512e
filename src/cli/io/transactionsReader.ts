/**
 * Reads a transactions file (.csv, .csv.gz or .xlsx) into the engine's typed columns, by a column
 * mapping (`--item StockCode --date InvoiceDate ...`). Every data row becomes one line, in file
 * order; a field that cannot be read is recorded with its row and reason for the readiness report.
 *
 * A mapping that does not fit the file stops the run with one line saying why: a mapped column the
 * header does not have, or a required column that fewer than half of the rows can be read from
 * (almost always the wrong column, or a date format to set).
 */
import * as path from "node:path";
import type { ColumnCompleteness, RowProblem } from "../../engine/readiness/readiness";
import type { TransactionLines } from "../../engine/transactions/lines";
import { CliError } from "../errors";
import { type DateFormat, type Parsed, parseCode, parseDay, parseNumber, type RawCell } from "./cellParsing";
import { CsvFormatError, readCsv } from "./csvReader";
import { readXlsxRows, XlsxSheetNotFound } from "./xlsxReader";

export interface ColumnMapping {
  item: string;
  date: string;
  quantity: string;
  price?: string;
  revenue?: string;
  order?: string;
  shipped?: string;
  promisedDate?: string;
  deliveredDate?: string;
  costToServe?: string;
  unitCost?: string;
}

type Role = keyof ColumnMapping;
type Kind = "code" | "day" | "number";

const ROLES: { role: Role; kind: Kind; option: string; required: boolean }[] = [
  { role: "item", kind: "code", option: "--item", required: true },
  { role: "date", kind: "day", option: "--date", required: true },
  { role: "quantity", kind: "number", option: "--quantity", required: true },
  { role: "price", kind: "number", option: "--price", required: true },
  { role: "revenue", kind: "number", option: "--revenue", required: true },
  { role: "order", kind: "code", option: "--order", required: false },
  { role: "shipped", kind: "number", option: "--shipped", required: false },
  { role: "promisedDate", kind: "day", option: "--promised-date", required: false },
  { role: "deliveredDate", kind: "day", option: "--delivered-date", required: false },
  { role: "costToServe", kind: "number", option: "--cost-to-serve", required: false },
  { role: "unitCost", kind: "number", option: "--unit-cost", required: false },
];

export interface ReadOptions {
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  delimiter?: string;
  sheet?: string;
  onProgress?: (fraction: number) => void;
}

export interface ReadResult {
  lines: TransactionLines;
  columns: ColumnCompleteness[];
  dataRows: number;
  headers: string[];
}

const MAX_PROBLEMS_PER_COLUMN = 25;

class Floats {
  data = new Float64Array(1 << 16);
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
  data = new Int32Array(1 << 16);
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

interface Column {
  role: Role;
  kind: Kind;
  option: string;
  required: boolean;
  header: string;
  index: number;
  readable: number;
  problemCount: number;
  problems: RowProblem[];
  numbers: Floats | null;
  codes: Ints | null;
  codeIndex: Map<string, number> | null;
  codeList: string[] | null;
  lastText: string | null;
  lastParsed: Parsed<number> | null;
}

function fileKind(file: string): "csv" | "xlsx" {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".txt") || lower.endsWith(".tsv")) return "csv";
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) return "xlsx";
  throw new CliError(`${path.basename(file)}: unsupported file type; give a .csv, .csv.gz or .xlsx file`);
}

function resolveColumns(headers: string[], mapping: ColumnMapping, file: string): Column[] {
  if (mapping.price !== undefined && mapping.revenue !== undefined) {
    throw new CliError("give --price (unit price per line) or --revenue (revenue per line), not both");
  }
  if (mapping.price === undefined && mapping.revenue === undefined) {
    throw new CliError("give --price COLUMN (unit price per line) or --revenue COLUMN (revenue per line)");
  }
  const trimmed = headers.map((h) => h.trim());
  const columns: Column[] = [];
  for (const spec of ROLES) {
    const wanted = mapping[spec.role];
    if (wanted === undefined) continue;
    let index = trimmed.indexOf(wanted.trim());
    if (index >= 0 && trimmed.indexOf(wanted.trim(), index + 1) >= 0) {
      throw new CliError(`column "${wanted}" (${spec.option}) appears twice in the header of ${path.basename(file)}`);
    }
    if (index < 0) {
      const loose = trimmed.flatMap((h, i) => (h.toLowerCase() === wanted.trim().toLowerCase() ? [i] : []));
      if (loose.length === 1) index = loose[0];
    }
    if (index < 0) {
      const shown = trimmed.slice(0, 40).map((h) => `"${h}"`).join(", ");
      throw new CliError(`column "${wanted}" (${spec.option}) is not in the header of ${path.basename(file)}; its columns are ${shown}`);
    }
    const codes = spec.kind === "code";
    columns.push({
      ...spec,
      header: trimmed[index],
      index,
      readable: 0,
      problemCount: 0,
      problems: [],
      numbers: codes ? null : new Floats(),
      codes: codes ? new Ints() : null,
      codeIndex: codes ? new Map() : null,
      codeList: codes ? [] : null,
      lastText: null,
      lastParsed: null,
    });
  }
  return columns;
}

export async function readTransactions(file: string, options: ReadOptions): Promise<ReadResult> {
  const kind = fileKind(file);
  let headers: string[] | null = null;
  let columns: Column[] = [];
  let dataRows = 0;
  const sourceRow = new Ints();

  const addRow = (cells: readonly RawCell[], rowNumber: number) => {
    if (headers === null) {
      headers = cells.map((cell) => (cell === null ? "" : cell instanceof Date ? cell.toISOString() : String(cell)));
      columns = resolveColumns(headers, options.mapping, file);
      return;
    }
    if (cells.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === ""))) return;
    dataRows++;
    sourceRow.push(rowNumber);
    for (const column of columns) {
      const cell = column.index < cells.length ? cells[column.index] : null;
      let reason: string | null = null;
      if (column.codes !== null) {
        const parsed = parseCode(cell);
        if (parsed.ok) {
          let code = column.codeIndex!.get(parsed.value);
          if (code === undefined) {
            code = column.codeList!.length;
            column.codeIndex!.set(parsed.value, code);
            column.codeList!.push(parsed.value);
          }
          column.codes.push(code);
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
            parsed = parseDay(cell, options.dateFormat);
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
  };

  try {
    if (kind === "csv") {
      await readCsv(file, (fields, recordNumber) => addRow(fields, recordNumber), {
        delimiter: options.delimiter,
        onBytes: (read, total) => options.onProgress?.(read / total),
      });
    } else {
      await readXlsxRows(file, options.sheet, addRow, (read, total) => options.onProgress?.(read / total));
    }
  } catch (error) {
    if (error instanceof CsvFormatError) throw new CliError(`${path.basename(file)} is not a valid CSV file: ${error.message}`);
    if (error instanceof XlsxSheetNotFound) throw new CliError(`${path.basename(file)}: ${error.message}`);
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${path.basename(file)} could not be read as ${kind === "csv" ? "CSV" : "an .xlsx workbook"}: ${message.split("\n")[0]}`);
  }
  if (headers === null) throw new CliError(`${path.basename(file)} is empty: expected a header row and data rows`);
  if (dataRows === 0) throw new CliError(`${path.basename(file)} has a header but no data rows`);

  for (const column of columns) {
    if (column.required && column.readable < dataRows / 2) {
      const first = column.problems[0];
      throw new CliError(
        `column "${column.header}" (${column.option}) can be read in only ${column.readable.toLocaleString("en-US")} of ` +
          `${dataRows.toLocaleString("en-US")} rows (row ${first.row}: ${first.reason}); check the mapping`,
      );
    }
  }

  const byRole = new Map(columns.map((column) => [column.role, column]));
  const numbers = (role: Role) => byRole.get(role)?.numbers?.done();
  const item = byRole.get("item")!;
  const order = byRole.get("order");
  const lines: TransactionLines = {
    count: dataRows,
    itemCodes: item.codeList!,
    item: item.codes!.done(),
    sourceRow: sourceRow.done(),
    day: numbers("date")!,
    quantity: numbers("quantity")!,
    price: numbers("price") ?? null,
    revenue: numbers("revenue") ?? null,
    ...(order ? { orderCodes: order.codeList!, order: order.codes!.done() } : {}),
    ...(byRole.has("shipped") ? { shipped: numbers("shipped") } : {}),
    ...(byRole.has("promisedDate") ? { promisedDay: numbers("promisedDate") } : {}),
    ...(byRole.has("deliveredDate") ? { deliveredDay: numbers("deliveredDate") } : {}),
    ...(byRole.has("costToServe") ? { costToServe: numbers("costToServe") } : {}),
    ...(byRole.has("unitCost") ? { unitCost: numbers("unitCost") } : {}),
  };
  const completeness: ColumnCompleteness[] = columns.map((column) => ({
    role: column.role,
    header: column.header,
    required: column.required,
    rows: dataRows,
    readable: column.readable,
    problemCount: column.problemCount,
    problems: column.problems,
  }));
  return { lines, columns: completeness, dataRows, headers: headers as string[] };
}
