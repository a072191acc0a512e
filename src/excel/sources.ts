/**
 * Where the planner's data is: an Excel table, a named range or the current selection. Listing them
 * for the pane, and finding one's cells (sheet, first row and column, size) for the reader.
 */
import { WorkbookError } from "./errors";
import { DEFINITION_NAME_PREFIX } from "./names";

export type DataSource =
  | { kind: "table"; name: string }
  | { kind: "namedRange"; name: string }
  | { kind: "selection" };

export interface SourceChoice {
  source: DataSource;
  /** Sheet-qualified address, e.g. "Sales!A1:H4001". */
  address: string;
  /** Rows including the header row. */
  rowCount: number;
  columnCount: number;
}

export interface WorkbookSources {
  tables: SourceChoice[];
  namedRanges: SourceChoice[];
  /** Null when the selection is not one block of cells (several areas, a chart, a shape). */
  selection: SourceChoice | null;
}

export function describeSource(source: DataSource): string {
  switch (source.kind) {
    case "table":
      return `the table ${source.name}`;
    case "namedRange":
      return `the named range ${source.name}`;
    case "selection":
      return "the selection";
  }
}

/** Lists the tables, the named ranges that refer to cells, and the selection. */
export async function listSources(context: Excel.RequestContext): Promise<WorkbookSources> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/visible");
  await context.sync();

  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address,rowCount,columnCount");
    return { name: table.name, range };
  });
  const namedRanges = names.items
    .filter((item) => item.type === "Range" && item.visible && !item.name.startsWith(DEFINITION_NAME_PREFIX))
    .map((item) => {
      const range = item.getRangeOrNullObject();
      range.load("address,rowCount,columnCount");
      return { name: item.name, range };
    });
  await context.sync();

  return {
    tables: tableRanges.map(({ name, range }) => ({
      source: { kind: "table", name },
      address: range.address,
      rowCount: range.rowCount,
      columnCount: range.columnCount,
    })),
    namedRanges: namedRanges
      .filter(({ range }) => !range.isNullObject)
      .map(({ name, range }) => ({
        source: { kind: "namedRange", name },
        address: range.address,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
      })),
    selection: await selectionChoice(context),
  };
}

async function selectionChoice(context: Excel.RequestContext): Promise<SourceChoice | null> {
  const range = context.workbook.getSelectedRange();
  range.load("address,rowCount,columnCount");
  try {
    await context.sync();
  } catch (error) {
    // Several areas, or a chart or shape selected: there is no one block to offer, which is a state, not a failure.
    if ((error as { code?: unknown }).code === "InvalidSelection") return null;
    throw error;
  }
  return { source: { kind: "selection" }, address: range.address, rowCount: range.rowCount, columnCount: range.columnCount };
}

/** Where a source's cells are. Row and column indexes are 0-based on the sheet. */
export interface SourceBlock {
  sheet: Excel.Worksheet;
  sheetName: string;
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** The column names when the source knows them (a table); the first row is then data. */
  columnNames: string[] | null;
}

const BLOCK_PROPERTIES = "address,rowIndex,columnIndex,rowCount,columnCount";

/**
 * Finds a source's cells. A table gives its data body and column names; a named range or the
 * selection gives its used part (whole columns selected → only the rows that hold something).
 */
export async function locateSource(context: Excel.RequestContext, source: DataSource): Promise<SourceBlock> {
  if (source.kind === "table") {
    const table = context.workbook.tables.getItemOrNullObject(source.name);
    await context.sync();
    if (table.isNullObject) {
      throw new WorkbookError("not-found", `There is no table named ${source.name} any more. Refresh the list and pick the table again.`);
    }
    const body = table.getDataBodyRange();
    body.load(BLOCK_PROPERTIES);
    const columns = table.columns;
    columns.load("items/name");
    const sheet = table.worksheet;
    sheet.load("name");
    await context.sync();
    return {
      sheet,
      sheetName: sheet.name,
      address: body.address,
      rowIndex: body.rowIndex,
      columnIndex: body.columnIndex,
      rowCount: body.rowCount,
      columnCount: body.columnCount,
      columnNames: columns.items.map((column) => column.name),
    };
  }

  let range: Excel.Range;
  if (source.kind === "namedRange") {
    const item = context.workbook.names.getItemOrNullObject(source.name);
    item.load("type");
    await context.sync();
    if (item.isNullObject) {
      throw new WorkbookError("not-found", `There is no name ${source.name} in this workbook any more. Refresh the list and pick again.`);
    }
    if (item.type !== "Range") {
      throw new WorkbookError("invalid", `The name ${source.name} is a ${String(item.type).toLowerCase()}, not a range of cells. Choose a name that refers to cells.`);
    }
    range = item.getRange();
  } else {
    range = context.workbook.getSelectedRange();
  }
  const whole = range;
  whole.load("address");
  const used = range.getUsedRangeOrNullObject(true);
  used.load(BLOCK_PROPERTIES);
  const sheet = range.worksheet;
  sheet.load("name");
  await context.sync();
  if (used.isNullObject) {
    throw new WorkbookError(
      "invalid",
      `${source.kind === "selection" ? "The selection" : `The named range ${source.name}`} (${whole.address}) is empty. Select the cells that hold your data, headers included.`,
    );
  }
  return {
    sheet,
    sheetName: sheet.name,
    address: used.address,
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    rowCount: used.rowCount,
    columnCount: used.columnCount,
    columnNames: null,
  };
}
