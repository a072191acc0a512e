import { Command } from "commander";
import { registerStoreCommands } from "../../src/store/cli";
import { loadConfig } from "../../src/store/config";
import { openDatabase } from "../../src/store/db/kysely";
import { authenticateToken } from "../../src/store/auth/tokens";
import { createTestDatabase, DATABASES, TestDatabase } from "./support/harness";

describe.each(DATABASES)("store commands: token and audit (%s)", (kind) => {
  let database: TestDatabase;
  let flags: string[];
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { dataDir, databaseUrl, databaseSchema } = database.options;
    flags = dataDir ? ["--data-dir", dataDir] : ["--database-url", databaseUrl!, "--db-schema", databaseSchema!];
  });
  afterAll(async () => database?.cleanup());

  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const program = new Command().exitOverride();
    registerStoreCommands(program, { out: (line) => out.push(line), err: (line) => err.push(line), env: { USER: "ops" } });
    let error: Error | undefined;
    try {
      await program.parseAsync(["node", "supply-segments", ...args, ...flags]);
    } catch (e) {
      error = e as Error;
    }
    return { out, err, error };
  }

  async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
    const config = loadConfig({ ...database.options, logLevel: "silent" }, {});
    const db = await openDatabase(config);
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  test("token create prints the token once on stdout and what it grants on stderr", async () => {
    const { out, err, error } = await run("token", "create", "--role", "analyst", "--name", "Dana Planner", "--unit", "EU", "--unit", "UK");
    expect(error).toBeUndefined();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^sst_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(err[0]).toMatch(/for Dana Planner: role analyst, units EU, UK\. It is shown only now/);
    const principal = await withDatabase((db) => authenticateToken({ database: db, config: loadConfig({}, {}), now: () => new Date() }, out[0]));
    expect(principal).toMatchObject({ subject: "user:Dana Planner", role: "analyst", units: ["EU", "UK"] });
    const stored = await withDatabase((db) => db.db.selectFrom("tokens").select(["secret_hash"]).execute());
    const secret = /^sst_[a-z0-9]{16}_(.{43})$/.exec(out[0])![1]; // base64url: the secret may itself hold "_"
    expect(JSON.stringify(stored)).not.toContain(secret); // only the hash is kept
    const audit = await withDatabase((db) => db.db.selectFrom("audit_events").select(["actor", "action"]).execute());
    expect(audit).toEqual([{ actor: "cli:ops", action: "token.create" }]);
  });

  test("without --unit the token is enterprise-wide, and says so; a bad name is refused", async () => {
    const { err } = await run("token", "create", "--role", "admin", "--name", "root");
    expect(err[0]).toContain("units every business unit (enterprise-wide)");
    const bad = await run("token", "create", "--role", "viewer", "--name", "<script>");
    expect(bad.error?.message).toMatch(/^name must be 1 to 100 letters/);
  });

  test("token list and revoke", async () => {
    const listed = await run("token", "list");
    expect(listed.out).toHaveLength(2);
    const id = listed.out[0].split(" ")[0];
    const revoked = await run("token", "revoke", id);
    expect(revoked.out[0]).toMatch(new RegExp(`^token ${id} \\(.+\\) revoked at `));
    expect((await run("token", "list")).out[0]).toContain("revoked");
    expect((await run("token", "revoke", "ffffffffffffffff")).error?.message).toBe("no token ffffffffffffffff");
  });

  test("audit verify: intact, then broken at the tampered event with a failing exit", async () => {
    const intact = await run("audit", "verify");
    expect(intact.error).toBeUndefined();
    expect(intact.out[0]).toMatch(/^audit chain intact: 3 events, head 3 [0-9a-f]{64}$/);
    const anchor = intact.out[0].split(" ").slice(-2).join(":");
    expect((await run("audit", "verify", "--anchor", anchor)).error).toBeUndefined();
    await withDatabase((db) => db.db.updateTable("audit_events").set({ actor: "cli:mallory" }).where("sequence", "=", 2).execute());
    const broken = await run("audit", "verify");
    expect(broken.out[0]).toBe("audit chain BROKEN at event 2: event 2 was altered: its content no longer matches its hash (1 events verified before it)");
    expect(broken.error?.message).toBe("the audit chain is broken at event 2");
    expect((broken.error as { exitCode?: number }).exitCode).toBe(1);
    expect((await run("audit", "verify", "--anchor", "3:nothex")).error?.message).toMatch(/^--anchor must be SEQUENCE:HASH/);
  });
});
