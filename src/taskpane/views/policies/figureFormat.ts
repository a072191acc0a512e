/**
 * How the Policies view writes its figures: amounts as whole numbers with grouping (the data carries
 * no currency, so none is shown), fill rates in percent with one decimal, changes with their sign.
 * Grouping is the engine's (en-US), so the pane reads like the reasons and the command line.
 */
import { formatNumber, formatShare } from "../../../engine/definition/format";

export function formatAmount(value: number): string {
  return value === value ? formatNumber(value, 0) : "—";
}

/** "+12,300", "−1,200", or "no change" when it rounds to 0. */
export function formatAmountChange(change: number): string {
  if (change !== change) return "—";
  const rounded = Math.round(change);
  if (rounded === 0) return "no change";
  return rounded > 0 ? `+${formatNumber(rounded, 0)}` : formatNumber(rounded, 0);
}

export function formatFillRate(share: number): string {
  return share === share ? formatShare(share, 1) : "—";
}

/** A change of fill rate in percentage points: "+0.4 pts", "−1.2 pts", "no change". */
export function formatFillChange(change: number): string {
  if (change !== change) return "—";
  const points = Math.round(change * 1000) / 10;
  if (points === 0) return "no change";
  return `${points > 0 ? "+" : ""}${formatNumber(points, 1)} pts`;
}
