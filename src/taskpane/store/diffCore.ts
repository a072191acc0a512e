/**
 * The machinery of the definition diff (definitionDiff.ts): comparing JSON values whatever their
 * key order, writing values as a planner reads them, collecting changes, and matching two lists by
 * a key (id, name, item) so that a reordering is not read as every element changing.
 */
import { formatNumber } from "../../engine/definition/format";

export type ChangeKind = "added" | "removed" | "renamed" | "changed" | "reordered";

export interface DefinitionChange {
  /** What the change is about: "Definition", "Segment AX", "ABC on revenue", "Fallback rule “new”". */
  subject: string;
  kind: ChangeKind;
  /** The field in words, when a value changed: "service level". */
  field?: string;
  /** The values as shown, when a value changed: "98%" → "99%". */
  before?: string;
  after?: string;
  /** The whole change as one line. */
  text: string;
}

export type Json = unknown;
export type Doc = Record<string, Json>;

export const isRecord = (value: Json): value is Doc => typeof value === "object" && value !== null && !Array.isArray(value);
export const asRecord = (value: Json): Doc => (isRecord(value) ? value : {});
export const asArray = (value: Json): Json[] => (Array.isArray(value) ? value : []);

/** Sorted-key JSON, so that two equal values compare equal whatever order their keys were written in. */
export function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  }
  return value === undefined ? "null" : JSON.stringify(value);
}

export const same = (a: Json, b: Json) => canonical(a) === canonical(b);

// ---- how values read ---------------------------------------------------------------------------

export type Format = (value: Json) => string;

export const NOT_SET = "not set";

export const formatPlain: Format = (value) => {
  if (value === undefined || value === null) return NOT_SET;
  if (typeof value === "number") return formatNumber(value, 6);
  if (typeof value === "string") return `“${value}”`;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(formatPlain).join(", ");
  return canonical(value);
};

/** A share as a percentage with up to two decimals: 0.955 → "95.5%". */
export const formatPercent: Format = (value) => (typeof value === "number" ? `${formatNumber(value * 100, 2)}%` : formatPlain(value));
export const formatPercents: Format = (value) => (Array.isArray(value) ? value.map(formatPercent).join(", ") : formatPercent(value));
export const formatDays: Format = (value) => (typeof value === "number" ? `${formatNumber(value, 6)} ${value === 1 ? "day" : "days"}` : formatPlain(value));
export const formatWord: Format = (value) => (typeof value === "string" ? value : formatPlain(value));
export const formatList: Format = (value) => (Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : formatPlain(v))).join(", ") : formatPlain(value));

export interface FieldSpec {
  key: string;
  label: string;
  format: Format;
}

// ---- collecting changes ------------------------------------------------------------------------

export class Changes {
  readonly list: DefinitionChange[] = [];

  added(subject: string, text: string): void {
    this.list.push({ subject, kind: "added", text });
  }

  removed(subject: string, text: string): void {
    this.list.push({ subject, kind: "removed", text });
  }

  /** A field whose value changed (or appeared, or went away), as "subject · field: before → after". */
  value(subject: string, field: string, before: Json, after: Json, format: Format = formatPlain): void {
    if (same(before, after)) return;
    const from = format(before);
    const to = format(after);
    this.list.push({ subject, kind: "changed", field, before: from, after: to, text: `${subject} · ${field}: ${from} → ${to}` });
  }

  /** Every listed field of two objects; fields not listed are compared generically, by key. */
  fields(subject: string, before: Doc, after: Doc, specs: readonly FieldSpec[]): void {
    const known = new Set(specs.map((spec) => spec.key));
    for (const spec of specs) this.value(subject, spec.label, before[spec.key], after[spec.key], spec.format);
    for (const key of unionKeys(before, after)) if (!known.has(key)) this.value(subject, key, before[key], after[key]);
  }

  reordered(subject: string, before: string[], after: string[]): void {
    this.list.push({
      subject,
      kind: "reordered",
      before: before.join(", "),
      after: after.join(", "),
      text: `${subject} reordered: ${before.join(", ")} → ${after.join(", ")}`,
    });
  }
}

export function unionKeys(before: Doc, after: Doc): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
}

/** Elements keyed by a field, in order; null when a key is missing or repeats (then compare by position). */
function keyed(list: Json[], key: (element: Doc) => Json): Map<string, Doc> | null {
  const map = new Map<string, Doc>();
  for (const element of list) {
    const id = isRecord(element) ? key(element) : undefined;
    if (typeof id !== "string" || map.has(id)) return null;
    map.set(id, element as Doc);
  }
  return map;
}

/**
 * Added, removed and common elements of two lists matched by key; reports a reordering of the
 * common ones. Falls back to comparing by position when the lists are not keyed.
 */
export function matchLists(
  changes: Changes,
  before: Json,
  after: Json,
  options: {
    key: (element: Doc) => Json;
    subjectOf: (key: string, element: Doc) => string;
    describe: (element: Doc) => string;
    compare: (subject: string, before: Doc, after: Doc) => void;
    /** Report a change of order (rules: first match wins; segments: the order reports list them in). */
    ordered: boolean;
    listSubject: string;
  },
): void {
  const a = asArray(before);
  const b = asArray(after);
  const left = keyed(a, options.key);
  const right = keyed(b, options.key);
  if (!left || !right) {
    if (!same(a, b)) changes.value(options.listSubject, "entries", a, b);
    return;
  }
  for (const [key, element] of left) {
    const subject = options.subjectOf(key, element);
    if (!right.has(key)) changes.removed(subject, `${subject}${options.describe(element)} removed`);
    else options.compare(subject, element, right.get(key)!);
  }
  for (const [key, element] of right) {
    if (!left.has(key)) {
      const subject = options.subjectOf(key, element);
      changes.added(subject, `${subject}${options.describe(element)} added`);
    }
  }
  if (options.ordered) {
    const kept = [...left.keys()].filter((key) => right.has(key));
    const keptAfter = [...right.keys()].filter((key) => left.has(key));
    if (kept.join("\u0000") !== keptAfter.join("\u0000")) changes.reordered(options.listSubject, kept, keptAfter);
  }
}
