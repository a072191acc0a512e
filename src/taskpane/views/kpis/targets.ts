/**
 * Editing one KPI target of one segment: the planner types the target and the escalation threshold
 * (percentages for rates, turns a year, an amount per order), each is checked with a sentence saying
 * what to enter, and the changed definition is validated by the engine's schema.
 */
import { parseDefinition, type SegmentDefinition, type SegmentTargets } from "../../../engine/definition";
import { HIGHER_IS_BETTER, type KpiName } from "../../../engine/definition/policySchema";
import { formatNumber } from "../../../engine/definition/format";
import { isShareKpi } from "./kpiRows";

export interface TargetTexts {
  target: string;
  escalation: string;
}

export type TargetEdit =
  | { kind: "ready"; definition: SegmentDefinition }
  | { kind: "invalid"; target?: string; escalation?: string; message?: string };

type AnyTarget = { target: number; escalateBelow?: number; escalateAbove?: number };

/** The target as the fields show it: percentages for rates. */
export function targetTexts(targets: SegmentTargets, kpi: KpiName): TargetTexts {
  const current = targets[kpi] as AnyTarget | undefined;
  if (!current) return { target: "", escalation: "" };
  const show = (value: number | undefined) =>
    value === undefined ? "" : isShareKpi(kpi) ? String(Number((value * 100).toFixed(6))) : String(value);
  return { target: show(current.target), escalation: show(current.escalateBelow ?? current.escalateAbove) };
}

function read(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? NaN : Number(trimmed);
}

/**
 * The definition with segment `segmentId`'s target for `kpi` set from the texts, or removed when
 * `texts` is null.
 */
export function withTarget(definition: SegmentDefinition, segmentId: string, kpi: KpiName, texts: TargetTexts | null): TargetEdit {
  let next: AnyTarget | undefined;
  if (texts) {
    const share = isShareKpi(kpi);
    const higher = HIGHER_IS_BETTER.has(kpi);
    const target = read(texts.target);
    const escalation = read(texts.escalation);
    const problems: { target?: string; escalation?: string } = {};
    const check = (value: number, field: "target" | "escalation") => {
      if (!Number.isFinite(value)) problems[field] = share ? "Enter a percentage, e.g. 95." : "Enter a number, e.g. 4.";
      else if (share && (value < 0 || value > 100)) problems[field] = "Enter a percentage from 0 to 100.";
      else if (value < 0) problems[field] = "Enter 0 or more.";
      else if (field === "target" && kpi === "inventoryTurns" && value === 0) problems[field] = "Enter a number of turns above 0.";
    };
    check(target, "target");
    check(escalation, "escalation");
    if (!problems.target && !problems.escalation) {
      const unit = share ? "%" : "";
      if (higher && escalation > target) {
        problems.escalation = `Escalation is the worse threshold: enter at most the target (${formatNumber(target)}${unit}).`;
      } else if (!higher && escalation < target) {
        problems.escalation = `Escalation is the worse threshold: enter at least the target (${formatNumber(target)}${unit}).`;
      }
    }
    if (problems.target || problems.escalation) return { kind: "invalid", ...problems };
    const stored = (value: number) => (share ? value / 100 : value);
    next = higher
      ? { target: stored(target), escalateBelow: stored(escalation) }
      : { target: stored(target), escalateAbove: stored(escalation) };
  }
  const segments = definition.segments.map((segment) => {
    if (segment.id !== segmentId) return segment;
    const targets: Record<string, unknown> = { ...segment.targets };
    if (next) targets[kpi] = next;
    else delete targets[kpi];
    return { ...segment, targets: targets as SegmentTargets };
  });
  try {
    return { kind: "ready", definition: parseDefinition({ ...definition, segments }) };
  } catch (error) {
    return { kind: "invalid", message: `The target can't be set: ${error instanceof Error ? error.message : String(error)}` };
  }
}
