/**
 * Assigning items to segments: the one decision procedure that cells, the task pane, the command
 * line and the store share. For each item, in this order:
 *
 * 1. The definition's fallback rules, in order (e.g. "new products are BY until 6 months of
 *    history"): the first whose conditions all hold gives the segment.
 * 2. Otherwise the method: the matrix cell of the item's classes, or the first matching rule
 *    (the rules method's named default when none matches).
 * 3. An item the matrix cannot classify (a missing or undefined feature) goes to the fallback the
 *    definition names for unclassifiable items; without one it gets no segment, and says why.
 *    Nothing is ever placed by a silent default.
 * 4. A manual override for the item's id replaces the result; the computed segment is kept beside
 *    it, so overrides are listed separately from computed assignments.
 *
 * Every assignment explains itself in words: the reasons list the classes, thresholds and rules
 * that decided it.
 */
import type { ItemFeatures, ItemTable } from "../items/itemTable";
import { tableOfItem } from "../items/itemTable";
import { locateDimensions } from "./columns";
import { type CompiledRule, compileRule } from "./conditions";
import { quote } from "./format";
import { placeClusters } from "./clusters";
import { type AbcMode, type PlacedClasses, placeClasses } from "./matrix";
import { classificationLabels, matrixCellNames } from "./methodSchema";
import type { Segment, SegmentDefinition } from "./schema";

/** How an item got its segment. */
export type AssignmentSource = "method" | "default" | "fallback" | "unclassified" | "none" | "override";
export const ASSIGNMENT_SOURCES: readonly AssignmentSource[] = ["method", "default", "fallback", "unclassified", "none", "override"];
const METHOD = 0;
const DEFAULT = 1;
const FALLBACK = 2;
const UNCLASSIFIED = 3;
const NONE = 4;
const OVERRIDE = 5;

export interface BatchOptions {
  /** How ABC places items: rank this population (batch apply) or use the design thresholds (single items). */
  abcMode: AbcMode;
  /** A dimension the table lacks is an error (true) or missing for every item (false). */
  requireAllDimensions: boolean;
}

export interface BatchAssignment {
  readonly definition: SegmentDefinition;
  readonly ids: readonly string[];
  /** Final segment per item (index into definition.segments); −1 = no segment. */
  readonly segmentIndex: Int32Array;
  /** Segment before manual overrides. */
  readonly computedIndex: Int32Array;
  /** Per item: index into ASSIGNMENT_SOURCES of how the final segment was decided. */
  readonly source: Uint8Array;
  /** Per item: index into ASSIGNMENT_SOURCES of how the computed segment was decided. */
  readonly computedSource: Uint8Array;
  /** Matrix method: one placement per classification; rules method: empty. */
  readonly classes: readonly PlacedClasses[];
  /** Matrix cell name per item ("" when not classified or not a matrix). */
  cellOf(item: number): string;
  /** The reasons for the item's final segment, in words. */
  reasons(item: number): string[];
  /** The reasons for the computed segment (before any override). */
  computedReasons(item: number): string[];
}

function segmentText(segment: Segment): string {
  return `${segment.id} (${segment.name})`;
}

function describeNamed(named: { name: string; description?: string }): string {
  return named.description ? `${quote(named.name)} (${named.description})` : quote(named.name);
}

export function assignBatch(definition: SegmentDefinition, table: ItemTable, options: BatchOptions): BatchAssignment {
  const columns = locateDimensions(definition.dimensions, table, { requireAll: options.requireAllDimensions });
  const itemCount = table.ids.length;
  const segmentIds = new Map(definition.segments.map((segment, k) => [segment.id, k]));
  const fallbackRules = definition.fallback.rules.map((rule) => compileRule(rule, columns));
  const unclassified = definition.fallback.unclassified;
  const unclassifiedIndex = unclassified ? segmentIds.get(unclassified.segment)! : -1;

  const method = definition.method;
  let classes: PlacedClasses[] = [];
  let cellSegment = new Int32Array(0);
  let cellNames: string[] = [];
  let secondClassCount = 1;
  let methodRules: CompiledRule[] = [];
  if (method.type === "matrix") {
    classes = method.classifications.map((classification) => placeClasses(classification, columns, options.abcMode));
    cellNames = matrixCellNames(method);
    cellSegment = Int32Array.from(cellNames, (cell) => segmentIds.get(method.cells?.[cell] ?? cell)!);
    if (method.classifications.length === 2) secondClassCount = classificationLabels(method.classifications[1]).length;
  } else if (method.type === "clusters") {
    // One "classification" whose classes are the clusters, each mapped to its segment.
    classes = [placeClusters(method, columns)];
    cellNames = method.segments.map((_, j) => `cluster ${j + 1}`);
    cellSegment = Int32Array.from(method.segments, (id) => segmentIds.get(id)!);
  } else {
    methodRules = method.rules.map((rule) => compileRule(rule, columns));
  }
  const defaultIndex = method.type === "rules" ? segmentIds.get(method.default.segment)! : -1;

  const computedIndex = new Int32Array(itemCount);
  const computedSource = new Uint8Array(itemCount);
  /** Which fallback rule or method rule decided the item (−1 none). */
  const ruleIndex = new Int32Array(itemCount).fill(-1);
  const cellIndex = new Int32Array(itemCount).fill(-1);

  for (let item = 0; item < itemCount; item++) {
    let decided = false;
    for (let k = 0; k < fallbackRules.length; k++) {
      if (fallbackRules[k].holds(item)) {
        computedIndex[item] = segmentIds.get(fallbackRules[k].rule.segment)!;
        computedSource[item] = FALLBACK;
        ruleIndex[item] = k;
        decided = true;
        break;
      }
    }
    if (decided) continue;
    if (method.type === "matrix" || method.type === "clusters") {
      let cell = 0;
      let classified = true;
      for (let c = 0; c < classes.length; c++) {
        const k = classes[c].classIndex[item];
        if (k < 0) classified = false;
        cell = c === 0 ? k * secondClassCount : cell + k;
      }
      if (classified) {
        cellIndex[item] = classes.length === 1 ? classes[0].classIndex[item] : cell;
        computedIndex[item] = cellSegment[cellIndex[item]];
        computedSource[item] = METHOD;
      } else {
        computedIndex[item] = unclassifiedIndex;
        computedSource[item] = unclassified ? UNCLASSIFIED : NONE;
      }
    } else {
      computedIndex[item] = defaultIndex;
      computedSource[item] = DEFAULT;
      for (let k = 0; k < methodRules.length; k++) {
        if (methodRules[k].holds(item)) {
          computedIndex[item] = segmentIds.get(methodRules[k].rule.segment)!;
          computedSource[item] = METHOD;
          ruleIndex[item] = k;
          break;
        }
      }
    }
  }

  const segmentIndex = computedIndex.slice();
  const source = computedSource.slice();
  const overrideOf = new Map<number, number>();
  if (definition.overrides.length > 0) {
    const itemOf = new Map<string, number>();
    table.ids.forEach((id, item) => itemOf.set(id, item));
    definition.overrides.forEach((override, k) => {
      const item = itemOf.get(override.item);
      if (item === undefined) return;
      segmentIndex[item] = segmentIds.get(override.segment)!;
      source[item] = OVERRIDE;
      overrideOf.set(item, k);
    });
  }

  const computedReasons = (item: number): string[] => {
    const segment = computedIndex[item] >= 0 ? definition.segments[computedIndex[item]] : null;
    switch (computedSource[item]) {
      case FALLBACK: {
        const rule = fallbackRules[ruleIndex[item]];
        return [`fallback rule ${describeNamed(rule.rule)}: ${rule.describe(item)} → ${segmentText(segment!)}`];
      }
      case METHOD:
        if (method.type === "matrix" || method.type === "clusters") {
          const cell = cellNames[cellIndex[item]];
          const cellText = classes.length > 1 ? `cell ${cell} → ${segmentText(segment!)}` : `→ ${segmentText(segment!)}`;
          return [...classes.map((placed) => placed.describe(item)), cellText];
        } else {
          const rule = methodRules[ruleIndex[item]];
          return [`rule ${quote(rule.rule.name)}: ${rule.describe(item)} → ${segmentText(segment!)}`];
        }
      case DEFAULT:
        return [
          `no rule matched (first rule: ${methodRules[0].describe(item)})`,
          `default ${describeNamed((method as { default: { name: string; description?: string } }).default)} → ${segmentText(segment!)}`,
        ];
      case UNCLASSIFIED:
      case NONE: {
        const failed = classes.filter((placed) => placed.classIndex[item] < 0).map((placed) => placed.describe(item));
        const tail =
          computedSource[item] === UNCLASSIFIED
            ? `not classifiable → fallback for unclassifiable items ${describeNamed(unclassified!)} → ${segmentText(segment!)}`
            : "not classifiable, and the definition names no fallback for unclassifiable items → no segment";
        return [...failed, tail];
      }
      default:
        return [];
    }
  };

  return {
    definition,
    ids: table.ids,
    segmentIndex,
    computedIndex,
    source,
    computedSource,
    classes,
    cellOf: (item) => (cellIndex[item] >= 0 ? cellNames[cellIndex[item]] : ""),
    computedReasons,
    reasons(item) {
      const k = overrideOf.get(item);
      if (k === undefined) return computedReasons(item);
      const override = definition.overrides[k];
      const computed = computedIndex[item] >= 0 ? definition.segments[computedIndex[item]].id : "no segment";
      return [
        `manual override → ${segmentText(definition.segments[segmentIndex[item]])} by ${override.by} on ${override.at.slice(0, 10)}: ${override.reason}`,
        `computed segment was ${computed}: ${computedReasons(item).join("; ")}`,
      ];
    },
  };
}

export interface Assignment {
  /** Segment id, or null when the definition gives the item no segment (see reasons). */
  segment: string | null;
  /** The segment's business name. */
  segmentName: string | null;
  source: AssignmentSource;
  reasons: string[];
  /** The segment before a manual override (equal to segment when there is none). */
  computedSegment: string | null;
}

/**
 * One item's segment and reasons. ABC is placed by the definition's design thresholds, since a
 * single item has no population to be ranked in (see matrix.ts).
 */
export function assign(definition: SegmentDefinition, item: ItemFeatures): Assignment {
  const batch = assignBatch(definition, tableOfItem(item), { abcMode: "thresholds", requireAllDimensions: false });
  return assignmentOf(batch, 0);
}

/** The Assignment record of one item of a batch. */
export function assignmentOf(batch: BatchAssignment, item: number): Assignment {
  const segments = batch.definition.segments;
  const final = batch.segmentIndex[item];
  const computed = batch.computedIndex[item];
  return {
    segment: final >= 0 ? segments[final].id : null,
    segmentName: final >= 0 ? segments[final].name : null,
    source: ASSIGNMENT_SOURCES[batch.source[item]],
    reasons: batch.reasons(item),
    computedSegment: computed >= 0 ? segments[computed].id : null,
  };
}
