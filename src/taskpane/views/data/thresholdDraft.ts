/**
 * The readiness thresholds as the planner types them — percentages and a whole number of months —
 * and back to the engine's shares, with a sentence for each value that can't be used.
 */
import type { ReadinessThresholds } from "../../../engine/readiness/readiness";

export interface ThresholdDraft {
  /** Minimum share of rows each required column must be readable in, in percent. */
  completeness: string;
  /** Months of history an item needs. */
  months: string;
  /** Share of items that must have that history, in percent. */
  itemShare: string;
}

export type ThresholdErrors = Partial<Record<keyof ThresholdDraft, string>>;

/** Percent text for a share: 0.99 → "99", 0.955 → "95.5". */
function percentText(share: number): string {
  return String(Math.round(share * 100 * 1e6) / 1e6);
}

export function draftOf(thresholds: ReadinessThresholds): ThresholdDraft {
  return {
    completeness: percentText(thresholds.minCompleteness),
    months: String(thresholds.minHistoryPeriods),
    itemShare: percentText(thresholds.minItemShare),
  };
}

function percent(text: string, what: string): { share?: number; error?: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(value)) return { error: `Enter ${what} as a percentage from 0 to 100.` };
  if (value < 0 || value > 100) return { error: `${what[0].toUpperCase()}${what.slice(1)} must be from 0 to 100%; ${trimmed} is not.` };
  return { share: value / 100 };
}

/** The thresholds, or the errors to show beside each field. */
export function parseDraft(draft: ThresholdDraft): { thresholds: ReadinessThresholds } | { errors: ThresholdErrors } {
  const errors: ThresholdErrors = {};
  const completeness = percent(draft.completeness, "the minimum completeness");
  if (completeness.error) errors.completeness = completeness.error;
  const itemShare = percent(draft.itemShare, "the share of items");
  if (itemShare.error) errors.itemShare = itemShare.error;
  const monthsText = draft.months.trim();
  const months = Number(monthsText);
  if (monthsText === "" || !Number.isInteger(months) || months < 0) errors.months = "Enter the months of history as a whole number, 0 or more.";
  if (Object.keys(errors).length > 0) return { errors };
  return { thresholds: { minCompleteness: completeness.share!, minHistoryPeriods: months, minItemShare: itemShare.share! } };
}

export function sameThresholds(a: ReadinessThresholds, b: ReadinessThresholds): boolean {
  return a.minCompleteness === b.minCompleteness && a.minHistoryPeriods === b.minHistoryPeriods && a.minItemShare === b.minItemShare;
}
