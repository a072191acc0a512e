/**
 * What the Design view remembers while the planner visits other views (the tab unmounts it): the
 * choices as typed — method, dimensions and weights, cutoffs, rules, k — and what the engine made of
 * them for the chosen data (the items, the table over k, the proposed definition), plus the job
 * running now. A small store outside React, like the Data view's readiness thresholds, so a job that
 * finishes while another view is open still lands here.
 *
 * Numbers are kept as the text typed, so a half-typed value is never lost; designRequest.ts reads
 * them and says what is wrong.
 */
import * as React from "react";
import type { Scaling } from "../../../engine/cluster/prepare";
import type { DimensionTransform } from "../../../engine/cluster/transform";
import type { RuleOperator } from "../../../engine/definition/designRules";
import type { Period } from "../../../engine/definition/schema";
import type { ChosenData } from "../../dataset";
import type { ClusterProposal, DesignItems, KSelectJobOutput, ProposedDefinition } from "../../worker/designJobs";

export type MethodId = "abcXyz" | "patterns" | "clusters" | "rules";
export type AbcMeasure = "revenue" | "quantity" | "orderLines";

export interface DimensionDraft {
  name: string;
  on: boolean;
  weight: string;
  transform: DimensionTransform;
}

export interface ConditionDraft {
  key: number;
  field: string;
  op: RuleOperator;
  value: string;
}

export interface RuleDraft {
  key: number;
  segment: string;
  conditions: ConditionDraft[];
}

export interface DesignChoices {
  method: MethodId;
  /** Empty: the name made from the data and the method. */
  name: string;
  author: string;
  period: Period;
  newItemPeriods: string;
  leadTimeDays: string;
  costRatio: string;
  abc: { measure: AbcMeasure; a: string; b: string };
  xyz: { x: string; y: string };
  patterns: { adi: string; cv2: string; withAbc: boolean };
  clusters: { dimensions: DimensionDraft[]; scaling: Scaling; seed: string; k: string; kMin: string; kMax: string };
  /** `prefilled` false until the rules were filled from the data's figures (or edited). */
  rules: { rules: RuleDraft[]; otherwise: string; prefilled: boolean };
}

export interface JobState {
  id: number;
  /** The engine job's name. */
  job: string;
  label: string;
  done: number;
  total: number;
  message?: string;
  cancel(): void;
}

export interface DesignResults {
  /** The data the results below were made from. */
  data: ChosenData | null;
  /** The items, with the key (period, cost ratio) they were aggregated for. */
  items: { key: string; value: DesignItems } | null;
  /** The table over k, with the key (dimensions, scaling, seed, range) it was made for. */
  kselect: { key: string; value: KSelectJobOutput } | null;
  proposal: { method: MethodId; value: ProposedDefinition | ClusterProposal } | null;
  running: JobState | null;
  /** The last job's failure; `cancelled` when the planner stopped it. */
  failure: { message: string; cancelled: boolean; job: string; itemsKey?: string } | null;
}

export interface DesignStoreState {
  choices: DesignChoices;
  results: DesignResults;
}

/** The command line's clustering: log revenue, log order lines and demand CV, weight 1, 5 clusters, seed 1. */
export const CLI_DIMENSIONS: ReadonlySet<string> = new Set(["revenue", "orderLines", "demandCv"]);

export function initialChoices(): DesignChoices {
  return {
    method: "abcXyz",
    name: "",
    author: "Planner",
    period: "month",
    newItemPeriods: "6",
    leadTimeDays: "14",
    costRatio: "1",
    abc: { measure: "revenue", a: "80", b: "95" },
    xyz: { x: "0.5", y: "1" },
    patterns: { adi: "1.32", cv2: "0.49", withAbc: false },
    clusters: { dimensions: [], scaling: "zscore", seed: "1", k: "5", kMin: "2", kMax: "8" },
    rules: { rules: [], otherwise: "Other items", prefilled: false },
  };
}


function emptyResults(data: ChosenData | null): DesignResults {
  return { data, items: null, kselect: null, proposal: null, running: null, failure: null };
}

let state: DesignStoreState = { choices: initialChoices(), results: emptyResults(null) };
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function designState(): DesignStoreState {
  return state;
}

export function updateChoices(change: (choices: DesignChoices) => DesignChoices): void {
  state = { ...state, choices: change(state.choices) };
  emit();
}

export function updateResults(change: (results: DesignResults) => DesignResults): void {
  state = { ...state, results: change(state.results) };
  emit();
}

/** New data chosen: what was made from the old data goes (a running job is stopped); the choices stay. */
export function resultsFor(data: ChosenData | null): void {
  if (state.results.data === data) return;
  state.results.running?.cancel();
  state = { ...state, results: emptyResults(data) };
  emit();
}

/** Back to the start: for tests, and a pane that opens another workbook. */
export function resetDesignStore(): void {
  state.results.running?.cancel();
  state = { choices: initialChoices(), results: emptyResults(null) };
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDesignStore(): DesignStoreState {
  return React.useSyncExternalStore(subscribe, designState, designState);
}

let nextKey = 1;
/** A key for a new rule or condition row (React lists need stable keys). */
export function newKey(): number {
  return nextKey++;
}
