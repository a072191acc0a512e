/**
 * The jobs the engine worker runs, by name. To add one, define it with defineJob in a file of its own
 * next to the others and list it here under its name; the pane then runs it by name with typed input
 * and output (JobClient<EngineJobs>).
 */
import { abcXyzJob } from "./abcXyzJob";
import type { JobRegistry } from "./jobs";

export const ENGINE_JOBS = {
  "classify.abcXyz": abcXyzJob,
} satisfies JobRegistry;

export type EngineJobs = typeof ENGINE_JOBS;
export type EngineJobName = keyof EngineJobs;
