/**
 * Engine jobs: named units of long work (clustering, choosing k, applying a definition to a million
 * rows, classification) that run in the engine worker. A job is a plain function of its input and a
 * context through which it reports progress and notices cancellation.
 */

export interface JobContext {
  /** Reports progress: `done` of `total` steps (any unit), with an optional phrase for the pane. */
  progress(done: number, total: number, message?: string): void;
  /** True once the pane asked to cancel. */
  readonly cancelled: boolean;
  /**
   * Lets the worker receive messages (a cancel) and raises JobCancelled if one came. Await it between
   * steps of long loops — every few thousand rows — since a busy loop never sees messages.
   */
  checkpoint(): Promise<void>;
}

export interface JobDefinition<Input, Output> {
  readonly name: string;
  run(input: Input, context: JobContext): Output | Promise<Output>;
}

export function defineJob<Input, Output>(name: string, run: JobDefinition<Input, Output>["run"]): JobDefinition<Input, Output> {
  return { name, run };
}

/** Raised inside a job by `checkpoint()` after a cancel, and by the client to the caller of a cancelled job. */
export class JobCancelled extends Error {
  constructor(job: string) {
    super(`Cancelled: ${job} was stopped before it finished.`);
    this.name = "JobCancelled";
  }
}

/** A set of jobs by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds jobs of any input and output
export type JobRegistry = Readonly<Record<string, JobDefinition<any, any>>>;

export type InputOf<Registry extends JobRegistry, Name extends keyof Registry> =
  Registry[Name] extends JobDefinition<infer Input, unknown> ? Input : never;
export type OutputOf<Registry extends JobRegistry, Name extends keyof Registry> =
  Registry[Name] extends JobDefinition<never, infer Output> ? Output : never;
