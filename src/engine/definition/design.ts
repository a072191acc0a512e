/**
 * Proposing a definition from data: the ABC-XYZ matrix, with the thresholds the design data gave,
 * nine named segments with starting policies and targets, a named fallback for new items and for
 * items without demand, hysteresis rules and one-off handling. The result is a draft for a planner
 * to edit: every figure in it is a stated default (README, "The definition"), none is hidden.
 */
import { classifyAbc } from "../classify/abc";
import { invalidInput } from "../errors";
import type { ItemTable } from "../items/itemTable";
import { ABC_TEXT, CELLS, commonParts, startingPolicy, startingTargets, XYZ_TEXT } from "./designDefaults";
import type { AbcDesign } from "./methodSchema";
import { parseDefinition, type Period, SCHEMA_VERSION, type SegmentDefinition, type SegmentDefinitionInput } from "./schema";
import { formatShare } from "./format";

export { DESIGN_EXCEPTIONS } from "./designDefaults";

export interface DesignOptions {
  id: string;
  name: string;
  author: string;
  dataSource: string;
  rowCount: number;
  createdAt: string;
  period: Period;
  /** ABC on this feature (default revenue); XYZ on demandCv. */
  abcDimension?: string;
  abcCutoffs?: number[];
  xyzCutoffs?: number[];
  /** New products go to BY until they have this many periods of history (default 6). */
  newItemPeriods?: number;
  /** Replenishment lead time in days for every segment (default 14). */
  leadTimeDays?: number;
  costRatio?: number;
  readiness?: { passed: boolean; summary: string };
  entity?: "product" | "customer" | "channel" | "product-location";
  businessUnit?: string;
}

/** The smallest value of each class-or-better at design, with its rank and cumulative share. */
export function abcDesignOf(values: Float64Array, cutoffs: number[]): AbcDesign {
  const result = classifyAbc(values, { cutoffs });
  if (!(result.report.total > 0)) throw invalidInput("no item has a positive value to rank: ABC needs revenue (or the chosen measure) above 0");
  const boundaries: AbcDesign["boundaries"] = cutoffs.map(() => null);
  // Walk the ranking once: the last positive item of class ≤ k sets boundary k.
  const byRank = new Int32Array(result.report.classified + 1).fill(-1);
  for (let item = 0; item < values.length; item++) if (result.rank[item] > 0) byRank[result.rank[item]] = item;
  for (let rank = 1; rank < byRank.length; rank++) {
    const item = byRank[rank];
    const k = result.classIndex[item];
    if (!(values[item] > 0)) break;
    for (let c = k; c < cutoffs.length; c++) {
      boundaries[c] = { threshold: values[item], rank, cumulativeShare: Math.min(1, result.cumulativeShare[item]) };
    }
  }
  return { items: result.report.classified, total: result.report.total, boundaries };
}

/** Proposes an ABC (on revenue) × XYZ (on demandCv) definition from the items of `table`. */
export function designAbcXyz(table: ItemTable, options: DesignOptions): SegmentDefinition {
  const abcDimension = options.abcDimension ?? "revenue";
  const values = table.numbers.get(abcDimension.toLowerCase());
  if (!values) throw invalidInput(`the items have no feature "${abcDimension}" to rank for ABC`);
  if (!table.numbers.has("demandcv")) throw invalidInput('the items have no feature "demandCv" for XYZ');
  const abcCutoffs = options.abcCutoffs ?? [0.8, 0.95];
  const xyzCutoffs = options.xyzCutoffs ?? [0.5, 1];
  if (abcCutoffs.length !== 2 || xyzCutoffs.length !== 2) {
    throw invalidInput("the ABC-XYZ design takes two ABC cutoffs and two XYZ cutoffs (three classes each)");
  }
  const design = abcDesignOf(values, abcCutoffs);
  const newItemPeriods = options.newItemPeriods ?? 6;
  const leadTimeDays = options.leadTimeDays ?? 14;
  const periodWord = options.period;

  const segments: SegmentDefinitionInput["segments"] = Object.entries(CELLS).map(([id, cell]) => {
    const abc = ABC_TEXT[id[0]];
    const share = id[0] === "A" ? `the first ${formatShare(abcCutoffs[0], 3)}` : id[0] === "B" ? `the next ${formatShare(abcCutoffs[1] - abcCutoffs[0], 3)}` : `the last ${formatShare(1 - abcCutoffs[1], 3)}`;
    const cv = id[1] === "X" ? `CoV ≤ ${xyzCutoffs[0]}` : id[1] === "Y" ? `CoV ${xyzCutoffs[0]}–${xyzCutoffs[1]}` : `CoV > ${xyzCutoffs[1]}`;
    return {
      id,
      name: cell.name,
      description: `${abc.word} items (${share} of ${abcDimension}) with ${XYZ_TEXT[id[1]]} ${periodWord}ly demand (${cv}).`,
      policy: startingPolicy(id, leadTimeDays),
      targets: startingTargets(id),
    };
  });

  const draft: SegmentDefinitionInput = {
    schemaVersion: SCHEMA_VERSION,
    id: options.id,
    name: options.name,
    version: 1,
    description:
      `ABC by cumulative share of ${abcDimension} (cutoffs ${abcCutoffs.join(", ")}) crossed with XYZ by the ` +
      `coefficient of variation of ${periodWord}ly demand (cutoffs ${xyzCutoffs.join(", ")}). Proposed from data; review the policies.`,
    scope: { entity: options.entity ?? "product", ...(options.businessUnit ? { businessUnit: options.businessUnit } : {}) },
    history: { period: options.period },
    dimensions: [
      { name: abcDimension, description: `${abcDimension} over the data period, net of excluded lines`, kind: "number" },
      { name: "demandCv", description: `coefficient of variation of ${periodWord}ly demand (STDEV.S ÷ mean)`, kind: "number" },
      { name: "historyPeriods", description: `${periodWord}s from the item's first sale to the end of the data`, kind: "number", unit: periodWord },
    ],
    method: {
      type: "matrix",
      classifications: [
        { kind: "abc", dimension: abcDimension, cutoffs: abcCutoffs, labels: ["A", "B", "C"], design },
        { kind: "xyz", dimension: "demandCv", cutoffs: xyzCutoffs, labels: ["X", "Y", "Z"] },
      ],
    },
    segments,
    fallback: {
      rules: [
        {
          name: "new products",
          description: `new products are BY until ${newItemPeriods} ${periodWord}s of history`,
          when: [{ field: "historyPeriods", op: "<", value: newItemPeriods }],
          segment: "BY",
        },
      ],
      unclassified: {
        name: "no measurable demand",
        description: "items without sales in the data (or with a net-negative period) cannot be classed by XYZ",
        segment: "CZ",
      },
    },
    ...commonParts(options, table.ids.length, "supply-segments design --method abc-xyz"),
  };
  return parseDefinition(draft);
}
