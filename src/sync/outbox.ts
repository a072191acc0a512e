/**
 * The offline outbox: changes made while the store is unreachable are kept (in memory, or in a
 * localStorage-like store in the task pane) and sent later, in the order they were made, each once.
 *
 * - Every entry has an idempotency key; enqueuing a key that is pending, or was sent recently, does
 *   nothing. The key also goes to the store (Idempotency-Key), so an entry whose first send had an
 *   unknown outcome is not applied twice when it is sent again.
 * - flush() sends entries one at a time from the oldest. When the store is unreachable it stops
 *   and keeps the rest, in order, for the next flush. When the store refuses an entry for good (a
 *   4xx such as 412: someone changed the definition meanwhile) the entry moves to `rejected`, with
 *   the store's message, for the user to resolve, and the next entry goes.
 */
import { newIdempotencyKey, StoreClient, StoreRequestError } from "./client";
import type { AssignmentRow } from "./client";
import { submitForApproval } from "./submitForApproval";

export type OutboxOperation =
  | { kind: "createDefinition"; document: unknown; businessUnit?: string }
  | { kind: "saveDraft"; definitionId: string; document: unknown; etag: string }
  | { kind: "submit"; definitionId: string; version: number; etag: string }
  | { kind: "uploadAssignments"; definitionId: string; version: number; assignments: AssignmentRow[]; ifMatch?: string }
  | { kind: "setOverride"; definitionId: string; item: string; segment: string; reason: string; etag: string }
  /** Create or update the definition and submit it (submitForApproval.ts); etag as the user last saw it, null when absent. */
  | { kind: "submitForApproval"; document: unknown; businessUnit?: string; etag?: string | null };

export interface OutboxEntry {
  key: string;
  operation: OutboxOperation;
  enqueuedAt: string;
  attempts: number;
  lastError?: string;
}

export interface RejectedEntry extends OutboxEntry {
  status: number;
  error: string;
  message: string;
}

export interface OutboxState {
  pending: OutboxEntry[];
  rejected: RejectedEntry[];
  /** Keys sent lately (newest last), so a late duplicate is not sent again. */
  sent: string[];
}

/** Where the outbox keeps its state between sessions. */
export interface OutboxStorage {
  load(): OutboxState | Promise<OutboxState>;
  save(state: OutboxState): void | Promise<void>;
}

const emptyState = (): OutboxState => ({ pending: [], rejected: [], sent: [] });

export class MemoryOutboxStorage implements OutboxStorage {
  private state = emptyState();
  load(): OutboxState {
    return structuredClone(this.state);
  }
  save(state: OutboxState): void {
    this.state = structuredClone(state);
  }
}

/** localStorage, or anything with its getItem/setItem (Office's OfficeRuntime.storage is async: wrap it). */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class WebStorageOutboxStorage implements OutboxStorage {
  constructor(
    private readonly storage: WebStorageLike,
    private readonly key = "supply-segments.outbox",
  ) {}
  load(): OutboxState {
    const text = this.storage.getItem(this.key);
    if (!text) return emptyState();
    try {
      const state = JSON.parse(text) as Partial<OutboxState>;
      return { pending: state.pending ?? [], rejected: state.rejected ?? [], sent: state.sent ?? [] };
    } catch {
      throw new Error(`the saved outbox under "${this.key}" is not readable JSON; nothing was sent. Inspect or clear it.`);
    }
  }
  save(state: OutboxState): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(state));
    } catch (error) {
      throw new Error(`the outbox could not be saved (${(error as Error).message}); browser storage holds a few MB, too little for a large upload: keep the workbook open and retry online`);
    }
  }
}

export type SendResult = { status: "sent"; result: unknown } | { status: "queued" } | { status: "duplicate" } | { status: "rejected"; error: RejectedEntry };

export interface FlushReport {
  sent: number;
  rejected: number;
  remaining: number;
  /** Why flushing stopped early, when the store was unreachable. */
  stoppedBecause?: string;
}

export type Sender = (entry: OutboxEntry) => Promise<unknown>;

const SENT_MEMORY = 1000;

/** A refusal that sending again will not change (as opposed to the store being away or busy). */
export function isPermanentRefusal(error: unknown): error is StoreRequestError {
  return error instanceof StoreRequestError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

export class Outbox {
  private flushing: Promise<FlushReport> | null = null;
  private readonly results = new Map<string, SendResult>();

  constructor(
    private readonly storage: OutboxStorage,
    private readonly send: Sender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds an operation at the end, unless its key is pending or was sent lately. True when added. */
  async enqueue(operation: OutboxOperation, key: string = newIdempotencyKey()): Promise<boolean> {
    const state = await this.storage.load();
    if (state.pending.some((entry) => entry.key === key) || state.sent.includes(key)) return false;
    state.pending.push({ key, operation, enqueuedAt: this.now().toISOString(), attempts: 0 });
    await this.storage.save(state);
    return true;
  }

  /** Enqueues the operation and flushes: sent now if the store is reachable and nothing is ahead of it. */
  async submit(operation: OutboxOperation, key: string = newIdempotencyKey()): Promise<SendResult> {
    if (!(await this.enqueue(operation, key))) return { status: "duplicate" };
    await this.flush();
    return this.results.get(key) ?? { status: "queued" };
  }

  /** Sends pending entries in order; one flush at a time (a second call joins the running one). */
  flush(): Promise<FlushReport> {
    if (!this.flushing) {
      this.flushing = this.flushOnce().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  async pending(): Promise<OutboxEntry[]> {
    return (await this.storage.load()).pending;
  }

  async rejected(): Promise<RejectedEntry[]> {
    return (await this.storage.load()).rejected;
  }

  /** Forgets a rejected entry once the user has dealt with it. */
  async dismiss(key: string): Promise<void> {
    const state = await this.storage.load();
    state.rejected = state.rejected.filter((entry) => entry.key !== key);
    await this.storage.save(state);
  }

  private async flushOnce(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, rejected: 0, remaining: 0 };
    for (;;) {
      const state = await this.storage.load();
      const entry = state.pending[0];
      if (!entry) break;
      entry.attempts++;
      try {
        const result = await this.send(entry);
        state.pending.shift();
        state.sent = [...state.sent, entry.key].slice(-SENT_MEMORY);
        this.results.set(entry.key, { status: "sent", result });
        report.sent++;
      } catch (error) {
        if (!isPermanentRefusal(error)) {
          entry.lastError = (error as Error)?.message ?? String(error);
          await this.storage.save(state);
          report.stoppedBecause = entry.lastError;
          break;
        }
        state.pending.shift();
        const rejected: RejectedEntry = { ...entry, status: error.status, error: error.code, message: error.message };
        state.rejected.push(rejected);
        state.sent = [...state.sent, entry.key].slice(-SENT_MEMORY);
        this.results.set(entry.key, { status: "rejected", error: rejected });
        report.rejected++;
      }
      await this.storage.save(state);
    }
    report.remaining = (await this.storage.load()).pending.length;
    return report;
  }
}

/** The sender for a StoreClient: each operation's key travels as its Idempotency-Key where the route takes one. */
export function clientSender(client: StoreClient): Sender {
  return async ({ key, operation }) => {
    switch (operation.kind) {
      case "createDefinition":
        return client.createDefinition(operation.document, { businessUnit: operation.businessUnit, idempotencyKey: key });
      case "saveDraft":
        return client.saveDraft(operation.definitionId, operation.document, operation.etag);
      case "submit":
        return client.submit(operation.definitionId, operation.version, operation.etag);
      case "uploadAssignments":
        return client.uploadAssignments(operation.definitionId, operation.version, operation.assignments, { idempotencyKey: key, ifMatch: operation.ifMatch });
      case "setOverride":
        return client.setOverride(operation.definitionId, operation.item, { segment: operation.segment, reason: operation.reason }, operation.etag);
      case "submitForApproval":
        return submitForApproval(client, operation, key);
    }
  };
}
