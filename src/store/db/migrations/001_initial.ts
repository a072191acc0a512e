/** The first schema: tokens, definitions and versions, assignments, overrides, the audit chain. */
import { ColumnDefinitionBuilder, Kysely, Migration, sql } from "kysely";
import type { DialectName } from "../dialect";

export const GENESIS_HASH = "0".repeat(64);

/**
 * Item ids sort by code point in both databases (PostgreSQL would otherwise follow the database's
 * locale), so keyset pages and merges agree wherever the store runs.
 */
const byteOrder = (dialect: DialectName) => (column: ColumnDefinitionBuilder) =>
  dialect === "postgres" ? column.notNull().modifyEnd(sql`collate "C"`) : column.notNull();

export const initial = (dialect: DialectName): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable("tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("units", "text", (c) => c.notNull())
      .addColumn("secret_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("revoked_at", "text")
      .execute();

    await db.schema
      .createTable("definitions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("business_unit", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("overrides_revision", "integer", (c) => c.notNull())
      .addColumn("idempotency_key", "text")
      .addUniqueConstraint("definitions_creator_idempotency_key", ["created_by", "idempotency_key"])
      .execute();
    await db.schema.createIndex("definitions_business_unit").on("definitions").columns(["business_unit", "id"]).execute();

    await db.schema
      .createTable("definition_versions")
      .addColumn("definition_id", "text", (c) => c.notNull().references("definitions.id"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("document", "text", (c) => c.notNull())
      .addColumn("digest", "text", (c) => c.notNull())
      .addColumn("author", "text", (c) => c.notNull())
      .addColumn("contributors", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("submitted_by", "text")
      .addColumn("submitted_at", "text")
      .addColumn("decided_by", "text")
      .addColumn("decided_at", "text")
      .addColumn("comment", "text")
      .addColumn("retired_at", "text")
      .addPrimaryKeyConstraint("definition_versions_pk", ["definition_id", "version"])
      .execute();

    await db.schema
      .createTable("assignment_uploads")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("key", "integer", (c) => c.notNull().unique())
      .addColumn("definition_id", "text", (c) => c.notNull().references("definitions.id"))
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("idempotency_key", "text", (c) => c.notNull())
      .addColumn("request_digest", "text", (c) => c.notNull())
      .addColumn("item_count", "integer", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("committed_at", "text", (c) => c.notNull())
      .addColumn("commit_seq", "integer", (c) => c.notNull().unique())
      .addUniqueConstraint("assignment_uploads_idempotency", ["definition_id", "idempotency_key"])
      .execute();
    await db.schema
      .createIndex("assignment_uploads_by_definition")
      .on("assignment_uploads")
      .columns(["definition_id", "commit_seq"])
      .execute();

    // Upload keys come from this counter, taken in a transaction of their own before the upload's,
    // so a key is never handed out twice, even when an upload rolls back.
    await db.schema
      .createTable("counters")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("value", "integer", (c) => c.notNull())
      .execute();
    await sql`insert into counters (name, value) values ('upload', 0)`.execute(db);

    // One B-tree keyed by (upload, item): clustered (WITHOUT ROWID) on SQLite, and no secondary
    // index, because writing a million rows is the hot path and every read is by upload and item
    // order. No foreign key to assignment_uploads on purpose: the upload row is written last, in
    // the same transaction, so an upload only exists once all of its rows do.
    let assignments = db.schema
      .createTable("assignments")
      .addColumn("upload_key", "integer", (c) => c.notNull())
      .addColumn("item_id", "text", byteOrder(dialect))
      .addColumn("segment", "text", (c) => c.notNull())
      .addColumn("reasons", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("assignments_pk", ["upload_key", "item_id"]);
    if (dialect === "sqlite") assignments = assignments.modifyEnd(sql`without rowid`);
    await assignments.execute();

    await db.schema
      .createTable("overrides")
      .addColumn("definition_id", "text", (c) => c.notNull().references("definitions.id"))
      .addColumn("item_id", "text", byteOrder(dialect))
      .addColumn("segment", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("set_by", "text", (c) => c.notNull())
      .addColumn("set_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("overrides_pk", ["definition_id", "item_id"])
      .execute();

    await db.schema
      .createTable("audit_events")
      .addColumn("sequence", "integer", (c) => c.primaryKey())
      .addColumn("time", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("target", "text", (c) => c.notNull())
      .addColumn("business_unit", "text")
      .addColumn("before_digest", "text")
      .addColumn("after_digest", "text")
      .addColumn("detail", "text", (c) => c.notNull())
      .addColumn("prev_hash", "text", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull().unique())
      .execute();
    await db.schema.createIndex("audit_events_by_target").on("audit_events").columns(["target", "sequence"]).execute();

    await db.schema
      .createTable("audit_head")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("sequence", "integer", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull())
      .execute();
    await sql`insert into audit_head (id, sequence, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ["audit_head", "audit_events", "overrides", "assignments", "counters", "assignment_uploads", "definition_versions", "definitions", "tokens"]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
});
