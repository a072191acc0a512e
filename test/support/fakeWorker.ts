/**
 * A Worker and its global scope joined in one process, for testing the job protocol without a
 * browser: messages are structured-cloned with their transfer lists (so a transferred buffer is
 * detached on the sending side, as in a browser) and delivered in a later macrotask; terminate()
 * stops delivery both ways, as a terminated worker would.
 */
import type { WorkerLike } from "../../src/taskpane/worker/client";
import type { MessageEndpoint } from "../../src/taskpane/worker/protocol";

type Listener = (event: MessageEvent) => void;

/**
 * structuredClone belongs to Node's own realm, and jest runs tests in a realm of their own, where
 * `x instanceof Float64Array` is false for Node's arrays. Typed arrays are re-made in the test's realm
 * (a browser has one realm per side, so nothing like this happens there).
 */
function intoThisRealm(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    const Constructor = (globalThis as unknown as Record<string, new (source: ArrayLike<number>) => unknown>)[tag];
    return Constructor ? new Constructor(value as unknown as ArrayLike<number>) : value;
  }
  if (Array.isArray(value)) return value.map(intoThisRealm);
  if (Object.getPrototypeOf(value) === null || Object.prototype.toString.call(value) === "[object Object]") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, intoThisRealm(item)]));
  }
  return value;
}

export interface FakeWorkerPair {
  /** The pane's Worker object. */
  worker: WorkerLike & { terminated: boolean; transfers: number[]; fail(message: string): void };
  /** The worker's global scope (self). */
  scope: MessageEndpoint & { transfers: number[] };
}

export function createFakeWorkerPair(): FakeWorkerPair {
  const toWorker: Listener[] = [];
  const toPane: Listener[] = [];
  const errorListeners: ((event: ErrorEvent) => void)[] = [];
  let terminated = false;
  const deliver = (listeners: Listener[], message: unknown, transfer: Transferable[] = []) => {
    if (terminated) return;
    const data = intoThisRealm(structuredClone(message, { transfer }));
    setTimeout(() => {
      if (terminated) return;
      for (const listener of listeners) listener({ data } as MessageEvent);
    }, 0);
  };
  const worker = {
    terminated: false,
    transfers: [] as number[],
    postMessage(message: unknown, transfer?: Transferable[]) {
      worker.transfers.push(transfer?.length ?? 0);
      deliver(toWorker, message, transfer);
    },
    addEventListener(type: string, listener: Listener | ((event: ErrorEvent) => void)) {
      if (type === "message") toPane.push(listener as Listener);
      else if (type === "error") errorListeners.push(listener as (event: ErrorEvent) => void);
    },
    terminate() {
      terminated = true;
      worker.terminated = true;
    },
    fail(message: string) {
      for (const listener of errorListeners) listener({ message } as ErrorEvent);
    },
  };
  const scope = {
    transfers: [] as number[],
    postMessage(message: unknown, transfer?: Transferable[]) {
      scope.transfers.push(transfer?.length ?? 0);
      deliver(toPane, message, transfer);
    },
    addEventListener(_type: "message", listener: Listener) {
      toWorker.push(listener);
    },
  };
  return { worker: worker as FakeWorkerPair["worker"], scope };
}
