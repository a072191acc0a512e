/**
 * The audit trail: an append-only list of events, each holding the hash of the one before, so
 * changing, removing or reordering any stored event breaks every hash after it.
 *
 *   hash(n) = SHA-256( canonical JSON of { sequence, time, actor, action, target, businessUnit,
 *                                          beforeDigest, afterDigest, detail, prevHash = hash(n-1) } )
 *
 * hash(0) is 64 zeros. Appends happen inside the transaction of the change they record, and take
 * the row lock on audit_head first (PostgreSQL; SQLite has one writer), so two writers can never
 * both append sequence n; the primary key on sequence is the second guard.
 */
import { Kysely, Transaction } from "kysely";
import { DialectName } from "../db/dialect";
import { GENESIS_HASH } from "../db/migrations/001_initial";
import { AuditEventsTable, Database } from "../db/tables";
import { canonicalJson, digestOf, sha256Hex } from "../digest";

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  businessUnit?: string | null;
  /** State before and after (digested, never stored), or digests already computed. */
  before?: unknown;
  after?: unknown;
  beforeDigest?: string | null;
  afterDigest?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEvent {
  sequence: number;
  time: string;
  actor: string;
  action: string;
  target: string;
  businessUnit: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export function hashEvent(row: Omit<AuditEventsTable, "hash">): string {
  return sha256Hex(
    canonicalJson({
      sequence: row.sequence,
      time: row.time,
      actor: row.actor,
      action: row.action,
      target: row.target,
      businessUnit: row.business_unit,
      beforeDigest: row.before_digest,
      afterDigest: row.after_digest,
      detail: row.detail,
      prevHash: row.prev_hash,
    }),
  );
}

export function toAuditEvent(row: AuditEventsTable): AuditEvent {
  return {
    sequence: Number(row.sequence),
    time: row.time,
    actor: row.actor,
    action: row.action,
    target: row.target,
    businessUnit: row.business_unit,
    beforeDigest: row.before_digest,
    afterDigest: row.after_digest,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Appends one event inside `trx`; call it last in the transaction, as it holds the chain's lock until commit. */
export async function appendAudit(trx: Transaction<Database>, dialect: DialectName, entry: AuditEntry, now: Date): Promise<AuditEvent> {
  let headQuery = trx.selectFrom("audit_head").select(["sequence", "hash"]).where("id", "=", 1);
  if (dialect === "postgres") headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const digest = (given: string | null | undefined, state: unknown) =>
    given !== undefined ? given : state === undefined || state === null ? null : digestOf(state);
  const row: Omit<AuditEventsTable, "hash"> = {
    sequence: Number(head.sequence) + 1,
    time: now.toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    business_unit: entry.businessUnit ?? null,
    before_digest: digest(entry.beforeDigest, entry.before),
    after_digest: digest(entry.afterDigest, entry.after),
    detail: canonicalJson(entry.detail ?? {}),
    prev_hash: head.hash,
  };
  const hash = hashEvent(row);
  await trx.insertInto("audit_events").values({ ...row, hash }).execute();
  await trx.updateTable("audit_head").set({ sequence: row.sequence, hash }).where("id", "=", 1).execute();
  return toAuditEvent({ ...row, hash });
}

/**
 * verifyChain over one consistent snapshot (repeatable read on PostgreSQL, a read transaction on
 * SQLite), so events appended while it runs cannot look like a gap.
 */
export function verifySnapshot(database: { dialect: DialectName; reader: Kysely<Database> }, anchor?: { sequence: number; hash: string }): Promise<VerifyResult> {
  let transaction = database.reader.transaction();
  if (database.dialect === "postgres") transaction = transaction.setIsolationLevel("repeatable read");
  return transaction.execute((trx) => verifyChain(trx, anchor));
}

export type VerifyResult =
  | { ok: true; events: number; headSequence: number; headHash: string }
  | { ok: false; events: number; firstBrokenSequence: number; reason: string };

/**
 * Walks the chain from the first event, recomputing every hash. Names the first sequence number
 * whose event is missing, altered or out of place. `anchor`, a (sequence, hash) pair recorded
 * elsewhere earlier, also catches a rewrite of the whole chain from that point on.
 */
export async function verifyChain(
  db: Kysely<Database> | Transaction<Database>,
  anchor?: { sequence: number; hash: string },
  pageSize = 5000,
): Promise<VerifyResult> {
  let expectedSequence = 1;
  let prevHash = GENESIS_HASH;
  let events = 0;
  const broken = (sequence: number, reason: string): VerifyResult => ({ ok: false, events, firstBrokenSequence: sequence, reason });
  for (;;) {
    const rows = await db
      .selectFrom("audit_events")
      .selectAll()
      .where("sequence", ">=", expectedSequence)
      .orderBy("sequence")
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const sequence = Number(row.sequence);
      if (sequence !== expectedSequence) return broken(expectedSequence, `event ${expectedSequence} is missing (the next stored event is ${sequence})`);
      if (row.prev_hash !== prevHash) return broken(sequence, `event ${sequence} does not point at the hash of event ${sequence - 1}`);
      if (hashEvent(row) !== row.hash) return broken(sequence, `event ${sequence} was altered: its content no longer matches its hash`);
      if (anchor && anchor.sequence === sequence && anchor.hash !== row.hash) {
        return broken(sequence, `event ${sequence} differs from the anchor recorded earlier: the chain was rewritten from here or before`);
      }
      prevHash = row.hash;
      expectedSequence++;
      events++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom("audit_head").select(["sequence", "hash"]).where("id", "=", 1).executeTakeFirst();
  const lastSequence = expectedSequence - 1;
  if (!head) return broken(lastSequence + 1, "the chain head record is missing");
  if (Number(head.sequence) > lastSequence) return broken(lastSequence + 1, `events ${lastSequence + 1} to ${head.sequence} are missing (the chain head says ${head.sequence})`);
  if (Number(head.sequence) < lastSequence) return broken(Number(head.sequence) + 1, `event ${Number(head.sequence) + 1} lies beyond the chain head: it was added outside the store`);
  if (head.hash !== prevHash) return broken(lastSequence, `the chain head does not hold the hash of event ${lastSequence}`);
  if (anchor && anchor.sequence > lastSequence) return broken(lastSequence + 1, `the anchor names event ${anchor.sequence}, but the chain ends at ${lastSequence}`);
  return { ok: true, events, headSequence: lastSequence, headHash: prevHash };
}
