/** Definitions and their versions: create, edit the draft, read, list, history and diff. */
import { Kysely, Transaction } from "kysely";
import { appendAudit } from "../audit/chain";
import { canSeeUnit, isEnterprise, Principal, UNIT_PATTERN } from "../auth/principal";
import { inTransaction, isUniqueViolation, StoreContext } from "../context";
import { Database, DefinitionVersionsTable } from "../db/tables";
import { Change, diffDocuments } from "../diff";
import { prepareDocument, stampDocument, type StoredDocument } from "../documents";
import { definitionEtag } from "../etag";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { DefinitionView, findDefinition, findVersion, listVersions, toDefinitionView, toVersionDetail, VersionDetail, versionState } from "./views";

/** Checks an If-Match header against the current ETag (see etag.ts requireIfMatch). */
export type Precondition = (currentEtag: string) => void;

export interface Saved {
  view: DefinitionView;
  version: number;
  etag: string;
  /** True when an Idempotency-Key replay returned what an earlier request created. */
  replayed?: boolean;
}

export async function readDefinition(context: StoreContext, principal: Principal, id: string): Promise<{ view: DefinitionView; etag: string }> {
  const db = context.database.reader;
  const definition = await findDefinition(db, principal, id);
  const view = toDefinitionView(definition, await listVersions(db, id));
  return { view, etag: definitionEtag(id, view.revision) };
}

export async function listDefinitions(context: StoreContext, principal: Principal, unit?: string): Promise<DefinitionView[]> {
  if (!isEnterprise(principal) && principal.units.length === 0) return []; // a principal without units sees nothing
  let query = context.database.reader.selectFrom("definitions").selectAll().orderBy("id");
  if (unit !== undefined) query = query.where("business_unit", "=", unit);
  if (!isEnterprise(principal)) query = query.where("business_unit", "in", principal.units);
  const definitions = await query.execute();
  if (definitions.length === 0) return [];
  const versions = await context.database.reader
    .selectFrom("definition_versions")
    .selectAll()
    .where(
      "definition_id",
      "in",
      definitions.map((d) => d.id),
    )
    .execute();
  const byDefinition = new Map<string, DefinitionVersionsTable[]>();
  for (const row of versions) byDefinition.set(row.definition_id, [...(byDefinition.get(row.definition_id) ?? []), row]);
  return definitions.map((d) => toDefinitionView(d, byDefinition.get(d.id) ?? []));
}

export async function createDefinition(
  context: StoreContext,
  principal: Principal,
  request: { document: unknown; businessUnit?: string; idempotencyKey?: string },
): Promise<Saved> {
  const replay = async (): Promise<Saved | undefined> => {
    if (!request.idempotencyKey) return undefined;
    const row = await context.database.db
      .selectFrom("definitions")
      .select("id")
      .where("created_by", "=", principal.subject)
      .where("idempotency_key", "=", request.idempotencyKey)
      .executeTakeFirst();
    if (!row) return undefined;
    const { view, etag } = await readDefinition(context, principal, row.id);
    return { view, etag, version: 1, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const parsed = prepareDocument(request.document, { version: 1 });
  const documentUnit = parsed.definition.scope.businessUnit;
  if (request.businessUnit !== undefined && documentUnit !== undefined && request.businessUnit !== documentUnit) {
    throw badRequest(`businessUnit ${JSON.stringify(request.businessUnit)} differs from the document's scope.businessUnit ${JSON.stringify(documentUnit)}`, "/body/businessUnit");
  }
  const unit = request.businessUnit ?? documentUnit;
  if (unit === undefined) throw badRequest("say which business unit the definition belongs to: businessUnit in the body or scope.businessUnit in the document", "/body/businessUnit");
  if (!new RegExp(UNIT_PATTERN).test(unit)) throw badRequest(`business unit must be letters, digits and . _ - (at most 64), got ${JSON.stringify(unit)}`, "/body/businessUnit");
  if (!canSeeUnit(principal, unit)) throw forbidden(`you can only create definitions in your business units (${principal.units.join(", ")}); not in ${unit}`);
  const prepared = stampDocument(parsed.definition, 1, unit);

  const id = prepared.definition.id;
  const now = context.now().toISOString();
  const version = newDraft(id, 1, prepared, principal.subject, now);
  try {
    await inTransaction(context, async (trx) => {
      await trx
        .insertInto("definitions")
        .values({
          id,
          business_unit: unit,
          name: prepared.definition.name,
          created_by: principal.subject,
          created_at: now,
          updated_at: now,
          revision: 1,
          overrides_revision: 0,
          idempotency_key: request.idempotencyKey ?? null,
        })
        .execute();
      await trx.insertInto("definition_versions").values(version).execute();
      await appendAudit(
        trx,
        context.database.dialect,
        { actor: principal.subject, action: "definition.create", target: `definition/${id}/version/1`, businessUnit: unit, before: null, after: versionState(version), detail: { name: prepared.definition.name } },
        context.now(),
      );
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await replay();
    if (raced) return raced;
    throw conflict(`a definition with id ${JSON.stringify(id)} already exists; change the document's id or edit that definition's draft`, "/body/document/id");
  }
  const { view, etag } = await readDefinition(context, principal, id);
  return { view, etag, version: 1 };
}

/**
 * Saves `document` as the open draft: updates the draft when there is one, else starts version
 * n+1. Submitted, approved, rejected and retired versions are never changed.
 */
export async function saveDraft(context: StoreContext, principal: Principal, id: string, document: unknown, precondition: Precondition): Promise<Saved> {
  const dialect = context.database.dialect;
  const version = await inTransaction(context, async (trx) => {
    const definition = await findDefinition(trx, principal, id, dialect);
    precondition(definitionEtag(id, definition.revision));
    const versions = await listVersions(trx, id);
    const draft = versions.find((v) => v.status === "draft");
    const number = draft ? draft.version : Math.max(0, ...versions.map((v) => v.version)) + 1;
    const prepared = prepareDocument(document, { version: number, id, businessUnit: definition.business_unit });
    if (draft && draft.digest === prepared.digest) return number; // nothing changed: no new revision, no event
    const now = context.now().toISOString();
    let before: Record<string, unknown> | null = null;
    let after: DefinitionVersionsTable;
    if (draft) {
      before = versionState(draft);
      const contributors = [...new Set([...(JSON.parse(draft.contributors) as string[]), principal.subject])];
      after = { ...draft, document: prepared.json, digest: prepared.digest, contributors: JSON.stringify(contributors), updated_at: now };
      await trx
        .updateTable("definition_versions")
        .set({ document: after.document, digest: after.digest, contributors: after.contributors, updated_at: now })
        .where("definition_id", "=", id)
        .where("version", "=", number)
        .where("status", "=", "draft")
        .execute();
    } else {
      after = newDraft(id, number, prepared, principal.subject, now);
      await trx.insertInto("definition_versions").values(after).execute();
    }
    await bumpRevision(trx, id, definition.revision, now, prepared.definition.name);
    await appendAudit(
      trx,
      dialect,
      {
        actor: principal.subject,
        action: draft ? "draft.update" : "version.create",
        target: `definition/${id}/version/${number}`,
        businessUnit: definition.business_unit,
        before,
        after: versionState(after),
      },
      context.now(),
    );
    return number;
  });
  const { view, etag } = await readDefinition(context, principal, id);
  return { view, etag, version };
}

/** Raises the revision from `expected`; the WHERE makes a concurrent writer that slipped past the lock lose. */
export async function bumpRevision(
  trx: Transaction<Database>,
  id: string,
  expected: number,
  now: string,
  name?: string,
): Promise<void> {
  const result = await trx
    .updateTable("definitions")
    .set({ revision: expected + 1, updated_at: now, ...(name !== undefined ? { name } : {}) })
    .where("id", "=", id)
    .where("revision", "=", expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict(`definition ${id} changed while this request ran; read it again`);
}

export async function readVersion(context: StoreContext, principal: Principal, id: string, version: number): Promise<VersionDetail> {
  const db = context.database.reader;
  await findDefinition(db, principal, id);
  return toVersionDetail(await findVersion(db, id, version));
}

/** The approved version: what workbooks and downstream systems use. */
export async function readCurrent(context: StoreContext, principal: Principal, id: string): Promise<VersionDetail> {
  const db = context.database.reader;
  await findDefinition(db, principal, id);
  const row = await db.selectFrom("definition_versions").selectAll().where("definition_id", "=", id).where("status", "=", "approved").executeTakeFirst();
  if (!row) throw notFound(`definition ${JSON.stringify(id)} has no approved version`, "/params/id");
  return toVersionDetail({ ...row, version: Number(row.version) });
}

export async function diffVersions(
  context: StoreContext,
  principal: Principal,
  id: string,
  from: number,
  to: number,
): Promise<{ definitionId: string; from: number; to: number; changes: Change[] }> {
  const db = context.database.reader;
  await findDefinition(db, principal, id);
  const [a, b] = await Promise.all([findVersionAt(db, id, from, "/querystring/from"), findVersionAt(db, id, to, "/querystring/to")]);
  return { definitionId: id, from, to, changes: diffDocuments(JSON.parse(a.document), JSON.parse(b.document)) };
}

async function findVersionAt(db: Kysely<Database>, id: string, version: number, path: string) {
  try {
    return await findVersion(db, id, version);
  } catch {
    throw notFound(`definition ${JSON.stringify(id)} has no version ${version}`, path);
  }
}

/** A new draft version row: written by its author alone, not yet submitted or decided. */
function newDraft(id: string, version: number, prepared: StoredDocument, author: string, now: string): DefinitionVersionsTable {
  return {
    definition_id: id,
    version,
    status: "draft",
    document: prepared.json,
    digest: prepared.digest,
    author,
    contributors: JSON.stringify([author]),
    created_at: now,
    updated_at: now,
    submitted_by: null,
    submitted_at: null,
    decided_by: null,
    decided_at: null,
    comment: null,
    retired_at: null,
  };
}
