import { StoreClient, StoreRequestError } from "../../src/sync/client";
import { clientSender, MemoryOutboxStorage, Outbox } from "../../src/sync/outbox";
import { submitForApproval } from "../../src/sync/submitForApproval";
import { abcXyzDefinition } from "../store/support/definitions";
import { LiveStore, startLiveStore } from "./support";

/** A fetch that loses the answer of the next request matching `loseAnswerTo` (the store did the work; the client never heard). */
function losingFetch() {
  const state = { loseAnswerTo: null as RegExp | null, calls: [] as string[] };
  const fetchImpl: typeof fetch = async (input, init) => {
    const call = `${init?.method ?? "GET"} ${new URL(String(input)).pathname}`;
    state.calls.push(call);
    const response = await fetch(input, init);
    if (state.loseAnswerTo?.test(call)) {
      state.loseAnswerTo = null;
      await response.arrayBuffer();
      throw new TypeError("fetch failed");
    }
    return response;
  };
  return { state, fetchImpl };
}

describe("submitForApproval: create or update a definition and submit it, as one outbox operation", () => {
  let live: LiveStore;
  beforeAll(async () => {
    live = await startLiveStore();
  });
  afterAll(async () => live?.close());

  it("creates a new definition as version 1 and submits it; sending it again changes nothing", async () => {
    const analyst = live.client("analyst");
    const document = abcXyzDefinition({ id: "sfa-new", businessUnit: "EU" });
    const first = await submitForApproval(analyst, { document, etag: null }, "key-sfa-new");
    expect(first).toMatchObject({ id: "sfa-new", version: 1, status: "submitted", unchanged: false });
    const again = await submitForApproval(analyst, { document, etag: first.etag }, "key-sfa-new");
    expect(again).toMatchObject({ version: 1, status: "submitted", unchanged: true });
    expect(await analyst.versions("sfa-new")).toHaveLength(1);
  });

  it("a changed document becomes the next version, submitted; the approved one stays current until it is approved", async () => {
    const analyst = live.client("analyst");
    const first = await submitForApproval(analyst, { document: abcXyzDefinition({ id: "sfa-next", businessUnit: "EU" }) }, "k1");
    const approved = await live.client("approver").approve("sfa-next", first.version, first.etag);
    const second = await submitForApproval(analyst, { document: abcXyzDefinition({ id: "sfa-next", businessUnit: "EU", serviceLevelA: 0.99 }), etag: approved.etag }, "k2");
    expect(second).toMatchObject({ version: 2, status: "submitted", unchanged: false });
    expect(second.definition.currentVersion).toBe(1);
  });

  it("refuses to overwrite a definition changed since the user read it (412), and one someone else created meanwhile (409)", async () => {
    const analyst = live.client("analyst");
    const first = await submitForApproval(analyst, { document: abcXyzDefinition({ id: "sfa-stale", businessUnit: "EU" }) }, "k3");
    await live.client("approver").reject("sfa-stale", 1, first.etag, "service levels too high");
    const stale = await submitForApproval(analyst, { document: abcXyzDefinition({ id: "sfa-stale", businessUnit: "EU", serviceLevelA: 0.97 }), etag: first.etag }, "k4").catch((e) => e);
    expect(stale).toBeInstanceOf(StoreRequestError);
    expect(stale).toMatchObject({ status: 412 });
    expect(stale.message).toContain("has changed since you read it");

    await live.client("analyst2").createDefinition(abcXyzDefinition({ id: "sfa-race", businessUnit: "EU" }));
    const raced = await submitForApproval(analyst, { document: abcXyzDefinition({ id: "sfa-race", businessUnit: "EU", serviceLevelA: 0.97 }), etag: null }, "k5").catch((e) => e);
    expect(raced).toMatchObject({ status: 409, message: expect.stringContaining('definition "sfa-race" was created in the store by user:analyst2 after you submitted yours') });
  });

  it("through the outbox: an answer lost on the way back is resolved on the next send, never two versions", async () => {
    const { state, fetchImpl } = losingFetch();
    // No retries inside the client: the outbox decides when to send again.
    const client = new StoreClient({ baseUrl: live.baseUrl, token: live.store.tokens.analyst, fetch: fetchImpl, retries: 0 });
    const outbox = new Outbox(new MemoryOutboxStorage(), clientSender(client));
    state.loseAnswerTo = /\/submit$/;
    const sent = await outbox.submit({ kind: "submitForApproval", document: abcXyzDefinition({ id: "sfa-lost", businessUnit: "EU" }), etag: null });
    expect(sent).toEqual({ status: "queued" });
    expect((await outbox.pending())[0].lastError).toContain("could not be reached");
    const report = await outbox.flush();
    expect(report).toEqual({ sent: 1, rejected: 0, remaining: 0 });
    const versions = await client.versions("sfa-lost");
    expect(versions.map((v) => [v.version, v.status])).toEqual([[1, "submitted"]]);

    // With the client's own retry: the retried submit finds the ETag moved on (412) and settles as sent.
    const retrying = new StoreClient({ baseUrl: live.baseUrl, token: live.store.tokens.analyst, fetch: fetchImpl, retries: 1, sleep: async () => undefined });
    state.loseAnswerTo = /\/submit$/;
    const settled = await submitForApproval(retrying, { document: abcXyzDefinition({ id: "sfa-lost", businessUnit: "EU", serviceLevelA: 0.99 }) }, "k6");
    expect(settled).toMatchObject({ version: 2, status: "submitted", unchanged: false });
    expect((await client.versions("sfa-lost")).map((v) => v.status)).toEqual(["submitted", "submitted"]);
  });

  it("a viewer's submission is refused for good: the outbox keeps the store's reason", async () => {
    const outbox = new Outbox(new MemoryOutboxStorage(), clientSender(live.client("viewer")));
    const result = await outbox.submit({ kind: "submitForApproval", document: abcXyzDefinition({ id: "sfa-viewer", businessUnit: "EU" }) });
    expect(result.status).toBe("rejected");
    expect(await outbox.rejected()).toEqual([
      expect.objectContaining({ status: 403, message: "POST /definitions needs the role analyst or approver; your token has the role viewer" }),
    ]);
  });
});
