/**
 * The messages between the task pane and the engine worker. The pane asks for a named job with an
 * input; the worker answers with progress, then exactly one result or error for that job id. Typed
 * arrays travel by transfer (their buffers move, not copy), which is what makes handing a million-row
 * column to the worker cheap.
 */

export type JobRequest =
  | { type: "run"; jobId: number; job: string; input: unknown }
  | { type: "cancel"; jobId: number };

export type JobEvent =
  | { type: "progress"; jobId: number; done: number; total: number; message?: string }
  | { type: "result"; jobId: number; output: unknown }
  | { type: "error"; jobId: number; message: string; cancelled: boolean; kind?: string };

/** The side of a MessagePort, Worker or worker global both ends need. */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener?(type: "message", listener: (event: MessageEvent) => void): void;
}

/**
 * The buffers of every typed array in `value` (searched through plain objects and arrays, 4 levels
 * deep), each once, for postMessage's transfer list. Buffers of SharedArrayBuffer can't be transferred
 * and are left out.
 */
export function transferablesOf(value: unknown, depth = 4): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  // Tags, not instanceof: arrays made in another realm (a frame, a test sandbox) are buffers all the same.
  const isArrayBuffer = (item: unknown): item is ArrayBuffer => Object.prototype.toString.call(item) === "[object ArrayBuffer]";
  const visit = (item: unknown, level: number) => {
    if (item === null || typeof item !== "object" || level > depth) return;
    if (ArrayBuffer.isView(item)) {
      if (isArrayBuffer(item.buffer) && item.buffer.byteLength > 0) buffers.add(item.buffer);
      return;
    }
    if (isArrayBuffer(item)) {
      if (item.byteLength > 0) buffers.add(item);
      return;
    }
    if (Array.isArray(item)) {
      // Arrays of strings (item ids) hold no buffers: skip long ones rather than walk a million entries.
      if (item.length > 0 && typeof item[0] !== "object") return;
      for (const element of item) visit(element, level + 1);
      return;
    }
    if (Object.getPrototypeOf(item) === Object.prototype) {
      for (const element of Object.values(item)) visit(element, level + 1);
    }
  };
  visit(value, 0);
  return [...buffers];
}
