/**
 * The sheet rows behind a readiness finding, so "Show in sheet" can select them: the rows of an
 * unreadable cell, every row a column can't be read in, the rows of an item. Rows are data rows
 * numbered from 0 below the header, as SheetData and selectRows number them.
 */
import type { RowProblem } from "../../engine/readiness/readiness";
import type { TransactionLines } from "../../engine/transactions/lines";
import { dataRowOf, type SheetLines } from "./sheetLines";

/** The lines' column for each line role (codes: −1 unreadable; numbers and days: NaN). */
function fieldOf(lines: TransactionLines, role: string): ArrayLike<number> | null | undefined {
  switch (role) {
    case "item":
      return lines.item;
    case "order":
      return lines.order;
    case "date":
      return lines.day;
    case "quantity":
      return lines.quantity;
    case "price":
      return lines.price;
    case "revenue":
      return lines.revenue;
    case "shipped":
      return lines.shipped;
    case "promisedDate":
      return lines.promisedDay;
    case "deliveredDate":
      return lines.deliveredDay;
    case "costToServe":
      return lines.costToServe;
    case "unitCost":
      return lines.unitCost;
    default:
      return null;
  }
}

/** The data row of one unreadable cell. */
export function problemRow(sheet: SheetLines, problem: RowProblem): number {
  return dataRowOf(sheet, problem.row);
}

/**
 * Every data row where the column of `role` can't be read. A column the lines have no place for
 * (lead time) gives the rows of its recorded problems, the first few.
 */
export function unreadableRows(sheet: SheetLines, role: string): number[] {
  const { lines } = sheet;
  const field = fieldOf(lines, role);
  if (!field) {
    const column = sheet.columns.find((entry) => entry.role === role);
    return column ? column.problems.map((problem) => problemRow(sheet, problem)) : [];
  }
  const codes = role === "item" || role === "order";
  const rows: number[] = [];
  for (let i = 0; i < lines.count; i++) {
    const value = field[i];
    if (codes ? value < 0 : value !== value) rows.push(dataRowOf(sheet, lines.sourceRow[i]));
  }
  return rows;
}

/** The data rows of the lines of item `id` (none when the id is not in the data). */
export function itemRows(sheet: SheetLines, id: string): number[] {
  const { lines } = sheet;
  const code = lines.itemCodes.indexOf(id);
  if (code < 0) return [];
  const rows: number[] = [];
  for (let i = 0; i < lines.count; i++) if (lines.item[i] === code) rows.push(dataRowOf(sheet, lines.sourceRow[i]));
  return rows;
}
