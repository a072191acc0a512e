/**
 * Hostile and broken requests: each gets a 4xx with a precise { error, message, path } and the
 * store is exactly as before (every table and the audit chain compared).
 */
import { abcXyzDefinition } from "../support/definitions";
import { approvedDefinition, DATABASES, snapshot, startTestStore, TestStore, UserName } from "../support/harness";

interface Case {
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  as?: UserName;
  status: number;
  path?: string;
  message: RegExp | string;
}

describe.each(DATABASES)("bad input changes nothing (%s)", (kind) => {
  let store: TestStore;
  let etag: string;
  beforeAll(async () => {
    store = await startTestStore(kind, { bodyLimit: 64 * 1024, assignmentsBodyLimit: 256 * 1024 });
    etag = await approvedDefinition(store, "target");
    await store.call("PUT", "/definitions/target/versions/1/assignments", {
      body: { assignments: [{ item: "A-1", segment: "AX" }] },
      headers: { "idempotency-key": "seed", "if-match": "*" },
    });
  });
  afterAll(async () => store?.close());

  const draft = () => ({ document: abcXyzDefinition({ id: "target", serviceLevelA: 0.97 }) });
  const uploadHeaders = { "idempotency-key": "bad-1", "if-match": "*" };
  const cases = (): Case[] => [
    { name: "malformed JSON", method: "POST", url: "/definitions", body: '{"document": {"id": ', status: 400, path: "/body", message: /^malformed JSON: / },
    { name: "malformed JSON on the bulk route", method: "PUT", url: "/definitions/target/versions/1/assignments", body: '{"assignments": [', headers: uploadHeaders, status: 400, path: "/body", message: /^malformed JSON: / },
    { name: "an empty body", method: "POST", url: "/definitions", body: "", headers: { "content-type": "application/json" }, status: 400, path: "/body", message: /empty/ },
    { name: "a body that is not JSON", method: "POST", url: "/definitions", body: "document=1", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415, path: "/headers/content-type", message: "send the body as application/json" },
    { name: "a document that is text", method: "POST", url: "/definitions", body: { document: "AX" }, status: 400, path: "/body/document", message: '/body/document must be object, got string "AX"' },
    { name: "a comment that is a number", method: "POST", url: "/definitions/target/versions/1/retire", as: "approver", body: { comment: 5 }, headers: { "if-match": "" }, status: 400, path: "/body/comment", message: "/body/comment must be string, got number \"5\"" },
    { name: "an unknown field", method: "POST", url: "/definitions", body: { document: abcXyzDefinition({ id: "new-1", businessUnit: "EU" }), owner: "me" }, status: 400, path: "/body/owner", message: 'unknown field "owner" in /body' },
    { name: "an unknown field in an assignment", method: "PUT", url: "/definitions/target/versions/1/assignments", body: { assignments: [{ item: "A-1", segment: "AX", weight: 2 }] }, headers: uploadHeaders, status: 400, path: "/body/assignments/0/weight", message: 'unknown field "weight" in /body/assignments/0' },
    { name: "an assignment segment of the wrong type", method: "PUT", url: "/definitions/target/versions/1/assignments", body: { assignments: [{ item: "A-1", segment: ["AX"] }] }, headers: uploadHeaders, status: 400, path: "/body/assignments/0/segment", message: "/body/assignments/0/segment must be string, got an array" },
    { name: "an unknown query parameter", method: "GET", url: "/definitions/target/assignments?limt=5", status: 400, path: "/querystring/limt", message: 'unknown query parameter "limt" in /querystring' },
    { name: "a page size too large", method: "GET", url: "/definitions/target/assignments?limit=50000", status: 400, path: "/querystring/limit", message: "limit must be at most 10000; got 50000" },
    { name: "version 0", method: "GET", url: "/definitions/target/versions/0", status: 400, path: "/params/version", message: '/params/version must be a version number (1, 2, …); got "0"' },
    { name: "a version in exponent notation", method: "GET", url: "/definitions/target/versions/1e3", status: 400, path: "/params/version", message: /\/params\/version must be a version number/ },
    { name: "a body over the limit", method: "POST", url: "/definitions", body: { document: { padding: "x".repeat(70 * 1024) } }, status: 413, path: "/body", message: "the request body is larger than the 65536-byte limit of this route" },
    {
      name: "an upload over the bulk limit",
      method: "PUT",
      url: "/definitions/target/versions/1/assignments",
      body: { assignments: Array.from({ length: 8000 }, (_, i) => ({ item: `SKU-${i}`, segment: "AX" })) },
      headers: uploadHeaders,
      status: 413,
      path: "/body",
      message: "the request body is larger than the 262144-byte limit of this route",
    },
    { name: "SQL in a definition id", method: "GET", url: `/definitions/${encodeURIComponent("x' OR '1'='1")}`, status: 400, path: "/params/id", message: /^\/params\/id must be a definition id.*got "x' OR '1'='1"$/ },
    { name: "SQL in a business unit", method: "POST", url: "/definitions", body: { document: abcXyzDefinition({ id: "new-2" }), businessUnit: "EU'; DROP TABLE definitions;--" }, status: 400, path: "/body/businessUnit", message: /^\/body\/businessUnit must be a business unit/ },
    { name: "SQL in a version", method: "POST", url: `/definitions/target/versions/${encodeURIComponent("1; DELETE FROM audit_events")}/approve`, as: "approver2", status: 400, path: "/params/version", message: /\/params\/version must be a version number/ },
    { name: "SQL in an audit filter", method: "GET", url: `/audit?action=${encodeURIComponent("x' OR 1=1 --")}`, as: "approver", status: 400, path: "/querystring/action", message: /^\/querystring\/action must be an action such as version.approve/ },
    { name: "a path traversal in an id", method: "GET", url: "/definitions/..%2F..%2Fetc%2Fpasswd", status: 400, path: "/params/id", message: /got "\.\.\/\.\.\/etc\/passwd"$/ },
    { name: "a dot-dot id", method: "PUT", url: "/definitions/..%2Fsecrets/draft", body: draft(), headers: { "if-match": "*" }, status: 400, path: "/params/id", message: /got "\.\.\/secrets"$/ },
    { name: "a dot-dot path (normalised away by URL rules)", method: "PUT", url: "/definitions/%2e%2e/draft", body: draft(), headers: { "if-match": "*" }, status: 404, message: /^no route PUT \/draft/ },
    { name: "a NUL byte in an id", method: "GET", url: "/definitions/target%00.json", status: 400, path: "/params/id", message: /must be a definition id/ },
    { name: "a control character in an item id", method: "PUT", url: "/definitions/target/overrides/A%0A1", as: "approver", body: { segment: "AX", reason: "x" }, headers: { "if-match": '"target.o0"' }, status: 400, path: "/params/item", message: /must be an item id: 1 to 200 characters without control characters/ },
    { name: "an unknown route", method: "GET", url: "/definitions/target/secrets", status: 404, message: "no route GET /definitions/target/secrets; see GET /openapi.json" },
    { name: "an invalid definition on a draft", method: "PUT", url: "/definitions/target/draft", body: { document: { ...abcXyzDefinition({ id: "target" }), schemaVersion: 2 } }, headers: { "if-match": "" }, status: 422, path: "/body/document/schemaVersion", message: /schemaVersion: must be 1/ },
  ];

  test.each(cases().map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = await snapshot(store.context);
    const headers = { ...(c.headers ?? {}) };
    if (headers["if-match"] === "") headers["if-match"] = etag;
    const answer = await store.call(c.method, c.url, { as: c.as ?? "analyst", body: c.body, headers });
    expect(answer.status).toBe(c.status);
    expect(Object.keys(answer.body).sort()).toEqual(c.path ? ["error", "message", "path"] : ["error", "message"]);
    if (c.path) expect(answer.body.path).toBe(c.path);
    if (typeof c.message === "string") expect(answer.body.message).toBe(c.message);
    else expect(answer.body.message).toMatch(c.message);
    expect(await snapshot(store.context)).toEqual(before);
  });

  test("SQL in an item id is stored as text, harmlessly", async () => {
    const item = "x'); DELETE FROM assignments; --";
    const sent = await store.call("PUT", "/definitions/target/versions/1/assignments", {
      body: { assignments: [{ item, segment: "AX", reasons: ["'; DROP TABLE audit_events; --"] }] },
      headers: { "idempotency-key": "sql-item", "if-match": "*" },
    });
    expect(sent.status).toBe(200);
    const read = await store.call("GET", `/definitions/target/assignments?item=${encodeURIComponent(item)}`, { as: "viewer" });
    expect(read.body.assignments).toEqual([expect.objectContaining({ item, reasons: ["'; DROP TABLE audit_events; --"] })]);
    const probe = await store.call("GET", `/definitions/target/assignments?item=${encodeURIComponent("' OR '1'='1")}`, { as: "viewer" });
    expect(probe.body.assignments).toEqual([]);
    expect((await store.call("GET", "/audit/verify", { as: "admin" })).body.ok).toBe(true);
  });
});
