/**
 * SEGMENT.ASSIGN, EXPLAIN and POLICY: reading Excel's arguments and calling the engine's
 * assignment (src/engine/definition/assign.ts). In cells each row is a single item placed by the
 * definition's stored thresholds (an ABC class by the design data's value thresholds), exactly as
 * the store and the task pane place one item; the command line's `apply` ranks whole populations.
 */
import { assignBatch } from "../engine/definition/assign";
import { listForMessage } from "../engine/definition/format";
import { KPI_NAMES } from "../engine/definition/policySchema";
import type { Segment, SegmentDefinition } from "../engine/definition/schema";
import { type CellProblem, type CellValue, cellErrorText, type ExcelArgument, isBlank, isProblem, problem, spill, toGrid } from "./cells";
import { readDefinition } from "./definitionArgument";
import { type ExcelError, guarded, toExcelError } from "./errors";
import { readFeatures } from "./featureColumns";

type TextCell = string | ExcelError;
type ValueCell = string | number | ExcelError;

function assignRows(definition: ExcelArgument, features: readonly unknown[], render: (reasons: string[], segment: string) => string): TextCell[][] {
  return guarded<TextCell>(() => {
    const parsed = readDefinition(definition);
    if (isProblem(parsed)) return parsed;
    const rows = readFeatures(parsed.dimensions, features);
    if (isProblem(rows)) return rows;
    const batch = assignBatch(parsed, rows.table, { abcMode: "thresholds", requireAllDimensions: false });
    const out: TextCell[] = new Array(rows.table.ids.length);
    for (let item = 0; item < out.length; item++) {
      const rowProblem = rows.rowProblems.get(item);
      if (rowProblem) {
        out[item] = toExcelError(rowProblem);
        continue;
      }
      const k = batch.segmentIndex[item];
      const reasons = batch.reasons(item);
      out[item] = k < 0 ? toExcelError(problem("#N/A", `row ${item + 1}: ${reasons.join("; ")}`)) : render(reasons, parsed.segments[k].id);
    }
    return spill(out, "column");
  });
}

export function assignCells(definition: ExcelArgument, features: readonly unknown[]): TextCell[][] {
  return assignRows(definition, features, (_reasons, segment) => segment);
}

export function explainCells(definition: ExcelArgument, features: readonly unknown[]): TextCell[][] {
  return assignRows(definition, features, (reasons) => reasons.join("; "));
}

/** The fields POLICY reads, by a key that ignores case, spaces and underscores. */
function fieldValue(segment: Segment, key: string): { found: boolean; value?: string | number } {
  const policy = segment.policy as unknown as Record<string, string | number | undefined>;
  const targets = segment.targets as Record<string, { target: number; escalateBelow?: number; escalateAbove?: number } | undefined>;
  if (key === "id") return { found: true, value: segment.id };
  if (key === "name") return { found: true, value: segment.name };
  if (key === "description") return { found: true, value: segment.description };
  for (const field of POLICY_FIELDS) if (normalise(field) === key) return { found: true, value: policy[field] };
  for (const kpi of KPI_NAMES) {
    if (key === normalise(`${kpi}Target`)) return { found: true, value: targets[kpi]?.target };
    if (key === normalise(`${kpi}Escalation`)) return { found: true, value: targets[kpi] ? (targets[kpi]!.escalateBelow ?? targets[kpi]!.escalateAbove) : undefined };
  }
  return { found: false };
}

const POLICY_FIELDS = [
  "serviceLevel", "serviceType", "safetyStockMethod", "safetyStockPeriods", "reviewPeriodDays", "leadTimeDays",
  "leadTimeStdDevDays", "promisedLeadTimeDays", "transportMode", "forecastingMethod", "moq", "priceTier", "orderCost", "holdingRate",
] as const;
export const POLICY_FIELD_NAMES: readonly string[] = [
  "name", "description", ...POLICY_FIELDS, ...KPI_NAMES.flatMap((kpi) => [`${kpi}Target`, `${kpi}Escalation`]),
];

function normalise(text: string): string {
  return text.replace(/[\s_.-]/g, "").toLowerCase();
}

/** A one-row or one-column list of words (segments or fields) with its orientation. */
function readWords(argument: ExcelArgument, name: string): { words: CellValue[]; orientation: "column" | "row" } | CellProblem {
  const grid = toGrid(argument);
  if (grid === null) return problem("#VALUE!", `${name} is required`);
  if (grid.columns === 1) return { words: grid.cells.map((row) => row[0]), orientation: "column" };
  if (grid.rows === 1) return { words: grid.cells[0].slice(), orientation: "row" };
  return problem("#VALUE!", `${name} must be one cell, a column or a row; got ${grid.rows} rows x ${grid.columns} columns`);
}

function lookup(definition: SegmentDefinition, segmentCell: CellValue, fieldCell: CellValue): ValueCell {
  const error = cellErrorText(segmentCell) ?? cellErrorText(fieldCell);
  if (error !== null) return toExcelError(problem("#VALUE!", `the segment or field cell holds the error ${error}`));
  if (isBlank(segmentCell)) return toExcelError(problem("#N/A", "the segment cell is blank"));
  if (isBlank(fieldCell)) return toExcelError(problem("#N/A", `the field is blank; fields are ${listForMessage(POLICY_FIELD_NAMES, 40)}`));
  const id = String(segmentCell).trim();
  const segment = definition.segments.find((s) => s.id === id) ?? definition.segments.find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!segment) {
    return toExcelError(problem("#N/A", `"${definition.name}" has no segment "${id}"; its segments are ${listForMessage(definition.segments.map((s) => s.id), 40)}`));
  }
  const field = String(fieldCell).trim();
  const found = fieldValue(segment, normalise(field));
  if (!found.found) return toExcelError(problem("#N/A", `no policy field "${field}"; fields are ${listForMessage(POLICY_FIELD_NAMES, 40)}`));
  if (found.value === undefined) return toExcelError(problem("#N/A", `segment ${segment.id} does not set ${field}`));
  return found.value;
}

/**
 * POLICY(definition, segment, field): a column of segments spills a column; a column of segments
 * and a row of fields spill a table (segments down, fields across).
 */
export function policyCells(definition: ExcelArgument, segment: ExcelArgument, field: ExcelArgument): ValueCell[][] {
  return guarded<ValueCell>(() => {
    const parsed = readDefinition(definition);
    if (isProblem(parsed)) return parsed;
    const segments = readWords(segment, "segment");
    if (isProblem(segments)) return segments;
    const fields = readWords(field, "field");
    if (isProblem(fields)) return fields;
    if (fields.words.length === 1) {
      const out = segments.words.map((s) => lookup(parsed, s, fields.words[0]));
      return segments.orientation === "row" ? [out] : out.map((value) => [value]);
    }
    if (segments.words.length === 1) {
      const out = fields.words.map((f) => lookup(parsed, segments.words[0], f));
      return fields.orientation === "row" ? [out] : spill(out, "column");
    }
    if (segments.orientation === "column" && fields.orientation === "row") {
      return segments.words.map((s) => fields.words.map((f) => lookup(parsed, s, f)));
    }
    return problem("#VALUE!", "give one segment or one field, or segments down a column and fields across a row");
  });
}
