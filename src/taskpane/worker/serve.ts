/**
 * The worker's side of the protocol: runs the jobs the pane asks for, one promise each, reports their
 * progress (at most every 100 ms, plus the first and last), sends results with their typed arrays
 * transferred, and turns failures into messages. A cancel request sets a flag the job sees at its
 * next checkpoint.
 */
import { SegmentError } from "../../engine/errors";
import { JobCancelled, type JobContext, type JobRegistry } from "./jobs";
import { transferablesOf, type JobEvent, type JobRequest, type MessageEndpoint } from "./protocol";

export interface ServeOptions {
  /** Least time between two progress messages of a job; default 100 ms. */
  progressIntervalMs?: number;
  /** How a checkpoint lets pending messages in; default a zero timeout (one macrotask). */
  yieldToMessages?: () => Promise<void>;
}

function describeFailure(error: unknown): { message: string; kind?: string } {
  if (error instanceof SegmentError) return { message: error.message, kind: error.kind };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `The calculation failed: ${detail}. This is a fault in Supply Segments; please report it with the data that caused it.` };
}

export function serveJobs(endpoint: MessageEndpoint, registry: JobRegistry, options: ServeOptions = {}): void {
  const interval = options.progressIntervalMs ?? 100;
  const yieldToMessages = options.yieldToMessages ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const running = new Map<number, { cancelled: boolean }>();
  const post = (event: JobEvent, transfer: Transferable[] = []) => endpoint.postMessage(event, transfer);

  const run = async (jobId: number, name: string, input: unknown) => {
    const definition = Object.prototype.hasOwnProperty.call(registry, name) ? registry[name] : undefined;
    if (!definition) {
      post({ type: "error", jobId, cancelled: false, message: `There is no engine job named "${name}"; the jobs are ${Object.keys(registry).join(", ")}.` });
      return;
    }
    const state = { cancelled: false };
    running.set(jobId, state);
    let lastProgress = -Infinity;
    const context: JobContext = {
      progress(done, total, message) {
        const now = Date.now();
        if (done < total && now - lastProgress < interval) return;
        lastProgress = now;
        post({ type: "progress", jobId, done, total, message });
      },
      get cancelled() {
        return state.cancelled;
      },
      async checkpoint() {
        await yieldToMessages();
        if (state.cancelled) throw new JobCancelled(name);
      },
    };
    try {
      const output = await definition.run(input, context);
      if (state.cancelled) throw new JobCancelled(name);
      post({ type: "result", jobId, output }, transferablesOf(output));
    } catch (error) {
      if (error instanceof JobCancelled) post({ type: "error", jobId, cancelled: true, message: error.message });
      else post({ type: "error", jobId, cancelled: false, ...describeFailure(error) });
    } finally {
      running.delete(jobId);
    }
  };

  endpoint.addEventListener("message", (event: MessageEvent) => {
    const request = event.data as JobRequest;
    if (request?.type === "cancel") {
      const state = running.get(request.jobId);
      if (state) state.cancelled = true;
    } else if (request?.type === "run") {
      void run(request.jobId, request.job, request.input);
    }
  });
}
