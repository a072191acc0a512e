/**
 * Opens the store's database: connects (SQLite or PostgreSQL, see dialect.ts), brings the schema to
 * the latest migration, and hands back the connections with a close().
 */
import { Migrator, sql } from "kysely";
import { StoreConfig } from "../config";
import { connect, Connections } from "./dialect";
import { migrationProvider } from "./migrations";

export interface StoreDatabase extends Connections {
  close(): Promise<void>;
}

export async function migrateToLatest(connections: Connections): Promise<string[]> {
  // On PostgreSQL, name the schema: Kysely otherwise takes a migration table of any schema for its own.
  const migrationTableSchema =
    connections.dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(connections.db)).rows[0].schema : undefined;
  const migrator = new Migrator({ db: connections.db, provider: migrationProvider(connections.dialect), migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new Error(`database migration ${failed?.migrationName ?? ""} failed on ${connections.location}: ${reason}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}

export async function openDatabase(config: Pick<StoreConfig, "databaseUrl" | "databaseSchema" | "dataDir">): Promise<StoreDatabase> {
  const connections = await connect(config);
  try {
    await migrateToLatest(connections);
    connections.openReader();
  } catch (error) {
    await connections.db.destroy();
    throw error;
  }
  let closed = false;
  return Object.assign(connections, {
    async close() {
      if (closed) return;
      closed = true;
      if (connections.reader !== connections.db) await connections.reader.destroy();
      await connections.db.destroy();
    },
  });
}
