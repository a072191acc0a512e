/**
 * The SegmentDefinition document: the contract the cells, the command line and the shared store
 * all validate with. A definition is a versioned JSON document holding scope, dimensions, method,
 * segments with their policies and targets, fallback rules for new items, reclassification rules,
 * exception handling, manual overrides and provenance (see ../shared/DESIGN.md, "The domain").
 *
 * Objects are strict: an unknown field is an error (a misspelt "serviceLevl" must not pass silently).
 * `parseDefinition` raises one SegmentError listing every problem as "path: message", with paths
 * in JSON notation, e.g. `segments[2].policy.serviceLevel: must be between 0 and 1`.
 */
import { z } from "zod";
import { invalidInput } from "../errors";
import { formatIssues } from "./issues";
import { methodSchema } from "./methodSchema";
import { policySchema, targetsSchema } from "./policySchema";
import { checkReferences } from "./references";
import {
  dimensionName,
  namedRuleSchema,
  namedSegmentSchema,
  optionalText,
  positive,
  segmentId,
  text,
  timestamp,
  wholeCount,
} from "./schemaPrimitives";

/** The version of this document format; a store or tool refuses versions it does not know. */
export const SCHEMA_VERSION = 1;

export const ENTITIES = ["product", "customer", "channel", "product-location"] as const;
export const PERIODS = ["week", "month", "quarter"] as const;
export type Period = (typeof PERIODS)[number];

const dimensionSchema = z.strictObject({
  name: dimensionName,
  description: optionalText,
  /** number (default) or text (a category such as a country, matched by the rules method). */
  kind: z.enum(["number", "text"], { error: 'must be "number" or "text"' }).default("number"),
  unit: optionalText,
  /** Transform and weight apply where dimensions are combined (clusters); classifications read raw values. */
  transform: z.enum(["none", "log", "zscore"], { error: 'must be "none", "log" or "zscore"' }).default("none"),
  weight: positive.default(1),
});

const segmentSchema = z.strictObject({
  id: segmentId,
  name: text,
  description: text,
  policy: policySchema,
  targets: targetsSchema.default({}),
});

const overrideSchema = z.strictObject({
  item: text,
  segment: segmentId,
  reason: text,
  by: text,
  at: timestamp,
});

const reclassificationRuleSchema = z.strictObject({
  name: text,
  description: optionalText,
  metric: z.enum(["quantity", "revenue"], { error: 'must be "quantity" or "revenue"' }),
  direction: z.enum(["down", "up"], { error: 'must be "down" or "up"' }),
  /** Relative change against the baseline: 0.3 = down (or up) by 30% or more. */
  change: positive,
  consecutivePeriods: wholeCount(1),
});

export const definitionSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION} (the version this tool reads)` }),
    id: segmentId,
    name: text,
    version: wholeCount(1),
    description: optionalText,
    scope: z.strictObject({
      entity: z.enum(ENTITIES, { error: `must be one of ${ENTITIES.map((e) => JSON.stringify(e)).join(", ")}` }),
      businessUnit: optionalText,
      description: optionalText,
    }),
    /** The bucket of demand history: XYZ, demand statistics and safety stock are per period. */
    history: z.strictObject({
      period: z.enum(PERIODS, { error: `must be one of ${PERIODS.map((p) => JSON.stringify(p)).join(", ")}` }),
    }),
    dimensions: z.array(dimensionSchema).min(1, { error: "must declare at least one dimension" }),
    method: methodSchema,
    segments: z.array(segmentSchema).min(1, { error: "must hold at least one segment" }),
    fallback: z
      .strictObject({
        /** Checked before the method: e.g. "new products are BY until 6 months of history". */
        rules: z.array(namedRuleSchema).default([]),
        /** Where an item goes when the method cannot classify it (a missing or undefined feature). */
        unclassified: namedSegmentSchema.optional(),
      })
      .default({ rules: [] }),
    reclassification: z
      .strictObject({
        period: z.enum(["month", "quarter"], { error: 'must be "month" or "quarter"' }),
        baseline: z.enum(["samePeriodLastYear", "previousAverage"], {
          error: 'must be "samePeriodLastYear" or "previousAverage"',
        }),
        rules: z.array(reclassificationRuleSchema).min(1, { error: "must hold at least one rule" }),
      })
      .optional(),
    exceptions: z
      .strictObject({
        /** An order line above this share of its item's sales quantity is a one-off. */
        maxLineShare: z.number().gt(0, { error: "must be between 0 and 1" }).max(1, { error: "must be between 0 and 1" }),
        /** Only items with at least this many sales lines are checked (one big line of a new item is not a one-off). */
        minLines: wholeCount(2),
        action: z.enum(["exclude", "keep"], { error: 'must be "exclude" or "keep"' }),
      })
      .optional(),
    valuation: z
      .strictObject({
        /** Unit cost = average selling price × costRatio when the data has no unit cost. */
        costRatio: positive,
      })
      .default({ costRatio: 1 }),
    overrides: z.array(overrideSchema).default([]),
    provenance: z.strictObject({
      dataSource: text,
      rowCount: wholeCount(0),
      itemCount: wholeCount(0),
      readiness: z.strictObject({ passed: z.boolean(), summary: text }).optional(),
      author: text,
      createdAt: timestamp,
      tool: optionalText,
    }),
  })
  .superRefine(checkReferences);

export type SegmentDefinition = z.infer<typeof definitionSchema>;
/** A definition as written by hand, before defaults are filled in. */
export type SegmentDefinitionInput = z.input<typeof definitionSchema>;
export type Segment = SegmentDefinition["segments"][number];
export type Dimension = SegmentDefinition["dimensions"][number];
export type Override = SegmentDefinition["overrides"][number];
export type Reclassification = NonNullable<SegmentDefinition["reclassification"]>;
export type ReclassificationRule = Reclassification["rules"][number];
export type ExceptionSettings = NonNullable<SegmentDefinition["exceptions"]>;

/**
 * Validates a parsed JSON value (or JSON text) as a SegmentDefinition and fills in defaults.
 * Raises SegmentError (invalid-input) naming every problem with its path.
 */
export function parseDefinition(json: unknown): SegmentDefinition {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw invalidInput(`the definition is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidInput("a definition must be a JSON object with schemaVersion, id, name, dimensions, method and segments");
  }
  const result = definitionSchema.safeParse(value);
  if (!result.success) throw invalidInput(`invalid definition: ${formatIssues(result.error.issues, value)}`);
  return result.data;
}

/** The JSON Schema (draft 2020-12) of a definition as written, for the store's routes and editors. */
export function definitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(definitionSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
