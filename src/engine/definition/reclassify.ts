/**
 * Reclassification with hysteresis: an item keeps its previous segment unless a reclassification
 * rule has held for N consecutive periods, so segments do not flap with every refresh.
 *
 * The rules, as a planner reads them:
 * 1. The previous assignment is the definition applied to the previous data (or a previous run);
 *    the current one is the definition applied to the current data. Both use the same definition.
 * 2. An item whose current segment equals its previous one is unchanged.
 * 3. An item whose segment would change moves only if at least one rule holds: for each of the
 *    last `consecutivePeriods` complete periods of the current data, the item's metric (quantity or
 *    revenue) is down (up) by at least `change` against its baseline:
 *    - down: baseline > 0 and current ≤ (1 − change) × baseline;
 *    - up: current > 0 and current ≥ (1 + change) × baseline (any sales against a baseline of 0 is up).
 *    The baseline is the same period a year earlier in the previous data ("samePeriodLastYear",
 *    which respects seasonality) or the item's average over the previous data's complete periods
 *    ("previousAverage"). A period whose baseline is not in the previous data (not complete there)
 *    fails the rule.
 *    Otherwise the item is held in its previous segment, and the report says what it would have
 *    become and why it did not.
 * 4. Items the previous run placed by a fallback rule, as unclassifiable, or in a segment the
 *    definition no longer has take their current segment at once ("graduated"): a fallback is a
 *    placeholder, not a class to protect. New items (not in the previous data) take their current
 *    segment. A manual override always wins.
 * 5. Items of the previous data with no line in the current data are listed as departed.
 */
import type { PeriodTotals } from "../transactions/periodTotals";
import { ASSIGNMENT_SOURCES, type AssignmentSource, type BatchAssignment } from "./assign";
import { formatNumber, formatShare, quote } from "./format";
import type { Reclassification, SegmentDefinition } from "./schema";

export const RECLASSIFICATION_STATUSES = ["new item", "unchanged", "moved", "held", "graduated", "override"] as const;
export type ReclassificationStatus = (typeof RECLASSIFICATION_STATUSES)[number];
const NEW = 0;
const UNCHANGED = 1;
const MOVED = 2;
const HELD = 3;
const GRADUATED = 4;
const OVERRIDE = 5;
const OVERRIDE_SOURCE = ASSIGNMENT_SOURCES.indexOf("override");

export interface PriorAssignment {
  /** Item ids, one per row of `totals`. */
  ids: readonly string[];
  /** Per item: previous segment id, or null when it had none. */
  segment: readonly (string | null)[];
  /** Per item: how the previous segment was decided. */
  source: readonly AssignmentSource[];
  totals: PeriodTotals;
}

export interface ReclassificationResult {
  /** Per current item: the segment after hysteresis (index into definition.segments; −1 none). */
  segmentIndex: Int32Array;
  /** Per current item: index into RECLASSIFICATION_STATUSES. */
  status: Uint8Array;
  /** Per current item: previous segment index, −1 for new items or none. */
  previousIndex: Int32Array;
  /** Per current item: the rule that held for a move, −1 otherwise. */
  ruleIndex: Int32Array;
  /** The reason for a move, a hold or a graduation; "" otherwise. */
  reason(item: number): string;
  counts: Record<ReclassificationStatus, number>;
  /** Previous items with no line in the current data. */
  departed: { id: string; segment: string | null }[];
  /** Labels of the current periods the rules were checked on (the longest window of any rule). */
  evaluatedPeriods: string[];
}

const PERIODS_PER_YEAR = { month: 12, quarter: 4 } as const;
/** Relative allowance for a figure landing exactly on the change boundary. */
const TOLERANCE = 1e-12;

export function reclassify(
  definition: SegmentDefinition,
  current: BatchAssignment,
  currentTotals: PeriodTotals,
  prior: PriorAssignment,
): ReclassificationResult {
  const settings = definition.reclassification;
  const n = current.ids.length;
  const segmentIds = new Map(definition.segments.map((segment, k) => [segment.id, k]));
  const priorRow = new Map<string, number>();
  prior.ids.forEach((id, row) => priorRow.set(id, row));

  const completeCurrent: number[] = [];
  for (let p = 0; p < currentTotals.periodCount; p++) if (currentTotals.complete[p]) completeCurrent.push(p);
  const maxWindow = settings ? Math.max(...settings.rules.map((rule) => rule.consecutivePeriods)) : 0;
  const evaluated = completeCurrent.slice(-maxWindow);

  const segmentIndex = current.segmentIndex.slice();
  const status = new Uint8Array(n);
  const previousIndex = new Int32Array(n).fill(-1);
  const ruleIndex = new Int32Array(n).fill(-1);
  const counts = Object.fromEntries(RECLASSIFICATION_STATUSES.map((s) => [s, 0])) as Record<ReclassificationStatus, number>;
  const seen = new Uint8Array(prior.ids.length);

  for (let item = 0; item < n; item++) {
    const row = priorRow.get(current.ids[item]);
    let itemStatus = NEW;
    if (row !== undefined) {
      seen[row] = 1;
      const previousId = prior.segment[row];
      const previous = previousId === null ? -1 : segmentIds.get(previousId) ?? -1;
      previousIndex[item] = previous;
      const placeholder = prior.source[row] === "fallback" || prior.source[row] === "unclassified" || prior.source[row] === "none";
      if (current.source[item] === OVERRIDE_SOURCE) itemStatus = OVERRIDE;
      else if (previous === current.segmentIndex[item]) itemStatus = UNCHANGED;
      else if (placeholder || previous < 0) itemStatus = GRADUATED;
      else {
        const held = settings ? settings.rules.findIndex((rule) => ruleHolds(rule, item, row)) : -1;
        if (held >= 0 || !settings) {
          itemStatus = MOVED;
          ruleIndex[item] = held;
        } else {
          itemStatus = HELD;
          segmentIndex[item] = previous;
        }
      }
    }
    status[item] = itemStatus;
    counts[RECLASSIFICATION_STATUSES[itemStatus]]++;
  }

  function metricOf(totals: PeriodTotals, metric: "quantity" | "revenue"): Float64Array {
    return metric === "quantity" ? totals.quantity : totals.revenue;
  }

  /** The baseline of one item for one current period (absolute period number); NaN when unknown. */
  function baseline(rule: Reclassification["rules"][number], row: number, absolutePeriod: number): number {
    const values = metricOf(prior.totals, rule.metric);
    const count = prior.totals.periodCount;
    if (settings!.baseline === "samePeriodLastYear") {
      const p = absolutePeriod - PERIODS_PER_YEAR[settings!.period] - prior.totals.firstPeriod;
      return p >= 0 && p < count && prior.totals.complete[p] ? values[row * count + p] : NaN;
    }
    let total = 0;
    let periods = 0;
    for (let p = 0; p < count; p++) {
      if (!prior.totals.complete[p]) continue;
      total += values[row * count + p];
      periods++;
    }
    return periods > 0 ? total / periods : NaN;
  }

  function periodHolds(rule: Reclassification["rules"][number], now: number, base: number): boolean {
    if (base !== base) return false;
    if (rule.direction === "down") return base > 0 && now <= (1 - rule.change) * base * (1 + TOLERANCE);
    return now > 0 && now >= (1 + rule.change) * base * (1 - TOLERANCE);
  }

  function ruleWindow(rule: Reclassification["rules"][number]): number[] {
    return completeCurrent.length >= rule.consecutivePeriods ? completeCurrent.slice(-rule.consecutivePeriods) : [];
  }

  function ruleHolds(rule: Reclassification["rules"][number], item: number, row: number): boolean {
    const window = ruleWindow(rule);
    if (window.length === 0) return false;
    const values = metricOf(currentTotals, rule.metric);
    return window.every((p) =>
      periodHolds(rule, values[item * currentTotals.periodCount + p], baseline(rule, row, currentTotals.firstPeriod + p)),
    );
  }

  function figures(rule: Reclassification["rules"][number], item: number, row: number): string {
    const values = metricOf(currentTotals, rule.metric);
    const window = ruleWindow(rule);
    if (window.length === 0) return `fewer than ${rule.consecutivePeriods} complete ${settings!.period}s in the data`;
    return window
      .map((p) => {
        const now = values[item * currentTotals.periodCount + p];
        const base = baseline(rule, row, currentTotals.firstPeriod + p);
        const label = currentTotals.labels[p];
        if (base !== base) return `${label} ${rule.metric} ${formatNumber(now)}, no baseline`;
        const change = base > 0 ? ` (${now >= base ? "+" : "−"}${formatShare(Math.abs(now - base) / base)})` : "";
        return `${label} ${rule.metric} ${formatNumber(now)} vs ${formatNumber(base)}${change}`;
      })
      .join(", ");
  }

  const segmentName = (k: number) => (k >= 0 ? definition.segments[k].id : "no segment");
  const baselineText = () => (settings!.baseline === "samePeriodLastYear" ? `the same ${settings!.period} last year` : "the previous average");

  const departed: { id: string; segment: string | null }[] = [];
  prior.ids.forEach((id, row) => {
    if (!seen[row]) departed.push({ id, segment: prior.segment[row] });
  });

  return {
    segmentIndex,
    status,
    previousIndex,
    ruleIndex,
    counts,
    departed,
    evaluatedPeriods: evaluated.map((p) => currentTotals.labels[p]),
    reason(item) {
      const row = priorRow.get(current.ids[item]);
      const from = segmentName(previousIndex[item]);
      const to = segmentName(current.segmentIndex[item]);
      switch (status[item]) {
        case MOVED: {
          if (!settings) return `moved ${from} → ${to}: the definition has no reclassification rules, so items move freely`;
          const rule = settings.rules[ruleIndex[item]];
          return `moved ${from} → ${to}: rule ${quote(rule.name)} held for ${rule.consecutivePeriods} consecutive ${settings.period}s against ${baselineText()} (${figures(rule, item, row!)})`;
        }
        case HELD: {
          const rule = settings!.rules[0];
          return `held in ${from}: computed ${to}, but no reclassification rule held for the last complete ${settings!.period}s (${figures(rule, item, row!)} against ${baselineText()})`;
        }
        case GRADUATED: {
          const previousId = prior.segment[row!];
          const was =
            previousId === null
              ? "had no segment"
              : previousIndex[item] < 0
                ? `was in ${previousId}, which the definition no longer has`
                : `was in ${from} by a fallback rule`;
          return `${was} → ${to} (placeholder placements move without hysteresis)`;
        }
        case OVERRIDE:
          return `manual override (previous segment ${from})`;
        default:
          return "";
      }
    },
  };
}
