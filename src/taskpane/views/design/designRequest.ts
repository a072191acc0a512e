/**
 * From the Design view's choices (as typed) to the engine jobs' inputs: each number read and checked,
 * with a sentence per field saying what to enter when it is wrong, and the design options every method
 * shares (the definition's id, name and author, where the data came from, period, lead time, new-item
 * rule, cost ratio, readiness). The engine checks again; this is so the planner sees the problem at
 * the field, before anything runs.
 */
import type { ClusterDimensionChoice, ChosenClusterOptions } from "../../../engine/definition/designChosenClusters";
import type { DesignOptions } from "../../../engine/definition/design";
import type { PatternDesignOptions } from "../../../engine/definition/designPatterns";
import type { RulesDesignOptions } from "../../../engine/definition/designRules";
import { featurePhrase } from "../../../engine/definition/itemFeatures";
import type { SheetData } from "../../../excel/reader";
import type { DesignItems, DesignJobInput, KSelectJobInput } from "../../worker/designJobs";
import type { DesignChoices, MethodId } from "./designStore";

export type FieldErrors = Record<string, string>;

export const METHOD_LABELS: Record<MethodId, string> = {
  abcXyz: "ABC-XYZ",
  patterns: "demand patterns",
  clusters: "clusters",
  rules: "rules",
};

/** Most clusters the view offers: more segments than a planner can run policies for. */
export const MAX_CLUSTERS = 12;

export type DesignRequest =
  | { job: "design.abcXyz"; input: DesignJobInput<DesignOptions> }
  | { job: "design.patterns"; input: DesignJobInput<PatternDesignOptions> }
  | { job: "design.rules"; input: DesignJobInput<RulesDesignOptions> }
  | { job: "design.clusters"; input: DesignJobInput<ChosenClusterOptions> };

/** A number as typed: "80", " 0.5 ", "80%" (the % is dropped; the field says what unit it takes). NaN when it is not one. */
export function readNumber(text: string): number {
  const trimmed = text.trim().replace(/%$/, "").trim();
  if (trimmed === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return NaN;
  return Number(trimmed);
}

/** The data's name: the table's or named range's, else the sheet's. */
export function sourceName(data: SheetData): string {
  return data.source.kind === "selection" ? data.sheetName : data.source.name;
}

/** A definition id from a name, as the command line makes one from a file name. */
export function definitionId(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "").replace(/-+$/, "");
  return (cleaned || "segments").slice(0, 32);
}

export function defaultDefinitionName(data: SheetData, method: MethodId): string {
  return `${sourceName(data)} ${METHOD_LABELS[method]}`;
}

function describeData(data: SheetData): string {
  const what = data.source.kind === "table" ? `table ${data.source.name}` : data.source.kind === "namedRange" ? `named range ${data.source.name}` : "selection";
  return `${what} (${data.address})`;
}

/** The period and cost ratio the items are aggregated with; null while the cost ratio is not a number above 0. */
export function itemsKey(choices: DesignChoices): string | null {
  const costRatio = readNumber(choices.costRatio);
  return costRatio > 0 ? `${choices.period}|${costRatio}` : null;
}

export function commonErrors(choices: DesignChoices): FieldErrors {
  const errors: FieldErrors = {};
  const newItems = readNumber(choices.newItemPeriods);
  if (!(Number.isInteger(newItems) && newItems >= 0)) errors.newItemPeriods = `Enter a whole number of ${choices.period}s, 0 or more (0 turns the new-products rule off in effect).`;
  const leadTime = readNumber(choices.leadTimeDays);
  if (!(leadTime >= 0)) errors.leadTimeDays = "Enter the replenishment lead time in days, 0 or more.";
  if (!(readNumber(choices.costRatio) > 0)) errors.costRatio = "Enter the unit cost as a share of the selling price, above 0 (0.6 means cost is 60% of price).";
  if (choices.author.trim() === "") errors.author = "Enter who designs this definition: it is recorded as its author.";
  return errors;
}

export function abcErrors(choices: DesignChoices): FieldErrors {
  const errors: FieldErrors = {};
  const a = readNumber(choices.abc.a);
  const b = readNumber(choices.abc.b);
  const measure = featurePhrase(choices.abc.measure);
  if (!(a > 0 && a < 100)) errors["abc.a"] = `Enter the share of ${measure} the A items make up, between 0 and 100 (80 means 80%).`;
  if (!(b > 0 && b <= 100)) errors["abc.b"] = `Enter the share of ${measure} the A and B items make up together, up to 100 (95 means 95%).`;
  else if (a > 0 && a < 100 && !(b > a)) errors["abc.b"] = `B must end above A: enter more than ${a}%.`;
  return errors;
}

export function xyzErrors(choices: DesignChoices): FieldErrors {
  const errors: FieldErrors = {};
  const x = readNumber(choices.xyz.x);
  const y = readNumber(choices.xyz.y);
  if (!(x >= 0)) errors["xyz.x"] = "Enter the largest coefficient of variation of an X item, 0 or more (e.g. 0.5).";
  if (!(y >= 0)) errors["xyz.y"] = "Enter the largest coefficient of variation of a Y item (e.g. 1).";
  else if (x >= 0 && !(y > x)) errors["xyz.y"] = `Y must end above X: enter more than ${x}.`;
  return errors;
}

export function patternErrors(choices: DesignChoices): FieldErrors {
  const errors: FieldErrors = {};
  if (!(readNumber(choices.patterns.adi) >= 1)) errors["patterns.adi"] = "Enter an ADI cutoff of 1 or more (Syntetos–Boylan use 1.32).";
  if (!(readNumber(choices.patterns.cv2) > 0)) errors["patterns.cv2"] = "Enter a CV² cutoff above 0 (Syntetos–Boylan use 0.49).";
  return errors;
}

/** The ticked dimensions with their weights, or what is wrong with them. */
export function clusterDimensions(choices: DesignChoices): { dimensions: ClusterDimensionChoice[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const dimensions: ClusterDimensionChoice[] = [];
  for (const draft of choices.clusters.dimensions) {
    if (!draft.on) continue;
    const weight = readNumber(draft.weight);
    if (!(weight > 0)) errors[`weight.${draft.name}`] = "Enter a weight above 0 (1 is normal, 2 counts double); untick the dimension to leave it out.";
    dimensions.push({ name: draft.name, transform: draft.transform, weight });
  }
  if (dimensions.length === 0) errors.dimensions = "Tick at least one dimension to cluster on.";
  const seed = readNumber(choices.clusters.seed);
  if (!Number.isInteger(seed)) errors.seed = "Enter a whole number as the seed (the same seed gives the same segments).";
  return { dimensions, errors };
}

function itemsWith(items: DesignItems, dimensions: readonly ClusterDimensionChoice[]): number {
  let complete = 0;
  const columns = dimensions.map((dimension) => items.features[dimension.name]).filter(Boolean);
  for (let item = 0; item < items.ids.length; item++) if (columns.every((column) => column[item] === column[item])) complete++;
  return complete;
}

export function kselectRequest(choices: DesignChoices, items: DesignItems): { input: KSelectJobInput | null; key: string; errors: FieldErrors } {
  const { dimensions, errors } = clusterDimensions(choices);
  const kMin = readNumber(choices.clusters.kMin);
  const kMax = readNumber(choices.clusters.kMax);
  const usable = itemsWith(items, dimensions);
  const top = Math.min(MAX_CLUSTERS, usable - 1);
  if (!(Number.isInteger(kMin) && kMin >= 2)) errors.kMin = "Enter a whole number of segments, 2 or more (the silhouette needs two).";
  if (!(Number.isInteger(kMax) && kMax >= 2 && kMax <= top && (!Number.isInteger(kMin) || kMax >= kMin))) {
    errors.kMax = top < 2 ? `Too few items have every ticked dimension (${usable}) to compare numbers of segments.` : `Enter a whole number from ${Number.isInteger(kMin) && kMin >= 2 ? kMin : 2} to ${top}.`;
  }
  const seed = readNumber(choices.clusters.seed);
  const key = JSON.stringify([itemsKey(choices), dimensions, choices.clusters.scaling, seed, kMin, kMax]);
  if (Object.keys(errors).length > 0) return { input: null, key, errors };
  return { input: { items: { ids: items.ids, features: items.features }, dimensions, scaling: choices.clusters.scaling, kMin, kMax, seed }, key, errors };
}

function ruleParts(choices: DesignChoices): { rules: RulesDesignOptions["rules"]; otherwise: string; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const drafts = choices.rules.rules;
  if (drafts.length === 0) errors.rules = "Add at least one rule.";
  const rules = drafts.map((rule, r) => {
    if (rule.segment.trim() === "") errors[`rule.${rule.key}.segment`] = "Name the segment this rule's items go to.";
    if (rule.conditions.length === 0) errors[`rule.${rule.key}.conditions`] = `Give rule ${r + 1} at least one condition.`;
    const when = rule.conditions.map((condition) => {
      const value = readNumber(condition.value);
      if (!Number.isFinite(value)) errors[`condition.${condition.key}`] = `Enter a number to compare ${featurePhrase(condition.field)} with.`;
      return { field: condition.field, op: condition.op, value };
    });
    return { segment: rule.segment, when };
  });
  if (choices.rules.otherwise.trim() === "") errors.otherwise = "Name the segment of items no rule takes.";
  return { rules, otherwise: choices.rules.otherwise, errors };
}

/** The options every method shares; `now` is the definition's creation time. */
export function designOptionsOf(choices: DesignChoices, data: SheetData, items: DesignItems, now: Date): DesignOptions {
  const name = choices.name.trim() || defaultDefinitionName(data, choices.method);
  return {
    id: definitionId(sourceName(data)),
    name,
    author: choices.author.trim(),
    dataSource: describeData(data),
    rowCount: items.rowCount,
    createdAt: now.toISOString(),
    period: items.period,
    newItemPeriods: readNumber(choices.newItemPeriods),
    leadTimeDays: readNumber(choices.leadTimeDays),
    costRatio: readNumber(choices.costRatio),
    readiness: items.readiness,
    entity: "product",
  };
}

/** The job that designs by the chosen method, or the fields to fix first. */
export function designRequest(choices: DesignChoices, data: SheetData, items: DesignItems, now = new Date()): { request: DesignRequest | null; errors: FieldErrors } {
  const errors: FieldErrors = { ...commonErrors(choices) };
  const itemColumns = { ids: items.ids, features: items.features };
  const options = designOptionsOf(choices, data, items, now);
  const abc = { abcDimension: choices.abc.measure, abcCutoffs: [readNumber(choices.abc.a) / 100, readNumber(choices.abc.b) / 100] };
  let request: DesignRequest;
  switch (choices.method) {
    case "abcXyz":
      Object.assign(errors, abcErrors(choices), xyzErrors(choices));
      request = { job: "design.abcXyz", input: { items: itemColumns, options: { ...options, ...abc, xyzCutoffs: [readNumber(choices.xyz.x), readNumber(choices.xyz.y)] } } };
      break;
    case "patterns":
      Object.assign(errors, patternErrors(choices), choices.patterns.withAbc ? abcErrors(choices) : {});
      request = {
        job: "design.patterns",
        input: {
          items: itemColumns,
          options: {
            ...options,
            ...(choices.patterns.withAbc ? abc : {}),
            withAbc: choices.patterns.withAbc,
            adiCutoff: readNumber(choices.patterns.adi),
            cv2Cutoff: readNumber(choices.patterns.cv2),
          },
        },
      };
      break;
    case "rules": {
      const parts = ruleParts(choices);
      Object.assign(errors, parts.errors);
      request = { job: "design.rules", input: { items: itemColumns, options: { ...options, rules: parts.rules, otherwise: parts.otherwise } } };
      break;
    }
    case "clusters": {
      const chosen = clusterDimensions(choices);
      Object.assign(errors, chosen.errors);
      const k = readNumber(choices.clusters.k);
      const usable = itemsWith(items, chosen.dimensions);
      const top = Math.min(MAX_CLUSTERS, usable);
      if (!(Number.isInteger(k) && k >= 2 && k <= top)) {
        errors.k = top < 2 ? `Too few items have every ticked dimension (${usable}) to make segments.` : `Enter a whole number of segments from 2 to ${top}.`;
      }
      request = {
        job: "design.clusters",
        input: {
          items: itemColumns,
          options: { ...options, dimensions: chosen.dimensions, clusters: k, seed: readNumber(choices.clusters.seed), scaling: choices.clusters.scaling },
        },
      };
      break;
    }
  }
  return Object.keys(errors).length > 0 ? { request: null, errors } : { request, errors };
}
