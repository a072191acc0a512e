/**
 * Reads a transactions file (.csv, .csv.gz or .xlsx) into the engine's typed columns, by a column
 * mapping (`--item StockCode --date InvoiceDate ...`). Every data row becomes one line, in file
 * order; a field that cannot be read is recorded with its row and reason for the readiness report.
 * The cells go through the engine's TransactionLineReader, which the task pane reads sheets with too.
 *
 * A mapping that does not fit the file stops the run with one line saying why: a mapped column the
 * header does not have, or a required column that fewer than half of the rows can be read from
 * (almost always the wrong column, or a date format to set).
 */
import * as path from "node:path";
import type { ColumnCompleteness } from "../../engine/readiness/readiness";
import { type LineColumnSpec, LINE_FIELDS, type LineField, mostlyUnreadable, TransactionLineReader } from "../../engine/transactions/lineReader";
import type { TransactionLines } from "../../engine/transactions/lines";
import { CliError } from "../errors";
import { CLI_AMBIGUOUS_DATE_HINT, type DateFormat, type RawCell } from "./cellParsing";
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

type Role = keyof ColumnMapping & LineField;

/** The command-line option that maps each field. */
const OPTIONS: Record<Role, string> = {
  item: "--item",
  date: "--date",
  quantity: "--quantity",
  price: "--price",
  revenue: "--revenue",
  order: "--order",
  shipped: "--shipped",
  promisedDate: "--promised-date",
  deliveredDate: "--delivered-date",
  costToServe: "--cost-to-serve",
  unitCost: "--unit-cost",
};

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

function fileKind(file: string): "csv" | "xlsx" {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".txt") || lower.endsWith(".tsv")) return "csv";
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) return "xlsx";
  throw new CliError(`${path.basename(file)}: unsupported file type; give a .csv, .csv.gz or .xlsx file`);
}

function resolveColumns(headers: string[], mapping: ColumnMapping, file: string): LineColumnSpec[] {
  if (mapping.price !== undefined && mapping.revenue !== undefined) {
    throw new CliError("give --price (unit price per line) or --revenue (revenue per line), not both");
  }
  if (mapping.price === undefined && mapping.revenue === undefined) {
    throw new CliError("give --price COLUMN (unit price per line) or --revenue COLUMN (revenue per line)");
  }
  const trimmed = headers.map((h) => h.trim());
  const columns: LineColumnSpec[] = [];
  for (const spec of LINE_FIELDS) {
    const role = spec.field as Role;
    const option = OPTIONS[role];
    const wanted = mapping[role];
    if (wanted === undefined) continue;
    let index = trimmed.indexOf(wanted.trim());
    if (index >= 0 && trimmed.indexOf(wanted.trim(), index + 1) >= 0) {
      throw new CliError(`column "${wanted}" (${option}) appears twice in the header of ${path.basename(file)}`);
    }
    if (index < 0) {
      const loose = trimmed.flatMap((h, i) => (h.toLowerCase() === wanted.trim().toLowerCase() ? [i] : []));
      if (loose.length === 1) index = loose[0];
    }
    if (index < 0) {
      const shown = trimmed.slice(0, 40).map((h) => `"${h}"`).join(", ");
      throw new CliError(`column "${wanted}" (${option}) is not in the header of ${path.basename(file)}; its columns are ${shown}`);
    }
    columns.push({ role, kind: spec.kind, required: spec.required, header: trimmed[index], index });
  }
  return columns;
}

export async function readTransactions(file: string, options: ReadOptions): Promise<ReadResult> {
  const kind = fileKind(file);
  let headers: string[] | null = null;
  let reader: TransactionLineReader | null = null;

  const addRow = (cells: readonly RawCell[], rowNumber: number) => {
    if (headers === null) {
      headers = cells.map((cell) => (cell === null ? "" : cell instanceof Date ? cell.toISOString() : String(cell)));
      reader = new TransactionLineReader(resolveColumns(headers, options.mapping, file), {
        dateFormat: options.dateFormat,
        ambiguousHint: CLI_AMBIGUOUS_DATE_HINT,
      });
      return;
    }
    if (cells.every((cell) => cell === null || (typeof cell === "string" && cell.trim() === ""))) return;
    reader!.addRow((index) => (index < cells.length ? cells[index] : null), rowNumber);
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
  if (headers === null || reader === null) throw new CliError(`${path.basename(file)} is empty: expected a header row and data rows`);
  const lineReader: TransactionLineReader = reader;
  const dataRows = lineReader.dataRows;
  if (dataRows === 0) throw new CliError(`${path.basename(file)} has a header but no data rows`);

  for (const column of mostlyUnreadable(lineReader.completeness())) {
    const first = column.problems[0];
    throw new CliError(
      `column "${column.header}" (${OPTIONS[column.role as Role]}) can be read in only ${column.readable.toLocaleString("en-US")} of ` +
        `${dataRows.toLocaleString("en-US")} rows (row ${first.row}: ${first.reason}); check the mapping`,
    );
  }

  const { lines, columns } = lineReader.finish();
  return { lines, columns, dataRows, headers: headers as string[] };
}
