/**
 * Results live on sheets of their own, named after the definition ("Retail Assignments", "Retail
 * Summary", "Retail Policies"), each holding one Excel table (Seg_Retail_Assignments, ...), so they
 * can be referenced, filtered and charted like any table.
 *
 * Ownership: a sheet the add-in creates carries a worksheet custom property (OWNER_PROPERTY) naming
 * the definition, the kind of result and the table. Running again finds the sheet by that mark —
 * even if the user renamed it — and updates its table in place (same table, resized), so formulas
 * and charts on it keep working. A sheet with the wanted name that does not carry our mark for this
 * definition and kind is never written over without asking: the caller gets a conflict to put to
 * the user, who may replace it or write under another name.
 */
import { toWorkbookError } from "./errors";
import { requireExcelApi } from "./run";
import { resultSheetName, resultTableName, type ResultKind } from "./names";
import { checkBlock, writeColumns, type WriteColumn, type WriteOptions } from "./writer";

/** The worksheet custom property marking a sheet as Supply Segments' results. */
export const OWNER_PROPERTY = "SupplySegments.results";

export interface ResultOwner {
  definition: string;
  kind: ResultKind;
  table: string;
}

export type ConflictChoice =
  /** Return a conflict for the user to decide (the default). */
  | "ask"
  /** The user agreed: clear the existing sheet and write there. */
  | "replace"
  /** Write to the next free name, "Retail Assignments (2)". */
  | "rename";

export interface ResultTableRequest extends WriteOptions {
  definitionName: string;
  kind: ResultKind;
  columns: WriteColumn[];
  onConflict?: ConflictChoice;
}

export type ResultWriteOutcome =
  | {
      status: "written";
      sheetName: string;
      tableName: string;
      /** Data rows in the table. */
      rowCount: number;
      columnCount: number;
      /** The sheet was made (or taken over) now, rather than updated in place. */
      created: boolean;
    }
  | {
      status: "conflict";
      /** The sheet in the way. */
      sheetName: string;
      /** Who made it: null for the user's own sheet, else the definition and kind it holds. */
      owner: ResultOwner | null;
      /** The question to put to the user. */
      message: string;
      /** The free name "rename" would use. */
      alternativeSheetName: string;
    };

export function parseOwner(value: unknown): ResultOwner | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = JSON.parse(value) as Partial<ResultOwner>;
    if (typeof parsed.definition === "string" && typeof parsed.kind === "string" && typeof parsed.table === "string") {
      return { definition: parsed.definition, kind: parsed.kind as ResultKind, table: parsed.table };
    }
  } catch {
    // Not our JSON: someone else's property with the same key; treated as not ours.
  }
  return null;
}

function sameOwner(owner: ResultOwner | null, definitionName: string, kind: ResultKind): boolean {
  return owner !== null && owner.kind === kind && owner.definition.toLowerCase() === definitionName.toLowerCase();
}

interface SheetEntry {
  sheet: Excel.Worksheet;
  name: string;
  owner: ResultOwner | null;
}

/** Every sheet with its owner mark. */
async function scanSheets(context: Excel.RequestContext): Promise<SheetEntry[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const marks = sheets.items.map((sheet) => {
    const property = sheet.customProperties.getItemOrNullObject(OWNER_PROPERTY);
    property.load("value");
    return { sheet, property };
  });
  await context.sync();
  return marks.map(({ sheet, property }) => ({
    sheet,
    name: sheet.name,
    owner: property.isNullObject ? null : parseOwner(property.value),
  }));
}

/** Table and defined names in use (lower case): a new table's name must differ from all of them. */
async function namesInUse(context: Excel.RequestContext): Promise<Set<string>> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  return new Set([...tables.items.map((t) => t.name.toLowerCase()), ...names.items.map((n) => n.name.toLowerCase())]);
}

function freeSheetName(entries: readonly SheetEntry[], definitionName: string, kind: ResultKind): string {
  const taken = new Set(entries.map((entry) => entry.name.toLowerCase()));
  for (let attempt = 2; ; attempt++) {
    const name = resultSheetName(definitionName, kind, attempt);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function mark(sheet: Excel.Worksheet, owner: ResultOwner): void {
  sheet.customProperties.add(OWNER_PROPERTY, JSON.stringify(owner));
}

/** Writes (or rewrites) one result table of a definition; see the module comment for the rules. */
export async function writeResultTable(context: Excel.RequestContext, request: ResultTableRequest): Promise<ResultWriteOutcome> {
  const { definitionName, kind } = request;
  requireExcelApi("1.13", `write the ${kind.toLowerCase()} of ${definitionName}`);
  checkBlock(request.columns, 0, 0);
  const entries = await scanSheets(context);

  const ours = entries.find((entry) => sameOwner(entry.owner, definitionName, kind));
  if (ours) return updateInPlace(context, ours, request);

  const wanted = resultSheetName(definitionName, kind);
  const inTheWay = entries.find((entry) => entry.name.toLowerCase() === wanted.toLowerCase());
  if (!inTheWay) return createResultSheet(context, null, wanted, request);

  const alternative = freeSheetName(entries, definitionName, kind);
  const choice = request.onConflict ?? "ask";
  if (choice === "rename") return createResultSheet(context, null, alternative, request);
  if (choice === "replace") return createResultSheet(context, inTheWay.sheet, inTheWay.name, request);
  const whose =
    inTheWay.owner === null
      ? "was not created by Supply Segments"
      : `holds the ${inTheWay.owner.kind.toLowerCase()} of the definition "${inTheWay.owner.definition}"`;
  return {
    status: "conflict",
    sheetName: inTheWay.name,
    owner: inTheWay.owner,
    message: `A sheet named "${inTheWay.name}" already exists and ${whose}. Replace its contents, or write the ${kind.toLowerCase()} to "${alternative}"?`,
    alternativeSheetName: alternative,
  };
}

async function createResultSheet(
  context: Excel.RequestContext,
  existing: Excel.Worksheet | null,
  sheetName: string,
  request: ResultTableRequest,
): Promise<ResultWriteOutcome> {
  const { definitionName, kind, columns } = request;
  const used = await namesInUse(context);
  let attempt = 1;
  while (used.has(resultTableName(definitionName, kind, attempt).toLowerCase())) attempt++;
  const tableName = resultTableName(definitionName, kind, attempt);

  let sheet: Excel.Worksheet;
  if (existing) {
    // The user agreed to replace this sheet: its tables and cells go, the sheet (and references to it) stays.
    sheet = existing;
    sheet.tables.load("items/name");
    await context.sync();
    for (const table of sheet.tables.items) table.delete();
    sheet.getRange().clear();
  } else {
    sheet = context.workbook.worksheets.add(sheetName);
  }
  mark(sheet, { definition: definitionName, kind, table: tableName });
  await context.sync();

  const written = await writeColumns(context, sheet, 0, 0, columns, request);
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, written.rowCount + 1, written.columnCount), true);
  table.name = tableName;
  sheet.freezePanes.freezeRows(1);
  await syncOrExplain(context, `create the table ${tableName} on ${sheetName}`);
  return { status: "written", sheetName, tableName, rowCount: written.rowCount, columnCount: written.columnCount, created: true };
}

async function updateInPlace(
  context: Excel.RequestContext,
  entry: SheetEntry,
  request: ResultTableRequest,
): Promise<ResultWriteOutcome> {
  const owner = entry.owner as ResultOwner;
  const table = entry.sheet.tables.getItemOrNullObject(owner.table);
  await context.sync();
  if (table.isNullObject) {
    // The user deleted or converted our table; the sheet is still ours, so start it afresh.
    return createResultSheet(context, entry.sheet, entry.name, request);
  }
  const before = table.getRange();
  before.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();

  const top = before.rowIndex;
  const left = before.columnIndex;
  checkBlock(request.columns, top, left);
  const written = await writeColumns(context, entry.sheet, top, left, request.columns, request);
  const rows = written.rowCount + 1;
  const columns = written.columnCount;
  table.resize(entry.sheet.getRangeByIndexes(top, left, rows, columns));
  if (before.rowCount > rows) {
    entry.sheet.getRangeByIndexes(top + rows, left, before.rowCount - rows, Math.max(columns, before.columnCount)).clear("Contents");
  }
  if (before.columnCount > columns) {
    entry.sheet.getRangeByIndexes(top, left + columns, rows, before.columnCount - columns).clear("Contents");
  }
  await syncOrExplain(context, `resize the table ${owner.table} on ${entry.name}`);
  return { status: "written", sheetName: entry.name, tableName: owner.table, rowCount: written.rowCount, columnCount: columns, created: false };
}

async function syncOrExplain(context: Excel.RequestContext, action: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw toWorkbookError(error, action);
  }
}

