/**
 * Submitting a definition for approval as one operation the offline outbox can keep: create the
 * definition (its version 1) or save the document as its open draft, then submit that version.
 *
 * The steps are separate requests, and any of them may be cut off with an unknown outcome; the
 * outbox then sends the whole operation again. So each send first reads where the definition
 * stands and skips what is already done: a create carries the outbox key as its Idempotency-Key (a
 * replay returns the definition created before), a draft already holding this document is submitted
 * without saving it again, and a version already submitted or approved with this document is the
 * answer (`unchanged`). Sending twice never makes two versions.
 *
 * Concurrency: `etag` is the definition's ETag when the user last saw it. If the definition
 * changed since, the store refuses the save (412) with its message, and the outbox keeps the
 * refusal for the user. A definition the user saw absent but someone else created meanwhile is
 * refused the same way (409), never overwritten.
 */
import { parseDefinition } from "../engine/definition/schema";
import { StoreClient, StoreRequestError } from "./client";
import type { DefinitionView, VersionSummary } from "./client";

export interface SubmitForApprovalRequest {
  /** A SegmentDefinition: its id is the definition's id in the store. */
  document: unknown;
  /** Needed when the definition is new and its scope names no business unit. */
  businessUnit?: string;
  /**
   * The definition's ETag when the user last saw it in the store; null when it was not in the
   * store then; absent when unknown (the store could not be reached).
   */
  etag?: string | null;
}

export interface SubmittedForApproval {
  id: string;
  /** The version now waiting for approval (or the one that already held this document). */
  version: number;
  /** "submitted", or the status of the version that already held this document. */
  status: string;
  etag: string;
  /** True when the store already held this document in a submitted or approved version: nothing was written. */
  unchanged: boolean;
  definition: DefinitionView;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(",")}}`;
  }
  return value === undefined ? "null" : JSON.stringify(value);
}

/** Whether a stored version's document is `document` as the store would have stored it (defaults filled, version and unit stamped). */
function storedAs(document: unknown, stored: Record<string, unknown>, businessUnit: string): boolean {
  let parsed;
  try {
    parsed = parseDefinition(document);
  } catch {
    return false; // the store will refuse it with the schema's message
  }
  const stamped = { ...parsed, version: stored.version, scope: { ...parsed.scope, businessUnit } };
  return canonical(stamped) === canonical(stored);
}

function idOf(document: unknown): string {
  const id = typeof document === "object" && document !== null ? (document as { id?: unknown }).id : undefined;
  if (typeof id !== "string" || id === "") {
    throw new StoreRequestError(422, "invalid-definition", "the definition has no id; give it one (letters, digits, '_', '-' or '.') before submitting it", "/body/document/id");
  }
  return id;
}

async function readOrNull(client: StoreClient, id: string): Promise<{ definition: DefinitionView; etag: string } | null> {
  try {
    return await client.getDefinition(id);
  } catch (error) {
    if (error instanceof StoreRequestError && error.status === 404) return null;
    throw error;
  }
}

const answer = (saved: { id: string; version: number; status: string; etag: string; definition: DefinitionView }, unchanged = false): SubmittedForApproval => ({
  id: saved.id,
  version: saved.version,
  status: saved.status,
  etag: saved.etag,
  unchanged,
  definition: saved.definition,
});

interface Standing {
  view: DefinitionView;
  etag: string;
  /** The newest version, when it holds this very document. */
  holding: VersionSummary | null;
}

/** Where the definition stands, and whether its newest version already holds the document. */
async function standing(client: StoreClient, id: string, document: unknown): Promise<Standing | null> {
  const read = await readOrNull(client, id);
  if (!read) return null;
  const latest = read.definition.versions.reduce<VersionSummary | null>((newest, v) => (newest === null || v.version > newest.version ? v : newest), null);
  if (!latest) return { view: read.definition, etag: read.etag, holding: null };
  const stored = await client.version(id, latest.version);
  return { view: read.definition, etag: read.etag, holding: storedAs(document, stored.document, read.definition.businessUnit) ? latest : null };
}

const done = (id: string, state: Standing, unchanged: boolean): SubmittedForApproval => ({
  id,
  version: state.holding!.version,
  status: state.holding!.status,
  etag: state.etag,
  unchanged,
  definition: state.view,
});

/** Creates or updates the definition and submits it; `key` is the operation's idempotency key. */
export async function submitForApproval(client: StoreClient, request: SubmitForApprovalRequest, key: string): Promise<SubmittedForApproval> {
  const id = idOf(request.document);
  const before = await standing(client, id, request.document);
  try {
    return await write(client, request, key, id, before);
  } catch (error) {
    // A write retried after its answer was lost finds the ETag moved on (412) or the version no
    // longer a draft (409). If the store now holds this document, that write was ours: finish it.
    if (!(error instanceof StoreRequestError) || (error.status !== 409 && error.status !== 412)) throw error;
    const after = await standing(client, id, request.document);
    const holding = after?.holding;
    if (!after || !holding) throw error;
    if (holding.status === "draft") return answer(await client.submit(id, holding.version, after.etag));
    if (holding.status === "submitted" || holding.status === "approved") return done(id, after, false);
    throw error;
  }
}

async function write(client: StoreClient, request: SubmitForApprovalRequest, key: string, id: string, state: Standing | null): Promise<SubmittedForApproval> {
  if (!state) {
    if (typeof request.etag === "string") {
      throw new StoreRequestError(
        404,
        "not-found",
        `definition "${id}" was in the store when you submitted, and is no longer there (or no longer in your business units); check with the store's administrator before submitting it again`,
        "/params/id",
      );
    }
    const created = await client.createDefinition(request.document, { businessUnit: request.businessUnit, idempotencyKey: key });
    if (created.status !== "draft") return answer(created, true); // a replay: an earlier send got further
    return answer(await client.submit(id, created.version, created.etag));
  }
  const { view, etag, holding } = state;
  if (holding?.status === "draft") return answer(await client.submit(id, holding.version, etag));
  if (holding && (holding.status === "submitted" || holding.status === "approved")) return done(id, state, true);
  if (request.etag === null) {
    throw new StoreRequestError(
      409,
      "conflict",
      `definition "${id}" was created in the store by ${view.createdBy} after you submitted yours; look at its versions, then submit again to propose your document as its next version`,
      "/body/document/id",
    );
  }
  const saved = await client.saveDraft(id, request.document, request.etag ?? etag);
  return answer(await client.submit(id, saved.version, saved.etag));
}
