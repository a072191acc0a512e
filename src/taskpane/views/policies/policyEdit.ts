/**
 * Policy edits as the planner types them: the text of each edited field is kept (a draft), laid over
 * the working definition and checked with the engine's definition schema. A valid result becomes the
 * next definition; an invalid one leaves the definition (and so the figures) as they were and gives
 * each field the schema's message about it.
 */
import { formatIssues, formatPath } from "../../../engine/definition/issues";
import type { SegmentPolicy } from "../../../engine/definition/policySchema";
import { definitionSchema, type SegmentDefinition } from "../../../engine/definition/schema";
import { FIELD_BY_KEY, fieldMessage, type PolicyFieldKey, valueOfText } from "./policyFields";

/** Per segment index, the text of each field the planner has typed in. */
export type PolicyDrafts = ReadonlyMap<number, Readonly<Partial<Record<PolicyFieldKey, string>>>>;

export type EditCheck =
  | { ok: true; definition: SegmentDefinition }
  | {
      ok: false;
      /** "segmentIndex:field" → the message to show by the field. */
      fieldErrors: Map<string, string>;
      /** Problems not about one policy field, each "path: message". */
      otherErrors: string[];
    };

export const fieldErrorKey = (segment: number, field: PolicyFieldKey) => `${segment}:${field}`;

/** A segment's policy with its drafts laid over it, as the schema will read it. */
export function draftPolicy(policy: SegmentPolicy, drafts: Readonly<Partial<Record<PolicyFieldKey, string>>> | undefined): Record<string, unknown> {
  const next: Record<string, unknown> = { ...policy };
  for (const [key, text] of Object.entries(drafts ?? {}) as [PolicyFieldKey, string][]) {
    const value = valueOfText(FIELD_BY_KEY.get(key)!, text);
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  // Cover applies to the periods-of-cover method only: switching away drops it (its draft is kept, so switching back restores it).
  if (next.safetyStockMethod !== "periodsOfCover") delete next.safetyStockPeriods;
  return next;
}

export function checkEdits(definition: SegmentDefinition, drafts: PolicyDrafts): EditCheck {
  const candidate = {
    ...definition,
    segments: definition.segments.map((segment, k) => (drafts.has(k) ? { ...segment, policy: draftPolicy(segment.policy, drafts.get(k)) } : segment)),
  };
  const parsed = definitionSchema.safeParse(candidate);
  if (parsed.success) {
    // Only the edited policies are taken from the parse: the rest of the definition stays the same
    // object, so the design state sees a policy-only edit and keeps the assignment.
    return {
      ok: true,
      definition: {
        ...definition,
        segments: definition.segments.map((segment, k) => (drafts.has(k) ? { ...segment, policy: parsed.data.segments[k].policy } : segment)),
      },
    };
  }
  const fieldErrors = new Map<string, string>();
  const otherErrors: string[] = [];
  for (const issue of parsed.error.issues) {
    const line = formatIssues([issue], candidate);
    const prefix = `${formatPath(issue.path)}: `;
    const [root, segment, part, key] = issue.path;
    const field = typeof key === "string" ? FIELD_BY_KEY.get(key as PolicyFieldKey) : undefined;
    if (root === "segments" && typeof segment === "number" && part === "policy" && field && issue.path.length === 4 && line.startsWith(prefix)) {
      const errorKey = fieldErrorKey(segment, field.key);
      if (!fieldErrors.has(errorKey)) fieldErrors.set(errorKey, fieldMessage(field, line.slice(prefix.length)));
    } else {
      otherErrors.push(line);
    }
  }
  return { ok: false, fieldErrors, otherErrors };
}
