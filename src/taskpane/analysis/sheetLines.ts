/**
 * The chosen sheet data as transaction lines: the columns the planner mapped in the Data view, read
 * by the same rules as the command line's reader (src/engine/transactions/lineReader.ts and
 * src/engine/data/cellParsing.ts), so a sheet and the CSV it came from give the same lines, the same
 * unreadable fields and the same column completeness.
 *
 * How the pane's roles map to the lines:
 * - Item ID → item; Date → date; Quantity → quantity (all required);
 * - Revenue → line revenue; without it, Unit price → price (revenue = quantity × price). One of the
 *   two is required; when both are mapped, Revenue is used, as the roles describe;
 * - Order ID → order;
 * - Cost → unit cost (inventory value), or cost to serve each line when its header says freight,
 *   shipping, delivery, handling, logistics, transport or "to serve" (options.cost decides otherwise);
 * - Lead time: its completeness is reported; the lines have no place for it (policies take lead time
 *   from the definition);
 * - Quantity shipped, Promised date, Delivered date → the service columns the KPIs measure (fill
 *   rate, on-time delivery); options may name other columns for them.
 * A row blank in every column is skipped, as the command line skips blank records. Rows are
 * numbered as the sheet numbers them, so "row 7" in a report is row 7 of the sheet.
 */
import { type DateFormat, type RawCell } from "../../engine/data/cellParsing";
import { invalidInput } from "../../engine/errors";
import type { ColumnCompleteness } from "../../engine/readiness/readiness";
import { type LineColumnSpec, LINE_FIELDS, mostlyUnreadable, TransactionLineReader } from "../../engine/transactions/lineReader";
import type { TransactionLines } from "../../engine/transactions/lines";
import type { SheetColumn } from "../../excel/columns";
import type { SheetData } from "../../excel/reader";
import type { RoleColumns } from "../dataset";

/** What the pane tells the reader of an ambiguous slashed date stored as text. */
export const PANE_AMBIGUOUS_DATE_HINT = "enter the dates as Excel dates or as YYYY-MM-DD";

export interface SheetLineOptions {
  /** How dates stored as text are written; default "auto" (ISO or 9-Dec-2011). */
  dateFormat?: DateFormat;
  /** The row number of the first data row; default the sheet's own (from data.address). */
  firstRowNumber?: number;
  /** What the Cost column holds; default from its header (see the module comment). */
  cost?: "unitCost" | "costToServe";
  /** Columns (indexes into data.columns) for the service fields, in place of the mapped roles. */
  shipped?: number;
  promisedDate?: number;
  deliveredDate?: number;
}

/** A mapping that cannot be right: a required column most rows can't be read from, or no rows at all. */
export interface MappingProblem {
  /** The line role ("date", "quantity", ...), or "data" when there are no rows. */
  role: string;
  message: string;
}

export interface SheetLines {
  lines: TransactionLines;
  /** Completeness of each mapped column, as the command line's reader measures it. */
  columns: ColumnCompleteness[];
  /** Reasons the lines can't be segmented on; readiness still reports on them. */
  problems: MappingProblem[];
  /** The row number of data row 0: `sourceRow − firstRowNumber` is the data row (SheetData numbering). */
  firstRowNumber: number;
}

/** The pane's words for each line role. */
const ROLE_LABELS: Record<string, string> = {
  item: "Item ID",
  date: "Date",
  quantity: "Quantity",
  price: "Unit price",
  revenue: "Revenue",
  order: "Order ID",
  shipped: "Quantity shipped",
  promisedDate: "Promised date",
  deliveredDate: "Delivered date",
  costToServe: "Cost (cost to serve)",
  unitCost: "Cost (unit cost)",
  leadTime: "Lead time",
};

export function lineRoleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

const COST_TO_SERVE_HEADER = /freight|shipping|delivery|handling|logistic|transport|to serve|cost to serve/i;

/** The Data view roles still to map before lines can be read, as the planner's labels. */
export function missingRoles(roles: RoleColumns): string[] {
  const missing: string[] = [];
  if (roles.itemId === undefined) missing.push("Item ID");
  if (roles.date === undefined) missing.push("Date");
  if (roles.quantity === undefined) missing.push("Quantity");
  if (roles.revenue === undefined && roles.price === undefined) missing.push("Revenue or Unit price");
  return missing;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** "Map Date and Quantity in Columns to ..." — null when every required role is mapped. */
export function missingRolesMessage(roles: RoleColumns, toDo: string): string | null {
  const missing = missingRoles(roles);
  return missing.length === 0 ? null : `Map ${joinWords(missing)} in Columns to ${toDo}.`;
}

/**
 * The sheet row number of the first data row: the block's top row, plus one when the block read
 * included the header row (its address covers one row more than the data rows). 2 when the address
 * gives no row numbers.
 */
export function firstDataRowNumber(data: Pick<SheetData, "address" | "rowCount">): number {
  const local = data.address.slice(data.address.lastIndexOf("!") + 1);
  const match = /^(?:\$?[A-Z]{1,3})?\$?(\d+)(?::(?:\$?[A-Z]{1,3})?\$?(\d+))?$/i.exec(local);
  if (!match) return 2;
  const top = Number(match[1]);
  const bottom = match[2] === undefined ? top : Number(match[2]);
  const headerRows = bottom - top + 1 - data.rowCount;
  return top + (headerRows > 0 ? headerRows : 0);
}

/** The data row (0-based, as SheetData and selectRows number them) of a line's source row. */
export function dataRowOf(sheetLines: Pick<SheetLines, "firstRowNumber">, sourceRow: number): number {
  return sourceRow - sheetLines.firstRowNumber;
}

function costRole(column: Pick<SheetColumn, "header">, option: SheetLineOptions["cost"]): "unitCost" | "costToServe" {
  return option ?? (COST_TO_SERVE_HEADER.test(column.header) ? "costToServe" : "unitCost");
}

/** Which column fills which line role, in the command line's order, lead time last. */
function columnSpecs(data: SheetData, roles: RoleColumns, options: SheetLineOptions): LineColumnSpec[] {
  const message = missingRolesMessage(roles, "read the lines");
  if (message) throw invalidInput(message);
  const byRole = new Map<string, number>();
  const put = (role: string, index: number | undefined) => {
    if (index === undefined) return;
    if (!(Number.isInteger(index) && index >= 0 && index < data.columns.length)) {
      throw invalidInput(`${lineRoleLabel(role)} points at column ${index + 1}, which the data does not have; map it again`);
    }
    byRole.set(role, index);
  };
  put("item", roles.itemId);
  put("date", roles.date);
  put("quantity", roles.quantity);
  if (roles.revenue !== undefined) put("revenue", roles.revenue);
  else put("price", roles.price);
  put("order", roles.orderId);
  if (roles.cost !== undefined) put(costRole(data.columns[roles.cost] ?? { header: "" }, options.cost), roles.cost);
  put("shipped", options.shipped ?? roles.shipped);
  put("promisedDate", options.promisedDate ?? roles.promisedDate);
  put("deliveredDate", options.deliveredDate ?? roles.deliveredDate);
  put("leadTime", roles.leadTime);

  const specs: LineColumnSpec[] = [];
  for (const { field, kind, required } of LINE_FIELDS) {
    const index = byRole.get(field);
    if (index !== undefined) specs.push({ role: field, kind, required, header: data.headers[index], index });
  }
  const leadTime = byRole.get("leadTime");
  if (leadTime !== undefined) specs.push({ role: "leadTime", kind: "number", required: false, header: data.headers[leadTime], index: leadTime });
  return specs;
}

function isBlankCell(column: SheetColumn, row: number): boolean {
  const number = column.numbers[row];
  return number !== number && (column.texts === null || (column.texts[row] ?? "").trim() === "");
}

/** Whether every column of the data is blank in `row` (such rows are skipped). */
function isBlankRow(data: SheetData, row: number): boolean {
  for (const column of data.columns) if (!isBlankCell(column, row)) return false;
  return true;
}

export function linesFromSheet(data: SheetData, roles: RoleColumns, options: SheetLineOptions = {}): SheetLines {
  const specs = columnSpecs(data, roles, options);
  const firstRowNumber = options.firstRowNumber ?? firstDataRowNumber(data);
  const reader = new TransactionLineReader(specs, { dateFormat: options.dateFormat ?? "auto", ambiguousHint: PANE_AMBIGUOUS_DATE_HINT });
  const columns = data.columns;
  let row = 0;
  // A cell as a file reader would give it: its number, else its text ("" is a blank), else blank.
  const cellAt = (index: number): RawCell => {
    const column = columns[index];
    const number = column.numbers[row];
    if (number === number) return number;
    const text = column.texts === null ? "" : (column.texts[row] ?? "");
    return text === "" ? null : text;
  };
  const itemColumn = columns[specs.find((spec) => spec.role === "item")!.index];
  for (; row < data.rowCount; row++) {
    // Only a row without an item can be blank all across: the item column decides for almost every row.
    if (isBlankCell(itemColumn, row) && isBlankRow(data, row)) continue;
    reader.addRow(cellAt, firstRowNumber + row);
  }
  const { lines, columns: completeness } = reader.finish();

  const problems: MappingProblem[] = [];
  if (reader.dataRows === 0) {
    problems.push({ role: "data", message: "The chosen data has no rows below the header: choose a table or range that holds the transactions." });
  }
  for (const column of mostlyUnreadable(completeness)) {
    const first = column.problems[0];
    problems.push({
      role: column.role,
      message:
        `Only ${column.readable.toLocaleString("en-US")} of ${column.rows.toLocaleString("en-US")} rows of ${column.header} ` +
        `(${lineRoleLabel(column.role)}) can be read (row ${first.row}: ${first.reason}): check that the right column is mapped to ${lineRoleLabel(column.role)}.`,
    });
  }
  return { lines, columns: completeness, problems, firstRowNumber };
}
