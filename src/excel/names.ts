/**
 * Names the add-in gives to what it creates: result sheets and tables named after the definition,
 * and a workbook name per stored definition. Each follows Excel's rules, so creating it never fails
 * on a character a planner happened to use in a definition's name.
 *
 * - Sheet names: at most 31 characters, none of : \ / ? * [ ], not starting or ending with an
 *   apostrophe, not blank, not "History" (reserved by Excel); unique ignoring case.
 * - Table and defined names: letters, digits, underscores and periods, starting with a letter or
 *   underscore, at most 255 characters, not a cell reference; unique in the workbook ignoring case.
 */

export const SHEET_NAME_LIMIT = 31;
/** Every workbook name of a stored definition starts with this; such names are not offered as data. */
export const DEFINITION_NAME_PREFIX = "SegDef_";
export const DEFINED_NAME_LIMIT = 255;

export type ResultKind = "Assignments" | "Summary" | "Policies" | "KPIs" | "Comparison";
export const RESULT_KINDS: readonly ResultKind[] = ["Assignments", "Summary", "Policies", "KPIs", "Comparison"];

/** The text with what a sheet name can't hold replaced, trimmed; "Segments" when nothing is left. */
export function sanitizeSheetText(text: string): string {
  const cleaned = text
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/[\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return cleaned === "" ? "Segments" : cleaned;
}

/** Cuts text to `limit` UTF-16 units without splitting a surrogate pair, trimming trailing spaces and apostrophes. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end).replace(/[\s']+$/, "");
}

/**
 * The sheet for one kind of result of a definition: "<definition> <Kind>", the definition's part
 * shortened so the whole stays within 31 characters; attempt n > 1 adds " (n)" for when the plain
 * name is taken by someone else's sheet.
 */
export function resultSheetName(definitionName: string, kind: ResultKind, attempt = 1): string {
  const suffix = attempt > 1 ? ` ${kind} (${attempt})` : ` ${kind}`;
  const base = cut(sanitizeSheetText(definitionName), SHEET_NAME_LIMIT - suffix.length);
  return `${base}${suffix}`;
}

/** Whether Excel accepts `name` as a sheet name (uniqueness aside). */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= SHEET_NAME_LIMIT &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** Letters, digits and underscores of `text`, other characters as single underscores. */
function nameWord(text: string): string {
  const word = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return word === "" ? "Definition" : word;
}

function withAttempt(name: string, attempt: number, limit: number): string {
  const suffix = attempt > 1 ? `_${attempt}` : "";
  return `${name.slice(0, limit - suffix.length)}${suffix}`;
}

/** The Excel table for one kind of result: "Seg_<Definition>_<Kind>", e.g. Seg_Retail_Europe_Assignments. */
export function resultTableName(definitionName: string, kind: ResultKind, attempt = 1): string {
  const tail = `_${kind}`;
  const name = `Seg_${nameWord(definitionName).slice(0, DEFINED_NAME_LIMIT - 10 - tail.length)}${tail}`;
  return withAttempt(name, attempt, DEFINED_NAME_LIMIT);
}

/** The workbook name of a stored definition, for formulas: "SegDef_<Definition>", e.g. SegDef_Retail. */
export function definitionFormulaName(definitionName: string, attempt = 1): string {
  return withAttempt(`${DEFINITION_NAME_PREFIX}${nameWord(definitionName)}`, attempt, DEFINED_NAME_LIMIT);
}

/** Whether Excel accepts `name` as a table or defined name (uniqueness aside). */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > DEFINED_NAME_LIMIT) return false;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) return false;
  // Not a cell reference in A1 (XFD1048576 at most) or R1C1 style, and not "R" or "C" alone.
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return false;
  if (/^[RrCc]$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return false;
  return true;
}
