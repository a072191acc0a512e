/**
 * Assignment uploads and reads. An upload is the complete set of item → segment assignments of an
 * approved version. It is written in one transaction whose last statements append its audit event
 * and insert the upload row (numbered by that event's sequence), so a reader either sees all of an
 * upload or none of it, and uploads are ordered by when they committed. An Idempotency-Key makes a
 * retried upload return the first one's answer instead of writing twice.
 */
import { randomUUID } from "node:crypto";
import { Kysely, sql, Transaction } from "kysely";
import { appendAudit } from "../audit/chain";
import { Principal } from "../auth/principal";
import { inTransaction, isUniqueViolation, StoreContext } from "../context";
import { AssignmentUploadsTable, Database } from "../db/tables";
import { segmentIds } from "../documents";
import { assignmentsEtag } from "../etag";
import { badRequest, conflict, StoreError } from "../errors";
import { AssignmentRow, insertAssignments } from "./bulkInsert";
import { Precondition } from "./definitions";
import { findDefinition, findVersion } from "./views";

export interface UploadRequest {
  definitionId: string;
  version: number;
  idempotencyKey: string;
  /** SHA-256 of the request body: a replay must carry the same body. */
  requestDigest: string;
  assignments: readonly AssignmentRow[];
  precondition: Precondition;
  progress?: (written: number, total: number) => void;
}

export interface UploadResult {
  definitionId: string;
  version: number;
  uploadId: string;
  count: number;
  committedAt: string;
  sequence: number;
  replayed: boolean;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function latestUpload(db: Db, definitionId: string, version?: number): Promise<AssignmentUploadsTable | undefined> {
  let query = db.selectFrom("assignment_uploads").selectAll().where("definition_id", "=", definitionId);
  if (version !== undefined) query = query.where("version", "=", version);
  const row = await query.orderBy("commit_seq", "desc").limit(1).executeTakeFirst();
  return row && { ...row, key: Number(row.key), version: Number(row.version), commit_seq: Number(row.commit_seq), item_count: Number(row.item_count) };
}

const toResult = (row: AssignmentUploadsTable, replayed: boolean): UploadResult => ({
  definitionId: row.definition_id,
  version: Number(row.version),
  uploadId: row.id,
  count: Number(row.item_count),
  committedAt: row.committed_at,
  sequence: Number(row.commit_seq),
  replayed,
});

async function earlierUpload(db: Db, request: UploadRequest): Promise<UploadResult | undefined> {
  const row = await db
    .selectFrom("assignment_uploads")
    .selectAll()
    .where("definition_id", "=", request.definitionId)
    .where("idempotency_key", "=", request.idempotencyKey)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_digest !== request.requestDigest || Number(row.version) !== request.version) {
    throw new StoreError(
      409,
      "conflict",
      `Idempotency-Key ${JSON.stringify(request.idempotencyKey)} was already used for a different upload (${row.id}, version ${row.version}); send a new key for new content`,
      "/headers/idempotency-key",
    );
  }
  return toResult(row, true);
}

/** Segment ids must be the version's, each item may appear once. Throws naming the first bad row. */
export function checkRows(rows: readonly AssignmentRow[], allowed: ReadonlySet<string>, version: number): void {
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const { item, segment } = rows[i];
    if (!allowed.has(segment)) {
      throw new StoreError(422, "invalid-definition", `segment ${JSON.stringify(segment)} is not a segment of version ${version} (${[...allowed].join(", ")})`, `/body/assignments/${i}/segment`);
    }
    if (seen.has(item)) {
      const first = rows.findIndex((row) => row.item === item);
      throw badRequest(`item ${JSON.stringify(item)} appears twice, in assignments ${first} and ${i}; send one segment per item`, `/body/assignments/${i}/item`);
    }
    seen.add(item);
  }
}

export async function uploadAssignments(context: StoreContext, principal: Principal, request: UploadRequest): Promise<UploadResult> {
  const { definitionId: id, version } = request;
  const reader = context.database.reader;
  const definition = await findDefinition(reader, principal, id);
  const replay = await earlierUpload(reader, request);
  if (replay) return replay;
  const versionRow = await findVersion(reader, id, version);
  if (versionRow.status !== "approved") {
    throw conflict(`assignments can only be uploaded for the approved version; version ${version} is ${versionRow.status}`, "/params/version");
  }
  checkRows(request.assignments, new Set(segmentIds(versionRow.document)), version);
  const before = await latestUpload(reader, id);
  request.precondition(assignmentsEtag(id, before?.commit_seq ?? 0));

  const uploadId = randomUUID();
  const uploadKey = await nextUploadKey(context);
  const total = request.assignments.length;
  try {
    return await inTransaction(context, async (trx) => {
      await insertAssignments(trx, context.database, uploadKey, request.assignments, (written) => request.progress?.(written, total));
      // From here to commit the chain's lock is held: re-check what may have changed meanwhile.
      await lockAuditHead(trx, context);
      const now = await findVersion(trx, id, version);
      if (now.status !== "approved") throw conflict(`version ${version} was ${now.status} while the upload ran; nothing was stored`, "/params/version");
      const latest = await latestUpload(trx, id);
      request.precondition(assignmentsEtag(id, latest?.commit_seq ?? 0));
      const event = await appendAudit(
        trx,
        context.database.dialect,
        {
          actor: principal.subject,
          action: "assignments.upload",
          target: `definition/${id}/version/${version}/assignments`,
          businessUnit: definition.business_unit,
          beforeDigest: latest?.request_digest ?? null,
          afterDigest: request.requestDigest,
          detail: { uploadId, count: total, idempotencyKey: request.idempotencyKey },
        },
        context.now(),
      );
      const row: AssignmentUploadsTable = {
        id: uploadId,
        key: uploadKey,
        definition_id: id,
        version,
        idempotency_key: request.idempotencyKey,
        request_digest: request.requestDigest,
        item_count: total,
        created_by: principal.subject,
        committed_at: event.time,
        commit_seq: event.sequence,
      };
      await trx.insertInto("assignment_uploads").values(row).execute();
      return toResult(row, false);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await earlierUpload(context.database.db, request); // a concurrent retry with the same key won
    if (raced) return raced;
    throw error;
  }
}

/** A fresh upload key, committed at once so that it is never handed out again. */
async function nextUploadKey(context: StoreContext): Promise<number> {
  return inTransaction(context, async (trx) => {
    const row = await trx
      .updateTable("counters")
      .set((eb) => ({ value: eb("value", "+", 1) }))
      .where("name", "=", "upload")
      .returning("value")
      .executeTakeFirstOrThrow();
    return Number(row.value);
  });
}

async function lockAuditHead(trx: Transaction<Database>, context: StoreContext): Promise<void> {
  if (context.database.dialect === "postgres") await sql`select sequence from audit_head where id = 1 for update`.execute(trx);
}

export interface AssignmentView {
  item: string;
  /** The segment in force: the override's when there is one, else the uploaded one. */
  segment: string;
  assignedSegment: string;
  reasons: string[];
  override: { segment: string; reason: string; setBy: string; setAt: string } | null;
}

export interface AssignmentPage {
  definitionId: string;
  version: number | null;
  uploadId: string | null;
  committedAt: string | null;
  total: number;
  assignments: AssignmentView[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: string | null;
  etag: string;
}

export interface AssignmentQuery {
  items?: string[];
  segment?: string;
  version?: number;
  after?: string;
  limit: number;
}

export async function readAssignments(context: StoreContext, principal: Principal, id: string, query: AssignmentQuery): Promise<AssignmentPage> {
  const db = context.database.reader;
  await findDefinition(db, principal, id);
  if (query.version !== undefined) await findVersion(db, id, query.version);
  const [upload, newest] = await Promise.all([latestUpload(db, id, query.version), latestUpload(db, id)]);
  const etag = assignmentsEtag(id, newest?.commit_seq ?? 0);
  if (!upload) return { definitionId: id, version: query.version ?? null, uploadId: null, committedAt: null, total: 0, assignments: [], nextAfter: null, etag };
  let select = db
    .selectFrom("assignments as a")
    .leftJoin("overrides as o", (join) => join.onRef("o.item_id", "=", "a.item_id").on("o.definition_id", "=", id))
    .select(["a.item_id", "a.segment", "a.reasons", "o.segment as override_segment", "o.reason as override_reason", "o.set_by", "o.set_at"])
    .where("a.upload_key", "=", upload.key);
  if (query.items && query.items.length > 0) select = select.where("a.item_id", "in", query.items);
  if (query.segment !== undefined) select = select.where(sql<string>`coalesce(o.segment, a.segment)`, "=", query.segment);
  if (query.after !== undefined) select = select.where("a.item_id", ">", query.after);
  const rows = await select.orderBy("a.item_id").limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    definitionId: id,
    version: upload.version,
    uploadId: upload.id,
    committedAt: upload.committed_at,
    total: upload.item_count,
    assignments: page.map((row) => ({
      item: row.item_id,
      segment: row.override_segment ?? row.segment,
      assignedSegment: row.segment,
      reasons: JSON.parse(row.reasons) as string[],
      override: row.override_segment ? { segment: row.override_segment, reason: row.override_reason!, setBy: row.set_by!, setAt: row.set_at! } : null,
    })),
    nextAfter: rows.length > query.limit ? page[page.length - 1].item_id : null,
    etag,
  };
}

export interface AssignmentChange {
  item: string;
  change: "added" | "changed" | "removed";
  before: string | null;
  after: string | null;
  reasons: string[];
}

export interface ChangesPage {
  definitionId: string;
  from: { uploadId: string | null; version: number | null; committedAt: string | null };
  to: { uploadId: string | null; version: number | null; committedAt: string | null };
  changes: AssignmentChange[];
  nextAfter: string | null;
}

/**
 * What changed in the uploaded assignments since a version (its last upload) or a time (the
 * upload in force then): items added, removed or moved to another segment. Overrides are not
 * part of this feed; read them from /overrides.
 */
export async function readChanges(
  context: StoreContext,
  principal: Principal,
  id: string,
  since: { version?: number; time?: string },
  page: { after?: string; limit: number },
): Promise<ChangesPage> {
  const db = context.database.reader;
  await findDefinition(db, principal, id);
  if (since.version !== undefined) await findVersion(db, id, since.version);
  const current = await latestUpload(db, id);
  let base: AssignmentUploadsTable | undefined;
  if (since.version !== undefined) base = await latestUpload(db, id, since.version);
  else {
    const row = await db
      .selectFrom("assignment_uploads")
      .selectAll()
      .where("definition_id", "=", id)
      .where("committed_at", "<=", since.time!)
      .orderBy("commit_seq", "desc")
      .limit(1)
      .executeTakeFirst();
    base = row && { ...row, key: Number(row.key), version: Number(row.version) };
  }
  const ends = (upload: AssignmentUploadsTable | undefined) => ({ uploadId: upload?.id ?? null, version: upload ? Number(upload.version) : null, committedAt: upload?.committed_at ?? null });
  const result: ChangesPage = { definitionId: id, from: ends(base), to: ends(current), changes: [], nextAfter: null };
  if (!current || base?.id === current.id) return result;
  const after = page.after ?? "";
  const limit = page.limit;
  const baseKey = base?.key ?? -1;
  const addedOrChanged = await db
    .selectFrom("assignments as c")
    .leftJoin("assignments as b", (join) => join.onRef("b.item_id", "=", "c.item_id").on("b.upload_key", "=", baseKey))
    .select(["c.item_id as item", "b.segment as before", "c.segment as after", "c.reasons"])
    .where("c.upload_key", "=", current.key)
    .where("c.item_id", ">", after)
    .where((eb) => eb.or([eb("b.item_id", "is", null), eb("b.segment", "<>", eb.ref("c.segment"))]))
    .orderBy("c.item_id")
    .limit(limit)
    .execute();
  const removed = base
    ? await db
        .selectFrom("assignments as b")
        .leftJoin("assignments as c", (join) => join.onRef("c.item_id", "=", "b.item_id").on("c.upload_key", "=", current.key))
        .select(["b.item_id as item", "b.segment as before"])
        .where("b.upload_key", "=", baseKey)
        .where("b.item_id", ">", after)
        .where("c.item_id", "is", null)
        .orderBy("b.item_id")
        .limit(limit)
        .execute()
    : [];
  const merged: AssignmentChange[] = [
    ...addedOrChanged.map((row) => ({
      item: row.item,
      change: row.before === null ? ("added" as const) : ("changed" as const),
      before: row.before,
      after: row.after,
      reasons: JSON.parse(row.reasons) as string[],
    })),
    ...removed.map((row) => ({ item: row.item, change: "removed" as const, before: row.before, after: null, reasons: [] })),
  ].sort((a, b) => Buffer.compare(Buffer.from(a.item), Buffer.from(b.item))); // code-point order, as the database sorts
  result.changes = merged.slice(0, limit);
  const more = merged.length > limit || addedOrChanged.length === limit || removed.length === limit;
  result.nextAfter = more && result.changes.length > 0 ? result.changes[result.changes.length - 1].item : null;
  return result;
}
