/**
 * An applied result brought up to date with its definition's policies and targets.
 *
 * The design provider keeps an ApplyResult when an edit touches only policies or targets (the
 * assignment stands), so its policy figures and the policy-dependent measures (inventory value,
 * cost of goods, expected fill rate) may still be those of the policies it was applied with; a
 * scenario saved after such an edit holds them too. These are recomputed with the engine through
 * apply/policyFigures.ts (applyPolicies and measureSegments over the same items and segments), and
 * the KPIs with evaluateKpis. Order-line measures depend only on the assignment and are kept.
 *
 * Small assignments are priced on the spot; from WORKER_FROM_ITEMS items on, in the engine worker
 * (about 100 ms of work at 100,000 items), with progress and cancel. Results are cached per policy
 * columns and policies, so editing a target re-evaluates only the KPI rows and a saved scenario is
 * priced once.
 */
import * as React from "react";
import type { ApplyResult } from "../../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../../engine/definition";
import { evaluateKpis } from "../../../engine/kpi/evaluate";
import { computePolicyFiguresNow, liveFigures, policyFiguresInput, type LiveFigures, type PolicyFiguresOutput } from "../../apply/policyFigures";
import type { PolicyColumns } from "../../../engine/policy/applyPolicies";
import type { JobClient, JobProgress } from "../../worker/client";
import type { EngineJobs } from "../../worker/registry";

/** From this many items, policies are priced in the engine worker. */
export const WORKER_FROM_ITEMS = 20_000;

export interface Priceable {
  applied: ApplyResult;
  /** The definition whose policies and targets to use; it must assign items as applied.definition does. */
  definition: SegmentDefinition;
}

const cache = new WeakMap<PolicyColumns, Map<string, LiveFigures>>();

function policiesKey(definition: SegmentDefinition): string {
  return JSON.stringify([definition.history.period, definition.segments.map((segment) => segment.policy)]);
}

function check({ applied, definition }: Priceable): void {
  if (definition.segments.length + 1 !== applied.measures.length) {
    throw new Error(
      `The definition has ${definition.segments.length} segments but its applied result has ${applied.measures.length - 1}; apply the definition again.`,
    );
  }
}

function fromFigures({ applied, definition }: Priceable, figures: LiveFigures): ApplyResult {
  // Targets may differ from the cached figures' definition: the KPI rows are evaluated for this one.
  return { ...applied, definition, policy: figures.policy, measures: figures.measures, kpis: evaluateKpis(definition.segments, figures.measures) };
}

function cached(entry: Priceable): LiveFigures | undefined {
  return cache.get(entry.applied.policy)?.get(policiesKey(entry.definition));
}

function remember(entry: Priceable, figures: LiveFigures): void {
  let byPolicies = cache.get(entry.applied.policy);
  if (!byPolicies) {
    byPolicies = new Map();
    cache.set(entry.applied.policy, byPolicies);
  }
  byPolicies.set(policiesKey(entry.definition), figures);
}

/** `applied` with the policy figures, measures and KPIs of `definition`, priced on this thread. */
export function repriced(applied: ApplyResult, definition: SegmentDefinition = applied.definition): ApplyResult {
  const entry = { applied, definition };
  check(entry);
  let figures = cached(entry);
  if (!figures) {
    figures = liveFigures(definition, applied, computePolicyFiguresNow(policyFiguresInput(definition, applied)));
    remember(entry, figures);
  }
  return fromFigures(entry, figures);
}

export interface RepricedState {
  /** One result per entry, in order; null while any is being priced or when pricing failed. */
  results: ApplyResult[] | null;
  progress: JobProgress | null;
  error: string | null;
  cancel: (() => void) | null;
  /** Price again after a cancel or a failure in the worker. */
  retry: (() => void) | null;
}

/**
 * The entries repriced: at once when every one is cached or small (or there is no engine worker),
 * else in the engine worker. Pass a memoised array: a new array starts the pricing again.
 */
export function useRepriced(
  entries: readonly Priceable[] | null,
  engine: JobClient<EngineJobs> | null,
  workerFromItems: number = WORKER_FROM_ITEMS,
): RepricedState {
  const immediate = React.useMemo((): { results: ApplyResult[] | null; error: string | null } => {
    if (!entries) return { results: null, error: null };
    try {
      entries.forEach(check);
      const ready = entries.every((entry) => cached(entry) || !engine || entry.applied.segmentIndex.length < workerFromItems);
      return { results: ready ? entries.map((entry) => repriced(entry.applied, entry.definition)) : null, error: null };
    } catch (error) {
      return { results: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [entries, engine, workerFromItems]);

  const [worked, setWorked] = React.useState<{ for: readonly Priceable[] | null; results: ApplyResult[] | null; progress: JobProgress | null; error: string | null; cancel: (() => void) | null }>({
    for: null,
    results: null,
    progress: null,
    error: null,
    cancel: null,
  });

  const active = React.useRef<AbortController | null>(null);
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    if (!entries || !engine || immediate.results || immediate.error) return;
    const controller = new AbortController();
    active.current = controller;
    const settle = (next: Omit<typeof worked, "for">) => {
      if (active.current === controller) setWorked({ for: entries, ...next });
    };
    settle({ results: null, progress: { done: 0, total: 1, message: "Pricing the policies" }, error: null, cancel: () => controller.abort() });
    void (async () => {
      try {
        const results: ApplyResult[] = [];
        for (const [k, entry] of entries.entries()) {
          let figures = cached(entry);
          if (!figures) {
            const output: PolicyFiguresOutput = await engine.run("results.policyFigures", policyFiguresInput(entry.definition, entry.applied), {
              signal: controller.signal,
              onProgress: (progress) =>
                settle({
                  results: null,
                  progress: { ...progress, message: entries.length > 1 ? `Pricing the policies (${k + 1} of ${entries.length})` : progress.message },
                  error: null,
                  cancel: () => controller.abort(),
                }),
            });
            figures = liveFigures(entry.definition, entry.applied, output);
            remember(entry, figures);
          }
          results.push(fromFigures(entry, figures));
        }
        settle({ results, progress: null, error: null, cancel: null });
      } catch (error) {
        settle({
          results: null,
          progress: null,
          error: controller.signal.aborted
            ? "Pricing the policies was cancelled, so the figures are not shown."
            : `Could not price the policies: ${error instanceof Error ? error.message : String(error)}`,
          cancel: null,
        });
      }
    })();
    return () => {
      // Replaced or unmounted: this run's outcome is no longer wanted.
      active.current = null;
      controller.abort();
    };
  }, [entries, engine, immediate, attempt]);

  if (immediate.results || immediate.error || !entries) return { results: immediate.results, progress: null, error: immediate.error, cancel: null, retry: null };
  if (worked.for !== entries) return { results: null, progress: { done: 0, total: 1, message: "Pricing the policies" }, error: null, cancel: null, retry: null };
  return {
    results: worked.results,
    progress: worked.progress,
    error: worked.error,
    cancel: worked.cancel,
    retry: worked.error ? () => setAttempt((n) => n + 1) : null,
  };
}
