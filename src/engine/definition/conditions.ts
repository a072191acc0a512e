/**
 * Evaluating the condition language of rules and fallback rules, with the reason in words.
 *
 * Rules of evaluation:
 * - A number compares numerically; `between [low, high]` includes both ends.
 * - Text compares after trimming and ignoring case ("UK" = "uk"); `in` / `not in` likewise.
 * - A missing feature (blank, NaN, absent column) makes every test false except `missing`, and the
 *   reason says the feature was missing, so an item never satisfies a rule by accident.
 */
import { type DimensionColumns, numberAt, textAt } from "./columns";
import { formatNumber } from "./format";
import type { Condition, NamedRule } from "./schemaPrimitives";

export interface CompiledCondition {
  holds(item: number): boolean;
  /** "historyPeriods 4 < 6", "country "UK" in [...]", "margin is missing". */
  describe(item: number): string;
}

const norm = (value: string | number) => String(value).trim().toLowerCase();

function showValue(value: number | string): string {
  return typeof value === "number" ? formatNumber(value) : JSON.stringify(value);
}

function showList(values: readonly (number | string)[]): string {
  return `[${values.map(showValue).join(", ")}]`;
}

export function compileCondition(condition: Condition, columns: DimensionColumns): CompiledCondition {
  const d = columns.indexOf.get(condition.field.toLowerCase());
  if (d === undefined) throw new Error(`internal: dimension ${condition.field} not located`); // checked by the schema
  const name = columns.dimensions[d].name;
  const isText = columns.dimensions[d].kind === "text";
  const { op, value } = condition;

  // What the feature is, read once per test: a number (NaN missing) or text (null missing).
  const read = (item: number): number | string | null => {
    if (isText) {
      const text = textAt(columns, d, item);
      return text === null || text.trim() === "" ? null : text.trim();
    }
    const n = numberAt(columns, d, item);
    return n === n ? n : null;
  };

  const compare = (actual: number | string, expected: number | string): number | null => {
    if (typeof actual === "number" && typeof expected === "number") return actual - expected;
    if (typeof expected === "number") {
      const parsed = Number(actual);
      return Number.isFinite(parsed) && String(actual).trim() !== "" ? parsed - expected : null;
    }
    return norm(actual) === norm(expected) ? 0 : 1;
  };

  const test = (actual: number | string | null): boolean => {
    if (op === "missing") return actual === null;
    if (op === "present") return actual !== null;
    if (actual === null) return false;
    switch (op) {
      case "in":
      case "not in": {
        const list = value as (number | string)[];
        const found = list.some((candidate) => compare(actual, candidate) === 0);
        return op === "in" ? found : !found;
      }
      case "between": {
        const [low, high] = value as [number, number];
        const lowDiff = compare(actual, low);
        const highDiff = compare(actual, high);
        return lowDiff !== null && highDiff !== null && lowDiff >= 0 && highDiff <= 0;
      }
      case "=":
        return compare(actual, value as number | string) === 0;
      case "!=":
        return compare(actual, value as number | string) !== 0;
      default: {
        const diff = compare(actual, value as number);
        if (diff === null) return false;
        if (op === "<") return diff < 0;
        if (op === "<=") return diff <= 0;
        if (op === ">") return diff > 0;
        return diff >= 0;
      }
    }
  };

  const expected =
    op === "missing" || op === "present"
      ? ""
      : Array.isArray(value)
        ? op === "between"
          ? `[${showValue(value[0])}, ${showValue(value[1])}]`
          : showList(value)
        : showValue(value as number | string);

  return {
    holds: (item) => test(read(item)),
    describe: (item) => {
      const actual = read(item);
      if (op === "missing") return actual === null ? `${name} is missing` : `${name} is present (${showValue(actual)})`;
      if (op === "present") return actual === null ? `${name} is missing` : `${name} is present (${showValue(actual)})`;
      if (actual === null) return `${name} is missing, so "${name} ${op} ${expected}" does not hold`;
      const holds = test(actual);
      const negated: Record<string, string> = {
        "<": "≥", "<=": ">", ">": "≤", ">=": "<", "=": "≠", "!=": "=", in: "not in", "not in": "in", between: "outside",
      };
      const shownOp = holds ? (op === "<=" ? "≤" : op === ">=" ? "≥" : op === "!=" ? "≠" : op) : negated[op];
      return `${name} ${showValue(actual)} ${shownOp} ${expected}`;
    },
  };
}

export interface CompiledRule {
  readonly rule: NamedRule;
  readonly conditions: readonly CompiledCondition[];
  holds(item: number): boolean;
  /** The rule's conditions as they evaluate for the item, joined with "and". */
  describe(item: number): string;
}

export function compileRule(rule: NamedRule, columns: DimensionColumns): CompiledRule {
  const conditions = rule.when.map((condition) => compileCondition(condition, columns));
  return {
    rule,
    conditions,
    holds: (item) => conditions.every((condition) => condition.holds(item)),
    describe: (item) => conditions.map((condition) => condition.describe(item)).join(" and "),
  };
}
