/**
 * Long clustering work as a task that can report progress and be stopped.
 *
 * Every expensive operation is written as a generator that yields its progress (a fraction from 0 to
 * 1) between steps (a k-means iteration, a k-means++ centre, a value of k) and returns its result.
 * `runTask` drives it to the end on the calling thread; `runTaskAsync` gives the event loop a turn
 * every few milliseconds, so that inside a Web Worker a "cancel" message can arrive and flip the
 * signal while the work is still running (a synchronous loop would only see that message after it
 * finished). Either way the signal is read between steps and never inside the per-item loops, which
 * cost nothing extra.
 */

/** A computation that yields its progress (0…1) between steps and returns a `T`. */
export type ClusterTask<T> = Generator<number, T, void>;

/** Anything with an `aborted` flag: an AbortSignal, or a plain object a caller flips. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** How a caller follows and stops a long task. Both are optional. */
export interface TaskControl {
  /** Called with the fraction done (0…1, never decreasing) between steps. */
  onProgress?: (fraction: number) => void;
  /** Checked between steps; once `aborted` is true the task stops and raises ClusteringCancelled. */
  signal?: CancelSignal;
}

/**
 * Raised when a task stops because its signal was aborted. Not a SegmentError: nothing is wrong with
 * the input, and a caller usually just closes its progress bar.
 */
export class ClusteringCancelled extends Error {
  constructor() {
    super("clustering was cancelled before it finished");
    this.name = "ClusteringCancelled";
  }
}

export function isClusteringCancelled(error: unknown): error is ClusteringCancelled {
  return error instanceof ClusteringCancelled;
}

function reporter(control: TaskControl): (fraction: number) => void {
  let last = 0;
  return (fraction) => {
    const clamped = fraction > 1 ? 1 : fraction > last ? fraction : last;
    last = clamped;
    control.onProgress?.(clamped);
  };
}

/** Runs a task to the end on this thread: progress and cancellation between steps. */
export function runTask<T>(task: ClusterTask<T>, control: TaskControl = {}): T {
  const report = reporter(control);
  for (;;) {
    if (control.signal?.aborted) {
      task.return(undefined as never);
      throw new ClusteringCancelled();
    }
    const step = task.next();
    if (step.done) {
      report(1);
      return step.value;
    }
    report(step.value);
  }
}

/** Gives the event loop one turn: queued messages (a worker's "cancel") are handled before we go on. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs a task, handing the event loop a turn at least every `sliceMs` milliseconds (default 20) so that
 * the signal can be aborted by a message while the task runs. For Web Workers and the task pane.
 */
export async function runTaskAsync<T>(task: ClusterTask<T>, control: TaskControl = {}, sliceMs = 20): Promise<T> {
  const report = reporter(control);
  let sliceStart = Date.now();
  for (;;) {
    if (Date.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = Date.now();
    }
    if (control.signal?.aborted) {
      task.return(undefined as never);
      throw new ClusteringCancelled();
    }
    const step = task.next();
    if (step.done) {
      report(1);
      return step.value;
    }
    report(step.value);
  }
}

/** Runs `task` as the part of a bigger task that spans `from`…`to` of its progress. */
export function* within<T>(task: ClusterTask<T>, from: number, to: number): ClusterTask<T> {
  let step = task.next();
  while (!step.done) {
    yield from + (to - from) * step.value;
    step = task.next();
  }
  return step.value;
}
