/**
 * What the pane asks of the workbook, as one interface: the Excel implementation (excelGateway.ts)
 * runs src/excel over Office.js; component tests pass a fake. Every method rejects with a
 * WorkbookError whose message the pane shows as it is.
 */
import type { ColumnRole } from "../../engine/data/columnRoles";
import type { SheetData } from "../../excel/reader";
import type { DataSource, WorkbookSources } from "../../excel/sources";

/** The planner's choice of data, kept in the workbook so the pane reopens on it. */
export interface SavedDataChoice {
  source: DataSource;
  /** The column header chosen for each role. */
  roles: Partial<Record<ColumnRole, string>>;
}

export interface ReadProgress {
  onProgress?: (rowsRead: number, rowCount: number) => void;
  signal?: AbortSignal;
}

export interface WorkbookGateway {
  listSources(): Promise<WorkbookSources>;
  readSource(source: DataSource, options?: ReadProgress): Promise<SheetData>;
  /** The saved choice, if the workbook has one. */
  savedDataChoice(): SavedDataChoice | null;
  saveDataChoice(choice: SavedDataChoice): Promise<void>;
}
