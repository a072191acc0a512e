import { abcXyzDefinition } from "../support/definitions";
import { DATABASES, snapshot, startTestStore, TestStore } from "../support/harness";

describe.each(DATABASES)("definitions and versions (%s)", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore(kind);
  });
  afterAll(async () => store?.close());

  test("POST /definitions creates version 1 as a draft, with an ETag and a Location", async () => {
    const created = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "create-1", businessUnit: "EU" }) } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "create-1", version: 1, status: "draft", definition: { businessUnit: "EU", currentVersion: null, draftVersion: 1 } });
    expect(created.headers.etag).toBe('"create-1.r1"');
    expect(created.headers.location).toBe("/definitions/create-1");
    const read = await store.call("GET", "/definitions/create-1", { as: "viewer" });
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"create-1.r1"');
    expect(read.body.versions).toEqual([expect.objectContaining({ version: 1, status: "draft", author: "user:analyst" })]);
    const notModified = await store.call("GET", "/definitions/create-1", { as: "viewer", headers: { "if-none-match": '"create-1.r1"' } });
    expect(notModified.status).toBe(304);
  });

  test("the business unit comes from the body or the document's scope, and must be one of the caller's", async () => {
    const fromBody = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "unit-body" }), businessUnit: "EU" } });
    expect(fromBody.status).toBe(201);
    const none = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "unit-none" }) } });
    expect(none.status).toBe(400);
    expect(none.body.path).toBe("/body/businessUnit");
    const foreign = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "unit-us", businessUnit: "US" }) } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain("US");
    const clash = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "unit-clash", businessUnit: "EU" }), businessUnit: "US" } });
    expect(clash.status).toBe(400);
  });

  test("the stored document is the engine's parsed definition, with the store's version number", async () => {
    const document = { ...abcXyzDefinition({ id: "stamp", businessUnit: "EU" }), version: 7 };
    await store.call("POST", "/definitions", { body: { document } });
    const v1 = await store.call("GET", "/definitions/stamp/versions/1", { as: "viewer" });
    expect(v1.body.document.version).toBe(1);
    expect(v1.body.document.fallback).toEqual({ rules: [] }); // a default the engine's schema fills in
    const fromBody = await store.call("GET", "/definitions/unit-body/versions/1", { as: "viewer" });
    expect(fromBody.body.document.scope.businessUnit).toBe("EU"); // the store writes the unit into the scope
    expect(v1.body.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  test("an invalid document is refused with the engine's message and changes nothing", async () => {
    const before = await snapshot(store.context);
    const document = abcXyzDefinition({ id: "bad-doc", businessUnit: "EU" }) as any;
    document.segments[2].policy.serviceLevel = 95;
    const refused = await store.call("POST", "/definitions", { body: { document } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe("invalid-definition");
    expect(refused.body.message).toContain("segments[2].policy.serviceLevel");
    expect(refused.body.path).toBe("/body/document/segments/2/policy/serviceLevel");
    expect(await snapshot(store.context)).toEqual(before);
  });

  test("a second definition with the same id is a conflict; an Idempotency-Key replay is not", async () => {
    const document = abcXyzDefinition({ id: "dup", businessUnit: "EU" });
    const first = await store.call("POST", "/definitions", { body: { document }, headers: { "idempotency-key": "create-dup" } });
    const replay = await store.call("POST", "/definitions", { body: { document }, headers: { "idempotency-key": "create-dup" } });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ id: "dup", version: 1, replayed: true });
    const other = await store.call("POST", "/definitions", { as: "analyst2", body: { document } });
    expect(other.status).toBe(409);
    expect(other.body.path).toBe("/body/document/id");
  });

  test("PUT draft edits the draft with If-Match; a stale ETag gets 412 and changes nothing; none gets 428", async () => {
    const created = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "edit", businessUnit: "EU" }) } });
    const etag = created.headers.etag as string;
    const edited = await store.call("PUT", "/definitions/edit/draft", { as: "analyst2", body: { document: abcXyzDefinition({ id: "edit", serviceLevelA: 0.99 }) }, headers: { "if-match": etag } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 1, status: "draft" });
    expect(edited.headers.etag).toBe('"edit.r2"');
    expect(edited.body.definition.versions[0].contributors).toEqual(["user:analyst", "user:analyst2"]);

    const before = await snapshot(store.context);
    const stale = await store.call("PUT", "/definitions/edit/draft", { body: { document: abcXyzDefinition({ id: "edit", serviceLevelA: 0.97 }) }, headers: { "if-match": etag } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ error: "precondition-failed", path: "/headers/if-match" });
    const missing = await store.call("PUT", "/definitions/edit/draft", { body: { document: abcXyzDefinition({ id: "edit", serviceLevelA: 0.97 }) } });
    expect(missing.status).toBe(428);
    const otherId = await store.call("PUT", "/definitions/edit/draft", { body: { document: abcXyzDefinition({ id: "other" }) }, headers: { "if-match": '"edit.r2"' } });
    expect(otherId.status).toBe(422);
    expect(otherId.body.path).toBe("/body/document/id");
    expect(await snapshot(store.context)).toEqual(before);

    const same = await store.call("PUT", "/definitions/edit/draft", { body: { document: abcXyzDefinition({ id: "edit", serviceLevelA: 0.99 }) }, headers: { "if-match": '"edit.r2"' } });
    expect(same.headers.etag).toBe('"edit.r2"'); // no change, no new revision
  });

  test("a submitted version is immutable: the next draft is a new version; history and diff", async () => {
    const created = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "hist", businessUnit: "EU" }) } });
    const submitted = await store.call("POST", "/definitions/hist/versions/1/submit", { headers: { "if-match": created.headers.etag as string } });
    expect(submitted.body.status).toBe("submitted");
    const v2 = await store.call("PUT", "/definitions/hist/draft", { body: { document: abcXyzDefinition({ id: "hist", serviceLevelA: 0.99 }) }, headers: { "if-match": submitted.headers.etag as string } });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, status: "draft" });
    const v1 = await store.call("GET", "/definitions/hist/versions/1", { as: "viewer" });
    expect(v1.body.status).toBe("submitted");
    expect(v1.body.document.segments[0].policy.serviceLevel).toBe(0.98);

    const history = await store.call("GET", "/definitions/hist/versions", { as: "viewer" });
    expect(history.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, "submitted"],
      [2, "draft"],
    ]);
    const diff = await store.call("GET", "/definitions/hist/diff?from=1&to=2", { as: "viewer" });
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        { path: "/segments/AX/policy/serviceLevel", op: "replace", before: 0.98, after: 0.99 },
        { path: "/version", op: "replace", before: 1, after: 2 },
      ]),
    );
    expect(diff.body.changes).toHaveLength(4); // the version and the three A segments; the unit is stamped into both
    const missing = await store.call("GET", "/definitions/hist/diff?from=1&to=9", { as: "viewer" });
    expect(missing.status).toBe(404);
    expect(missing.body.path).toBe("/querystring/to");
  });

  test("GET current serves only an approved version", async () => {
    const created = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "cur", businessUnit: "EU" }) } });
    expect((await store.call("GET", "/definitions/cur/current", { as: "viewer" })).status).toBe(404);
    const submitted = await store.call("POST", "/definitions/cur/versions/1/submit", { headers: { "if-match": created.headers.etag as string } });
    expect((await store.call("GET", "/definitions/cur/current", { as: "viewer" })).status).toBe(404);
    await store.call("POST", "/definitions/cur/versions/1/approve", { as: "approver", headers: { "if-match": submitted.headers.etag as string } });
    const current = await store.call("GET", "/definitions/cur/current", { as: "viewer" });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ definitionId: "cur", version: 1, status: "approved", decidedBy: "user:approver" });
    const again = await store.call("GET", "/definitions/cur/current", { as: "viewer", headers: { "if-none-match": current.headers.etag as string } });
    expect(again.status).toBe(304);
  });

  test("business units: other units' definitions do not exist for you; enterprise admins see all", async () => {
    await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "eu-only", businessUnit: "EU" }) } });
    const us = await store.call("GET", "/definitions/eu-only", { as: "usAnalyst" });
    expect(us.status).toBe(404);
    const usList = await store.call("GET", "/definitions", { as: "usAnalyst" });
    expect(usList.body.definitions.map((d: { id: string }) => d.id)).not.toContain("eu-only");
    const enterprise = await store.call("GET", "/definitions/eu-only", { as: "enterprise" });
    expect(enterprise.status).toBe(200);
    const euList = await store.call("GET", "/definitions?businessUnit=EU", { as: "viewer" });
    expect(euList.body.definitions.map((d: { id: string }) => d.id)).toContain("eu-only");
    const usEdit = await store.call("PUT", "/definitions/eu-only/draft", { as: "usAnalyst", body: { document: abcXyzDefinition({ id: "eu-only" }) }, headers: { "if-match": '"eu-only.r1"' } });
    expect(usEdit.status).toBe(404);
  });
});
