/**
 * The `features...` arguments of SEGMENT.ASSIGN and EXPLAIN, read into an item table.
 *
 * Each argument is a range; their columns, in order, are the features. By default the columns are
 * the definition's dimensions in its order (the first column is the first dimension, ...); fewer
 * columns leave the last dimensions missing. When the first row is text naming dimensions (every
 * cell of it a dimension name, case ignored), columns are matched by name instead, in any order,
 * and a column headed "item" or "id" carries the item ids that manual overrides apply to.
 * All ranges must have the same number of rows.
 *
 * A cell that cannot be read (text in a number dimension, an error cell) makes that row an error;
 * a blank cell is a missing feature, which the definition's rules and fallbacks deal with.
 */
import type { Dimension } from "../engine/definition/schema";
import { listForMessage } from "../engine/definition/format";
import { createItemTable, type ItemTable } from "../engine/items/itemTable";
import { type CellProblem, type CellValue, cellErrorText, type ExcelArgument, isBlank, problem, readNumber, toGrid } from "./cells";

export interface FeatureRows {
  table: ItemTable;
  /** Problems of single rows (0-based data rows). */
  rowProblems: Map<number, CellProblem>;
}

/**
 * Excel passes a repeating parameter as one array of ranges; a function declared with a rest
 * parameter receives that array as its only element. Accept both, and a bare range.
 */
export function flattenRepeating(features: readonly unknown[]): ExcelArgument[] {
  if (features.length === 1 && Array.isArray(features[0])) {
    const inner = features[0] as unknown[];
    const isListOfRanges = inner.length > 0 && inner.every((range) => range === null || (Array.isArray(range) && (range.length === 0 || Array.isArray(range[0]))));
    if (isListOfRanges) return inner as ExcelArgument[];
  }
  return features as ExcelArgument[];
}

const ID_HEADERS = new Set(["item", "id"]);

export function readFeatures(dimensions: readonly Dimension[], features: readonly unknown[]): FeatureRows | CellProblem {
  const ranges = flattenRepeating(features).filter((range) => range !== null && range !== undefined);
  const columns: CellValue[][] = [];
  let rows = -1;
  for (const [k, range] of ranges.entries()) {
    const grid = toGrid(range);
    if (grid === null) continue;
    if (rows >= 0 && grid.rows !== rows) {
      return problem("#VALUE!", `features range ${k + 1} has ${grid.rows} rows but the first has ${rows}: give ranges of the same height`);
    }
    rows = grid.rows;
    for (let c = 0; c < grid.columns; c++) columns.push(grid.cells.map((row) => row[c]));
  }
  if (columns.length === 0 || rows <= 0) {
    return problem("#VALUE!", `features are required: one column per dimension (${listForMessage(dimensions.map((d) => d.name))})`);
  }

  const byName = new Map(dimensions.map((d, k) => [d.name.toLowerCase(), k]));
  const header = columns.map((column) => column[0]);
  const isHeader = header.every(
    (cell) => typeof cell === "string" && (byName.has(cell.trim().toLowerCase()) || ID_HEADERS.has(cell.trim().toLowerCase())),
  ) && header.some((cell) => byName.has(String(cell).trim().toLowerCase()));

  const dimensionColumn = new Array<number>(dimensions.length).fill(-1);
  let idColumn = -1;
  if (isHeader) {
    for (let c = 0; c < columns.length; c++) {
      const name = String(header[c]).trim().toLowerCase();
      const d = byName.get(name);
      if (d === undefined) {
        idColumn = c;
        continue;
      }
      if (dimensionColumn[d] >= 0) return problem("#VALUE!", `features name dimension "${dimensions[d].name}" twice`);
      dimensionColumn[d] = c;
    }
  } else {
    if (columns.length > dimensions.length) {
      return problem(
        "#VALUE!",
        `features have ${columns.length} columns but the definition has ${dimensions.length} dimensions (${listForMessage(dimensions.map((d) => d.name))}); give one column per dimension in that order, or head the columns with dimension names`,
      );
    }
    for (let c = 0; c < columns.length; c++) dimensionColumn[c] = c;
  }

  const first = isHeader ? 1 : 0;
  const count = rows - first;
  if (count <= 0) return problem("#VALUE!", "features have a header row but no data rows");
  const rowProblems = new Map<number, CellProblem>();
  const numbers: Record<string, Float64Array> = {};
  const texts: Record<string, (string | null)[]> = {};
  dimensions.forEach((dimension, d) => {
    const c = dimensionColumn[d];
    if (c < 0) return;
    const column = columns[c];
    if (dimension.kind === "text") {
      const values: (string | null)[] = new Array(count);
      for (let r = 0; r < count; r++) {
        const cell = column[first + r];
        const error = cellErrorText(cell);
        if (error !== null && !rowProblems.has(r)) rowProblems.set(r, problem("#VALUE!", `row ${r + 1}: ${dimension.name} holds the error ${error}`));
        values[r] = isBlank(cell) || error !== null ? null : String(cell).trim();
      }
      texts[dimension.name] = values;
      return;
    }
    const values = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      const cell = column[first + r];
      if (typeof cell === "number" && Number.isFinite(cell)) {
        values[r] = cell;
        continue;
      }
      values[r] = NaN;
      const read = readNumber(cell, `row ${r + 1}: ${dimension.name}`);
      if (read !== null && typeof read !== "number" && !rowProblems.has(r)) rowProblems.set(r, read);
    }
    numbers[dimension.name] = values;
  });
  const ids: string[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const cell = idColumn >= 0 ? columns[idColumn][first + r] : null;
    ids[r] = isBlank(cell) || cellErrorText(cell) !== null ? "" : String(cell).trim();
  }
  return { table: createItemTable(ids, numbers, texts), rowProblems };
}
