import {
  CellProblem,
  CellValue,
  ExcelArgument,
  Grid,
  cellErrorText,
  describeCell,
  isBlank,
  isProblem,
  problem,
  readNumber,
  toGrid,
} from "./cells";
import { ExcelError, problemFromThrown, toExcelError } from "./errors";

/**
 * Element-wise evaluation over ranges, the way Excel lifts its own functions: each argument is a
 * single value or a range; a dimension of 1 stretches to fit the others; the result has the shape
 * of the arguments. So `=SEGMENT.SAFETYSTOCK(0.95, B2:B100001, C2:C100001, 2)` is one call that
 * spills 100,000 answers, and one bad row gives one error cell, not a failed column.
 */
export interface ArgumentSpec {
  name: string;
  argument: ExcelArgument;
  /** "number" reads numbers; "text" reads a word such as a service type. */
  kind: "number" | "text";
  /** Value used when the argument is omitted or its cell is blank; undefined = required. */
  fallback?: number | string;
}

export interface CellInputs {
  numbers: Float64Array;
  texts: (string | null)[];
}

type Compute = (inputs: CellInputs) => number | CellProblem;

interface Prepared {
  spec: ArgumentSpec;
  grid: Grid | null;
}

function shapeOf(prepared: Prepared[]): { rows: number; columns: number } | CellProblem {
  let rows = 1;
  let columns = 1;
  let rowsFrom = "";
  let columnsFrom = "";
  for (const { spec, grid } of prepared) {
    if (grid === null) continue;
    if (grid.rows === 0 || grid.columns === 0) return problem("#VALUE!", `${spec.name} is an empty range`);
    if (grid.rows > 1) {
      if (rows > 1 && grid.rows !== rows) {
        return problem(
          "#VALUE!",
          `${spec.name} has ${grid.rows} rows but ${rowsFrom} has ${rows}: give ranges of the same size, or a single value`,
        );
      }
      rows = grid.rows;
      rowsFrom = spec.name;
    }
    if (grid.columns > 1) {
      if (columns > 1 && grid.columns !== columns) {
        return problem(
          "#VALUE!",
          `${spec.name} has ${grid.columns} columns but ${columnsFrom} has ${columns}: give ranges of the same size, or a single value`,
        );
      }
      columns = grid.columns;
      columnsFrom = spec.name;
    }
  }
  return { rows, columns };
}

function readText(value: CellValue, where: string): string | CellProblem {
  const errorText = cellErrorText(value);
  if (errorText !== null) return problem("#VALUE!", `${where} holds the error ${errorText}; fix that cell first`);
  if (typeof value === "string") return value.trim();
  return problem("#VALUE!", `${where} holds ${describeCell(value)}; a word is needed here`);
}

export function broadcast(specs: ArgumentSpec[], compute: Compute): (number | ExcelError)[][] | CellProblem {
  const prepared: Prepared[] = specs.map((spec) => ({ spec, grid: toGrid(spec.argument) }));
  for (const { spec, grid } of prepared) {
    if (grid === null && spec.fallback === undefined) {
      return problem("#VALUE!", `${spec.name} is required`);
    }
  }
  const shape = shapeOf(prepared);
  if (isProblem(shape)) return shape;
  const single = shape.rows === 1 && shape.columns === 1;
  const inputs: CellInputs = { numbers: new Float64Array(specs.length), texts: new Array(specs.length).fill(null) };
  const out: (number | ExcelError)[][] = new Array(shape.rows);

  const where = (k: number, grid: Grid, r: number, c: number): string => {
    if (single || (grid.rows === 1 && grid.columns === 1)) return specs[k].name;
    if (grid.columns === 1) return `${specs[k].name} (row ${r + 1})`;
    if (grid.rows === 1) return `${specs[k].name} (column ${c + 1})`;
    return `${specs[k].name} (row ${r + 1}, column ${c + 1})`;
  };

  for (let r = 0; r < shape.rows; r++) {
    const row: (number | ExcelError)[] = new Array(shape.columns);
    for (let c = 0; c < shape.columns; c++) {
      let cellProblem: CellProblem | null = null;
      for (let k = 0; k < prepared.length && cellProblem === null; k++) {
        const { spec, grid } = prepared[k];
        const value = grid === null ? null : grid.cells[grid.rows === 1 ? 0 : r][grid.columns === 1 ? 0 : c];
        if (spec.kind === "number") {
          if (typeof value === "number" && Number.isFinite(value)) {
            inputs.numbers[k] = value;
            continue;
          }
          if (isBlank(value)) {
            if (typeof spec.fallback === "number") inputs.numbers[k] = spec.fallback;
            else cellProblem = problem("#VALUE!", `${grid ? where(k, grid, r, c) : spec.name} is blank; a number is needed`);
            continue;
          }
          const read = readNumber(value, where(k, grid as Grid, r, c));
          cellProblem = read as CellProblem;
        } else if (isBlank(value)) {
          if (typeof spec.fallback === "string") inputs.texts[k] = spec.fallback;
          else cellProblem = problem("#VALUE!", `${grid ? where(k, grid, r, c) : spec.name} is blank`);
        } else {
          const read = readText(value, where(k, grid as Grid, r, c));
          if (isProblem(read)) cellProblem = read;
          else inputs.texts[k] = read;
        }
      }
      if (cellProblem !== null) {
        row[c] = toExcelError(cellProblem);
        continue;
      }
      let result: number | CellProblem;
      try {
        result = compute(inputs);
      } catch (thrown) {
        result = problemFromThrown(thrown, single ? undefined : `row ${r + 1}`);
      }
      row[c] = typeof result === "number" ? result : toExcelError(result);
    }
    out[r] = row;
  }
  return out;
}
