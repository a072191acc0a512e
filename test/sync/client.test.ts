import { createPseudonymiser, isPseudonym } from "../../src/store/pseudonymise";
import { newIdempotencyKey, StoreClient, StoreRequestError, StoreUnreachableError } from "../../src/sync/client";
import { approvedDefinition } from "../store/support/harness";
import { abcXyzDefinition } from "../store/support/definitions";
import { flakyFetch, LiveStore, startLiveStore } from "./support";

describe("StoreClient against a live store on loopback", () => {
  let live: LiveStore;
  beforeAll(async () => {
    live = await startLiveStore();
  });
  afterAll(async () => live?.close());

  test("the whole cycle: create, edit, submit, approve, read current, upload, read, sync changes, override, audit", async () => {
    const analyst = live.client("analyst");
    const approver = live.client("approver");
    expect(await analyst.health()).toEqual({ status: "ok", database: "sqlite" });
    expect((await analyst.me()).subject).toBe("user:analyst");

    const created = await analyst.createDefinition(abcXyzDefinition({ id: "client-def" }), { businessUnit: "EU" });
    expect(created).toMatchObject({ id: "client-def", version: 1, status: "draft", etag: '"client-def.r1"' });
    const { etag } = await analyst.getDefinition("client-def");
    const edited = await analyst.saveDraft("client-def", abcXyzDefinition({ id: "client-def", serviceLevelA: 0.99 }), etag);
    const submitted = await analyst.submit("client-def", 1, edited.etag);
    const approved = await approver.approve("client-def", 1, submitted.etag, "ok");
    expect(approved.definition.currentVersion).toBe(1);

    const current = await analyst.current("client-def");
    expect(current?.version.document.segments).toHaveLength(9);
    expect(await analyst.current("client-def", current!.etag)).toBeNull(); // 304: unchanged

    const rows = Array.from({ length: 2500 }, (_, i) => ({ item: `SKU-${String(i).padStart(5, "0")}`, segment: i % 2 ? "AX" : "CZ", reasons: [`rank ${i + 1}`] }));
    const key = newIdempotencyKey();
    const uploaded = await analyst.uploadAssignments("client-def", 1, rows, { idempotencyKey: key });
    expect(uploaded).toMatchObject({ count: 2500, replayed: false });
    expect((await analyst.uploadAssignments("client-def", 1, rows, { idempotencyKey: key })).replayed).toBe(true);

    const viewer = live.client("viewer");
    const all = [];
    for await (const assignment of viewer.allAssignments("client-def", 1000)) all.push(assignment.item);
    expect(all).toEqual(rows.map((r) => r.item));
    const byItem = await viewer.assignments("client-def", { item: ["SKU-00001", "SKU-00002"] });
    expect(byItem.assignments.map((a) => a.segment)).toEqual(["AX", "CZ"]);
    expect(byItem.etag).toBe(`"client-def.a${uploaded.sequence}"`);
    expect((await viewer.changes("client-def", { version: 1 })).changes).toEqual([]);
    expect((await viewer.changes("client-def", { time: "2000-01-01T00:00:00Z" }, { limit: 2 })).changes).toHaveLength(2);

    const overrides = await approver.overrides("client-def");
    const set = await approver.setOverride("client-def", "SKU/with slash", { segment: "AX", reason: "key account" }, overrides.etag);
    expect(set.override.item).toBe("SKU/with slash");
    await approver.removeOverride("client-def", "SKU/with slash", "no longer", set.etag);

    const audit = await live.client("admin").audit({ target: "definition/client-def/" });
    expect(audit.events.map((e) => e.action)).toEqual(["definition.create", "draft.update", "version.submit", "version.approve", "assignments.upload", "override.set", "override.remove"]);
    expect((await live.client("admin").verifyAudit()).ok).toBe(true);
    expect(await analyst.versions("client-def")).toHaveLength(1);
    expect((await analyst.diff("client-def", 1, 1)).changes).toEqual([]);
  });

  test("the store's refusals arrive as StoreRequestError with status, code, message and path", async () => {
    const analyst = live.client("analyst");
    const created = await analyst.createDefinition(abcXyzDefinition({ id: "client-err", businessUnit: "EU" }));
    const error = await analyst.saveDraft("client-err", abcXyzDefinition({ id: "client-err" }), '"client-err.r0"').catch((e) => e);
    expect(error).toBeInstanceOf(StoreRequestError);
    expect(error).toMatchObject({ status: 412, code: "precondition-failed", path: "/headers/if-match" });
    const forbidden = await analyst.approve("client-err", 1, created.etag).catch((e) => e);
    expect(forbidden).toMatchObject({ status: 403, code: "forbidden" });
  });

  test("retries: network failures and 503 for requests that cannot apply twice; honours Retry-After", async () => {
    const { state, fetchImpl } = flakyFetch();
    const sleeps: number[] = [];
    const client = live.client("analyst", { fetch: fetchImpl, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, retries: 3, backoffMs: 100 });
    let attempts = 0;
    const counting: typeof fetch = async (input, init) => {
      attempts++;
      if (attempts < 3) throw new TypeError("fetch failed");
      return fetchImpl(input, init);
    };
    const retried = new StoreClient({ baseUrl: live.baseUrl, token: live.store.tokens.viewer, fetch: counting, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, backoffMs: 100 });
    expect((await retried.health()).status).toBe("ok");
    expect(attempts).toBe(3);
    expect(sleeps).toEqual([50, 100]); // full jitter: random × 100 × 2^attempt

    let busy = 0;
    const unavailable: typeof fetch = async (input, init) =>
      busy++ === 0 ? new Response(JSON.stringify({ error: "internal", message: "closing" }), { status: 503, headers: { "retry-after": "2" } }) : fetch(input, init);
    sleeps.length = 0;
    const patient = new StoreClient({ baseUrl: live.baseUrl, token: live.store.tokens.viewer, fetch: unavailable, sleep: async (ms) => void sleeps.push(ms), maxBackoffMs: 10_000 });
    expect((await patient.me()).role).toBe("viewer");
    expect(sleeps).toEqual([2000]);

    state.offline = true;
    const down = await client.listDefinitions().catch((e) => e);
    expect(down).toBeInstanceOf(StoreUnreachableError);
    expect(state.calls.filter((c) => c.endsWith("/definitions"))).toHaveLength(4); // 1 + 3 retries
    const calls = state.calls.length;
    const notRetried = await live.client("admin", { fetch: fetchImpl }).createToken({ name: "x", role: "viewer" }).catch((e) => e);
    expect(notRetried).toBeInstanceOf(StoreUnreachableError); // creating a token is not idempotent: one attempt
    expect(state.calls.length).toBe(calls + 1);
  });

  test("customer ids can be pseudonymised before they leave: the store only ever holds the keyed HMAC", async () => {
    await approvedDefinition(live.store, "customers");
    const pseudonymise = await createPseudonymiser("org-secret-".padEnd(40, "x"));
    const customers = [{ item: "ACME Corp (DE-4711)", segment: "AX" }, { item: "Globex 0042", segment: "CZ" }];
    const { state, fetchImpl } = flakyFetch();
    const client = live.client("analyst", { fetch: fetchImpl });
    await client.uploadAssignments("customers", 1, customers, { idempotencyKey: "cust-1", pseudonymise });
    const stored = await live.store.context.database.db.selectFrom("assignments").select("item_id").execute();
    expect(JSON.stringify(stored)).not.toContain("ACME");
    expect(state.calls).toHaveLength(1);
    const page = await live.client("viewer").assignments("customers", { item: await pseudonymise("ACME Corp (DE-4711)") });
    expect(page.assignments).toHaveLength(1);
    expect(isPseudonym(page.assignments[0].item)).toBe(true);
    expect(page.assignments[0].segment).toBe("AX");
  });
});
