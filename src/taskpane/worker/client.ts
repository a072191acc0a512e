/**
 * The pane's side of the protocol: runs named jobs in the engine worker and returns promises, with
 * progress callbacks and cancellation through an AbortSignal.
 *
 * Cancel is polite first: the job is asked to stop and does so at its next checkpoint. A job that has
 * not stopped after `hardCancelAfterMs` (default 2 s) is stopped by terminating the worker; a fresh
 * worker starts with the next job, and any other job that was running on the old one fails with a
 * message saying to run it again. Either way the caller's promise rejects with JobCancelled.
 */
import { JobCancelled, type InputOf, type JobRegistry, type OutputOf } from "./jobs";
import { transferablesOf, type JobEvent, type MessageEndpoint } from "./protocol";

export interface WorkerLike extends MessageEndpoint {
  terminate(): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  addEventListener(type: "error", listener: (event: ErrorEvent) => void): void;
}

export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

export interface RunOptions {
  onProgress?: (progress: JobProgress) => void;
  signal?: AbortSignal;
  /**
   * Move the input's typed arrays to the worker instead of copying them. Faster for big columns, but the
   * caller's arrays are emptied (detached): only for arrays made for this job.
   */
  transferInput?: boolean;
}

/** A job failed: the message is for the planner; `kind` is the engine's SegmentError kind when it was one. */
export class EngineJobError extends Error {
  readonly kind?: string;

  constructor(message: string, kind?: string) {
    super(message);
    this.name = "EngineJobError";
    if (kind !== undefined) this.kind = kind;
  }
}

interface Pending {
  name: string;
  resolve(output: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: JobProgress) => void;
  hardCancel?: ReturnType<typeof setTimeout>;
}

export class JobClient<Registry extends JobRegistry> {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly options: { hardCancelAfterMs?: number } = {},
  ) {}

  run<Name extends keyof Registry & string>(name: Name, input: InputOf<Registry, Name>, options: RunOptions = {}): Promise<OutputOf<Registry, Name>> {
    if (options.signal?.aborted) return Promise.reject(new JobCancelled(name));
    const jobId = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<OutputOf<Registry, Name>>((resolve, reject) => {
      const entry: Pending = { name, resolve: resolve as (output: unknown) => void, reject, onProgress: options.onProgress };
      this.pending.set(jobId, entry);
      options.signal?.addEventListener("abort", () => this.cancel(jobId), { once: true });
      try {
        worker.postMessage({ type: "run", jobId, job: name, input }, options.transferInput ? transferablesOf(input) : []);
      } catch (error) {
        this.settle(jobId);
        reject(new EngineJobError(`Could not hand the data to the calculation engine: ${(error as Error).message}.`));
      }
    });
  }

  /** Stops the worker and fails every running job. */
  dispose(): void {
    this.restart(() => new EngineJobError("The calculation engine was closed."));
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.addEventListener("message", (event: MessageEvent) => this.receive(event.data as JobEvent));
    worker.addEventListener("error", (event: ErrorEvent) => {
      if (this.worker !== worker) return;
      const reason = event?.message || "it could not be loaded";
      this.restart(() => new EngineJobError(`The calculation engine stopped (${reason}). Reload the pane and try again.`));
    });
    this.worker = worker;
    return worker;
  }

  private receive(event: JobEvent): void {
    const entry = this.pending.get(event?.jobId);
    if (!entry) return;
    if (event.type === "progress") {
      entry.onProgress?.({ done: event.done, total: event.total, message: event.message });
      return;
    }
    this.settle(event.jobId);
    if (event.type === "result") entry.resolve(event.output);
    else if (event.cancelled) entry.reject(new JobCancelled(entry.name));
    else entry.reject(new EngineJobError(event.message, event.kind));
  }

  private cancel(jobId: number): void {
    const entry = this.pending.get(jobId);
    if (!entry || !this.worker) return;
    this.worker.postMessage({ type: "cancel", jobId });
    entry.hardCancel = setTimeout(() => {
      if (!this.pending.has(jobId)) return;
      this.settle(jobId);
      entry.reject(new JobCancelled(entry.name));
      this.restart((other) => new EngineJobError(`The calculation engine was restarted to stop a job that did not respond; run ${other} again.`));
    }, this.options.hardCancelAfterMs ?? 2000);
  }

  private settle(jobId: number): void {
    const entry = this.pending.get(jobId);
    if (entry?.hardCancel !== undefined) clearTimeout(entry.hardCancel);
    this.pending.delete(jobId);
  }

  /** Terminates the worker and fails the jobs still pending on it. */
  private restart(reason: (jobName: string) => Error): void {
    const worker = this.worker;
    this.worker = null;
    worker?.terminate();
    for (const [jobId, entry] of [...this.pending]) {
      this.settle(jobId);
      entry.reject(reason(entry.name));
    }
  }
}
