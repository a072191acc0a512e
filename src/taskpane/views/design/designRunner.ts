/**
 * Running the Design view's engine jobs (worker/designJobs.ts) with the view's store: one job at a
 * time (a new one stops the one running), its progress and Cancel kept in the store so the view shows
 * them even after a visit to another view, and a failure kept as the sentence the planner reads.
 * In the engine worker when there is one, else in this thread with the same code (runJob.ts).
 */
import { DEFAULT_LINE_RULES } from "../../../engine/transactions/lineRules";
import { chosenLines } from "../../analysis/chosenLines";
import { readinessThresholds } from "../../analysis/readinessThresholds";
import { runEngineJob } from "../../analysis/runJob";
import type { ChosenData } from "../../dataset";
import type { PaneServices } from "../../services";
import type { DesignItems } from "../../worker/designJobs";
import { JobCancelled, type InputOf, type JobDefinition, type OutputOf } from "../../worker/jobs";
import type { EngineJobs } from "../../worker/registry";
import { CLI_DIMENSIONS, designState, type DesignChoices, newKey, updateChoices, updateResults } from "./designStore";
import { itemsKey, readNumber } from "./designRequest";
import { ITEM_FEATURES } from "../../../engine/definition/itemFeatures";

export type DesignJobName = "design.items" | "design.abcXyz" | "design.patterns" | "design.rules" | "design.clusters" | "cluster.kselect";

type Loader<Name extends DesignJobName> = () => Promise<JobDefinition<InputOf<EngineJobs, Name>, OutputOf<EngineJobs, Name>>>;

const jobs = () => import(/* webpackChunkName: "design-jobs" */ "../../worker/designJobs");
const LOADERS: { [Name in DesignJobName]: Loader<Name> } = {
  "design.items": async () => (await jobs()).designItemsJob,
  "design.abcXyz": async () => (await jobs()).designAbcXyzJob,
  "design.patterns": async () => (await jobs()).designPatternsJob,
  "design.rules": async () => (await jobs()).designRulesJob,
  "design.clusters": async () => (await jobs()).designClustersJob,
  "cluster.kselect": async () => (await jobs()).kselectJob,
};

/** An engine message as a sentence: capital first, full stop last. */
export function asSentence(message: string): string {
  const text = message.trim();
  if (text === "") return text;
  const capital = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

let jobCounter = 0;
const PROGRESS_INTERVAL_MS = 100;

/** Runs a design job; resolves with its output, or null when it failed or was cancelled (the store says which). */
export async function runDesignJob<Name extends DesignJobName>(
  services: PaneServices,
  name: Name,
  label: string,
  input: InputOf<EngineJobs, Name>,
  /** For the items job: the period and cost ratio it aggregates for, kept with a failure so it is not retried by itself. */
  itemsKey?: string,
): Promise<OutputOf<EngineJobs, Name> | null> {
  designState().results.running?.cancel();
  const id = ++jobCounter;
  const controller = new AbortController();
  const cancel = () => controller.abort();
  const mine = () => designState().results.running?.id === id;
  updateResults((results) => ({ ...results, running: { id, job: name, label, done: 0, total: 1, cancel }, failure: null }));
  let shown = 0;
  try {
    return await runEngineJob(services, name, input, LOADERS[name] as Loader<Name>, {
      signal: controller.signal,
      onProgress: (done, total, message) => {
        // At most ten redraws a second: a job run in this thread reports every step.
        const now = Date.now();
        if (!mine() || (now - shown < PROGRESS_INTERVAL_MS && done < total)) return;
        shown = now;
        updateResults((results) => ({ ...results, running: { id, job: name, label, done, total, message, cancel } }));
      },
    });
  } catch (error) {
    if (mine() || controller.signal.aborted) {
      const cancelled = error instanceof JobCancelled || (error as { name?: string })?.name === "JobCancelled";
      const message = cancelled ? `${label} was cancelled; nothing changed.` : asSentence(error instanceof Error ? error.message : String(error));
      if (mine()) updateResults((results) => ({ ...results, failure: { message, cancelled, job: name, ...(itemsKey !== undefined ? { itemsKey } : {}) } }));
    }
    return null;
  } finally {
    if (mine()) updateResults((results) => ({ ...results, running: null }));
  }
}

/**
 * The chosen data's items for the current period and cost ratio, aggregated in the engine; on arrival
 * the dimensions list and the starting rules are filled from them when the planner has not set them.
 */
export async function loadItems(services: PaneServices, chosen: ChosenData, choices: DesignChoices): Promise<void> {
  const key = itemsKey(choices);
  if (key === null) return;
  let sheet;
  try {
    sheet = chosenLines(chosen);
    if (sheet.problems.length > 0) throw new Error(sheet.problems.map((problem) => problem.message).join(" "));
  } catch (error) {
    updateResults((results) => ({ ...results, failure: { message: asSentence((error as Error).message), cancelled: false, job: "design.items", itemsKey: key } }));
    return;
  }
  const items = await runDesignJob(services, "design.items", "Adding up the items", {
    lines: sheet.lines,
    columns: sheet.columns,
    lineRules: DEFAULT_LINE_RULES,
    period: choices.period,
    costRatio: readNumber(choices.costRatio),
    thresholds: readinessThresholds(),
  }, key);
  if (!items || designState().results.data !== chosen) return;
  updateResults((results) => ({ ...results, items: { key, value: items }, kselect: null, proposal: null }));
  updateChoices((current) => prefill(current, items));
}

/** Choices completed from the items: every feature as a dimension (the command line's ticked), rules from the data's quartiles. */
export function prefill(choices: DesignChoices, items: DesignItems): DesignChoices {
  const available = ITEM_FEATURES.filter((feature) => feature.name in items.features && (feature.name !== "unitCost" || items.unitCostMapped));
  const known = new Map(choices.clusters.dimensions.map((draft) => [draft.name, draft]));
  const dimensions = available.map(
    (feature) => known.get(feature.name) ?? { name: feature.name, on: known.size === 0 && CLI_DIMENSIONS.has(feature.name), weight: "1", transform: feature.transform },
  );
  let rules = choices.rules;
  if (!rules.prefilled) {
    const revenue = items.summaries.find((summary) => summary.name === "revenue");
    const topRevenue = revenue && Number.isFinite(revenue.q3) ? roundTwoFigures(revenue.q3) : 1000;
    rules = {
      prefilled: true,
      otherwise: rules.otherwise,
      rules: [
        { key: newKey(), segment: "New items", conditions: [{ key: newKey(), field: "historyPeriods", op: "<", value: choices.newItemPeriods.trim() || "6" }] },
        { key: newKey(), segment: "Top sellers", conditions: [{ key: newKey(), field: "revenue", op: ">=", value: String(topRevenue) }] },
      ],
    };
  }
  return { ...choices, clusters: { ...choices.clusters, dimensions }, rules };
}

/** 12,345 → 12,000; 0.0456 → 0.046: a round threshold to start a rule from. */
export function roundTwoFigures(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const power = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(Math.round(value / power) * power * 1e6) / 1e6;
}
