/**
 * A definition's JSON text in cells. An Excel cell holds at most 32,767 characters, so a longer text
 * is split over several cells, read back in reading order (row by row, left to right) and joined.
 * SEGMENT.ASSIGN and friends read definitions the same way from a range or a workbook name.
 *
 * A piece never starts with "=", "+", "-" or "@" (Excel would read it as a formula) nor with an
 * apostrophe (Excel would take it as the text prefix and drop it), never with white space, and a
 * surrogate pair is never split; the split point moves back a few characters to achieve that. The
 * cells are also formatted as Text ("@"), so a piece such as "1.5" or "2024-01-02" stays text.
 */

/** The most characters Excel keeps in one cell. */
export const CELL_TEXT_LIMIT = 32_767;

function unsafeStart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // = + - @ ' and white space; a low surrogate would split a pair.
  return (
    code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x27 ||
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d ||
    (code >= 0xdc00 && code <= 0xdfff)
  );
}

/** Splits `text` into pieces of at most `limit` characters that each store safely in a cell. */
export function splitIntoCellTexts(text: string, limit: number = CELL_TEXT_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 16) throw new RangeError(`limit must be a whole number ≥ 16; got ${limit}`);
  if (text.length > 0 && unsafeStart(text, 0)) {
    throw new RangeError("the text starts with a character Excel would not keep as text (=, +, -, @, ', white space)");
  }
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    let end = start + limit;
    while (end > start + 1 && unsafeStart(text, end)) end--;
    if (end === start + 1) end = start + limit; // a run of unsafe characters as long as a cell: nothing better to do
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Joins cells in reading order into one text: blanks add nothing; numbers and booleans as Excel shows them. */
export function joinCellTexts(cells: readonly (readonly unknown[])[]): string {
  let text = "";
  for (const row of cells) {
    for (const cell of row) {
      if (cell === null || cell === undefined || cell === "") continue;
      text += typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
    }
  }
  return text;
}
