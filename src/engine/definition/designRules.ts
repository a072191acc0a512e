/**
 * Proposing a definition from a planner's rules: ordered conditions on item features, the first rule
 * whose conditions all hold gives the segment, and items no rule takes go to a named segment. Rules
 * that name the same segment share it. Each segment gets the starting policy of the ABC-XYZ cell its
 * items resemble on this data (startingCells.ts), and its description states the rules and what share
 * of the items and revenue it holds at design. There are no fallback rules: the planner's rules are
 * the whole logic (write one on historyPeriods for new products).
 */
import { invalidInput } from "../errors";
import type { ItemTable } from "../items/itemTable";
import { assignBatch } from "./assign";
import type { DesignOptions } from "./design";
import { commonParts, startingPolicy, startingTargets } from "./designDefaults";
import { formatNumber, formatShare, listForMessage } from "./format";
import { featurePhrase, itemFeature } from "./itemFeatures";
import { parseDefinition, SCHEMA_VERSION, type SegmentDefinition, type SegmentDefinitionInput } from "./schema";
import type { Condition } from "./schemaPrimitives";
import { startingCellsOf } from "./startingCells";

/** The comparisons a designed rule may use: on numbers, as `conditions.ts` evaluates them. */
export const RULE_OPERATORS = ["<", "<=", ">", ">="] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export interface RuleCondition {
  /** An item feature, e.g. "revenue". */
  field: string;
  op: RuleOperator;
  value: number;
}

export interface RuleChoice {
  /** The segment's business name; rules with the same name share a segment. */
  segment: string;
  when: readonly RuleCondition[];
}

export interface RulesDesignOptions extends DesignOptions {
  rules: readonly RuleChoice[];
  /** Name of the segment of items no rule takes. */
  otherwise: string;
}

const OPERATOR_TEXT: Record<RuleOperator, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

function describeCondition(condition: RuleCondition): string {
  return `${featurePhrase(condition.field)} ${OPERATOR_TEXT[condition.op]} ${formatNumber(condition.value)}`;
}

function checkRules(table: ItemTable, options: RulesDesignOptions): void {
  if (options.rules.length === 0) throw invalidInput("write at least one rule");
  options.rules.forEach((rule, r) => {
    if (rule.segment.trim() === "") throw invalidInput(`rule ${r + 1} has no segment name: name the segment its items go to`);
    if (rule.when.length === 0) throw invalidInput(`rule ${r + 1} has no condition: give it at least one`);
    rule.when.forEach((condition, c) => {
      const where = `rule ${r + 1}, condition ${c + 1}`;
      if (!table.numbers.has(condition.field.toLowerCase())) {
        throw invalidInput(`${where} tests "${condition.field}", which the items do not have (they have ${listForMessage([...table.numbers.keys()])})`);
      }
      if (!RULE_OPERATORS.includes(condition.op)) throw invalidInput(`${where} compares with "${condition.op}"; use one of ${RULE_OPERATORS.join(" ")}`);
      if (!Number.isFinite(condition.value)) throw invalidInput(`${where} needs a number to compare ${featurePhrase(condition.field)} with`);
    });
  });
  if (options.otherwise.trim() === "") throw invalidInput("name the segment of items no rule takes");
}

export function designRules(table: ItemTable, options: RulesDesignOptions): SegmentDefinition {
  checkRules(table, options);
  const period = options.period;
  const leadTimeDays = options.leadTimeDays ?? 14;

  // One segment per distinct name (ignoring case and spaces around), in order of first mention.
  const idOf = new Map<string, string>();
  const names: string[] = [];
  const segmentOf = (name: string) => {
    const key = name.trim().toLowerCase();
    let id = idOf.get(key);
    if (id === undefined) {
      id = `R${idOf.size + 1}`;
      idOf.set(key, id);
      names.push(name.trim());
    }
    return id;
  };
  const rules = options.rules.map((rule, r) => {
    const segment = segmentOf(rule.segment);
    const when: Condition[] = rule.when.map((condition) => ({
      field: itemFeature(condition.field)?.name ?? condition.field,
      op: condition.op,
      value: condition.value,
    }));
    return { name: `rule ${r + 1}`, description: rule.when.map(describeCondition).join(" and "), when, segment };
  });
  const otherwise = segmentOf(options.otherwise);
  const ids = [...idOf.values()];

  const fields = [...new Set(rules.flatMap((rule) => rule.when.map((condition) => condition.field)))];
  const dimensions: SegmentDefinitionInput["dimensions"] = fields.map((field) => {
    const feature = itemFeature(field);
    return { name: field, description: feature ? feature.describe(period) : field, kind: "number", ...(feature?.unit ? { unit: period } : {}) };
  });

  const why = (id: string) => {
    const parts = rules.filter((rule) => rule.segment === id).map((rule) => `${rule.name}: ${rule.description}`);
    if (id === otherwise) parts.push("items no rule takes");
    return parts.join("; or ");
  };
  const draftOf = (segments: SegmentDefinitionInput["segments"]): SegmentDefinitionInput => ({
    schemaVersion: SCHEMA_VERSION,
    id: options.id,
    name: options.name,
    version: 1,
    description: `${rules.length} rule${rules.length === 1 ? "" : "s"} on ${fields.map(featurePhrase).join(", ")}, first match wins; items no rule takes are ${otherwise}. Review the policies.`,
    scope: { entity: options.entity ?? "product", ...(options.businessUnit ? { businessUnit: options.businessUnit } : {}) },
    history: { period },
    dimensions,
    method: { type: "rules", rules, default: { name: "no rule matched", description: "items no rule takes", segment: otherwise } },
    segments,
    ...commonParts(options, table.ids.length, `Supply Segments: rules`),
  });

  // First without policies that depend on the data, to see which items each segment gets.
  const provisional = parseDefinition(
    draftOf(ids.map((id, k) => ({ id, name: names[k], description: why(id), policy: startingPolicy("BY", leadTimeDays), targets: startingTargets("BY") }))),
  );
  const assignment = assignBatch(provisional, table, { abcMode: "population", requireAllDimensions: true });
  const cells = startingCellsOf(table, assignment.segmentIndex, ids.length);
  const revenue = table.numbers.get("revenue")!;
  const counts = new Float64Array(ids.length);
  const revenues = new Float64Array(ids.length);
  let totalRevenue = 0;
  for (let item = 0; item < assignment.segmentIndex.length; item++) {
    const k = assignment.segmentIndex[item];
    const value = revenue[item] > 0 ? revenue[item] : 0;
    totalRevenue += value;
    if (k < 0) continue;
    counts[k]++;
    revenues[k] += value;
  }
  const itemCount = table.ids.length;
  return parseDefinition(
    draftOf(
      ids.map((id, k) => ({
        id,
        name: names[k],
        description:
          `${why(id)[0].toUpperCase()}${why(id).slice(1)}. At design ${formatShare(itemCount > 0 ? counts[k] / itemCount : NaN)} of items` +
          `${totalRevenue > 0 ? `, ${formatShare(revenues[k] / totalRevenue)} of revenue` : ""}. Starting policy of ${cells[k]}.`,
        policy: startingPolicy(cells[k], leadTimeDays),
        targets: startingTargets(cells[k]),
      })),
    ),
  );
}
