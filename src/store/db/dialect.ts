/**
 * Dialect selection: PostgreSQL when a database URL is configured, else SQLite in the data
 * directory. SQLite gets two connections: one writer (WAL, full sync) that every transaction
 * uses, and one read-only connection for plain reads, so a long upload never blocks a reader and a
 * reader sees the last committed state, never half an upload.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Pool } from "pg";
import { ConfigError, SQLITE_FILE, StoreConfig } from "../config";
import { Database } from "./tables";

export type DialectName = "sqlite" | "postgres";

export interface Connections {
  dialect: DialectName;
  /** Writes and transactions. */
  db: Kysely<Database>;
  /** Plain reads (the same instance as `db` on PostgreSQL). */
  reader: Kysely<Database>;
  /** The raw SQLite writer, for prepared-statement bulk inserts inside a Kysely transaction. */
  sqlite?: BetterSqlite3.Database;
  /** Where the data lives, for logs: a file path or the URL without its password. */
  location: string;
  /** Opens the SQLite read connection; called once migrations have run. */
  openReader(): void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable database URL)";
  }
}

export async function connect(config: Pick<StoreConfig, "databaseUrl" | "databaseSchema" | "dataDir">): Promise<Connections> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl, config.databaseSchema);
  return connectSqlite(config.dataDir);
}

function connectSqlite(dataDir: string): Connections {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const writer = new BetterSqlite3(file);
  writer.pragma("journal_mode = WAL");
  writer.pragma("synchronous = FULL");
  writer.pragma("busy_timeout = 5000");
  writer.pragma("foreign_keys = ON");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: writer }) });
  const connections: Connections = {
    dialect: "sqlite",
    db,
    reader: db,
    sqlite: writer,
    location: file,
    openReader() {
      const handle = new BetterSqlite3(file, { readonly: true });
      handle.pragma("busy_timeout = 5000");
      connections.reader = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
    },
  };
  return connections;
}

async function connectPostgres(url: string, schema: string | undefined): Promise<Connections> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ConfigError(`database schema must be lower-case letters, digits and _ (at most 63), got "${schema}"`);
  }
  if (schema) {
    const setup = new Pool({ connectionString: url, max: 1 });
    try {
      await setup.query(`create schema if not exists "${schema}"`);
    } finally {
      await setup.end();
    }
  }
  const pool = new Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { dialect: "postgres", db, reader: db, location: redactUrl(url) + (schema ? ` (schema ${schema})` : ""), openReader() {} };
}
