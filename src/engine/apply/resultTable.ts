/**
 * A table of results as columns, for whoever writes it: the command line streams it into an .xlsx
 * sheet (src/cli/report), the task pane writes it to an Excel table (src/taskpane/apply). Building
 * the columns once here keeps the two outputs the same, header for header and cell for cell.
 */

/** How a number column is shown: the command line's cell styles, and the pane's Excel number formats. */
export type ResultFormat = "integer" | "number" | "decimal" | "percent" | "ratio";

export interface ResultColumn {
  header: string;
  /** "text": strings (null or "" = blank); "number": numbers (NaN or null = blank). */
  kind: "text" | "number";
  /** Number format of a number column; none = shown as it is. */
  format?: ResultFormat;
  /** Suggested width in characters. */
  width: number;
  /** The value in row `row` (0-based, header not counted). */
  cell(row: number): string | number | null;
}

export interface ResultTable {
  columns: ResultColumn[];
  rowCount: number;
}
