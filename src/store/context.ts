/** What every route and command of the store works with: the database, the clock and the settings. */
import { Transaction } from "kysely";
import { StoreConfig } from "./config";
import { StoreDatabase } from "./db/kysely";
import { Database } from "./db/tables";

export interface StoreContext {
  database: StoreDatabase;
  config: StoreConfig;
  now: () => Date;
}

/** Runs `work` in one transaction on the writer connection. */
export function inTransaction<T>(context: StoreContext, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return context.database.db.transaction().execute(work);
}

/** True for a unique or primary-key violation, in either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
