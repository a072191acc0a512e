import { abcXyzDefinition } from "../support/definitions";
import { auditEvents, DATABASES, snapshot, startTestStore, TestStore } from "../support/harness";

describe.each(DATABASES)("approval workflow (%s)", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore(kind);
  });
  afterAll(async () => store?.close());

  async function submitted(id: string): Promise<string> {
    const created = await store.call("POST", "/definitions", { as: "analyst", body: { document: abcXyzDefinition({ id, businessUnit: "EU" }) } });
    const answer = await store.call("POST", `/definitions/${id}/versions/1/submit`, { as: "analyst", headers: { "if-match": created.headers.etag as string } });
    expect(answer.status).toBe(200);
    return answer.headers.etag as string;
  }

  test("draft → submitted → approved, each step audited with before and after digests", async () => {
    const etag = await submitted("flow");
    const approved = await store.call("POST", "/definitions/flow/versions/1/approve", { as: "approver", body: { comment: "fits the service policy" }, headers: { "if-match": etag } });
    expect(approved.status).toBe(200);
    expect(approved.body.definition).toMatchObject({ currentVersion: 1, draftVersion: null });
    expect(approved.body.definition.versions[0]).toMatchObject({ status: "approved", decidedBy: "user:approver", comment: "fits the service policy", submittedBy: "user:analyst" });
    const events = (await auditEvents(store.context)).filter((e) => e.target === "definition/flow/version/1");
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ["definition.create", "user:analyst"],
      ["version.submit", "user:analyst"],
      ["version.approve", "user:approver"],
    ]);
    expect(events[0].before_digest).toBeNull();
    expect(events[1].before_digest).toBe(events[0].after_digest);
    expect(events[2].before_digest).toBe(events[1].after_digest);
    expect(events.every((e) => e.business_unit === "EU")).toBe(true);
  });

  test("four eyes: the author, an editor or the submitter cannot approve; the refusal changes nothing", async () => {
    const created = await store.call("POST", "/definitions", { as: "approver", body: { document: abcXyzDefinition({ id: "eyes", businessUnit: "EU" }) } });
    const edited = await store.call("PUT", "/definitions/eyes/draft", { as: "approver2", body: { document: abcXyzDefinition({ id: "eyes", serviceLevelA: 0.99 }) }, headers: { "if-match": created.headers.etag as string } });
    const sent = await store.call("POST", "/definitions/eyes/versions/1/submit", { as: "analyst", headers: { "if-match": edited.headers.etag as string } });
    const before = await snapshot(store.context);
    for (const who of ["approver", "approver2"] as const) {
      const refused = await store.call("POST", "/definitions/eyes/versions/1/approve", { as: who, headers: { "if-match": sent.headers.etag as string } });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/four eyes/);
    }
    expect(await snapshot(store.context)).toEqual(before);
    const analyst = await store.call("POST", "/definitions/eyes/versions/1/approve", { as: "analyst", headers: { "if-match": sent.headers.etag as string } });
    expect(analyst.status).toBe(403); // not an approver at all
    const admin = await store.call("POST", "/definitions/eyes/versions/1/approve", { as: "enterprise", headers: { "if-match": sent.headers.etag as string } });
    expect(admin.status).toBe(403); // admins administer; they do not approve
    const us = await store.call("POST", "/definitions/eyes/versions/1/approve", { as: "usApprover", headers: { "if-match": sent.headers.etag as string } });
    expect(us.status).toBe(404); // another unit's approver does not see it
    expect(await snapshot(store.context)).toEqual(before);
  });

  test("reject needs a comment; a rejected version stays rejected and a new draft follows", async () => {
    const etag = await submitted("rej");
    const bare = await store.call("POST", "/definitions/rej/versions/1/reject", { as: "approver", body: {}, headers: { "if-match": etag } });
    expect(bare.status).toBe(400);
    expect(bare.body.path).toBe("/body/comment");
    const blank = await store.call("POST", "/definitions/rej/versions/1/reject", { as: "approver", body: { comment: "  " }, headers: { "if-match": etag } });
    expect(blank.status).toBe(400);
    const rejected = await store.call("POST", "/definitions/rej/versions/1/reject", { as: "approver", body: { comment: "A items need 99%" }, headers: { "if-match": etag } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.definition.versions[0]).toMatchObject({ status: "rejected", comment: "A items need 99%" });
    const again = await store.call("POST", "/definitions/rej/versions/1/approve", { as: "approver2", headers: { "if-match": rejected.headers.etag as string } });
    expect(again.status).toBe(409);
    const v2 = await store.call("PUT", "/definitions/rej/draft", { body: { document: abcXyzDefinition({ id: "rej", serviceLevelA: 0.99 }) }, headers: { "if-match": rejected.headers.etag as string } });
    expect(v2.body).toMatchObject({ version: 2, status: "draft" });
    expect((await auditEvents(store.context, "version.reject")).filter((e) => e.target === "definition/rej/version/1")).toHaveLength(1);
  });

  test("approving a newer version retires the previous one; retire removes the current version", async () => {
    let etag = await submitted("gen");
    etag = (await store.call("POST", "/definitions/gen/versions/1/approve", { as: "approver", headers: { "if-match": etag } })).headers.etag as string;
    etag = (await store.call("PUT", "/definitions/gen/draft", { body: { document: abcXyzDefinition({ id: "gen", serviceLevelA: 0.99 }) }, headers: { "if-match": etag } })).headers.etag as string;
    etag = (await store.call("POST", "/definitions/gen/versions/2/submit", { headers: { "if-match": etag } })).headers.etag as string;
    expect((await store.call("GET", "/definitions/gen/current", { as: "viewer" })).body.version).toBe(1); // still v1 while v2 waits
    const approved = await store.call("POST", "/definitions/gen/versions/2/approve", { as: "approver", headers: { "if-match": etag } });
    expect(approved.body.definition.versions.map((v: { status: string }) => v.status)).toEqual(["retired", "approved"]);
    expect((await store.call("GET", "/definitions/gen/current", { as: "viewer" })).body.version).toBe(2);
    const retired = await store.call("POST", "/definitions/gen/versions/2/retire", { as: "approver2", body: { comment: "segmentation paused" }, headers: { "if-match": approved.headers.etag as string } });
    expect(retired.status).toBe(200);
    expect((await store.call("GET", "/definitions/gen/current", { as: "viewer" })).status).toBe(404);
    const superseded = (await auditEvents(store.context, "version.retire")).find((e) => e.target === "definition/gen/version/1");
    expect(JSON.parse(superseded!.detail)).toEqual({ supersededBy: 2 });
  });

  test("only a draft can be submitted, and only a submitted version approved", async () => {
    const etag = await submitted("states");
    const twice = await store.call("POST", "/definitions/states/versions/1/submit", { headers: { "if-match": etag } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe("version 1 is submitted; only a draft version can be submitted");
    const missing = await store.call("POST", "/definitions/states/versions/5/approve", { as: "approver", headers: { "if-match": etag } });
    expect(missing.status).toBe(404);
    expect(missing.body.path).toBe("/params/version");
  });

  test("two approvers approve the same version at once: exactly one wins, the other gets 409/412, one approval is audited", async () => {
    for (let round = 0; round < 3; round++) {
      const id = `race-${round}`;
      const etag = await submitted(id);
      const [a, b] = await Promise.all([
        store.call("POST", `/definitions/${id}/versions/1/approve`, { as: "approver", headers: { "if-match": etag } }),
        store.call("POST", `/definitions/${id}/versions/1/approve`, { as: "approver2", headers: { "if-match": etag } }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(200);
      expect([409, 412]).toContain(statuses[1]);
      const approvals = (await auditEvents(store.context, "version.approve")).filter((e) => e.target === `definition/${id}/version/1`);
      expect(approvals).toHaveLength(1);
      const winner = a.status === 200 ? "user:approver" : "user:approver2";
      expect(approvals[0].actor).toBe(winner);
      expect((await store.call("GET", `/definitions/${id}`, { as: "viewer" })).body.versions[0].decidedBy).toBe(winner);
    }
  });

  test("an approval racing a reject and an edit: one change wins, the rest get 409/412", async () => {
    const etag = await submitted("mixed");
    const results = await Promise.all([
      store.call("POST", "/definitions/mixed/versions/1/approve", { as: "approver", headers: { "if-match": etag } }),
      store.call("POST", "/definitions/mixed/versions/1/reject", { as: "approver2", body: { comment: "no" }, headers: { "if-match": etag } }),
      store.call("PUT", "/definitions/mixed/draft", { as: "analyst2", body: { document: abcXyzDefinition({ id: "mixed", serviceLevelA: 0.97 }) }, headers: { "if-match": etag } }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 || r.status === 412)).toHaveLength(2);
    const decisions = (await auditEvents(store.context)).filter((e) => e.target.startsWith("definition/mixed/") && e.action !== "definition.create" && e.action !== "version.submit");
    expect(decisions).toHaveLength(1);
  });
});
