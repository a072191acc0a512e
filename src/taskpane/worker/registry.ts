/**
 * The jobs the engine worker runs, by name. To add one, define it with defineJob in a file of its own
 * next to the others and list it here under its name; the pane then runs it by name with typed input
 * and output (JobClient<EngineJobs>).
 */
import { abcXyzJob } from "./abcXyzJob";
import { applyJob } from "./applyJob";
import { designAbcXyzJob, designClustersJob, designItemsJob, designPatternsJob, designRulesJob, kselectJob } from "./designJobs";
import type { JobRegistry } from "./jobs";
import { readinessJob } from "./readinessJob";
import { policyFiguresJob } from "./resultsJob";

export const ENGINE_JOBS = {
  "classify.abcXyz": abcXyzJob,
  "definition.apply": applyJob,
  "data.readiness": readinessJob,
  "results.policyFigures": policyFiguresJob,
  "design.items": designItemsJob,
  "design.abcXyz": designAbcXyzJob,
  "design.patterns": designPatternsJob,
  "design.rules": designRulesJob,
  "cluster.kselect": kselectJob,
  "design.clusters": designClustersJob,
} satisfies JobRegistry;

export type EngineJobs = typeof ENGINE_JOBS;
export type EngineJobName = keyof EngineJobs;
