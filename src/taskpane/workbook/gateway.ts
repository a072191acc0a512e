/**
 * What the pane asks of the workbook, as one interface: the Excel implementation (excelGateway.ts)
 * runs src/excel over Office.js; component tests pass a fake. Every method rejects with a
 * WorkbookError whose message the pane shows as it is.
 */
import type { ColumnRole } from "../../engine/data/columnRoles";
import type { SheetData } from "../../excel/reader";
import type { RowsLocation } from "../../excel/selectRows";
import type { StoredDefinition } from "../../excel/definitionStore";
import type { ResultTableRequest, ResultWriteOutcome } from "../../excel/resultSheets";
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
  /**
   * Writes one result table (assignments, summary, policies, KPIs, a scenario comparison) to the
   * definition's own sheet, updating it in place on a re-run; a sheet of the user's in the way comes
   * back as a conflict to ask about (src/excel/resultSheets.ts).
   */
  writeResultTable(request: ResultTableRequest): Promise<ResultWriteOutcome>;
  /** Definitions kept in the workbook (the very hidden SegmentDefinitions sheet). */
  listDefinitions(): Promise<StoredDefinition[]>;
  /** A stored definition's JSON text, or null when the workbook has none of that name. */
  loadDefinition(name: string): Promise<string | null>;
  saveDefinition(name: string, json: string): Promise<StoredDefinition>;
  /**
   * Selects rows of a source in the sheet (0-based data rows, header not counted) and brings them
   * into view, so a planner can see the rows a check complains about. Non-adjacent rows are selected
   * together up to a limit; returns the address selected.
   */
  selectRows(data: RowsLocation, rows: readonly number[]): Promise<string>;
}
