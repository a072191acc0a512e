/**
 * The work behind applyChosen, loaded on first use (it carries the engine's result types and the
 * in-thread fallback): the chosen data's lines (converted once per choice), the definition applied
 * to them by the `definition.apply` job with the command line's default line rules and the
 * readiness thresholds set in the Data view, and the job's plain result turned back into an
 * ApplyResult.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../engine/definition";
import { invalidInput } from "../../engine/errors";
import { DEFAULT_LINE_RULES } from "../../engine/transactions/lineRules";
import type { ChosenData } from "../dataset";
import type { PaneServices } from "../services";
import type { ApplyJobInput } from "../worker/applyJob";
import { fromAppliedData } from "./appliedData";
import { chosenLines } from "./chosenLines";
import { readinessThresholds } from "./readinessThresholds";
import { type JobRunOptions, runEngineJob } from "./runJob";

export async function runApply(services: PaneServices, chosen: ChosenData, definition: SegmentDefinition, options: JobRunOptions): Promise<ApplyResult> {
  const sheet = chosenLines(chosen);
  if (sheet.problems.length > 0) throw invalidInput(sheet.problems.map((problem) => problem.message).join(" "));
  const input: ApplyJobInput = {
    lines: sheet.lines,
    definition,
    rules: DEFAULT_LINE_RULES,
    thresholds: readinessThresholds(),
    columns: sheet.columns,
  };
  const data = await runEngineJob(services, "definition.apply", input, async () => (await import("../worker/applyJob")).applyJob, options);
  return fromAppliedData(data, definition);
}
