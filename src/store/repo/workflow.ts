/**
 * The approval workflow: draft → submitted → approved | rejected; approved → retired (by hand, or
 * when a newer version is approved). Four eyes: nobody who created, edited or submitted a version
 * may approve it. Each step runs in one transaction that locks the definition, checks If-Match,
 * changes the version and appends the audit event, so of two concurrent approvals one wins and the
 * other gets 412 (stale ETag) or 409 (no longer submitted).
 */
import { Transaction } from "kysely";
import { appendAudit, AuditEntry } from "../audit/chain";
import { Principal } from "../auth/principal";
import { inTransaction, StoreContext } from "../context";
import { Database, DefinitionVersionsTable, VersionStatus } from "../db/tables";
import { definitionEtag } from "../etag";
import { badRequest, conflict, forbidden } from "../errors";
import { bumpRevision, Precondition, readDefinition, Saved } from "./definitions";
import { findDefinition, findVersion, listVersions, versionState } from "./views";

export type WorkflowAction = "submit" | "approve" | "reject" | "retire";

const REQUIRED_STATUS: Record<WorkflowAction, VersionStatus> = {
  submit: "draft",
  approve: "submitted",
  reject: "submitted",
  retire: "approved",
};

const ACTION_WORD: Record<WorkflowAction, string> = { submit: "submitted", approve: "approved", reject: "rejected", retire: "retired" };

export async function transition(
  context: StoreContext,
  principal: Principal,
  id: string,
  version: number,
  action: WorkflowAction,
  precondition: Precondition,
  comment?: string,
): Promise<Saved> {
  const dialect = context.database.dialect;
  await inTransaction(context, async (trx) => {
    const definition = await findDefinition(trx, principal, id, dialect);
    precondition(definitionEtag(id, definition.revision));
    const row = await findVersion(trx, id, version);
    if (row.status !== REQUIRED_STATUS[action]) {
      throw conflict(`version ${version} is ${row.status}; only a ${REQUIRED_STATUS[action]} version can be ${ACTION_WORD[action]}`, "/params/version");
    }
    if (action === "reject" && !comment?.trim()) throw badRequest("a rejection needs a comment saying what to change", "/body/comment");
    const now = context.now().toISOString();
    const events: AuditEntry[] = [];
    const update = async (from: DefinitionVersionsTable, changes: Partial<DefinitionVersionsTable>, entry: Omit<AuditEntry, "before" | "after" | "businessUnit">) => {
      await trx.updateTable("definition_versions").set(changes).where("definition_id", "=", id).where("version", "=", from.version).where("status", "=", from.status).execute();
      events.push({ ...entry, businessUnit: definition.business_unit, before: versionState(from), after: versionState({ ...from, ...changes }) });
    };
    const target = `definition/${id}/version/${version}`;

    if (action === "submit") {
      const contributors = [...new Set([...(JSON.parse(row.contributors) as string[]), principal.subject])];
      await update(row, { status: "submitted", submitted_by: principal.subject, submitted_at: now, contributors: JSON.stringify(contributors), updated_at: now }, { actor: principal.subject, action: "version.submit", target });
    } else if (action === "approve") {
      const contributors = JSON.parse(row.contributors) as string[];
      if (contributors.includes(principal.subject) || row.submitted_by === principal.subject) {
        throw forbidden(`four eyes: you wrote or submitted version ${version}, so another approver must approve it`);
      }
      const approved = (await listVersions(trx, id)).find((v) => v.status === "approved");
      if (approved && approved.version > version) {
        throw conflict(`version ${approved.version} is already approved and newer than version ${version}; reject version ${version} instead`, "/params/version");
      }
      if (approved) {
        await update(approved, { status: "retired", retired_at: now, updated_at: now }, {
          actor: principal.subject,
          action: "version.retire",
          target: `definition/${id}/version/${approved.version}`,
          detail: { supersededBy: version },
        });
      }
      await update(row, { status: "approved", decided_by: principal.subject, decided_at: now, comment: comment ?? null, updated_at: now }, {
        actor: principal.subject,
        action: "version.approve",
        target,
        detail: comment ? { comment } : {},
      });
    } else if (action === "reject") {
      await update(row, { status: "rejected", decided_by: principal.subject, decided_at: now, comment: comment!, updated_at: now }, {
        actor: principal.subject,
        action: "version.reject",
        target,
        detail: { comment: comment! },
      });
    } else {
      // The version keeps its approval comment; why it was retired goes to the audit event.
      await update(row, { status: "retired", retired_at: now, updated_at: now }, {
        actor: principal.subject,
        action: "version.retire",
        target,
        detail: comment ? { comment } : {},
      });
    }
    await bumpRevision(trx, id, definition.revision, now);
    await appendAll(trx, context, events);
  });
  const { view, etag } = await readDefinition(context, principal, id);
  return { view, etag, version };
}

async function appendAll(trx: Transaction<Database>, context: StoreContext, events: AuditEntry[]): Promise<void> {
  for (const event of events) await appendAudit(trx, context.database.dialect, event, context.now());
}
