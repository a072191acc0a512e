/** Rows as the API shows them, and the visibility rule every read and write goes through. */
import { Kysely, Transaction } from "kysely";
import { canSeeUnit, Principal } from "../auth/principal";
import { DialectName } from "../db/dialect";
import { Database, DefinitionsTable, DefinitionVersionsTable, VersionStatus } from "../db/tables";
import { notFound } from "../errors";

export interface VersionSummary {
  version: number;
  status: VersionStatus;
  digest: string;
  author: string;
  contributors: string[];
  createdAt: string;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  retiredAt: string | null;
}

export interface VersionDetail extends VersionSummary {
  definitionId: string;
  document: Record<string, unknown>;
}

export interface DefinitionView {
  id: string;
  name: string;
  businessUnit: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  /** The approved version, served as current; null when none is approved. */
  currentVersion: number | null;
  /** The open draft, if any. */
  draftVersion: number | null;
  versions: VersionSummary[];
}

export function toVersionSummary(row: DefinitionVersionsTable): VersionSummary {
  return {
    version: Number(row.version),
    status: row.status,
    digest: row.digest,
    author: row.author,
    contributors: JSON.parse(row.contributors) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    comment: row.comment,
    retiredAt: row.retired_at,
  };
}

export function toVersionDetail(row: DefinitionVersionsTable): VersionDetail {
  return { definitionId: row.definition_id, ...toVersionSummary(row), document: JSON.parse(row.document) as Record<string, unknown> };
}

export function toDefinitionView(definition: DefinitionsTable, versions: DefinitionVersionsTable[]): DefinitionView {
  const summaries = versions.map(toVersionSummary).sort((a, b) => a.version - b.version);
  return {
    id: definition.id,
    name: definition.name,
    businessUnit: definition.business_unit,
    createdBy: definition.created_by,
    createdAt: definition.created_at,
    updatedAt: definition.updated_at,
    revision: Number(definition.revision),
    currentVersion: summaries.find((v) => v.status === "approved")?.version ?? null,
    draftVersion: summaries.find((v) => v.status === "draft")?.version ?? null,
    versions: summaries,
  };
}

/**
 * The definition row, or 404 when it does not exist or lies outside the caller's business units
 * (the same answer, so ids of other units do not leak). `lock` takes the row lock on PostgreSQL,
 * which serialises concurrent writers of one definition.
 */
export async function findDefinition(
  db: Kysely<Database> | Transaction<Database>,
  principal: Principal,
  id: string,
  lock?: DialectName,
): Promise<DefinitionsTable> {
  let query = db.selectFrom("definitions").selectAll().where("id", "=", id);
  if (lock === "postgres") query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || !canSeeUnit(principal, row.business_unit)) throw notFound(`no definition ${JSON.stringify(id)} in your business units`, "/params/id");
  return { ...row, revision: Number(row.revision), overrides_revision: Number(row.overrides_revision) };
}

export async function findVersion(db: Kysely<Database> | Transaction<Database>, definitionId: string, version: number): Promise<DefinitionVersionsTable> {
  const row = await db
    .selectFrom("definition_versions")
    .selectAll()
    .where("definition_id", "=", definitionId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw notFound(`definition ${JSON.stringify(definitionId)} has no version ${version}`, "/params/version");
  return { ...row, version: Number(row.version) };
}

export async function listVersions(db: Kysely<Database> | Transaction<Database>, definitionId: string): Promise<DefinitionVersionsTable[]> {
  const rows = await db.selectFrom("definition_versions").selectAll().where("definition_id", "=", definitionId).orderBy("version").execute();
  return rows.map((row) => ({ ...row, version: Number(row.version) }));
}

/** The state an audit event digests for a version: what it is, not when it was read. */
export function versionState(row: DefinitionVersionsTable): Record<string, unknown> {
  return {
    definitionId: row.definition_id,
    version: Number(row.version),
    status: row.status,
    digest: row.digest,
    author: row.author,
    submittedBy: row.submitted_by,
    decidedBy: row.decided_by,
    comment: row.comment,
  };
}
