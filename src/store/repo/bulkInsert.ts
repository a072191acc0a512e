/**
 * Writing many assignment rows fast inside an open transaction. SQLite: a prepared multi-row
 * INSERT on the writer connection (the Kysely transaction holds that same connection). PostgreSQL:
 * INSERT … SELECT FROM json_to_recordset($1), one round trip per batch of 10,000 rows.
 * Between batches the event loop gets a turn, so other requests keep being served.
 */
import type BetterSqlite3 from "better-sqlite3";
import { sql, Transaction } from "kysely";
import { Connections } from "../db/dialect";
import { Database } from "../db/tables";

export interface AssignmentRow {
  item: string;
  segment: string;
  reasons?: string[];
}

const SQLITE_ROWS_PER_STATEMENT = 200;
const SQLITE_ROWS_PER_TURN = 20_000;
const POSTGRES_ROWS_PER_BATCH = 10_000;

const statements = new WeakMap<BetterSqlite3.Database, { many: BetterSqlite3.Statement; one: BetterSqlite3.Statement }>();

function sqliteStatements(handle: BetterSqlite3.Database) {
  let cached = statements.get(handle);
  if (!cached) {
    const values = Array.from({ length: SQLITE_ROWS_PER_STATEMENT }, () => "(?,?,?,?)").join(",");
    cached = {
      many: handle.prepare(`insert into assignments (upload_key, item_id, segment, reasons) values ${values}`),
      one: handle.prepare("insert into assignments (upload_key, item_id, segment, reasons) values (?,?,?,?)"),
    };
    statements.set(handle, cached);
  }
  return cached;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Inserts every row under `uploadKey`; `progress` is told after each batch. */
export async function insertAssignments(
  trx: Transaction<Database>,
  connections: Connections,
  uploadKey: number,
  rows: readonly AssignmentRow[],
  progress?: (written: number) => void,
): Promise<void> {
  if (connections.dialect === "sqlite") {
    const { many, one } = sqliteStatements(connections.sqlite!);
    const parameters: unknown[] = new Array(SQLITE_ROWS_PER_STATEMENT * 4);
    let at = 0;
    while (at < rows.length) {
      const turnEnd = Math.min(rows.length, at + SQLITE_ROWS_PER_TURN);
      while (at + SQLITE_ROWS_PER_STATEMENT <= turnEnd) {
        for (let i = 0; i < SQLITE_ROWS_PER_STATEMENT; i++) {
          const row = rows[at + i];
          parameters[i * 4] = uploadKey;
          parameters[i * 4 + 1] = row.item;
          parameters[i * 4 + 2] = row.segment;
          parameters[i * 4 + 3] = JSON.stringify(row.reasons ?? []);
        }
        many.run(parameters);
        at += SQLITE_ROWS_PER_STATEMENT;
      }
      for (; at < turnEnd; at++) one.run(uploadKey, rows[at].item, rows[at].segment, JSON.stringify(rows[at].reasons ?? []));
      progress?.(at);
      if (at < rows.length) await nextTurn();
    }
    return;
  }
  for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_BATCH) {
    const batch = rows.slice(start, start + POSTGRES_ROWS_PER_BATCH);
    // One JSON text parameter per batch: JSON.stringify is native, and PostgreSQL parses JSON
    // faster than array literals. reasons::text keeps the compact JSON the SQLite path stores.
    await sql`insert into assignments (upload_key, item_id, segment, reasons)
              select ${uploadKey}::integer, t.item, t.segment, coalesce(t.reasons::text, '[]')
              from json_to_recordset(${JSON.stringify(batch)}::json) as t(item text, segment text, reasons json)`.execute(trx);
    progress?.(start + batch.length);
  }
}
