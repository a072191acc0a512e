import { StoreRequestError, StoreUnreachableError } from "../../src/sync/client";
import { clientSender, MemoryOutboxStorage, Outbox, OutboxEntry, OutboxOperation, WebStorageOutboxStorage } from "../../src/sync/outbox";
import { approvedDefinition, auditEvents } from "../store/support/harness";
import { abcXyzDefinition } from "../store/support/definitions";
import { flakyFetch, LiveStore, startLiveStore } from "./support";

const upload = (n: number): OutboxOperation => ({ kind: "uploadAssignments", definitionId: "d", version: 1, assignments: [{ item: `I${n}`, segment: "AX" }] });

class FakeLocalStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

describe("outbox (unit)", () => {
  test("keeps entries in order, drops a duplicate key, sends each once", async () => {
    const sent: string[] = [];
    const outbox = new Outbox(new MemoryOutboxStorage(), async (entry) => void sent.push(entry.key));
    expect(await outbox.enqueue(upload(1), "a")).toBe(true);
    expect(await outbox.enqueue(upload(2), "b")).toBe(true);
    expect(await outbox.enqueue(upload(1), "a")).toBe(false);
    expect(await outbox.flush()).toEqual({ sent: 2, rejected: 0, remaining: 0 });
    expect(sent).toEqual(["a", "b"]);
    expect(await outbox.enqueue(upload(1), "a")).toBe(false); // sent lately: still a duplicate
    expect(await outbox.flush()).toEqual({ sent: 0, rejected: 0, remaining: 0 });
  });

  test("stops at the first entry the store cannot take now, keeping it and everything after it in order", async () => {
    let online = false;
    const sent: string[] = [];
    const outbox = new Outbox(new MemoryOutboxStorage(), async (entry: OutboxEntry) => {
      if (!online) throw new StoreUnreachableError("offline");
      sent.push(entry.key);
    });
    for (const key of ["a", "b", "c"]) await outbox.enqueue(upload(1), key);
    expect(await outbox.flush()).toEqual({ sent: 0, rejected: 0, remaining: 3, stoppedBecause: "offline" });
    const pending = await outbox.pending();
    expect(pending.map((e) => [e.key, e.attempts])).toEqual([["a", 1], ["b", 0], ["c", 0]]);
    online = true;
    expect((await outbox.flush()).sent).toBe(3);
    expect(sent).toEqual(["a", "b", "c"]);
  });

  test("a permanent refusal moves the entry to `rejected` with the store's message, and the rest go on", async () => {
    const outbox = new Outbox(new MemoryOutboxStorage(), async (entry) => {
      if (entry.key === "stale") throw new StoreRequestError(412, "precondition-failed", "definition d has changed since you read it", "/headers/if-match");
      if (entry.key === "busy") throw new StoreRequestError(429, "too-many-requests", "slow down");
    });
    await outbox.enqueue(upload(1), "stale");
    await outbox.enqueue(upload(2), "fine");
    expect(await outbox.flush()).toEqual({ sent: 1, rejected: 1, remaining: 0 });
    expect((await outbox.rejected()).map((e) => [e.key, e.status, e.message])).toEqual([["stale", 412, "definition d has changed since you read it"]]);
    await outbox.dismiss("stale");
    expect(await outbox.rejected()).toEqual([]);
    await outbox.enqueue(upload(3), "busy");
    expect((await outbox.flush()).remaining).toBe(1); // 429 is not permanent
  });

  test("one flush at a time: concurrent calls join the running one", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const outbox = new Outbox(new MemoryOutboxStorage(), async (entry) => {
      await gate;
      sent.push(entry.key);
    });
    await outbox.enqueue(upload(1), "a");
    const first = outbox.flush();
    const second = outbox.flush();
    expect(second).toBe(first);
    release();
    await first;
    expect(sent).toEqual(["a"]);
  });

  test("localStorage-like storage survives a reload of the task pane", async () => {
    const storage = new FakeLocalStorage();
    const before = new Outbox(new WebStorageOutboxStorage(storage), async () => {
      throw new StoreUnreachableError("offline");
    });
    await before.enqueue(upload(1), "a");
    await before.enqueue(upload(2), "b");
    await before.flush();
    const sent: string[] = [];
    const after = new Outbox(new WebStorageOutboxStorage(storage), async (entry) => void sent.push(entry.key));
    expect((await after.pending()).map((e) => e.key)).toEqual(["a", "b"]);
    await after.flush();
    expect(sent).toEqual(["a", "b"]);
    storage.setItem("supply-segments.outbox", "{not json");
    await expect(after.pending()).rejects.toThrow('the saved outbox under "supply-segments.outbox" is not readable JSON');
  });
});

describe("outbox with a live store: offline changes are sent later, in order, without duplicates", () => {
  let live: LiveStore;
  beforeAll(async () => {
    live = await startLiveStore();
    await approvedDefinition(live.store, "offline-def");
  });
  afterAll(async () => live?.close());

  test("queued while offline, sent in order when back, and a lost answer does not apply twice", async () => {
    const { state, fetchImpl } = flakyFetch();
    const client = live.client("analyst", { fetch: fetchImpl, retries: 1 });
    const outbox = new Outbox(new WebStorageOutboxStorage(new FakeLocalStorage()), clientSender(client));
    const rows = (prefix: string) => Array.from({ length: 3 }, (_, i) => ({ item: `${prefix}-${i}`, segment: "BY" }));

    state.offline = true;
    expect(await outbox.submit({ kind: "uploadAssignments", definitionId: "offline-def", version: 1, assignments: rows("first") }, "k-first")).toEqual({ status: "queued" });
    expect(await outbox.submit({ kind: "createDefinition", document: abcXyzDefinition({ id: "made-offline", businessUnit: "EU" }) }, "k-create")).toEqual({ status: "queued" });
    expect(await outbox.submit({ kind: "uploadAssignments", definitionId: "offline-def", version: 1, assignments: rows("second") }, "k-second")).toEqual({ status: "queued" });
    expect(await outbox.submit({ kind: "uploadAssignments", definitionId: "offline-def", version: 1, assignments: rows("first") }, "k-first")).toEqual({ status: "duplicate" });

    state.offline = false;
    state.loseNextAnswer = true; // the first upload reaches the store, but its answer is lost
    const report = await outbox.flush();
    expect(report).toEqual({ sent: 3, rejected: 0, remaining: 0 });

    const uploads = (await auditEvents(live.store.context, "assignments.upload")).filter((e) => e.target === "definition/offline-def/version/1/assignments");
    expect(uploads.map((e) => JSON.parse(e.detail).idempotencyKey)).toEqual(["k-first", "k-second"]); // in order, each once
    const now = await live.client("viewer").assignments("offline-def");
    expect(now.assignments.map((a) => a.item)).toEqual(["second-0", "second-1", "second-2"]);
    expect((await live.client("viewer").getDefinition("made-offline")).definition.versions).toHaveLength(1);
  });
});
