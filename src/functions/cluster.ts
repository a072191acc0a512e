/**
 * SEGMENT.CLUSTER, SEGMENT.KSELECT and SEGMENT.PROFILE: reading a features range (items down,
 * dimensions across, an optional first row of text headers naming the dimensions) and calling the
 * clustering engine (src/engine/cluster).
 *
 * Rows: a row with a blank, text, TRUE/FALSE or an error cell is left out of the clustering. CLUSTER
 * shows why in that row (#N/A for a blank, #VALUE! for the rest); KSELECT says how many rows were left
 * out in its recommendation. PROFILE leaves out rows whose segment is blank or an error (the rows
 * CLUSTER could not place).
 */
import { clusterItems } from "../engine/cluster/segment";
import { selectKForItems } from "../engine/cluster/kselect";
import { profileSegments } from "../engine/cluster/profile";
import { Scaling, SCALINGS } from "../engine/cluster/prepare";
import {
  CellProblem,
  CellValue,
  cellErrorText,
  describeCell,
  ExcelArgument,
  isBlank,
  isProblem,
  problem,
  readNumber,
  readNumberList,
  toGrid,
} from "./cells";
import { ExcelError, guarded, toExcelError } from "./errors";

type TableCell = string | number | ExcelError;

/** A features range read into numbers: complete rows only go to the engine. */
interface Features {
  /** Complete rows × dimensions, row-major. */
  values: Float64Array;
  /** Range row (0-based, header included) of each complete row. */
  rangeRows: Int32Array;
  dimensions: string[];
  hasHeader: boolean;
  /** Rows of the range holding data (header excluded). */
  dataRows: number;
  /** Problems of incomplete rows, by range row (0-based, header included). */
  rowProblems: Map<number, CellProblem>;
}

const NUMBER_AS_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i;

/** A header cell: text that is neither an error nor a number stored as text. */
function isHeaderText(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const text = value.trim();
  return text !== "" && cellErrorText(text) === null && !NUMBER_AS_TEXT.test(text);
}

function readFeatures(argument: ExcelArgument, name: string): Features | CellProblem {
  const grid = toGrid(argument);
  if (grid === null || grid.rows === 0 || grid.columns === 0) {
    return problem("#VALUE!", `${name} is required: select the items (one row each) and their dimensions (one column each)`);
  }
  const { rows, columns, cells } = grid;
  const first = cells[0];
  const headerLike = first.some(isHeaderText) && first.every((cell) => isBlank(cell) || isHeaderText(cell));
  if (headerLike && rows === 1) return problem("#VALUE!", `${name} has a header row but no items below it`);
  const hasHeader = headerLike;
  const dimensions = first.map((cell, c) => (hasHeader && !isBlank(cell) ? String(cell).trim() : `dimension ${c + 1}`));
  const seen = new Set<string>();
  for (const dimension of dimensions) {
    if (seen.has(dimension.toLowerCase())) return problem("#VALUE!", `${name} has two columns headed "${dimension}": give each dimension its own name`);
    seen.add(dimension.toLowerCase());
  }
  const start = hasHeader ? 1 : 0;
  const where = (r: number, c: number) => `row ${r + 1}, ${hasHeader ? dimensions[c] : `column ${c + 1}`} of ${name}`;

  const numbersPerColumn = new Int32Array(columns);
  const rowProblems = new Map<number, CellProblem>();
  const values = new Float64Array((rows - start) * columns);
  const rangeRows: number[] = [];
  for (let r = start; r < rows; r++) {
    const row = cells[r];
    const at = rangeRows.length * columns;
    let rowProblem: CellProblem | null = null;
    for (let c = 0; c < columns; c++) {
      const cell = row[c];
      if (typeof cell === "number" && Number.isFinite(cell)) {
        values[at + c] = cell;
        numbersPerColumn[c]++;
        continue;
      }
      if (rowProblem !== null && rowProblem.code === "#VALUE!") continue;
      const read = readNumber(cell, where(r, c));
      if (read === null) {
        rowProblem ??= problem("#N/A", `${where(r, c)} is blank: every item needs a value in each dimension`);
      } else if (isProblem(read)) {
        rowProblem = read.code === "#N/A" ? (rowProblem ?? read) : read;
      }
    }
    if (rowProblem === null) rangeRows.push(r);
    else rowProblems.set(r, rowProblem);
  }
  for (let c = 0; c < columns; c++) {
    if (numbersPerColumn[c] === 0) {
      return problem("#VALUE!", `${hasHeader ? `the ${dimensions[c]} column` : `column ${c + 1}`} of ${name} holds no numbers: remove it from the range or fill it`);
    }
  }
  return {
    values: values.slice(0, rangeRows.length * columns),
    rangeRows: Int32Array.from(rangeRows),
    dimensions,
    hasHeader,
    dataRows: rows - start,
    rowProblems,
  };
}

function noCompleteRow(features: Features, name: string): CellProblem {
  const firstProblem = features.rowProblems.values().next().value as CellProblem;
  return problem(firstProblem.code, `no row of ${name} is complete, so there is nothing to cluster; for example ${firstProblem.message}`);
}

/** A single whole number, or null when omitted. */
function readWholeNumber(argument: ExcelArgument, name: string, minimum: number): number | CellProblem | null {
  const grid = toGrid(argument);
  if (grid === null) return null;
  if (grid.rows !== 1 || grid.columns !== 1) return problem("#VALUE!", `${name} must be a single number`);
  const read = readNumber(grid.cells[0][0], name);
  if (read === null || isProblem(read)) return read;
  if (!Number.isInteger(read)) return problem("#NUM!", `${name} must be a whole number; got ${read}`);
  if (read < minimum) return problem("#NUM!", `${name} must be at least ${minimum}; got ${read}`);
  return read;
}

function readScaling(argument: ExcelArgument): Scaling | CellProblem | null {
  const grid = toGrid(argument);
  if (grid === null) return null;
  if (grid.rows !== 1 || grid.columns !== 1) return problem("#VALUE!", "scaling must be a single text");
  const cell = grid.cells[0][0];
  if (isBlank(cell)) return null;
  const text = typeof cell === "string" ? cell.trim().toLowerCase() : null;
  const match = SCALINGS.find((scaling) => scaling === text);
  if (match === undefined) {
    return problem("#VALUE!", `scaling must be ${SCALINGS.map((s) => `"${s}"`).join(", ")}; got ${describeCell(cell)}`);
  }
  return match;
}

function readWeights(argument: ExcelArgument, dimensionCount: number): number[] | CellProblem | null {
  const weights = readNumberList(argument, "weights");
  if (weights === null || isProblem(weights)) return weights;
  if (weights.length !== dimensionCount) {
    return problem("#VALUE!", `weights needs one weight per dimension: features has ${dimensionCount} columns, weights has ${weights.length}`);
  }
  const negative = weights.findIndex((w) => w < 0);
  if (negative >= 0) return problem("#NUM!", `weight ${negative + 1} is ${weights[negative]}; weights must be 0 or more`);
  if (weights.every((w) => w === 0)) return problem("#NUM!", "at least one weight must be above 0");
  return weights;
}

/** SEGMENT.CLUSTER: one segment number per row (1 = the largest segment). */
export function cluster(
  featuresArgument: ExcelArgument,
  kArgument: ExcelArgument,
  weightsArgument: ExcelArgument,
  seedArgument: ExcelArgument,
  scalingArgument: ExcelArgument,
): TableCell[][] {
  return guarded<TableCell>(() => {
    const features = readFeatures(featuresArgument, "features");
    if (isProblem(features)) return features;
    const k = readWholeNumber(kArgument, "k", 1);
    if (isProblem(k)) return k;
    if (k === null) return problem("#VALUE!", "k is required: the number of segments to make, e.g. 4");
    const weights = readWeights(weightsArgument, features.dimensions.length);
    if (isProblem(weights)) return weights;
    const seed = readWholeNumber(seedArgument, "seed", -Number.MAX_SAFE_INTEGER);
    if (isProblem(seed)) return seed;
    const scaling = readScaling(scalingArgument);
    if (isProblem(scaling)) return scaling;
    const complete = features.rangeRows.length;
    if (complete === 0) return noCompleteRow(features, "features");
    if (k > complete) {
      const leftOut = features.rowProblems.size;
      return problem("#NUM!", `k = ${k} segments need at least ${k} complete rows; features has ${complete}${leftOut ? ` (${leftOut} left out for blank or bad cells)` : ""}`);
    }
    const result = clusterItems(features.values, complete, features.dimensions.length, k, {
      dimensions: features.dimensions,
      weights: weights ?? undefined,
      seed: seed ?? undefined,
      scaling: scaling ?? undefined,
    });
    const out: TableCell[][] = [];
    if (features.hasHeader) out.push(["segment"]);
    const segmentOfRow = new Map<number, number>();
    features.rangeRows.forEach((row, p) => segmentOfRow.set(row, result.segment[p] + 1));
    const start = features.hasHeader ? 1 : 0;
    for (let r = start; r < start + features.dataRows; r++) {
      const rowProblem = features.rowProblems.get(r);
      out.push([rowProblem ? toExcelError(rowProblem) : (segmentOfRow.get(r) as number)]);
    }
    return out;
  });
}

/**
 * k-means++ starts per k in SEGMENT.KSELECT: fewer than CLUSTER's 10, since it clusters once for every
 * k; four starts still give the best of four and three pairs of starts to compare for stability.
 */
const KSELECT_RESTARTS = 4;

/** SEGMENT.KSELECT: k, inertia, silhouette, marginal gain, stability and the recommendation, one row per k. */
export function kselect(featuresArgument: ExcelArgument, kMinArgument: ExcelArgument, kMaxArgument: ExcelArgument): TableCell[][] {
  return guarded<TableCell>(() => {
    const features = readFeatures(featuresArgument, "features");
    if (isProblem(features)) return features;
    const kMin = readWholeNumber(kMinArgument, "kMin", 2);
    if (isProblem(kMin)) return kMin;
    const kMax = readWholeNumber(kMaxArgument, "kMax", 2);
    if (isProblem(kMax)) return kMax;
    const complete = features.rangeRows.length;
    if (complete === 0) return noCompleteRow(features, "features");
    if (complete < 3) return problem("#VALUE!", `choosing k needs at least 3 complete rows; features has ${complete}`);
    const low = kMin ?? 2;
    const high = kMax ?? Math.max(low, Math.min(8, complete - 1));
    if (high < low) return problem("#NUM!", `kMax (${high}) must be at least kMin (${low})`);
    if (high > complete - 1) return problem("#NUM!", `kMax = ${high} needs at least ${high + 1} complete rows; features has ${complete}`);
    if (high - low > 18) return problem("#NUM!", `at most 19 values of k at once; kMin ${low} to kMax ${high} is ${high - low + 1}`);
    const result = selectKForItems(features.values, complete, features.dimensions.length, {
      dimensions: features.dimensions,
      kMin: low,
      kMax: high,
      restarts: KSELECT_RESTARTS,
    });
    const leftOut = features.rowProblems.size;
    const note = leftOut > 0 ? ` (${leftOut} row(s) left out for blank or bad cells)` : "";
    const out: TableCell[][] = [["k", "inertia", "silhouette", "marginal gain", "stability", "recommendation"]];
    for (const row of result.rows) {
      out.push([
        row.k,
        row.inertia,
        Number.isFinite(row.silhouette) ? row.silhouette : "",
        row.marginalGain,
        Number.isFinite(row.stability) ? row.stability : "",
        row.k === result.recommended ? `recommended: ${result.reason}${note}` : "",
      ]);
    }
    return out;
  });
}

/** A PROFILE segment label: a number or a text; blank and error cells have none. */
type SegmentLabel = number | string;

function readSegmentLabels(argument: ExcelArgument, features: Features): (SegmentLabel | null)[] | CellProblem {
  const grid = toGrid(argument);
  if (grid === null || grid.rows === 0) return problem("#VALUE!", "segments is required: select the column SEGMENT.CLUSTER spilled, one segment per row of features");
  if (grid.columns !== 1) return problem("#VALUE!", `segments must be a single column; got ${grid.columns} columns`);
  const rangeRows = features.dataRows + (features.hasHeader ? 1 : 0);
  let offset: number;
  if (grid.rows === rangeRows) offset = features.hasHeader ? 1 : 0;
  else if (grid.rows === features.dataRows) offset = 0;
  else {
    return problem("#VALUE!", `segments has ${grid.rows} rows but features has ${features.dataRows} items${features.hasHeader ? " below its header" : ""}: give one segment per row`);
  }
  const labels: (SegmentLabel | null)[] = [];
  for (let r = 0; r < features.dataRows; r++) {
    const cell = grid.cells[r + offset][0];
    if (isBlank(cell) || cellErrorText(cell) !== null) labels.push(null);
    else if (typeof cell === "number") labels.push(cell);
    else labels.push(String(cell).trim());
  }
  return labels;
}

const REVENUE = /revenue|sales|monetary|turnover|spend|amount|value/i;

/** SEGMENT.PROFILE: per segment its name, size, shares and mean of each dimension. */
export function profile(featuresArgument: ExcelArgument, segmentsArgument: ExcelArgument): TableCell[][] {
  return guarded<TableCell>(() => {
    const features = readFeatures(featuresArgument, "features");
    if (isProblem(features)) return features;
    const labels = readSegmentLabels(segmentsArgument, features);
    if (isProblem(labels)) return labels;
    const start = features.hasHeader ? 1 : 0;
    const d = features.dimensions.length;
    // Rows with a segment: their features go to the profile, blank cells as missing values.
    const grid = toGrid(featuresArgument)!;
    const distinct = [...new Set(labels.filter((label): label is SegmentLabel => label !== null))].sort((a, b) =>
      typeof a === "number" && typeof b === "number" ? a - b : typeof a === "number" ? -1 : typeof b === "number" ? 1 : a.localeCompare(b),
    );
    if (distinct.length === 0) return problem("#N/A", "no row has a segment: fill segments (e.g. with SEGMENT.CLUSTER) first");
    const indexOf = new Map<SegmentLabel, number>(distinct.map((label, s) => [label, s]));
    const values = new Float64Array(features.dataRows * d);
    const segment = new Int32Array(features.dataRows).fill(-1);
    for (let r = 0; r < features.dataRows; r++) {
      const label = labels[r];
      for (let c = 0; c < d; c++) values[r * d + c] = NaN;
      if (label === null) continue;
      segment[r] = indexOf.get(label) as number;
      for (let c = 0; c < d; c++) {
        const cell = grid.cells[r + start][c];
        if (typeof cell === "number" && Number.isFinite(cell)) {
          values[r * d + c] = cell;
          continue;
        }
        const read = readNumber(cell, `row ${r + start + 1}, ${features.hasHeader ? features.dimensions[c] : `column ${c + 1}`} of features`);
        if (isProblem(read)) return read;
      }
    }
    const revenue = features.hasHeader ? features.dimensions.findIndex((name) => REVENUE.test(name)) : -1;
    const result = profileSegments(values, features.dataRows, d, segment, distinct.length, {
      dimensions: features.dimensions,
      revenueDimension: revenue >= 0 ? revenue : undefined,
    });
    const blankIfNaN = (x: number): number | string => (Number.isFinite(x) ? x : "");
    const out: TableCell[][] = [["segment", "name", "items", "share of items", "share of revenue", ...features.dimensions.map((name) => `mean ${name}`)]];
    for (const segmentProfile of result.segments) {
      out.push([
        distinct[segmentProfile.segment],
        segmentProfile.name,
        segmentProfile.size,
        segmentProfile.shareOfItems,
        blankIfNaN(segmentProfile.shareOfRevenue),
        ...segmentProfile.mean.map(blankIfNaN),
      ]);
    }
    return out;
  });
}
