/**
 * The small building blocks of the definition schema: names, shares, amounts and the condition
 * language shared by the rules method, fallback rules and the task pane. Every number carries the
 * message a planner sees when it is wrong ("must be between 0 and 1"), so the path-and-message
 * errors of parseDefinition read as instructions rather than as validator output.
 */
import { z } from "zod";

/** Segment ids: short, stable keys used in cells and files ("AX", "core-runners"). */
export const segmentId = z
  .string({ error: "must be text" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, {
    error: "must be 1 to 40 letters, digits, '_', '-' or '.', starting with a letter or digit",
  });

/** Dimension names: identifiers, so they can head a column and be matched case-insensitively. */
export const dimensionName = z
  .string({ error: "must be text" })
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, {
    error: "must be a name of letters, digits and '_' starting with a letter (e.g. revenue, demandCv)",
  });

export const text = z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" });

export const optionalText = z.string({ error: "must be text" }).optional();

/** A probability strictly inside (0, 1): a service level, a cumulative share cutoff below 100%. */
export const openShare = z
  .number({ error: "must be a number" })
  .gt(0, { error: "must be between 0 and 1 (write 95% as 0.95)" })
  .lt(1, { error: "must be between 0 and 1 (write 95% as 0.95)" });

/** A share in [0, 1]: a KPI target such as a fill rate of 100%. */
export const closedShare = z
  .number({ error: "must be a number" })
  .min(0, { error: "must be between 0 and 1 (write 95% as 0.95)" })
  .max(1, { error: "must be between 0 and 1 (write 95% as 0.95)" });

export const nonNegative = z
  .number({ error: "must be a number" })
  .min(0, { error: "must be 0 or more" })
  .refine(Number.isFinite, { error: "must be a finite number" });

export const positive = z
  .number({ error: "must be a number" })
  .gt(0, { error: "must be greater than 0" })
  .refine(Number.isFinite, { error: "must be a finite number" });

export const wholeCount = (minimum: number) =>
  z
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(minimum, { error: `must be ${minimum} or more` });

/** An ISO 8601 date-time with a zone ("2024-05-01T09:30:00Z"): audit times must be unambiguous. */
export const timestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a time zone, e.g. "2024-05-01T09:30:00Z"',
});

export const COMPARISON_OPERATORS = ["<", "<=", ">", ">=", "=", "!="] as const;
export const CONDITION_OPERATORS = [...COMPARISON_OPERATORS, "in", "not in", "between", "missing", "present"] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

const conditionValue = z.union([z.number(), z.string()], { error: "must be a number or text" });

/**
 * One test on one feature: `{ "field": "historyPeriods", "op": "<", "value": 6 }`.
 * `in` / `not in` take a list, `between` takes [low, high] (both inclusive), `missing` / `present`
 * take no value. A missing feature makes every other test false, and the reason says it was missing.
 */
export const conditionSchema = z
  .strictObject({
    field: dimensionName,
    op: z.enum(CONDITION_OPERATORS, {
      error: `must be one of ${CONDITION_OPERATORS.map((op) => JSON.stringify(op)).join(", ")}`,
    }),
    value: z.union([conditionValue, z.array(conditionValue)]).optional(),
  })
  .superRefine((condition, context) => {
    const { op, value } = condition;
    const fail = (message: string) => context.addIssue({ code: "custom", path: ["value"], message });
    if (op === "missing" || op === "present") {
      if (value !== undefined) fail(`takes no value with "${op}"`);
    } else if (op === "in" || op === "not in") {
      if (!Array.isArray(value) || value.length === 0) fail(`must be a non-empty list with "${op}"`);
    } else if (op === "between") {
      if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "number" || typeof value[1] !== "number") {
        fail('must be [low, high], two numbers, with "between"');
      } else if (value[0] > value[1]) {
        fail(`must be [low, high] with low ≤ high; got [${value[0]}, ${value[1]}]`);
      }
    } else if (op === "=" || op === "!=") {
      if (value === undefined || Array.isArray(value)) fail(`must be one number or text with "${op}"`);
    } else if (typeof value !== "number" || !Number.isFinite(value)) {
      fail(`must be a number with "${op}"`);
    }
  });

export type Condition = z.infer<typeof conditionSchema>;

/** A named rule: all of its conditions hold → the segment. Used by the rules method and fallback rules. */
export const namedRuleSchema = z.strictObject({
  name: text,
  description: optionalText,
  when: z.array(conditionSchema).min(1, { error: "must hold at least one condition" }),
  segment: segmentId,
});

export type NamedRule = z.infer<typeof namedRuleSchema>;

/** A named destination without conditions: a rules method's default, the fallback for unclassifiable items. */
export const namedSegmentSchema = z.strictObject({
  name: text,
  description: optionalText,
  segment: segmentId,
});

export type NamedSegment = z.infer<typeof namedSegmentSchema>;
