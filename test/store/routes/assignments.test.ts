import { ABC_XYZ_SEGMENTS, abcXyzDefinition } from "../support/definitions";
import { approvedDefinition, auditEvents, DATABASES, snapshot, startTestStore, TestStore } from "../support/harness";

const rows = (count: number, segmentOf: (i: number) => string = (i) => ABC_XYZ_SEGMENTS[i % 9], prefix = "SKU") =>
  Array.from({ length: count }, (_, i) => ({ item: `${prefix}-${String(i).padStart(6, "0")}`, segment: segmentOf(i), reasons: [`rank ${i + 1}`] }));

describe.each(DATABASES)("assignments and overrides (%s)", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore(kind);
  });
  afterAll(async () => store?.close());

  const upload = (id: string, body: unknown, key: string, ifMatch = "*", version = 1) =>
    store.call("PUT", `/definitions/${id}/versions/${version}/assignments`, { body, headers: { "idempotency-key": key, "if-match": ifMatch } });

  test("only an approved version takes assignments", async () => {
    await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "draft-only", businessUnit: "EU" }) } });
    const refused = await upload("draft-only", { assignments: rows(3) }, "k-draft");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("assignments can only be uploaded for the approved version; version 1 is draft");
  });

  test("upload, then read all (paged), by item and by segment", async () => {
    await approvedDefinition(store, "read");
    const sent = await upload("read", { assignments: rows(25) }, "k-read");
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ definitionId: "read", version: 1, count: 25, replayed: false });
    expect(sent.headers.etag).toBe(`"read.a${sent.body.sequence}"`);

    const page1 = await store.call("GET", "/definitions/read/assignments?limit=10", { as: "viewer" });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 25, version: 1, uploadId: sent.body.uploadId, nextAfter: "SKU-000009" });
    expect(page1.body.assignments[0]).toEqual({ item: "SKU-000000", segment: "AX", assignedSegment: "AX", reasons: ["rank 1"], override: null });
    expect(page1.headers.etag).toBe(sent.headers.etag);
    const items: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await store.call("GET", `/definitions/read/assignments?limit=10${after ? `&after=${after}` : ""}`, { as: "viewer" });
      items.push(...page.body.assignments.map((a: { item: string }) => a.item));
      after = page.body.nextAfter;
    } while (after);
    expect(items).toEqual(rows(25).map((r) => r.item));

    const byItem = await store.call("GET", "/definitions/read/assignments?item=SKU-000004&item=SKU-000013&item=nope", { as: "viewer" });
    expect(byItem.body.assignments.map((a: { item: string; segment: string }) => [a.item, a.segment])).toEqual([
      ["SKU-000004", "BY"],
      ["SKU-000013", "BY"],
    ]);
    const bySegment = await store.call("GET", "/definitions/read/assignments?segment=CZ", { as: "viewer" });
    expect(bySegment.body.assignments.map((a: { item: string }) => a.item)).toEqual(["SKU-000008", "SKU-000017"]);
    const cached = await store.call("GET", "/definitions/read/assignments", { as: "viewer", headers: { "if-none-match": sent.headers.etag as string } });
    expect(cached.status).toBe(304);
  });

  test("a retried upload with the same Idempotency-Key is applied once; a different body under that key is refused", async () => {
    await approvedDefinition(store, "idem");
    const body = { assignments: rows(50) };
    const first = await upload("idem", body, "upload-1");
    const before = await snapshot(store.context);
    const retry = await upload("idem", body, "upload-1", '"idem.a0"'); // even with a now-stale If-Match
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await snapshot(store.context)).toEqual(before);
    const reused = await upload("idem", { assignments: rows(49) }, "upload-1");
    expect(reused.status).toBe(409);
    expect(reused.body.path).toBe("/headers/idempotency-key");
    expect(await snapshot(store.context)).toEqual(before);
    const [a, b] = await Promise.all([upload("idem", { assignments: rows(40) }, "upload-2"), upload("idem", { assignments: rows(40) }, "upload-2")]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.uploadId).toBe(b.body.uploadId);
    expect((await auditEvents(store.context, "assignments.upload")).filter((e) => e.target === "definition/idem/version/1/assignments")).toHaveLength(2);
  });

  test("headers and rows are checked before anything is written", async () => {
    await approvedDefinition(store, "checks");
    const first = await upload("checks", { assignments: rows(5) }, "c-1");
    const before = await snapshot(store.context);
    const noKey = await store.call("PUT", "/definitions/checks/versions/1/assignments", { body: { assignments: rows(5) }, headers: { "if-match": "*" } });
    expect(noKey).toMatchObject({ status: 400, body: { path: "/headers/idempotency-key", message: "/headers/idempotency-key is required" } });
    const badKey = await upload("checks", { assignments: rows(5) }, "white space");
    expect(badKey.status).toBe(400);
    const noMatch = await store.call("PUT", "/definitions/checks/versions/1/assignments", { body: { assignments: rows(5) }, headers: { "idempotency-key": "c-2" } });
    expect(noMatch.status).toBe(428);
    const stale = await upload("checks", { assignments: rows(5) }, "c-3", '"checks.a1"');
    expect(stale.status).toBe(412);
    const unknownSegment = await upload("checks", { assignments: [...rows(3), { item: "X", segment: "DX" }] }, "c-4");
    expect(unknownSegment).toMatchObject({ status: 422, body: { path: "/body/assignments/3/segment" } });
    expect(unknownSegment.body.message).toContain('segment "DX" is not a segment of version 1');
    const twice = await upload("checks", { assignments: [...rows(3), rows(3)[1]] }, "c-5");
    expect(twice).toMatchObject({ status: 400, body: { path: "/body/assignments/3/item" } });
    const noVersion = await upload("checks", { assignments: rows(3) }, "c-6", "*", 2);
    expect(noVersion.status).toBe(404);
    expect(await snapshot(store.context)).toEqual(before);
    const fresh = await upload("checks", { assignments: rows(4) }, "c-7", first.headers.etag as string);
    expect(fresh.status).toBe(200);
  });

  test("an upload replaces the set in force atomically: a reader during the upload sees the old set or the new, never a part", async () => {
    await approvedDefinition(store, "atomic");
    await upload("atomic", { assignments: rows(1000, () => "CZ", "OLD") }, "a-1");
    const big = rows(40_000, () => "AX", "NEW");
    let done = false;
    const pending = upload("atomic", { assignments: big }, "a-2").finally(() => {
      done = true;
    });
    let readsDuringUpload = 0;
    const probe = "/definitions/atomic/assignments?item=OLD-000999&item=NEW-039999&item=NEW-000000";
    while (!done) {
      // inject() and SQLite can answer within one macrotask; give the upload's turns a chance, as sockets would.
      await new Promise((resolve) => setTimeout(resolve, 1));
      const read = await store.call("GET", probe, { as: "viewer" });
      const seen = read.body.assignments.map((a: { item: string }) => a.item).join(",");
      if (!done) readsDuringUpload++;
      expect(["OLD-000999", "NEW-000000,NEW-039999"]).toContain(seen);
      expect([1000, 40_000]).toContain(read.body.total);
    }
    expect((await pending).status).toBe(200);
    expect(readsDuringUpload).toBeGreaterThan(0);
    const after = await store.call("GET", probe, { as: "viewer" });
    expect(after.body.assignments.map((a: { item: string }) => a.item)).toEqual(["NEW-000000", "NEW-039999"]);
    expect(after.body.total).toBe(40_000);
  });

  test("changes since a version or a time: added, moved and removed items", async () => {
    let etag = await approvedDefinition(store, "feed");
    await upload("feed", { assignments: [{ item: "a", segment: "AX" }, { item: "b", segment: "BX" }, { item: "c", segment: "CX" }] }, "f-1");
    const afterFirst = await store.call("GET", "/definitions/feed/assignments", { as: "viewer" });
    const firstTime = afterFirst.body.committedAt as string;
    etag = (await store.call("PUT", "/definitions/feed/draft", { body: { document: abcXyzDefinition({ id: "feed", serviceLevelA: 0.99 }) }, headers: { "if-match": etag } })).headers.etag as string;
    etag = (await store.call("POST", "/definitions/feed/versions/2/submit", { headers: { "if-match": etag } })).headers.etag as string;
    await store.call("POST", "/definitions/feed/versions/2/approve", { as: "approver", headers: { "if-match": etag } });
    await upload("feed", { assignments: [{ item: "a", segment: "AX", reasons: ["same"] }, { item: "b", segment: "BY", reasons: ["CoV up"] }, { item: "d", segment: "CZ" }] }, "f-2", "*", 2);

    const sinceVersion = await store.call("GET", "/definitions/feed/assignments/changes?sinceVersion=1", { as: "viewer" });
    expect(sinceVersion.status).toBe(200);
    expect(sinceVersion.body.from.version).toBe(1);
    expect(sinceVersion.body.to.version).toBe(2);
    expect(sinceVersion.body.changes).toEqual([
      { item: "b", change: "changed", before: "BX", after: "BY", reasons: ["CoV up"] },
      { item: "c", change: "removed", before: "CX", after: null, reasons: [] },
      { item: "d", change: "added", before: null, after: "CZ", reasons: [] },
    ]);
    const sinceTime = await store.call("GET", `/definitions/feed/assignments/changes?since=${firstTime}`, { as: "viewer" });
    expect(sinceTime.body.changes).toEqual(sinceVersion.body.changes);
    if (!firstTime.endsWith(".000Z")) {
      // "…:15Z" means …:15.000, before an upload committed at …:15.528: everything is new since then.
      const whole = await store.call("GET", `/definitions/feed/assignments/changes?since=${firstTime.slice(0, 19)}Z`, { as: "viewer" });
      expect(whole.body.from.uploadId).toBeNull();
    }
    const paged = await store.call("GET", "/definitions/feed/assignments/changes?sinceVersion=1&limit=2", { as: "viewer" });
    expect(paged.body.changes.map((c: { item: string }) => c.item)).toEqual(["b", "c"]);
    const rest = await store.call("GET", `/definitions/feed/assignments/changes?sinceVersion=1&limit=2&after=${paged.body.nextAfter}`, { as: "viewer" });
    expect(rest.body.changes.map((c: { item: string }) => c.item)).toEqual(["d"]);
    expect(rest.body.nextAfter).toBeNull();
    const beforeAll = await store.call("GET", "/definitions/feed/assignments/changes?since=2000-01-01T00:00:00Z", { as: "viewer" });
    expect(beforeAll.body.changes.map((c: { change: string }) => c.change)).toEqual(["added", "added", "added"]);
    const none = await store.call("GET", "/definitions/feed/assignments/changes?sinceVersion=2", { as: "viewer" });
    expect(none.body.changes).toEqual([]);
    const both = await store.call("GET", "/definitions/feed/assignments/changes?sinceVersion=1&since=2000-01-01T00:00:00Z", { as: "viewer" });
    expect(both.status).toBe(400);
    const v1Still = await store.call("GET", "/definitions/feed/assignments?version=1", { as: "viewer" });
    expect(v1Still.body.assignments.map((a: { item: string }) => a.item)).toEqual(["a", "b", "c"]);
  });

  test("overrides: approver role and a reason, shown on reads, recorded in the audit trail, removable", async () => {
    await approvedDefinition(store, "ovr");
    await upload("ovr", { assignments: rows(3) }, "o-1");
    const list = await store.call("GET", "/definitions/ovr/overrides", { as: "viewer" });
    expect(list.body.overrides).toEqual([]);
    const etag = list.headers.etag as string;
    const byAnalyst = await store.call("PUT", "/definitions/ovr/overrides/SKU-000001", { as: "analyst", body: { segment: "AX", reason: "key account" }, headers: { "if-match": etag } });
    expect(byAnalyst.status).toBe(403);
    const noReason = await store.call("PUT", "/definitions/ovr/overrides/SKU-000001", { as: "approver", body: { segment: "AX" }, headers: { "if-match": etag } });
    expect(noReason).toMatchObject({ status: 400, body: { path: "/body/reason" } });
    const badSegment = await store.call("PUT", "/definitions/ovr/overrides/SKU-000001", { as: "approver", body: { segment: "ZZ", reason: "x" }, headers: { "if-match": etag } });
    expect(badSegment).toMatchObject({ status: 422, body: { path: "/body/segment" } });
    const set = await store.call("PUT", "/definitions/ovr/overrides/SKU-000001", { as: "approver", body: { segment: "AX", reason: "key account" }, headers: { "if-match": etag } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ item: "SKU-000001", segment: "AX", reason: "key account", setBy: "user:approver" });
    const stale = await store.call("PUT", "/definitions/ovr/overrides/SKU-000002", { as: "approver", body: { segment: "AX", reason: "x" }, headers: { "if-match": etag } });
    expect(stale.status).toBe(412);
    const read = await store.call("GET", "/definitions/ovr/assignments?item=SKU-000001", { as: "viewer" });
    expect(read.body.assignments[0]).toMatchObject({ segment: "AX", assignedSegment: "AY", override: { segment: "AX", reason: "key account", setBy: "user:approver" } });
    const bySegment = await store.call("GET", "/definitions/ovr/assignments?segment=AX", { as: "viewer" });
    expect(bySegment.body.assignments.map((a: { item: string }) => a.item)).toEqual(["SKU-000000", "SKU-000001"]);
    const slashed = await store.call("PUT", `/definitions/ovr/overrides/${encodeURIComponent("EU/DE/SKU 7")}`, { as: "approver", body: { segment: "CZ", reason: "phase-out" }, headers: { "if-match": set.headers.etag as string } });
    expect(slashed.status).toBe(200);
    expect(slashed.body.item).toBe("EU/DE/SKU 7");
    const event = (await auditEvents(store.context, "override.set")).find((e) => e.target === "definition/ovr/overrides/SKU-000001");
    expect(JSON.parse(event!.detail)).toEqual({ segment: "AX", reason: "key account", version: 1 });
    const removed = await store.call("DELETE", "/definitions/ovr/overrides/SKU-000001", { as: "approver", body: { reason: "account lost" }, headers: { "if-match": slashed.headers.etag as string } });
    expect(removed.status).toBe(204);
    expect((await store.call("GET", "/definitions/ovr/assignments?item=SKU-000001", { as: "viewer" })).body.assignments[0].override).toBeNull();
    const gone = await store.call("DELETE", "/definitions/ovr/overrides/SKU-000001", { as: "approver", body: { reason: "again" }, headers: { "if-match": removed.headers.etag as string } });
    expect(gone.status).toBe(404);
  });
});
