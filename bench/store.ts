/**
 * `npm run bench:store`: the shared store under load on loopback, for SQLite and PostgreSQL.
 *
 * For each database it starts `supply-segments serve` as its own process (log level warn, rate
 * limit off), approves a nine-segment ABC-XYZ definition, then measures with autocannon:
 *   - GET /definitions/{id}/current            10 connections, 5 s
 *   - PUT …/assignments, 10,000 assignments    4 connections, 8 s, a fresh Idempotency-Key each
 * and times one upload of 1,000,000 assignments. PostgreSQL runs at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test) in a schema of its own, dropped afterwards; set
 * SUPPLY_SEGMENTS_SKIP_POSTGRES=1 to bench SQLite only.
 */
import { ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { createToken } from "../src/store/auth/tokens";
import { loadConfig, StoreOptions } from "../src/store/config";
import { openDatabase } from "../src/store/db/kysely";
import { abcXyzDefinition } from "../test/store/support/definitions";
import { formatMs, printTable, seededRandom } from "./table";

const ROOT = path.resolve(__dirname, "..");
const POSTGRES_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SEGMENTS = ["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"];
const random = seededRandom(20261125);

function assignments(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => {
    const segment = SEGMENTS[Math.floor(random() * SEGMENTS.length)];
    return { item: `${prefix}-${String(i).padStart(7, "0")}`, segment, reasons: [`revenue rank ${i + 1}`, `CoV ${(random() * 1.5).toFixed(2)} → ${segment[1]}`] };
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server did not become healthy within 20 s");
}

type Row = (string | number)[];

async function benchDatabase(kind: "sqlite" | "postgres"): Promise<Row[]> {
  const schema = `bench_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "supply-segments-bench-"));
  const options: StoreOptions = kind === "sqlite" ? { dataDir } : { databaseUrl: POSTGRES_URL, databaseSchema: schema };
  const config = loadConfig({ ...options, logLevel: "silent" }, {});
  const database = await openDatabase(config);
  const context = { database, config, now: () => new Date() };
  const analyst = (await createToken(context, { name: "bench-analyst", role: "analyst", units: ["EU"] }, "bench")).token;
  const approver = (await createToken(context, { name: "bench-approver", role: "approver", units: ["EU"] }, "bench")).token;
  await database.close();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = ["--import", "tsx", "src/store/main.ts", "serve", "--port", String(port), "--log-level", "warn"];
  args.push(...(kind === "sqlite" ? ["--data-dir", dataDir] : ["--database-url", POSTGRES_URL, "--db-schema", schema]));
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, SUPPLY_SEGMENTS_RATE_LIMIT: "off" }, stdio: ["ignore", "inherit", "inherit"] });
  const rows: Row[] = [];
  try {
    await waitForHealth(baseUrl, child);
    const call = async (method: string, url: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(baseUrl + url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
      return { etag: response.headers.get("etag") ?? "", body: JSON.parse(text) };
    };
    const created = await call("POST", "/definitions", analyst, { document: abcXyzDefinition({ id: "bench", businessUnit: "EU" }) });
    const submitted = await call("POST", "/definitions/bench/versions/1/submit", analyst, undefined, { "if-match": created.etag });
    await call("POST", "/definitions/bench/versions/1/approve", approver, undefined, { "if-match": submitted.etag });

    const current = await autocannon({
      url: `${baseUrl}/definitions/bench/current`,
      connections: 10,
      duration: 5,
      headers: { authorization: `Bearer ${analyst}` },
    });
    rows.push([kind, "GET current definition", Math.round(current.requests.average), formatMs(current.latency.p50), formatMs(current.latency.p99), "5 s", current.non2xx + current.errors]);

    const body10k = JSON.stringify({ assignments: assignments(10_000, "SKU") });
    const upload = await autocannon({
      url: `${baseUrl}/definitions/bench/versions/1/assignments`,
      connections: 4,
      duration: 8,
      requests: [
        {
          method: "PUT",
          headers: { authorization: `Bearer ${analyst}`, "content-type": "application/json", "if-match": "*" },
          body: body10k,
          setupRequest: (request: Record<string, any>) => ({ ...request, headers: { ...request.headers, "idempotency-key": randomUUID() } }),
        },
      ],
    });
    rows.push([
      kind,
      "PUT 10,000 assignments",
      upload.requests.average.toFixed(1),
      formatMs(upload.latency.p50),
      formatMs(upload.latency.p99),
      "8 s",
      upload.non2xx + upload.errors,
    ]);

    const body1m = JSON.stringify({ assignments: assignments(1_000_000, "ITEM") });
    const started = process.hrtime.bigint();
    const million = await call("PUT", "/definitions/bench/versions/1/assignments", analyst, body1m, { "idempotency-key": randomUUID(), "if-match": "*" });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (million.body.count !== 1_000_000) throw new Error(`the 1,000,000 upload stored ${million.body.count}`);
    rows.push([kind, `PUT 1,000,000 assignments (${(body1m.length / 2 ** 20).toFixed(0)} MB)`, "", "", "", `${seconds.toFixed(1)} s`, 0]);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once("exit", resolve)));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (kind === "postgres") {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const kinds: ("sqlite" | "postgres")[] = process.env.SUPPLY_SEGMENTS_SKIP_POSTGRES === "1" ? ["sqlite"] : ["sqlite", "postgres"];
  const rows: Row[] = [];
  for (const kind of kinds) rows.push(...(await benchDatabase(kind)));
  printTable(
    `Shared store on loopback (${os.cpus().length} CPUs, Node ${process.version}; server and load generator on the same machine)`,
    ["database", "case", "req/s", "p50 ms", "p99 ms", "duration", "non-2xx"],
    rows,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
