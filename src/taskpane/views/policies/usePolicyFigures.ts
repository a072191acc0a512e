/**
 * The working definition's policy figures over the applied assignment, kept up to date as the
 * planner edits: recomputed a moment after the last edit (debounced), on the main thread for
 * assignments up to `workerFromItems` items and as an engine job beyond (about 100 ms at 100,000
 * items), where a newer edit cancels the job still running for an older one.
 */
import * as React from "react";
import type { ApplyResult } from "../../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../../engine/definition/schema";
import { computePolicyFiguresNow, liveFigures, type LiveFigures, policyFiguresInput } from "../../apply/policyFigures";
import { assignmentKey } from "../../design";
import type { JobClient } from "../../worker/client";
import type { EngineJobs } from "../../worker/registry";

/** From this many items the figures are computed in the engine worker. */
export const WORKER_FROM_ITEMS = 20_000;
/** Wait after an edit before recomputing, so typing "97.5" prices once, not four times. */
export const EDIT_DEBOUNCE_MS = 150;

export interface PolicyFiguresState {
  /** Figures for `live.definition`; null until the first are ready. */
  live: LiveFigures | null;
  /** The shown figures are not yet those of the working definition (an edit is being priced). */
  pending: boolean;
  /** Why the figures could not be computed. */
  error: string | null;
}

interface Options {
  engine: JobClient<EngineJobs> | null;
  workerFromItems?: number;
  debounceMs?: number;
}

/** Whether the applied result's assignment is the definition's: otherwise it is being applied again. */
export function appliedMatches(definition: SegmentDefinition | null, applied: ApplyResult | null): applied is ApplyResult {
  return definition !== null && applied !== null && assignmentKey(applied.definition) === assignmentKey(definition);
}

export function usePolicyFigures(definition: SegmentDefinition | null, applied: ApplyResult | null, options: Options): PolicyFiguresState {
  const { engine, workerFromItems = WORKER_FROM_ITEMS, debounceMs = EDIT_DEBOUNCE_MS } = options;
  const [state, setState] = React.useState<PolicyFiguresState>({ live: null, pending: false, error: null });
  const ready = appliedMatches(definition, applied);

  React.useEffect(() => {
    if (!ready || !definition) {
      setState({ live: null, pending: false, error: null });
      return;
    }
    const target = applied as ApplyResult;
    const controller = new AbortController();
    const items = target.segmentIndex.length;
    const compute = async () => {
      try {
        const input = policyFiguresInput(definition, target);
        const output = engine && items >= workerFromItems ? await engine.run("results.policyFigures", input, { signal: controller.signal }) : computePolicyFiguresNow(input);
        if (controller.signal.aborted) return;
        setState({ live: liveFigures(definition, target, output), pending: false, error: null });
      } catch (error) {
        if (controller.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((current) => ({ ...current, pending: false, error: `Could not price the policies: ${message}` }));
      }
    };
    setState((current) => ({ ...current, pending: true }));
    // The first figures come at once; later edits wait for the planner to stop typing.
    const timer = setTimeout(() => void compute(), state.live === null ? 0 : debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recompute when the definition or the applied result changes
  }, [definition, applied, ready, engine, workerFromItems, debounceMs]);

  return state;
}
