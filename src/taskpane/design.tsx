/**
 * The working segmentation, shared by the views after Data: the definition being designed (Design
 * makes it, Policies edits its segments' policies, Governance loads or submits it), the result of
 * applying it to the chosen data (items → segments with reasons, policy figures, KPIs, readiness),
 * and the scenarios saved along the way for Scenarios to compare.
 *
 * Applying runs in the engine worker (analysis/applyChosen.ts) whenever the definition's assignment
 * could change — a new method, thresholds, segments — or the chosen data changes; an edit that only
 * touches policies keeps the assignment and the views recompute the policy figures on the spot.
 */
import * as React from "react";
import type { ApplyResult } from "../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../engine/definition";
import { applyChosen } from "./analysis/applyChosen";
import { useDataset } from "./dataset";
import { useServices } from "./services";

export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

export type ApplyStatus =
  | { kind: "idle" }
  | { kind: "running"; progress: JobProgress; cancel(): void }
  | { kind: "failed"; message: string; cancelled: boolean };

export interface Scenario {
  id: string;
  name: string;
  /** ISO time it was saved. */
  savedAt: string;
  definition: SegmentDefinition;
  applied: ApplyResult;
}

export interface DesignState {
  definition: SegmentDefinition | null;
  /** Replaces the working definition; re-applies it when its assignment could have changed. */
  setDefinition(next: SegmentDefinition | null): void;
  /** The working definition applied to the chosen data; null before both exist or while it is re-applied. */
  applied: ApplyResult | null;
  applyStatus: ApplyStatus;
  /** Applies the working definition to the chosen data again (e.g. after the data was re-read). */
  reapply(): Promise<ApplyResult | null>;
  scenarios: readonly Scenario[];
  /** Saves the working definition and its result under a name; null when nothing is applied yet. */
  saveScenario(name: string): Scenario | null;
  removeScenario(id: string): void;
}

const noop = () => undefined;
const DesignContext = React.createContext<DesignState>({
  definition: null,
  setDefinition: noop,
  applied: null,
  applyStatus: { kind: "idle" },
  reapply: async () => null,
  scenarios: [],
  saveScenario: () => null,
  removeScenario: noop,
});

/** The definition without its segments' policies and targets: what decides who goes where. */
export function assignmentKey(definition: SegmentDefinition): string {
  const { segments, provenance: _provenance, ...rest } = definition as SegmentDefinition & { provenance?: unknown };
  return JSON.stringify({ ...rest, segments: segments.map(({ policy: _policy, targets: _targets, ...segment }) => segment) });
}

function errorMessage(error: unknown): { message: string; cancelled: boolean } {
  const cancelled = (error as { name?: string; kind?: string })?.name === "JobCancelled" || (error as { kind?: string })?.kind === "cancelled";
  return { message: error instanceof Error ? error.message : String(error), cancelled };
}

let scenarioCounter = 0;

export function DesignProvider({ children, initialDefinition = null }: { children: React.ReactNode; initialDefinition?: SegmentDefinition | null }) {
  const services = useServices();
  const { chosen } = useDataset();
  const [definition, setDefinitionState] = React.useState<SegmentDefinition | null>(initialDefinition);
  const [applied, setApplied] = React.useState<ApplyResult | null>(null);
  const [applyStatus, setApplyStatus] = React.useState<ApplyStatus>({ kind: "idle" });
  const [scenarios, setScenarios] = React.useState<Scenario[]>([]);
  const running = React.useRef<AbortController | null>(null);
  const appliedKey = React.useRef<{ key: string; chosen: unknown } | null>(null);

  const run = React.useCallback(
    async (target: SegmentDefinition | null): Promise<ApplyResult | null> => {
      running.current?.abort();
      if (!target || !chosen) {
        setApplied(null);
        setApplyStatus({ kind: "idle" });
        appliedKey.current = null;
        return null;
      }
      const controller = new AbortController();
      running.current = controller;
      const cancel = () => controller.abort();
      setApplyStatus({ kind: "running", progress: { done: 0, total: 1, message: "Applying the definition" }, cancel });
      try {
        const result = await applyChosen(services, chosen, target, {
          signal: controller.signal,
          onProgress: (done, total, message) => {
            if (running.current === controller) setApplyStatus({ kind: "running", progress: { done, total, message }, cancel });
          },
        });
        if (running.current !== controller) return null;
        appliedKey.current = { key: assignmentKey(target), chosen };
        setApplied({ ...result, definition: target });
        setApplyStatus({ kind: "idle" });
        return result;
      } catch (error) {
        if (running.current === controller) {
          setApplied(null);
          setApplyStatus({ kind: "failed", ...errorMessage(error) });
        }
        return null;
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [services, chosen],
  );

  const setDefinition = React.useCallback(
    (next: SegmentDefinition | null) => {
      setDefinitionState(next);
      const previous = appliedKey.current;
      if (next && previous && previous.chosen === chosen && previous.key === assignmentKey(next)) {
        // Only policies or targets changed: the assignment stands; carry the new definition along.
        setApplied((current) => (current ? { ...current, definition: next } : current));
        return;
      }
      void run(next);
    },
    [run, chosen],
  );

  // New data chosen: apply the working definition to it.
  React.useEffect(() => {
    if (definition && appliedKey.current?.chosen !== chosen) void run(definition);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of data re-applies here
  }, [chosen]);

  React.useEffect(() => () => running.current?.abort(), []);

  const saveScenario = React.useCallback(
    (name: string): Scenario | null => {
      if (!definition || !applied) return null;
      scenarioCounter += 1;
      const scenario: Scenario = {
        id: `scenario-${Date.now().toString(36)}-${scenarioCounter}`,
        name: name.trim() || `Scenario ${scenarios.length + 1}`,
        savedAt: new Date().toISOString(),
        definition,
        applied,
      };
      setScenarios((list) => [...list, scenario]);
      return scenario;
    },
    [definition, applied, scenarios.length],
  );

  const removeScenario = React.useCallback((id: string) => setScenarios((list) => list.filter((entry) => entry.id !== id)), []);

  const value = React.useMemo<DesignState>(
    () => ({ definition, setDefinition, applied, applyStatus, reapply: () => run(definition), scenarios, saveScenario, removeScenario }),
    [definition, setDefinition, applied, applyStatus, run, scenarios, saveScenario, removeScenario],
  );
  return <DesignContext.Provider value={value}>{children}</DesignContext.Provider>;
}

export function useDesign(): DesignState {
  return React.useContext(DesignContext);
}

/** For tests and stories: a fixed design state. */
export function DesignStateProvider({ value, children }: { value: DesignState; children: React.ReactNode }) {
  return <DesignContext.Provider value={value}>{children}</DesignContext.Provider>;
}
