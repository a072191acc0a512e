/**
 * The tables, as Kysely sees them. Times are ISO-8601 UTC text (`2025-03-01T12:00:00.000Z`) in both
 * databases, so they sort as text and hash the same everywhere; JSON columns are text.
 */
export interface TokensTable {
  id: string;
  /** The person or system the token stands for; the identity four-eyes compares. */
  name: string;
  role: string;
  /** JSON array of business units; ["*"] for every unit (enterprise). */
  units: string;
  /** SHA-256 of the secret part; the secret itself is never stored. */
  secret_hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

export interface DefinitionsTable {
  id: string;
  business_unit: string;
  name: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Bumped by every change to the definition or its versions: the ETag of /definitions/{id}. */
  revision: number;
  /** Bumped by every override change: the ETag of /definitions/{id}/overrides. */
  overrides_revision: number;
  /** The Idempotency-Key of the POST that created it, scoped to its creator. */
  idempotency_key: string | null;
}

export type VersionStatus = "draft" | "submitted" | "approved" | "rejected" | "retired";

export interface DefinitionVersionsTable {
  definition_id: string;
  version: number;
  status: VersionStatus;
  /** Canonical JSON of the segment definition document. */
  document: string;
  digest: string;
  author: string;
  /** JSON array of everyone who created, edited or submitted this version (none of them may approve it). */
  contributors: string;
  created_at: string;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
  retired_at: string | null;
}

export interface AssignmentUploadsTable {
  id: string;
  /** The compact key its assignment rows carry (from the upload counter). */
  key: number;
  definition_id: string;
  version: number;
  idempotency_key: string;
  request_digest: string;
  item_count: number;
  created_by: string;
  committed_at: string;
  /** The sequence of the upload's audit event: uploads commit in this order. */
  commit_seq: number;
}

export interface AssignmentsTable {
  upload_key: number;
  item_id: string;
  segment: string;
  /** JSON array of strings. */
  reasons: string;
}

export interface OverridesTable {
  definition_id: string;
  item_id: string;
  segment: string;
  reason: string;
  set_by: string;
  set_at: string;
}

export interface AuditEventsTable {
  sequence: number;
  time: string;
  actor: string;
  action: string;
  target: string;
  business_unit: string | null;
  before_digest: string | null;
  after_digest: string | null;
  /** Canonical JSON of extra facts (a comment, a count); part of the hash. */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** One row (id 1): the last sequence and hash. Locking it serialises appends to the chain. */
export interface AuditHeadTable {
  id: number;
  sequence: number;
  hash: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface Database {
  counters: CountersTable;
  tokens: TokensTable;
  definitions: DefinitionsTable;
  definition_versions: DefinitionVersionsTable;
  assignment_uploads: AssignmentUploadsTable;
  assignments: AssignmentsTable;
  overrides: OverridesTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}
