/**
 * Checking the chosen data's readiness from the Data view: the chosen columns as lines (converted
 * once per choice), the `data.readiness` job in the engine worker with the command line's default
 * line rules and the planner's thresholds, history counted in months. The last check of each data
 * read is kept, so the Data view shows it again when it is reopened.
 */
import type { ReadinessThresholds } from "../../engine/readiness/readiness";
import { DEFAULT_LINE_RULES } from "../../engine/transactions/lineRules";
import type { SheetData } from "../../excel/reader";
import type { ChosenData } from "../dataset";
import type { PaneServices } from "../services";
import type { ReadinessJobInput, ReadinessJobOutput } from "../worker/readinessJob";
import { chosenLines } from "./chosenLines";
import { type JobRunOptions, runEngineJob } from "./runJob";
import type { SheetLines } from "./sheetLines";

export interface ReadinessRun {
  chosen: ChosenData;
  sheet: SheetLines;
  thresholds: ReadinessThresholds;
  output: ReadinessJobOutput;
}

const lastRuns = new WeakMap<SheetData, ReadinessRun>();

/** The last readiness check of this data, if any (it may be for other columns or thresholds). */
export function lastReadiness(data: SheetData): ReadinessRun | null {
  return lastRuns.get(data) ?? null;
}

export async function checkReadiness(
  services: PaneServices,
  chosen: ChosenData,
  thresholds: ReadinessThresholds,
  options: JobRunOptions = {},
): Promise<ReadinessRun> {
  const sheet = chosenLines(chosen);
  const input: ReadinessJobInput = { lines: sheet.lines, columns: sheet.columns, thresholds, period: "month", rules: DEFAULT_LINE_RULES };
  const output = await runEngineJob(services, "data.readiness", input, async () => (await import("../worker/readinessJob")).readinessJob, options);
  const run: ReadinessRun = { chosen, sheet, thresholds, output };
  lastRuns.set(chosen.data, run);
  return run;
}
