/**
 * Running an engine job for the pane: in the engine worker when there is one (services.engine), else
 * in this thread with the same job code — only where no worker exists (tests in jsdom, a browser
 * without workers). Either way progress is reported, the AbortSignal cancels (the promise rejects
 * with JobCancelled), and a failure arrives as an EngineJobError whose message is for the planner.
 */
import { SegmentError } from "../../engine/errors";
import type { PaneServices } from "../services";
import { EngineJobError } from "../worker/client";
import { JobCancelled, type InputOf, type JobContext, type JobDefinition, type OutputOf } from "../worker/jobs";
import type { EngineJobs } from "../worker/registry";

export interface JobRunOptions {
  onProgress?: (done: number, total: number, message?: string) => void;
  signal?: AbortSignal;
}

/** Runs a job's code in this thread, with the worker's progress, checkpoints and failure messages. */
export async function runInThisThread<Input, Output>(job: JobDefinition<Input, Output>, input: Input, options: JobRunOptions = {}): Promise<Output> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw new JobCancelled(job.name);
  const context: JobContext = {
    progress: (done, total, message) => onProgress?.(done, total, message),
    get cancelled() {
      return signal?.aborted ?? false;
    },
    async checkpoint() {
      // Let the pane paint and take a click on Cancel between steps.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) throw new JobCancelled(job.name);
    },
  };
  try {
    const output = await job.run(input, context);
    if (signal?.aborted) throw new JobCancelled(job.name);
    return output;
  } catch (error) {
    if (error instanceof JobCancelled) throw error;
    // As the worker reports failures (serve.ts): the engine's own messages as they are, anything else as a fault.
    if (error instanceof SegmentError) throw new EngineJobError(error.message, error.kind);
    const detail = error instanceof Error ? error.message : String(error);
    throw new EngineJobError(`The calculation failed: ${detail}. This is a fault in Supply Segments; please report it with the data that caused it.`);
  }
}

/**
 * Runs job `name` in the engine worker, or — when services.engine is null — the job `loadJob` gives in
 * this thread. `loadJob` imports the job on demand, so its engine code stays out of the first load.
 */
export async function runEngineJob<Name extends keyof EngineJobs & string>(
  services: PaneServices,
  name: Name,
  input: InputOf<EngineJobs, Name>,
  loadJob: () => Promise<JobDefinition<InputOf<EngineJobs, Name>, OutputOf<EngineJobs, Name>>>,
  options: JobRunOptions = {},
): Promise<OutputOf<EngineJobs, Name>> {
  if (services.engine) {
    return services.engine.run(name, input, {
      signal: options.signal,
      onProgress: (progress) => options.onProgress?.(progress.done, progress.total, progress.message),
    });
  }
  return runInThisThread(await loadJob(), input, options);
}
