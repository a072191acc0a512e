/**
 * The store under test, on either database. SQLite lives in a fresh temporary directory; PostgreSQL
 * in a fresh schema of the test database, dropped afterwards, so parallel test files never meet.
 * If PostgreSQL is not reachable the PostgreSQL half fails loudly, unless
 * SUPPLY_SEGMENTS_SKIP_POSTGRES=1 says to run SQLite only.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { Client } from "pg";
import { createToken } from "../../../src/store/auth/tokens";
import { loadConfig, StoreConfig, StoreOptions } from "../../../src/store/config";
import { StoreContext } from "../../../src/store/context";
import { buildServer } from "../../../src/store/server";
import { abcXyzDefinition } from "./definitions";

export type DatabaseKind = "sqlite" | "postgres";

export const POSTGRES_URL = process.env.SUPPLY_SEGMENTS_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const DATABASES: DatabaseKind[] = process.env.SUPPLY_SEGMENTS_SKIP_POSTGRES === "1" ? ["sqlite"] : ["sqlite", "postgres"];

export interface TestDatabase {
  kind: DatabaseKind;
  options: StoreOptions;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "sqlite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "supply-segments-store-"));
    return { kind, options: { dataDir }, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_URL} (${(error as Error).message}). Start it, point SUPPLY_SEGMENTS_TEST_DATABASE_URL at one, or set SUPPLY_SEGMENTS_SKIP_POSTGRES=1 to run the SQLite half only.`,
    );
  }
  await client.end();
  return {
    kind,
    options: { databaseUrl: POSTGRES_URL, databaseSchema: schema },
    cleanup: async () => {
      const dropper = new Client({ connectionString: POSTGRES_URL });
      await dropper.connect();
      await dropper.query(`drop schema if exists "${schema}" cascade`);
      await dropper.end();
    },
  };
}

export const USERS = {
  viewer: { role: "viewer", units: ["EU"] },
  analyst: { role: "analyst", units: ["EU"] },
  analyst2: { role: "analyst", units: ["EU"] },
  approver: { role: "approver", units: ["EU"] },
  approver2: { role: "approver", units: ["EU"] },
  admin: { role: "admin", units: ["EU"] },
  enterprise: { role: "admin", units: ["*"] },
  usAnalyst: { role: "analyst", units: ["US"] },
  usApprover: { role: "approver", units: ["US"] },
} as const;
export type UserName = keyof typeof USERS;

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, string | string[] | number | undefined>;
}

export interface TestStore {
  app: FastifyInstance;
  context: StoreContext;
  config: StoreConfig;
  tokens: Record<UserName, string>;
  call(method: InjectOptions["method"], url: string, options?: { as?: UserName | null; body?: unknown; headers?: Record<string, string> }): Promise<Answer>;
  close(): Promise<void>;
}

export async function startTestStore(kind: DatabaseKind, overrides: StoreOptions = {}, now?: () => Date): Promise<TestStore> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({ logLevel: "silent", rateLimitPerMinute: false, ...database.options, ...overrides }, {});
  const app = await buildServer({ config, now });
  await app.ready();
  const context = app.store;
  const tokens = {} as Record<UserName, string>;
  for (const [name, user] of Object.entries(USERS)) {
    tokens[name as UserName] = (await createToken(context, { name, role: user.role, units: [...user.units] }, "test")).token;
  }
  return {
    app,
    context,
    config,
    tokens,
    async call(method, url, options = {}) {
      const as = options.as === undefined ? "analyst" : options.as;
      const headers: Record<string, string> = { ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}), ...(options.headers ?? {}) };
      const payload = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
      const response = await app.inject({ method, url, headers, payload });
      let body: unknown = response.body;
      try {
        body = response.body ? JSON.parse(response.body) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: response.statusCode, body, headers: response.headers };
    },
    async close() {
      await app.close();
      await database.cleanup();
    },
  };
}

/** Creates a definition in unit EU (as analyst), submits it and approves it (as approver). Returns the ETag after approval. */
export async function approvedDefinition(store: TestStore, id: string, options: { serviceLevelA?: number } = {}): Promise<string> {
  const created = await store.call("POST", "/definitions", { as: "analyst", body: { document: abcXyzDefinition({ id, businessUnit: "EU", ...options }) } });
  if (created.status !== 201) throw new Error(`create ${id}: ${created.status} ${JSON.stringify(created.body)}`);
  const submitted = await store.call("POST", `/definitions/${id}/versions/1/submit`, { as: "analyst", headers: { "if-match": created.headers.etag as string } });
  if (submitted.status !== 200) throw new Error(`submit ${id}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const approved = await store.call("POST", `/definitions/${id}/versions/1/approve`, { as: "approver", headers: { "if-match": submitted.headers.etag as string } });
  if (approved.status !== 200) throw new Error(`approve ${id}: ${approved.status} ${JSON.stringify(approved.body)}`);
  return approved.headers.etag as string;
}

/** Everything the store holds, to prove a refused request changed nothing. */
export async function snapshot(context: StoreContext): Promise<Record<string, unknown>> {
  const db = context.database.db;
  const [definitions, versions, uploads, overrides, tokens, audit, head, assignments] = await Promise.all([
    db.selectFrom("definitions").selectAll().orderBy("id").execute(),
    db.selectFrom("definition_versions").selectAll().orderBy("definition_id").orderBy("version").execute(),
    db.selectFrom("assignment_uploads").selectAll().orderBy("commit_seq").execute(),
    db.selectFrom("overrides").selectAll().orderBy("definition_id").orderBy("item_id").execute(),
    db.selectFrom("tokens").select(["id", "revoked_at"]).orderBy("id").execute(),
    db.selectFrom("audit_events").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("audit_head").selectAll().execute(),
    db.selectFrom("assignments").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return JSON.parse(
    JSON.stringify({ definitions, versions, uploads, overrides, tokens, auditEvents: Number(audit.n), head, assignments: Number(assignments.n) }),
  );
}

export async function auditEvents(context: StoreContext, action?: string) {
  let query = context.database.db.selectFrom("audit_events").selectAll().orderBy("sequence");
  if (action) query = query.where("action", "=", action);
  return query.execute();
}
