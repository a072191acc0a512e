/**
 * The policy fields a planner edits, in the pane's words and units: which control each gets, how its
 * text becomes the definition's value (a service level typed as 95 is 0.95), and how the schema's
 * message about it reads next to a field shown in percent.
 */
import { CELLS, ABC_TEXT } from "../../../engine/definition/designDefaults";
import { SAFETY_STOCK_METHODS, type SafetyStockMethod, type SegmentPolicy } from "../../../engine/definition/policySchema";
import type { SegmentDefinition } from "../../../engine/definition/schema";

export type PolicyFieldKey =
  | "serviceLevel"
  | "serviceType"
  | "safetyStockMethod"
  | "safetyStockPeriods"
  | "reviewPeriodDays"
  | "leadTimeDays"
  | "leadTimeStdDevDays"
  | "promisedLeadTimeDays"
  | "transportMode"
  | "forecastingMethod"
  | "moq"
  | "priceTier"
  | "orderCost"
  | "holdingRate";

export type FieldKind =
  /** A share typed in percent: 95 → 0.95. */
  | "percent"
  | "number"
  /** One of the schema's enum values: a dropdown. */
  | "choice"
  /** Free text with suggestions: a combobox. */
  | "suggest";

export interface PolicyField {
  key: PolicyFieldKey;
  label: string;
  kind: FieldKind;
  /** Shown after the value: "%", "days", "units". */
  unit?: (period: string) => string;
  /** May be left empty (the policy then has no such value). */
  optional?: boolean;
  hint?: (policy: SegmentPolicy, period: string) => string;
  /** Hidden for policies it does not apply to. */
  visible?: (policy: SegmentPolicy) => boolean;
  choices?: readonly { value: string; label: string }[];
}

export const SERVICE_TYPE_CHOICES = [
  { value: "fill", label: "Fill rate: share of demand met from stock" },
  { value: "cycle", label: "Cycle service level: chance of no stockout per cycle" },
] as const;

const METHOD_LABELS: Record<SafetyStockMethod, string> = {
  statistical: "Statistical, for the service level",
  periodsOfCover: "Periods of cover",
  none: "None (make to order)",
};

export const SAFETY_STOCK_CHOICES = SAFETY_STOCK_METHODS.map((value) => ({ value, label: METHOD_LABELS[value] }));

const days = () => "days";

export const POLICY_FIELDS: readonly PolicyField[] = [
  {
    key: "serviceLevel",
    label: "Service level",
    kind: "percent",
    unit: () => "%",
    hint: (policy) =>
      policy.serviceType === "fill"
        ? "Share of demand met from stock, in percent: 95 means 95%."
        : "Chance of no stockout in a replenishment cycle, in percent: 95 means 95%.",
  },
  { key: "serviceType", label: "Service level means", kind: "choice", choices: SERVICE_TYPE_CHOICES },
  { key: "safetyStockMethod", label: "Safety stock", kind: "choice", choices: SAFETY_STOCK_CHOICES },
  {
    key: "safetyStockPeriods",
    label: "Safety stock cover",
    kind: "number",
    unit: (period) => `${period}s`,
    hint: (_policy, period) => `Safety stock held, in ${period}s of mean demand.`,
    visible: (policy) => policy.safetyStockMethod === "periodsOfCover",
  },
  { key: "reviewPeriodDays", label: "Review period", kind: "number", unit: days, hint: () => "Days between orders; 0 orders whenever stock reaches the reorder point." },
  { key: "leadTimeDays", label: "Replenishment lead time", kind: "number", unit: days },
  { key: "leadTimeStdDevDays", label: "Lead time variability", kind: "number", unit: days, hint: () => "Standard deviation of the lead time." },
  { key: "promisedLeadTimeDays", label: "Promised lead time", kind: "number", unit: days, hint: () => "Lead time promised to customers." },
  { key: "transportMode", label: "Transport mode", kind: "suggest" },
  { key: "forecastingMethod", label: "Forecasting method", kind: "suggest" },
  { key: "moq", label: "Minimum order quantity (MOQ)", kind: "number", unit: () => "units" },
  { key: "priceTier", label: "Price tier", kind: "suggest" },
  {
    key: "orderCost",
    label: "Order cost",
    kind: "number",
    optional: true,
    hint: () => "Cost of placing one order. With a holding cost rate, orders are the economic order quantity; leave both empty to order one review period of demand.",
  },
  { key: "holdingRate", label: "Holding cost rate", kind: "percent", unit: () => "% a year", optional: true, hint: () => "Yearly cost of holding stock, in percent of unit cost." },
];

export const FIELD_BY_KEY: ReadonlyMap<PolicyFieldKey, PolicyField> = new Map(POLICY_FIELDS.map((field) => [field.key, field]));

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * The value a field's text stands for: a number for number and percent fields (percent ÷ 100), the
 * text for the others, undefined for an empty field. Text that is not a number is passed on as it
 * is, so the schema says what is wrong with it.
 */
export function valueOfText(field: PolicyField, text: string): unknown {
  if (field.kind === "choice" || field.kind === "suggest") return text;
  const trimmed = field.kind === "percent" ? text.trim().replace(/\s*%$/, "") : text.trim();
  if (trimmed === "") return undefined;
  if (!DECIMAL.test(trimmed)) return text;
  const value = Number(trimmed);
  // 33.3 / 100 is 0.33299999999999996 in binary; 15 significant digits give back the 0.333 typed.
  return field.kind === "percent" ? Number((value / 100).toPrecision(15)) : value;
}

/** The text a field shows for a policy's value. */
export function textOfValue(field: PolicyField, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (field.kind === "percent" && typeof value === "number") return String(Number((value * 100).toPrecision(12)));
  return String(value);
}

/** The schema's message about a field, worded for the unit the field is shown in, as a sentence. */
export function fieldMessage(field: PolicyField, schemaMessage: string): string {
  let message = schemaMessage;
  if (field.kind === "percent") {
    message = message
      .replace("must be between 0 and 1 (write 95% as 0.95)", "must be more than 0% and less than 100%")
      .replace(/; got (-?[0-9.]+(?:e[-+]?\d+)?)$/i, (_, shown: string) => `; got ${Number((Number(shown) * 100).toPrecision(12))}%`);
  }
  message = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** Suggestions for a free-text field: the values the definition's segments use, then the design defaults. */
export function suggestionsFor(key: PolicyFieldKey, definition: SegmentDefinition): string[] {
  const defaults: Partial<Record<PolicyFieldKey, string[]>> = {
    transportMode: Object.values(ABC_TEXT).map((abc) => abc.transport),
    forecastingMethod: Object.values(CELLS).map((cell) => cell.forecastingMethod),
    priceTier: Object.values(ABC_TEXT).map((abc) => abc.tier),
  };
  const used = definition.segments.map((segment) => String(segment.policy[key as keyof SegmentPolicy] ?? ""));
  return [...new Set([...used, ...(defaults[key] ?? [])].filter((text) => text.trim() !== ""))];
}
