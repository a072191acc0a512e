/**
 * What changed between two versions of a segment definition, in a planner's words: segments added,
 * removed or renamed, policy fields and KPI targets with old → new, classification thresholds,
 * rules, fallbacks, overrides. The store's own diff (GET /definitions/{id}/diff) answers in JSON
 * pointers for machines; this one is for the version history a reviewer reads before approving.
 *
 * Segments, dimensions, rules and overrides are matched by their id, name or item, so a reordering
 * is not reported as every element changing. `version` is left out: it always differs between two
 * versions and says nothing about what the definition does. Any field this file does not know
 * (a later schema) is still reported, by its path, so no change goes unseen.
 */
import {
  asArray,
  asRecord,
  Changes,
  type DefinitionChange,
  type Doc,
  type FieldSpec,
  type Format,
  formatDays,
  formatList,
  formatPercent,
  formatPercents,
  formatPlain,
  formatWord,
  isRecord,
  type Json,
  matchLists,
  NOT_SET,
  same,
  unionKeys,
} from "./diffCore";

export type { ChangeKind, DefinitionChange } from "./diffCore";

const POLICY_FIELDS: FieldSpec[] = [
  { key: "serviceLevel", label: "service level", format: formatPercent },
  { key: "serviceType", label: "service level type", format: formatWord },
  { key: "safetyStockMethod", label: "safety-stock method", format: formatWord },
  { key: "safetyStockPeriods", label: "safety-stock periods", format: formatPlain },
  { key: "reviewPeriodDays", label: "review period", format: formatDays },
  { key: "leadTimeDays", label: "lead time", format: formatDays },
  { key: "leadTimeStdDevDays", label: "lead-time standard deviation", format: formatDays },
  { key: "promisedLeadTimeDays", label: "promised lead time", format: formatDays },
  { key: "transportMode", label: "transport mode", format: formatPlain },
  { key: "forecastingMethod", label: "forecasting method", format: formatPlain },
  { key: "moq", label: "MOQ", format: formatPlain },
  { key: "priceTier", label: "price tier", format: formatPlain },
  { key: "orderCost", label: "order cost", format: formatPlain },
  { key: "holdingRate", label: "holding rate", format: formatPercent },
];

const KPI_FIELDS: { key: string; label: string; format: Format }[] = [
  { key: "fillRate", label: "fill rate", format: formatPercent },
  { key: "onTimeDelivery", label: "on-time delivery", format: formatPercent },
  { key: "perfectOrder", label: "perfect order", format: formatPercent },
  { key: "inventoryTurns", label: "inventory turns", format: formatPlain },
  { key: "costToServe", label: "cost-to-serve", format: formatPercent },
  { key: "costPerOrder", label: "cost per order", format: formatPlain },
];

const THRESHOLD_WORDS: Record<string, string> = { target: "target", escalateBelow: "escalate below", escalateAbove: "escalate above" };

// ---- the parts of a definition -----------------------------------------------------------------

function conditionText(condition: Json): string {
  const c = asRecord(condition);
  const value = c.value;
  if (c.op === "missing" || c.op === "present") return `${String(c.field)} ${String(c.op)}`;
  if (c.op === "between" && Array.isArray(value)) return `${String(c.field)} between ${formatPlain(value[0])} and ${formatPlain(value[1])}`;
  if (Array.isArray(value)) return `${String(c.field)} ${String(c.op)} [${value.map(formatPlain).join(", ")}]`;
  return `${String(c.field)} ${String(c.op)} ${formatPlain(value)}`;
}

const conditionsText: Format = (value) => {
  const list = asArray(value);
  return list.length === 0 ? NOT_SET : list.map(conditionText).join(" and ");
};

function compareNamedRule(changes: Changes, subject: string, before: Doc, after: Doc): void {
  changes.value(subject, "conditions", before.when, after.when, conditionsText);
  changes.value(subject, "segment", before.segment, after.segment, formatWord);
  changes.value(subject, "description", before.description, after.description);
  for (const key of unionKeys(before, after)) {
    if (!["name", "when", "segment", "description"].includes(key)) changes.value(subject, key, before[key], after[key]);
  }
}

const describeRule = (rule: Doc) => ` (${conditionsText(rule.when)} → ${formatWord(rule.segment)})`;

function compareRuleLists(changes: Changes, listSubject: string, ruleWord: string, before: Json, after: Json): void {
  matchLists(changes, before, after, {
    key: (rule) => rule.name,
    subjectOf: (name) => `${ruleWord} “${name}”`,
    describe: describeRule,
    compare: (subject, a, b) => compareNamedRule(changes, subject, a, b),
    ordered: true,
    listSubject,
  });
}

function compareNamedSegment(changes: Changes, subject: string, before: Json, after: Json): void {
  if (same(before, after)) return;
  if (before === undefined || after === undefined) {
    const present = asRecord(before ?? after);
    const text = `“${String(present.name)}” → ${formatWord(present.segment)}`;
    if (before === undefined) changes.added(subject, `${subject} added: ${text}`);
    else changes.removed(subject, `${subject} removed (was ${text})`);
    return;
  }
  const a = asRecord(before);
  const b = asRecord(after);
  changes.value(subject, "segment", a.segment, b.segment, formatWord);
  changes.value(subject, "name", a.name, b.name);
  changes.value(subject, "description", a.description, b.description);
}

function classificationSubject(classification: Doc): string {
  switch (classification.kind) {
    case "abc":
      return `ABC on ${String(classification.dimension)}`;
    case "xyz":
      return `XYZ on ${String(classification.dimension)}`;
    case "bands":
      return `Bands on ${String(classification.dimension)}`;
    case "demandPattern":
      return `Demand pattern on ${String(classification.adiDimension)} and ${String(classification.cv2Dimension)}`;
    default:
      return `Classification ${String(classification.kind)}`;
  }
}

function compareClassification(changes: Changes, before: Doc, after: Doc): void {
  const subject = classificationSubject(after);
  if (before.kind !== after.kind) {
    changes.value("Method", "classification", classificationSubject(before), subject, formatWord);
    return;
  }
  const cutoffFormat = after.kind === "abc" ? formatPercents : formatList;
  changes.value(subject, "dimension", before.dimension, after.dimension, formatWord);
  changes.value(subject, after.kind === "abc" ? "cutoffs (cumulative share)" : "cutoffs", before.cutoffs, after.cutoffs, cutoffFormat);
  changes.value(subject, "labels", before.labels, after.labels, formatList);
  const thresholds = (design: Json) => {
    const boundaries = asArray(asRecord(design).boundaries);
    return design === undefined ? undefined : boundaries.map((b) => (isRecord(b) ? b.threshold : null));
  };
  const thresholdText: Format = (value) => (Array.isArray(value) ? value.map((v) => (v === null ? "none" : formatPlain(v))).join(", ") : formatPlain(value));
  changes.value(subject, "design thresholds", thresholds(before.design), thresholds(after.design), thresholdText);
  const designRest = (design: Json) => (design === undefined ? undefined : { items: asRecord(design).items, total: asRecord(design).total });
  const beforeRest = designRest(before.design);
  const afterRest = designRest(after.design);
  if (beforeRest && afterRest) {
    changes.value(subject, "design items", beforeRest.items, afterRest.items);
    changes.value(subject, "design total", beforeRest.total, afterRest.total);
  }
  changes.value(subject, "ADI cutoff", before.adiCutoff, after.adiCutoff);
  changes.value(subject, "CV² cutoff", before.cv2Cutoff, after.cv2Cutoff);
  changes.value(subject, "ADI dimension", before.adiDimension, after.adiDimension, formatWord);
  changes.value(subject, "CV² dimension", before.cv2Dimension, after.cv2Dimension, formatWord);
}

function compareMethod(changes: Changes, before: Doc, after: Doc): void {
  if (before.type !== after.type) {
    changes.value("Method", "type", before.type, after.type, formatWord);
    return;
  }
  if (after.type === "matrix") {
    const a = asArray(before.classifications);
    const b = asArray(after.classifications);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) changes.added("Method", `Classification ${classificationSubject(asRecord(b[i]))} added`);
      else if (i >= b.length) changes.removed("Method", `Classification ${classificationSubject(asRecord(a[i]))} removed`);
      else compareClassification(changes, asRecord(a[i]), asRecord(b[i]));
    }
    changes.value("Method", "separator", before.separator, after.separator);
    const cellsA = asRecord(before.cells);
    const cellsB = asRecord(after.cells);
    for (const cell of unionKeys(cellsA, cellsB)) {
      if (!(cell in cellsA)) changes.added("Cells", `Cell ${cell} → ${formatWord(cellsB[cell])} added`);
      else if (!(cell in cellsB)) changes.removed("Cells", `Cell ${cell} → ${formatWord(cellsA[cell])} removed`);
      else changes.value("Cells", `cell ${cell}`, cellsA[cell], cellsB[cell], formatWord);
    }
  } else if (after.type === "rules") {
    compareRuleLists(changes, "Rules", "Rule", before.rules, after.rules);
    compareNamedSegment(changes, "Default segment", before.default, after.default);
  } else if (after.type === "clusters") {
    const a = asArray(before.segments);
    const b = asArray(after.segments);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      changes.value("Clusters", `cluster ${i + 1}`, a[i], b[i], formatWord);
    }
    if (!same(before.model, after.model)) {
      const centroids = (model: Json) => asArray(asRecord(model).centroids).length;
      const text =
        centroids(before.model) === centroids(after.model)
          ? `Cluster model refitted (${centroids(after.model)} clusters; the centres moved)`
          : `Cluster model refitted: ${centroids(before.model)} → ${centroids(after.model)} clusters`;
      changes.list.push({ subject: "Clusters", kind: "changed", field: "model", text });
    }
  }
  for (const key of unionKeys(before, after)) {
    if (!["type", "classifications", "separator", "cells", "rules", "default", "segments", "model"].includes(key)) {
      changes.value("Method", key, before[key], after[key]);
    }
  }
}

function compareTargets(changes: Changes, segmentSubject: string, before: Doc, after: Doc): void {
  const known = new Set(KPI_FIELDS.map((kpi) => kpi.key));
  for (const kpi of KPI_FIELDS) {
    const a = before[kpi.key];
    const b = after[kpi.key];
    if (same(a, b)) continue;
    const thresholdsText = (target: Doc) =>
      Object.keys(target)
        .map((key) => `${THRESHOLD_WORDS[key] ?? key} ${kpi.format(target[key])}`)
        .join(", ");
    if (a === undefined) {
      changes.added(segmentSubject, `${segmentSubject} · ${kpi.label} target added: ${thresholdsText(asRecord(b))}`);
    } else if (b === undefined) {
      changes.removed(segmentSubject, `${segmentSubject} · ${kpi.label} target removed (was ${thresholdsText(asRecord(a))})`);
    } else {
      const ta = asRecord(a);
      const tb = asRecord(b);
      for (const key of unionKeys(ta, tb)) changes.value(segmentSubject, `${kpi.label} ${THRESHOLD_WORDS[key] ?? key}`, ta[key], tb[key], kpi.format);
    }
  }
  for (const key of unionKeys(before, after)) if (!known.has(key)) changes.value(segmentSubject, `target ${key}`, before[key], after[key]);
}

function compareSegment(changes: Changes, subject: string, before: Doc, after: Doc): void {
  if (!same(before.name, after.name)) {
    const from = formatPlain(before.name);
    const to = formatPlain(after.name);
    changes.list.push({ subject, kind: "renamed", field: "name", before: from, after: to, text: `${subject} renamed: ${from} → ${to}` });
  }
  changes.value(subject, "description", before.description, after.description);
  changes.fields(subject, asRecord(before.policy), asRecord(after.policy), POLICY_FIELDS);
  compareTargets(changes, subject, asRecord(before.targets), asRecord(after.targets));
  for (const key of unionKeys(before, after)) {
    if (!["id", "name", "description", "policy", "targets"].includes(key)) changes.value(subject, key, before[key], after[key]);
  }
}

const TOP_LEVEL_HANDLED = new Set([
  "version",
  "schemaVersion",
  "id",
  "name",
  "description",
  "scope",
  "history",
  "dimensions",
  "method",
  "segments",
  "fallback",
  "reclassification",
  "exceptions",
  "valuation",
  "overrides",
  "provenance",
]);

/** A generic walk for what the schema knows and this file does not: "path: before → after". */
function compareGeneric(changes: Changes, path: string, before: Json, after: Json): void {
  if (same(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const key of unionKeys(before, after)) compareGeneric(changes, `${path}.${key}`, before[key], after[key]);
    return;
  }
  changes.value("Definition", path, before, after);
}

/**
 * The changes from `before` to `after`, grouped in reading order: the definition itself, its
 * dimensions, the method and its thresholds, the segments with their policies and targets, then
 * fallbacks, reclassification, exceptions, valuation, overrides and provenance. Empty when the two
 * define the same thing (whatever their version numbers).
 */
export function diffDefinitions(beforeDocument: unknown, afterDocument: unknown): DefinitionChange[] {
  const before = asRecord(beforeDocument);
  const after = asRecord(afterDocument);
  const changes = new Changes();

  changes.value("Definition", "id", before.id, after.id, formatWord);
  changes.value("Definition", "name", before.name, after.name);
  changes.value("Definition", "description", before.description, after.description);
  changes.value("Definition", "schema version", before.schemaVersion, after.schemaVersion);
  const scopeA = asRecord(before.scope);
  const scopeB = asRecord(after.scope);
  changes.fields("Scope", scopeA, scopeB, [
    { key: "entity", label: "entity", format: formatWord },
    { key: "businessUnit", label: "business unit", format: formatPlain },
    { key: "description", label: "description", format: formatPlain },
  ]);
  changes.fields("History", asRecord(before.history), asRecord(after.history), [{ key: "period", label: "period", format: formatWord }]);

  matchLists(changes, before.dimensions, after.dimensions, {
    key: (dimension) => dimension.name,
    subjectOf: (name) => `Dimension ${name}`,
    describe: () => "",
    compare: (subject, a, b) =>
      changes.fields(subject, a, b, [
        { key: "name", label: "name", format: formatWord },
        { key: "kind", label: "kind", format: formatWord },
        { key: "unit", label: "unit", format: formatPlain },
        { key: "transform", label: "transform", format: formatWord },
        { key: "weight", label: "weight", format: formatPlain },
        { key: "description", label: "description", format: formatPlain },
      ]),
    ordered: true,
    listSubject: "Dimensions",
  });

  compareMethod(changes, asRecord(before.method), asRecord(after.method));

  matchLists(changes, before.segments, after.segments, {
    key: (segment) => segment.id,
    subjectOf: (id) => `Segment ${id}`,
    describe: (segment) => (typeof segment.name === "string" ? ` “${segment.name}”` : ""),
    compare: (subject, a, b) => compareSegment(changes, subject, a, b),
    ordered: true,
    listSubject: "Segments",
  });

  const fallbackA = asRecord(before.fallback);
  const fallbackB = asRecord(after.fallback);
  compareRuleLists(changes, "Fallback rules", "Fallback rule", fallbackA.rules, fallbackB.rules);
  compareNamedSegment(changes, "Unclassified items", fallbackA.unclassified, fallbackB.unclassified);

  if (before.reclassification === undefined || after.reclassification === undefined) {
    if (before.reclassification !== undefined) changes.removed("Reclassification", "Reclassification rules removed: segments change at once");
    if (after.reclassification !== undefined) changes.added("Reclassification", "Reclassification rules added: segments change only when a rule holds");
  } else {
    const a = asRecord(before.reclassification);
    const b = asRecord(after.reclassification);
    changes.value("Reclassification", "period", a.period, b.period, formatWord);
    changes.value("Reclassification", "baseline", a.baseline, b.baseline, formatWord);
    matchLists(changes, a.rules, b.rules, {
      key: (rule) => rule.name,
      subjectOf: (name) => `Reclassification rule “${name}”`,
      describe: (rule) => ` (${formatWord(rule.metric)} ${formatWord(rule.direction)} ${formatPercent(rule.change)} for ${formatPlain(rule.consecutivePeriods)} periods)`,
      compare: (subject, ra, rb) =>
        changes.fields(subject, ra, rb, [
          { key: "name", label: "name", format: formatPlain },
          { key: "metric", label: "metric", format: formatWord },
          { key: "direction", label: "direction", format: formatWord },
          { key: "change", label: "change", format: formatPercent },
          { key: "consecutivePeriods", label: "consecutive periods", format: formatPlain },
          { key: "description", label: "description", format: formatPlain },
        ]),
      ordered: true,
      listSubject: "Reclassification rules",
    });
  }

  changes.fields("One-off lines", asRecord(before.exceptions), asRecord(after.exceptions), [
    { key: "maxLineShare", label: "largest share of an item's sales", format: formatPercent },
    { key: "minLines", label: "minimum lines", format: formatPlain },
    { key: "action", label: "action", format: formatWord },
  ]);
  changes.fields("Valuation", asRecord(before.valuation), asRecord(after.valuation), [{ key: "costRatio", label: "cost ratio", format: formatPlain }]);

  matchLists(changes, before.overrides, after.overrides, {
    key: (override) => override.item,
    subjectOf: (item) => `Override of ${item}`,
    describe: (override) => ` (→ ${formatWord(override.segment)}: ${formatPlain(override.reason)})`,
    compare: (subject, a, b) =>
      changes.fields(subject, a, b, [
        { key: "segment", label: "segment", format: formatWord },
        { key: "reason", label: "reason", format: formatPlain },
        { key: "by", label: "by", format: formatWord },
        { key: "at", label: "at", format: formatWord },
        { key: "item", label: "item", format: formatWord },
      ]),
    ordered: true,
    listSubject: "Overrides",
  });

  const provenanceA = asRecord(before.provenance);
  const provenanceB = asRecord(after.provenance);
  changes.fields("Provenance", provenanceA, provenanceB, [
    { key: "dataSource", label: "data source", format: formatPlain },
    { key: "rowCount", label: "rows", format: formatPlain },
    { key: "itemCount", label: "items", format: formatPlain },
    { key: "author", label: "author", format: formatWord },
    { key: "createdAt", label: "created", format: formatWord },
    { key: "tool", label: "tool", format: formatPlain },
    { key: "readiness", label: "readiness", format: (value) => (isRecord(value) ? `${value.passed ? "passed" : "failed"}: ${String(value.summary)}` : formatPlain(value)) },
  ]);

  for (const key of unionKeys(before, after)) if (!TOP_LEVEL_HANDLED.has(key)) compareGeneric(changes, key, before[key], after[key]);
  return changes.list;
}

/** True when the two documents define the same thing (their version numbers aside). */
export function sameDefinition(a: unknown, b: unknown): boolean {
  const strip = (document: unknown) => {
    const { version: _version, ...rest } = asRecord(document);
    return rest;
  };
  return same(strip(a), strip(b));
}
