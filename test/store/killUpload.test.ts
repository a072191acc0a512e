/**
 * Reliability: the store process is killed with SIGKILL in the middle of writing a bulk upload.
 * After a restart the previous assignments are intact, the partial upload is invisible, the audit
 * chain verifies, and the same upload (same Idempotency-Key) can simply be sent again. Then a
 * SIGTERM during an upload lets it finish before the process exits.
 */
import { createToken } from "../../src/store/auth/tokens";
import { loadConfig } from "../../src/store/config";
import { openDatabase } from "../../src/store/db/kysely";
import { abcXyzDefinition } from "./support/definitions";
import { createTestDatabase, DATABASES, TestDatabase } from "./support/harness";
import { ServerProcess, startServerProcess } from "./support/serverProcess";

jest.setTimeout(120_000);

describe.each(DATABASES)("a bulk upload killed midway (%s)", (kind) => {
  let database: TestDatabase;
  let tokens: { analyst: string; approver: string };
  let args: string[];
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const config = loadConfig({ ...database.options, logLevel: "silent" }, {});
    const db = await openDatabase(config);
    const context = { database: db, config, now: () => new Date() };
    tokens = {
      analyst: (await createToken(context, { name: "analyst", role: "analyst", units: ["EU"] }, "test")).token,
      approver: (await createToken(context, { name: "approver", role: "approver", units: ["EU"] }, "test")).token,
    };
    await db.close();
    const { dataDir, databaseUrl, databaseSchema } = database.options;
    args = ["--log-level", "debug", ...(dataDir ? ["--data-dir", dataDir] : ["--database-url", databaseUrl!, "--db-schema", databaseSchema!])];
  });
  afterAll(async () => {
    server?.kill("SIGKILL");
    await database?.cleanup();
  });

  async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(server!.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, etag: response.headers.get("etag") ?? "", body: (await response.json().catch(() => undefined)) as any };
  }
  const rows = (count: number, prefix: string, segment: string) => Array.from({ length: count }, (_, i) => ({ item: `${prefix}-${i}`, segment, reasons: [`${prefix} ${i}`] }));

  test("SIGKILL during the write: the old set stays, the partial one never appears, the upload can be resent", async () => {
    server = await startServerProcess(args);
    const created = await call("POST", "/definitions", tokens.analyst, { document: abcXyzDefinition({ id: "killed", businessUnit: "EU" }) });
    const submitted = await call("POST", "/definitions/killed/versions/1/submit", tokens.analyst, undefined, { "if-match": created.etag });
    const approved = await call("POST", "/definitions/killed/versions/1/approve", tokens.approver, undefined, { "if-match": submitted.etag });
    expect(approved.status).toBe(200);
    const old = await call("PUT", "/definitions/killed/versions/1/assignments", tokens.analyst, { assignments: rows(1000, "OLD", "CZ") }, { "idempotency-key": "old", "if-match": "*" });
    expect(old.status).toBe(200);

    const big = { assignments: rows(60_000, "NEW", "AX") };
    const inFlight = call("PUT", "/definitions/killed/versions/1/assignments", tokens.analyst, big, { "idempotency-key": "new", "if-match": old.etag }).catch((error: Error) => error);
    await server.waitForLog((line) => line.msg === "assignments upload progress" && Number(line.written) < 60_000);
    server.kill("SIGKILL");
    const outcome = await server.exited;
    expect(outcome.signal).toBe("SIGKILL");
    expect(((await inFlight) as Error).message).toBe("fetch failed"); // the connection died with the process
    expect(server.logs.some((line) => line.msg === "assignments upload committed" && line.count === 60_000)).toBe(false);

    server = await startServerProcess(args);
    const after = await call("GET", "/definitions/killed/assignments?item=OLD-999&item=NEW-0&item=NEW-59999", tokens.analyst);
    expect(after.body).toMatchObject({ total: 1000, uploadId: old.body.uploadId });
    expect(after.body.assignments.map((a: { item: string }) => a.item)).toEqual(["OLD-999"]);
    expect(after.etag).toBe(old.etag);
    const verify = await call("GET", "/audit/verify", tokens.approver);
    expect(verify.body.ok).toBe(true);
    const uploads = await call("GET", "/audit?action=assignments.upload", tokens.approver);
    expect(uploads.body.events).toHaveLength(1);

    const resent = await call("PUT", "/definitions/killed/versions/1/assignments", tokens.analyst, big, { "idempotency-key": "new", "if-match": old.etag });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ count: 60_000, replayed: false });
    const now = await call("GET", "/definitions/killed/assignments?item=OLD-999&item=NEW-0&item=NEW-59999", tokens.analyst);
    expect(now.body.assignments.map((a: { item: string }) => a.item)).toEqual(["NEW-0", "NEW-59999"]);
  });

  test("SIGTERM during an upload: the upload finishes, then the process exits cleanly", async () => {
    const upload = call("PUT", "/definitions/killed/versions/1/assignments", tokens.analyst, { assignments: rows(50_000, "LAST", "BY") }, { "idempotency-key": "last", "if-match": "*" });
    await server!.waitForLog((line) => line.msg === "assignments upload progress" && Number(line.written) < 50_000 && Number(line.total) === 50_000);
    server!.kill("SIGTERM");
    const answer = await upload;
    expect(answer.status).toBe(200);
    expect(answer.body.count).toBe(50_000);
    expect(await server!.exited).toEqual({ code: 0, signal: null });
    expect(server!.logs.some((line) => line.msg === "shutting down: finishing requests in flight")).toBe(true);
    server = undefined;
  });
});
