/**
 * The item features a transactions aggregation produces (transactions/aggregate.ts), by the names
 * definitions use, with the words a planner reads and the transform that suits each for clustering:
 * money and volumes are heavily right-skewed (a few items sell most), so they cluster on the
 * symmetric log; ratios and counts of periods are on a bounded scale already.
 *
 * Only these features can be dimensions of a designed definition: `apply` aggregates the same ones,
 * so an item placed later has every dimension its definition names.
 */
import type { DimensionTransform } from "../cluster/transform";
import type { Period } from "./schema";

export interface ItemFeature {
  /** The name in definitions and item tables (tables match it case-insensitively). */
  name: string;
  /** Short label for lists and axes. */
  label: string;
  /** One line on what it measures, for the definition's dimension description. */
  describe(period: Period): string;
  /** The transform it clusters on by default. */
  transform: DimensionTransform;
  /** A unit worth stating in the definition. */
  unit?: "period";
}

export const ITEM_FEATURES: readonly ItemFeature[] = [
  { name: "revenue", label: "Revenue", transform: "log1p", describe: () => "revenue over the data period, net of excluded lines" },
  { name: "quantity", label: "Quantity", transform: "log1p", describe: () => "units sold over the data period, net of excluded lines" },
  { name: "orderLines", label: "Order lines", transform: "log1p", describe: () => "sales lines over the data period" },
  { name: "demandMean", label: "Mean demand", transform: "log1p", describe: (period) => `mean ${period}ly demand in units` },
  { name: "demandStdDev", label: "Demand std. dev.", transform: "log1p", describe: (period) => `sample standard deviation of ${period}ly demand in units` },
  {
    name: "demandCv",
    label: "Demand CV",
    transform: "none",
    describe: (period) => `coefficient of variation of ${period}ly demand (STDEV.S ÷ mean)`,
  },
  {
    name: "adi",
    label: "ADI",
    transform: "none",
    describe: (period) => `average demand interval: ${period}s observed ÷ ${period}s with demand (Syntetos–Boylan)`,
  },
  { name: "cv2", label: "CV² of demand sizes", transform: "none", describe: () => "squared coefficient of variation of the non-zero demands (Syntetos–Boylan)" },
  {
    name: "historyPeriods",
    label: "History",
    transform: "none",
    unit: "period",
    describe: (period) => `${period}s from the item's first sale to the end of the data`,
  },
  { name: "periodsWithDemand", label: "Periods with demand", transform: "none", unit: "period", describe: (period) => `${period}s with demand` },
  { name: "unitPrice", label: "Unit price", transform: "log1p", describe: () => "average selling price: revenue ÷ quantity" },
  { name: "unitCost", label: "Unit cost", transform: "log1p", describe: () => "unit cost: the mapped cost per unit, quantity-weighted" },
];

const BY_NAME = new Map(ITEM_FEATURES.map((feature) => [feature.name.toLowerCase(), feature]));

/** The feature of that name (case-insensitive), or undefined. */
export function itemFeature(name: string): ItemFeature | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** A feature's label; the name itself for a feature not in the list. */
export function featureLabel(name: string): string {
  return itemFeature(name)?.label ?? name;
}

/** The label inside a sentence: "Order lines" → "order lines"; "Demand CV" and "ADI" keep their capitals. */
export function featurePhrase(name: string): string {
  const label = featureLabel(name);
  return /^[A-Z][^A-Z]*$/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
