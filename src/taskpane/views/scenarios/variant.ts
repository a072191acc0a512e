/**
 * Quick edits that turn the working design into a variant to save as another scenario: the cutoffs
 * of a matrix method's ABC and XYZ classifications, and each segment's service level. The planner
 * types percentages and coefficients of variation; they are checked field by field with a sentence
 * saying what to enter, then the whole definition is validated by the engine's schema.
 *
 * An ABC classification stores the value thresholds its cutoffs gave on the design data; with new
 * cutoffs they are measured again on the data the design is applied to (the engine's abcDesignOf),
 * or dropped when that data isn't at hand, so the stored thresholds never contradict the cutoffs.
 */
import type { ApplyResult } from "../../../engine/apply/applyDefinition";
import { abcDesignOf, parseDefinition, type Classification, type SegmentDefinition } from "../../../engine/definition";
import { formatNumber } from "../../../engine/definition/format";

export interface EditableClassification {
  /** Position in method.classifications. */
  index: number;
  kind: "abc" | "xyz";
  dimension: string;
  labels: readonly string[];
  cutoffs: readonly number[];
}

export interface VariantDraft {
  /** Per classification index, the cutoffs as typed: percentages for ABC, coefficients of variation for XYZ. */
  cutoffs: Record<number, string[]>;
  /** Per segment id, the service level as typed, in percent. */
  serviceLevels: Record<string, string>;
}

export type VariantResult =
  | { kind: "unchanged" }
  | { kind: "invalid"; fieldErrors: Record<string, string>; message: string | null }
  | { kind: "ready"; definition: SegmentDefinition };

/** The classifications whose cutoffs can be edited here. */
export function editableClassifications(definition: SegmentDefinition): EditableClassification[] {
  if (definition.method.type !== "matrix") return [];
  return definition.method.classifications.flatMap((classification: Classification, index): EditableClassification[] =>
    classification.kind === "abc" || classification.kind === "xyz"
      ? [{ index, kind: classification.kind, dimension: classification.dimension, labels: classification.labels, cutoffs: classification.cutoffs }]
      : [],
  );
}

/** Shares as percentages without float noise: 0.95 → "95", 0.875 → "87.5". */
function percentText(share: number): string {
  return String(Number((share * 100).toFixed(6)));
}

export function draftOf(definition: SegmentDefinition): VariantDraft {
  const cutoffs: Record<number, string[]> = {};
  for (const c of editableClassifications(definition)) {
    cutoffs[c.index] = c.cutoffs.map((value) => (c.kind === "abc" ? percentText(value) : String(value)));
  }
  const serviceLevels: Record<string, string> = {};
  for (const segment of definition.segments) serviceLevels[segment.id] = percentText(segment.policy.serviceLevel);
  return { cutoffs, serviceLevels };
}

export const cutoffField = (classification: number, k: number) => `cutoff-${classification}-${k}`;
export const serviceLevelField = (segment: string) => `service-${segment}`;

function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? NaN : Number(trimmed);
}

/** The working definition with the draft's edits, checked; "unchanged" when the draft edits nothing. */
export function buildVariant(definition: SegmentDefinition, draft: VariantDraft, applied: ApplyResult | null): VariantResult {
  const fieldErrors: Record<string, string> = {};
  const method = definition.method;
  let classifications = method.type === "matrix" ? method.classifications : null;
  let changed = false;

  for (const c of editableClassifications(definition)) {
    const typed = draft.cutoffs[c.index] ?? [];
    const values: number[] = [];
    typed.forEach((text, k) => {
      const field = cutoffField(c.index, k);
      const raw = numberOf(text);
      if (!Number.isFinite(raw)) {
        fieldErrors[field] = c.kind === "abc" ? "Enter a cumulative share in percent, e.g. 80." : "Enter a coefficient of variation, e.g. 0.5.";
        return;
      }
      const value = c.kind === "abc" ? raw / 100 : raw;
      if (c.kind === "abc" && (raw <= 0 || raw > 100)) fieldErrors[field] = "Enter a percentage above 0 and at most 100.";
      else if (c.kind === "xyz" && raw < 0) fieldErrors[field] = "Enter 0 or more.";
      else if (k > 0 && Number.isFinite(values[k - 1]) && value <= values[k - 1]) {
        fieldErrors[field] = `Must be above the previous cutoff (${c.kind === "abc" ? `${formatNumber(values[k - 1] * 100)}%` : formatNumber(values[k - 1])}).`;
      }
      values[k] = value;
    });
    if (typed.some((_, k) => fieldErrors[cutoffField(c.index, k)])) continue;
    const same = values.length === c.cutoffs.length && values.every((v, k) => Math.abs(v - c.cutoffs[k]) < 1e-12);
    if (same || !classifications) continue;
    changed = true;
    const original = classifications[c.index];
    let next: Classification;
    if (original.kind === "abc") {
      const { design: _previousDesign, ...rest } = original;
      const measured = applied?.aggregated.table.numbers.get(original.dimension.toLowerCase());
      let design: typeof original.design;
      if (measured && original.design) {
        try {
          design = abcDesignOf(measured, values);
        } catch {
          design = undefined; // nothing positive to rank: the cutoffs stand without stored thresholds
        }
      }
      next = design ? { ...rest, cutoffs: values, design } : { ...rest, cutoffs: values };
    } else {
      next = { ...original, cutoffs: values } as Classification;
    }
    classifications = classifications.map((entry, index) => (index === c.index ? next : entry));
  }

  const segments = definition.segments.map((segment) => {
    const field = serviceLevelField(segment.id);
    const text = draft.serviceLevels[segment.id];
    if (text === undefined) return segment;
    const raw = numberOf(text);
    if (!Number.isFinite(raw) || raw <= 0 || raw >= 100) {
      fieldErrors[field] = "Enter a percentage between 0 and 100 (not 0 or 100 itself), e.g. 97.5.";
      return segment;
    }
    const level = raw / 100;
    if (Math.abs(level - segment.policy.serviceLevel) < 1e-12) return segment;
    changed = true;
    return { ...segment, policy: { ...segment.policy, serviceLevel: level } };
  });

  if (Object.keys(fieldErrors).length > 0) {
    return { kind: "invalid", fieldErrors, message: "Some values need fixing before the variant can be applied; see the fields marked below." };
  }
  if (!changed) return { kind: "unchanged" };
  const candidate = {
    ...definition,
    method: method.type === "matrix" && classifications ? { ...method, classifications } : method,
    segments,
  };
  try {
    return { kind: "ready", definition: parseDefinition(candidate) };
  } catch (error) {
    return { kind: "invalid", fieldErrors: {}, message: `The variant is not a valid definition: ${error instanceof Error ? error.message : String(error)}` };
  }
}
