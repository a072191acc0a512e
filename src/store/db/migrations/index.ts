/**
 * Every migration, in order. Listed in code (not read from a folder) so the bundled command line
 * carries them; add a file and a line here, never edit a migration that has shipped.
 */
import { Migration, MigrationProvider } from "kysely";
import type { DialectName } from "../dialect";
import { initial } from "./001_initial";

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    "001_initial": initial(dialect),
  };
}

export const migrationProvider = (dialect: DialectName): MigrationProvider => ({
  getMigrations: async () => migrationsFor(dialect),
});
