import { classifyAbc } from "../engine/classify/abc";
import {
  classifyXyz,
  STATUS_NEGATIVE_DEMAND,
  STATUS_NO_DEMAND,
  STATUS_OK,
  STATUS_TOO_FEW_PERIODS,
} from "../engine/classify/xyz";
import { classifyDemandPattern, DEMAND_PATTERNS, STATUS_TOO_FEW_DEMANDS } from "../engine/classify/demandPattern";
import { crossAbcXyz } from "../engine/classify/matrix";
import {
  CellProblem,
  ExcelArgument,
  isBlank,
  isProblem,
  problem,
  readLabelList,
  readNumber,
  readNumberList,
  spill,
  toGrid,
  toVector,
} from "./cells";
import { ExcelError, guarded, toExcelError } from "./errors";

type ClassCell = string | ExcelError;

/** A measure column read into a Float64Array (NaN where a row can't be ranked) and each bad row's problem. */
interface MeasureColumn {
  values: Float64Array;
  rowProblems: Map<number, CellProblem>;
  orientation: "column" | "row";
}

function readMeasure(argument: ExcelArgument, name: string): MeasureColumn | CellProblem {
  const grid = toGrid(argument);
  if (grid === null) return problem("#VALUE!", `${name} is required: select the column of values to classify`);
  const vector = toVector(grid, name);
  if (isProblem(vector)) return vector;
  const along = vector.orientation === "column" ? "row" : "column";
  const values = new Float64Array(vector.length);
  const rowProblems = new Map<number, CellProblem>();
  for (let i = 0; i < vector.length; i++) {
    const cell = vector.at(i);
    if (typeof cell === "number" && Number.isFinite(cell)) {
      values[i] = cell;
      continue;
    }
    values[i] = NaN;
    const read = readNumber(cell, `${along} ${i + 1} of ${name}`);
    rowProblems.set(
      i,
      read === null ? problem("#N/A", `${along} ${i + 1} of ${name} is blank: there is no value to rank`) : (read as CellProblem),
    );
  }
  return { values, rowProblems, orientation: vector.orientation };
}

/** Labels A, B, C, ... for as many classes as the cutoffs make. */
function letterLabels(classCount: number): string[] {
  return Array.from({ length: classCount }, (_, i) => String.fromCharCode(65 + i));
}

function readCutoffsAndLabels(
  cutoffs: ExcelArgument,
  labels: ExcelArgument,
  defaultLabels: (classCount: number) => string[] | CellProblem,
): { cutoffs?: number[]; labels?: string[] } | CellProblem {
  const cutoffList = readNumberList(cutoffs, "cutoffs");
  if (isProblem(cutoffList)) return cutoffList;
  const labelList = readLabelList(labels, "labels");
  if (isProblem(labelList)) return labelList;
  if (labelList !== null) return { cutoffs: cutoffList ?? undefined, labels: labelList };
  if (cutoffList === null) return {};
  const fallback = defaultLabels(cutoffList.length + 1);
  if (isProblem(fallback)) return fallback;
  return { cutoffs: cutoffList, labels: fallback };
}

export function abc(values: ExcelArgument, cutoffs: ExcelArgument, labels: ExcelArgument): ClassCell[][] {
  return guarded<ClassCell>(() => {
    const measure = readMeasure(values, "values");
    if (isProblem(measure)) return measure;
    const options = readCutoffsAndLabels(cutoffs, labels, (count) =>
      count <= 26 ? letterLabels(count) : problem("#VALUE!", `${count - 1} cutoffs are too many for letter labels: give labels`),
    );
    if (isProblem(options)) return options;
    const result = classifyAbc(measure.values, options);
    const out: ClassCell[] = new Array(measure.values.length);
    for (let i = 0; i < out.length; i++) {
      const rowProblem = measure.rowProblems.get(i);
      out[i] = rowProblem ? toExcelError(rowProblem) : result.labels[result.classIndex[i]];
    }
    return spill(out, measure.orientation);
  });
}

/** A history range (items down, periods across) as a row-major Float64Array, NaN for blank periods. */
interface History {
  values: Float64Array;
  itemCount: number;
  periodCount: number;
  rowProblems: Map<number, CellProblem>;
}

function readHistory(argument: ExcelArgument, name: string): History | CellProblem {
  const grid = toGrid(argument);
  if (grid === null || grid.rows === 0) {
    return problem("#VALUE!", `${name} is required: select one row of periods per item`);
  }
  const { rows, columns, cells } = grid;
  const values = new Float64Array(rows * columns);
  const rowProblems = new Map<number, CellProblem>();
  for (let r = 0; r < rows; r++) {
    const row = cells[r];
    const offset = r * columns;
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      if (typeof cell === "number" && Number.isFinite(cell)) {
        values[offset + c] = cell;
        continue;
      }
      values[offset + c] = NaN;
      if (isBlank(cell) || rowProblems.has(r)) continue;
      const read = readNumber(cell, `${name} row ${r + 1}, period ${c + 1}`);
      if (read !== null && typeof read !== "number") rowProblems.set(r, read);
    }
  }
  return { values, itemCount: rows, periodCount: columns, rowProblems };
}

function firstNegativePeriod(history: History, item: number): string {
  const offset = item * history.periodCount;
  for (let c = 0; c < history.periodCount; c++) {
    const value = history.values[offset + c];
    if (value < 0) return `period ${c + 1} (${value})`;
  }
  return "a period";
}

function observedPeriods(history: History, item: number): number {
  let count = 0;
  const offset = item * history.periodCount;
  for (let c = 0; c < history.periodCount; c++) if (!Number.isNaN(history.values[offset + c])) count++;
  return count;
}

function historyStatusProblem(history: History, item: number, status: number, minPeriods: number, fn: string): CellProblem {
  const row = `row ${item + 1}`;
  switch (status) {
    case STATUS_TOO_FEW_PERIODS:
      return problem(
        "#N/A",
        `${row} has ${observedPeriods(history, item)} period(s) with data; ${fn} needs at least ${minPeriods}`,
      );
    case STATUS_NO_DEMAND:
      return problem("#N/A", `${row} has no demand in any period, so its variability is undefined`);
    case STATUS_NEGATIVE_DEMAND:
      return problem(
        "#VALUE!",
        `${row} has negative demand in ${firstNegativePeriod(history, item)}; net returns out of the demand history first`,
      );
    case STATUS_TOO_FEW_DEMANDS:
      return problem("#N/A", `${row} has fewer than 2 periods with demand; ADI and CV² need at least 2`);
    default:
      return problem("#N/A", `${row} could not be classified`);
  }
}

function readMinPeriods(argument: ExcelArgument): number | CellProblem | null {
  const grid = toGrid(argument);
  if (grid === null) return null;
  if (grid.rows !== 1 || grid.columns !== 1) return problem("#VALUE!", "minPeriods must be a single number");
  const read = readNumber(grid.cells[0][0], "minPeriods");
  if (read === null || isProblem(read)) return read;
  if (!Number.isInteger(read) || read < 2) {
    return problem("#NUM!", `minPeriods must be a whole number of at least 2; got ${read}`);
  }
  return read;
}

export function xyz(
  history: ExcelArgument,
  cutoffs: ExcelArgument,
  labels: ExcelArgument,
  minPeriods: ExcelArgument,
): ClassCell[][] {
  return guarded<ClassCell>(() => {
    const data = readHistory(history, "history");
    if (isProblem(data)) return data;
    const options = readCutoffsAndLabels(cutoffs, labels, (count) =>
      count === 3
        ? ["X", "Y", "Z"]
        : problem("#VALUE!", `${count - 1} cutoffs make ${count} classes: give ${count} labels in the labels argument`),
    );
    if (isProblem(options)) return options;
    const minimum = readMinPeriods(minPeriods);
    if (isProblem(minimum)) return minimum;
    const result = classifyXyz(data.values, data.itemCount, data.periodCount, {
      ...options,
      minPeriods: minimum ?? undefined,
    });
    const out: ClassCell[] = new Array(data.itemCount);
    for (let i = 0; i < data.itemCount; i++) {
      const rowProblem = data.rowProblems.get(i);
      if (rowProblem) out[i] = toExcelError(rowProblem);
      else if (result.status[i] === STATUS_OK) out[i] = result.labels[result.classIndex[i]];
      else out[i] = toExcelError(historyStatusProblem(data, i, result.status[i], minimum ?? 2, "XYZ"));
    }
    return spill(out, "column");
  });
}

function readPositiveScalar(argument: ExcelArgument, name: string): number | CellProblem | null {
  const grid = toGrid(argument);
  if (grid === null) return null;
  if (grid.rows !== 1 || grid.columns !== 1) return problem("#VALUE!", `${name} must be a single number`);
  const read = readNumber(grid.cells[0][0], name);
  if (read === null || isProblem(read)) return read;
  if (read <= 0) return problem("#NUM!", `${name} must be greater than 0; got ${read}`);
  return read;
}

export function demandPattern(history: ExcelArgument, adiCutoff: ExcelArgument, cv2Cutoff: ExcelArgument): ClassCell[][] {
  return guarded<ClassCell>(() => {
    const data = readHistory(history, "history");
    if (isProblem(data)) return data;
    const adi = readPositiveScalar(adiCutoff, "adiCutoff");
    if (isProblem(adi)) return adi;
    const cv2 = readPositiveScalar(cv2Cutoff, "cv2Cutoff");
    if (isProblem(cv2)) return cv2;
    const result = classifyDemandPattern(data.values, data.itemCount, data.periodCount, {
      adiCutoff: adi ?? undefined,
      cv2Cutoff: cv2 ?? undefined,
    });
    const out: ClassCell[] = new Array(data.itemCount);
    for (let i = 0; i < data.itemCount; i++) {
      const rowProblem = data.rowProblems.get(i);
      if (rowProblem) out[i] = toExcelError(rowProblem);
      else if (result.pattern[i] >= 0) out[i] = DEMAND_PATTERNS[result.pattern[i]];
      else out[i] = toExcelError(historyStatusProblem(data, i, result.status[i], 2, "the demand pattern"));
    }
    return spill(out, "column");
  });
}

export function abcXyz(
  values: ExcelArgument,
  history: ExcelArgument,
  abcCutoffs: ExcelArgument,
  xyzCutoffs: ExcelArgument,
): ClassCell[][] {
  return guarded<ClassCell>(() => {
    const measure = readMeasure(values, "values");
    if (isProblem(measure)) return measure;
    const data = readHistory(history, "history");
    if (isProblem(data)) return data;
    if (data.itemCount !== measure.values.length) {
      return problem(
        "#VALUE!",
        `values has ${measure.values.length} items but history has ${data.itemCount} rows: give one history row per value`,
      );
    }
    const abcCuts = readNumberList(abcCutoffs, "abcCutoffs");
    if (isProblem(abcCuts)) return abcCuts;
    const xyzCuts = readNumberList(xyzCutoffs, "xyzCutoffs");
    if (isProblem(xyzCuts)) return xyzCuts;
    if (xyzCuts !== null && xyzCuts.length !== 2) {
      return problem("#VALUE!", `xyzCutoffs needs exactly 2 values (X/Y and Y/Z); got ${xyzCuts.length}`);
    }
    if (abcCuts !== null && abcCuts.length !== 2) {
      return problem("#VALUE!", `abcCutoffs needs exactly 2 values (A/B and B/C); got ${abcCuts.length}`);
    }
    const abcResult = classifyAbc(measure.values, { cutoffs: abcCuts ?? undefined });
    const xyzResult = classifyXyz(data.values, data.itemCount, data.periodCount, { cutoffs: xyzCuts ?? undefined });
    const crossed = crossAbcXyz(abcResult, xyzResult);
    const out: ClassCell[] = new Array(data.itemCount);
    for (let i = 0; i < data.itemCount; i++) {
      const rowProblem = measure.rowProblems.get(i) ?? data.rowProblems.get(i);
      if (rowProblem) out[i] = toExcelError(rowProblem);
      else if (xyzResult.status[i] !== STATUS_OK) {
        out[i] = toExcelError(historyStatusProblem(data, i, xyzResult.status[i], 2, "XYZ"));
      } else out[i] = crossed.labels[crossed.classIndex[i]];
    }
    return spill(out, "column");
  });
}
