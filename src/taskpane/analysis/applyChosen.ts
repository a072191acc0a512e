/**
 * Applying a definition to the data chosen in the Data view, in the engine worker: the pane's path
 * to the same ApplyResult the command line's `apply` gets.
 *
 * The chosen columns are read as transaction lines by the command line's rules (sheetLines.ts; once
 * per choice), the `definition.apply` job runs in the engine worker (in this thread only when there
 * is no worker), and its result comes back as an ApplyResult. Cancelling through `signal` rejects
 * with JobCancelled. Kept small: the work is in applyRun.ts, loaded on the first apply, so the
 * pane's first load doesn't carry it.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../engine/definition";
import type { ChosenData } from "../dataset";
import type { PaneServices } from "../services";
import { JobCancelled } from "../worker/jobs";

export interface RunOptions {
  onProgress?: (done: number, total: number, message?: string) => void;
  signal?: AbortSignal;
}

export async function applyChosen(
  services: PaneServices,
  chosen: ChosenData,
  definition: SegmentDefinition,
  options: RunOptions = {},
): Promise<ApplyResult> {
  if (options.signal?.aborted) throw new JobCancelled("definition.apply");
  const { runApply } = await import(/* webpackChunkName: "apply" */ "./applyRun");
  if (options.signal?.aborted) throw new JobCancelled("definition.apply");
  return runApply(services, chosen, definition, options);
}
