/**
 * Segment definitions kept inside the workbook, so that =SEGMENT.ASSIGN() and friends work offline
 * and the definitions travel with the file.
 *
 * They live on a very hidden sheet, SegmentDefinitions (hidden from the sheet tabs and the Unhide
 * dialog; code can still reach it), one definition per row:
 *
 *     A: definition name | B: name in formulas | C: characters | D: cells | E: saved (ISO time) | F…: JSON
 *
 * The JSON text is split into cells of at most 32,767 characters from column F on, in reading order
 * (definitionCells.ts), and a workbook-scoped name per definition, SegDef_<name>, refers to exactly
 * those cells, so a planner writes =SEGMENT.ASSIGN(SegDef_Retail, A2:D100). A deleted definition's
 * row is cleared and reused by the next one saved, so names of other definitions never move.
 */
import { CHUNK_BUDGET_BYTES, jsonTextBytes } from "./payload";
import { CELL_TEXT_LIMIT, joinCellTexts, splitIntoCellTexts } from "./definitionCells";
import { WorkbookError } from "./errors";
import { definitionFormulaName } from "./names";
import { requireExcelApi } from "./run";
import { SHEET_COLUMN_LIMIT } from "./writer";

export const DEFINITIONS_SHEET = "SegmentDefinitions";
/** The worksheet custom property marking the sheet as ours. */
export const DEFINITIONS_MARK = "SupplySegments.definitions";
const HEADER = ["Definition", "Name in formulas", "Characters", "Cells", "Saved", "JSON in reading order"];
/** Column F, 0-based. */
export const JSON_COLUMN = 5;
const MAX_PIECES = SHEET_COLUMN_LIMIT - JSON_COLUMN;
/** The JSON of one piece read back may take up to 6 bytes a character (\u00XX escapes): 7 cells a request. */
const PIECES_PER_READ = Math.max(1, Math.floor(CHUNK_BUDGET_BYTES / (6 * CELL_TEXT_LIMIT + 3)));

export interface StoredDefinition {
  name: string;
  /** The workbook name formulas use, e.g. SegDef_Retail. */
  formulaName: string;
  characters: number;
  cells: number;
  /** When it was saved, ISO 8601. */
  savedAt: string;
  /** The sheet row (0-based). */
  row: number;
}

async function definitionsSheet(context: Excel.RequestContext, create: boolean): Promise<Excel.Worksheet | null> {
  requireExcelApi("1.12", "keep definitions in the workbook");
  const sheet = context.workbook.worksheets.getItemOrNullObject(DEFINITIONS_SHEET);
  await context.sync();
  if (sheet.isNullObject) {
    if (!create) return null;
    const added = context.workbook.worksheets.add(DEFINITIONS_SHEET);
    added.customProperties.add(DEFINITIONS_MARK, "1");
    const header = added.getRangeByIndexes(0, 0, 1, HEADER.length);
    header.numberFormat = [HEADER.map(() => "@")];
    header.values = [HEADER];
    added.visibility = "VeryHidden";
    await context.sync();
    return added;
  }
  const mark = sheet.customProperties.getItemOrNullObject(DEFINITIONS_MARK);
  await context.sync();
  if (mark.isNullObject) {
    throw new WorkbookError(
      "conflict",
      `This workbook has a sheet named ${DEFINITIONS_SHEET} that Supply Segments did not create. Rename that sheet so definitions can be kept in the workbook.`,
    );
  }
  return sheet;
}

/** Every definition row of the sheet; blank rows (deleted definitions) are left out. */
async function readIndex(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<StoredDefinition[]> {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount");
  await context.sync();
  if (used.isNullObject) return [];
  const lastRow = used.rowIndex + used.rowCount; // exclusive
  const entries: StoredDefinition[] = [];
  // About 200 bytes a row: 5,000 rows a request stays far under the payload limit.
  for (let first = 1; first < lastRow; first += 5000) {
    const rows = Math.min(5000, lastRow - first);
    const range = sheet.getRangeByIndexes(first, 0, rows, JSON_COLUMN);
    range.load("values");
    await context.sync();
    range.values.forEach((cells, i) => {
      const name = typeof cells[0] === "string" ? cells[0] : String(cells[0] ?? "");
      if (name === "") return;
      entries.push({
        name,
        formulaName: String(cells[1]),
        characters: Number(cells[2]),
        cells: Number(cells[3]),
        savedAt: String(cells[4]),
        row: first + i,
      });
    });
  }
  return entries;
}

function findEntry(entries: readonly StoredDefinition[], name: string): StoredDefinition | undefined {
  const key = name.trim().toLowerCase();
  return entries.find((entry) => entry.name.toLowerCase() === key);
}

/** The definitions kept in the workbook, in sheet order. */
export async function listDefinitions(context: Excel.RequestContext): Promise<StoredDefinition[]> {
  const sheet = await definitionsSheet(context, false);
  return sheet === null ? [] : readIndex(context, sheet);
}

/** A definition's JSON text, or null when the workbook holds no definition of that name. */
export async function loadDefinition(context: Excel.RequestContext, name: string): Promise<string | null> {
  const sheet = await definitionsSheet(context, false);
  if (sheet === null) return null;
  const entry = findEntry(await readIndex(context, sheet), name);
  if (!entry) return null;
  let text = "";
  for (let first = 0; first < entry.cells; first += PIECES_PER_READ) {
    const range = sheet.getRangeByIndexes(entry.row, JSON_COLUMN + first, 1, Math.min(PIECES_PER_READ, entry.cells - first));
    range.load("values");
    await context.sync();
    text += joinCellTexts(range.values);
  }
  if (text.length !== entry.characters) {
    throw new WorkbookError(
      "invalid",
      `The definition "${entry.name}" kept in this workbook is damaged: ${entry.characters} characters were saved, ${text.length} read back. Save it again from the pane or the shared store.`,
    );
  }
  return text;
}

/**
 * Saves (or replaces) a definition's JSON text under `name` and points its formula name at it.
 * Returns where it went.
 */
export async function saveDefinition(context: Excel.RequestContext, name: string, json: string): Promise<StoredDefinition> {
  const trimmed = name.trim();
  if (trimmed === "") throw new WorkbookError("invalid", "A definition needs a name to be saved in the workbook.");
  const text = json.trim();
  if (!text.startsWith("{")) {
    throw new WorkbookError("invalid", `The definition "${trimmed}" must be a JSON object (text starting with "{"); nothing was saved.`);
  }
  const pieces = splitIntoCellTexts(text);
  if (pieces.length > MAX_PIECES) {
    throw new WorkbookError(
      "too-large",
      `The definition "${trimmed}" has ${text.length.toLocaleString("en-US")} characters, more than one sheet row holds (${MAX_PIECES} cells of ${CELL_TEXT_LIMIT}). Remove manual overrides or keep it in the shared store.`,
    );
  }

  const sheet = (await definitionsSheet(context, true)) as Excel.Worksheet;
  const entries = await readIndex(context, sheet);
  const existing = findEntry(entries, trimmed);
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();

  let row: number;
  let formulaName: string;
  if (existing) {
    row = existing.row;
    formulaName = existing.formulaName;
    sheet.getRangeByIndexes(row, JSON_COLUMN, 1, Math.max(1, existing.cells)).clear("Contents");
    const old = names.items.find((item) => item.name.toLowerCase() === formulaName.toLowerCase());
    old?.delete();
  } else {
    const usedRows = new Set(entries.map((entry) => entry.row));
    row = 1;
    while (usedRows.has(row)) row++;
    const taken = new Set(names.items.map((item) => item.name.toLowerCase()));
    let attempt = 1;
    while (taken.has(definitionFormulaName(trimmed, attempt).toLowerCase())) attempt++;
    formulaName = definitionFormulaName(trimmed, attempt);
  }

  const savedAt = new Date().toISOString();
  const meta = sheet.getRangeByIndexes(row, 0, 1, JSON_COLUMN);
  meta.numberFormat = [["@", "@", "0", "0", "@"]];
  meta.values = [[trimmed, formulaName, text.length, pieces.length, savedAt]];

  // The pieces, in requests that stay under the payload budget (a piece is at most ~200 KB of JSON).
  let first = 0;
  while (first < pieces.length) {
    let count = 0;
    let bytes = 2;
    while (first + count < pieces.length && (count === 0 || bytes + jsonTextBytes(pieces[first + count]) + 6 <= CHUNK_BUDGET_BYTES)) {
      bytes += jsonTextBytes(pieces[first + count]) + 6;
      count++;
    }
    const range = sheet.getRangeByIndexes(row, JSON_COLUMN + first, 1, count);
    range.numberFormat = [pieces.slice(first, first + count).map(() => "@")];
    range.values = [pieces.slice(first, first + count)];
    await context.sync();
    first += count;
  }
  names.add(formulaName, sheet.getRangeByIndexes(row, JSON_COLUMN, 1, pieces.length), `Supply Segments definition "${trimmed}"`);
  await context.sync();
  return { name: trimmed, formulaName, characters: text.length, cells: pieces.length, savedAt, row };
}

/** Removes a definition and its formula name; false when there was none of that name. */
export async function deleteDefinition(context: Excel.RequestContext, name: string): Promise<boolean> {
  const sheet = await definitionsSheet(context, false);
  if (sheet === null) return false;
  const entry = findEntry(await readIndex(context, sheet), name);
  if (!entry) return false;
  sheet.getRangeByIndexes(entry.row, 0, 1, JSON_COLUMN + Math.max(1, entry.cells)).clear("Contents");
  const item = context.workbook.names.getItemOrNullObject(entry.formulaName);
  await context.sync();
  if (!item.isNullObject) {
    item.delete();
    await context.sync();
  }
  return true;
}
