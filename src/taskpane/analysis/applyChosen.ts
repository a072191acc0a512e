/**
 * Applying a definition to the data chosen in the Data view, in the engine worker: the pane's path
 * to the same ApplyResult the command line's `apply` gets.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../engine/definition";
import type { ChosenData } from "../dataset";
import type { PaneServices } from "../services";

export interface RunOptions {
  onProgress?: (done: number, total: number, message?: string) => void;
  signal?: AbortSignal;
}

export async function applyChosen(
  _services: PaneServices,
  _chosen: ChosenData,
  _definition: SegmentDefinition,
  _options: RunOptions = {},
): Promise<ApplyResult> {
  throw new Error("Applying a definition in the pane is being built.");
}
