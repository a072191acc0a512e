/**
 * Manual overrides: an approver moves one item to another segment of the approved version, with a
 * reason. They sit on top of uploaded assignments (reads show both), survive new uploads, and every
 * change is an audit event. Their ETag is the definition's override revision.
 */
import { appendAudit } from "../audit/chain";
import { Principal } from "../auth/principal";
import { inTransaction, StoreContext } from "../context";
import { segmentIds } from "../documents";
import { overridesEtag } from "../etag";
import { conflict, notFound, StoreError } from "../errors";
import { Precondition } from "./definitions";
import { findDefinition } from "./views";

export interface OverrideView {
  item: string;
  segment: string;
  reason: string;
  setBy: string;
  setAt: string;
}

export async function listOverrides(
  context: StoreContext,
  principal: Principal,
  id: string,
  since?: string,
): Promise<{ definitionId: string; overrides: OverrideView[]; etag: string }> {
  const db = context.database.reader;
  const definition = await findDefinition(db, principal, id);
  let query = db.selectFrom("overrides").selectAll().where("definition_id", "=", id);
  if (since) query = query.where("set_at", ">", since);
  const rows = await query.orderBy("item_id").execute();
  return {
    definitionId: id,
    overrides: rows.map((row) => ({ item: row.item_id, segment: row.segment, reason: row.reason, setBy: row.set_by, setAt: row.set_at })),
    etag: overridesEtag(id, definition.overrides_revision),
  };
}

export async function setOverride(
  context: StoreContext,
  principal: Principal,
  id: string,
  item: string,
  change: { segment: string; reason: string },
  precondition: Precondition,
): Promise<{ override: OverrideView; etag: string }> {
  const dialect = context.database.dialect;
  return inTransaction(context, async (trx) => {
    const definition = await findDefinition(trx, principal, id, dialect);
    precondition(overridesEtag(id, definition.overrides_revision));
    const approved = await trx.selectFrom("definition_versions").select(["version", "document"]).where("definition_id", "=", id).where("status", "=", "approved").executeTakeFirst();
    if (!approved) throw conflict(`definition ${JSON.stringify(id)} has no approved version to override`, "/params/id");
    const allowed = segmentIds(approved.document);
    if (!allowed.includes(change.segment)) {
      throw new StoreError(422, "invalid-definition", `segment ${JSON.stringify(change.segment)} is not a segment of the approved version ${approved.version} (${allowed.join(", ")})`, "/body/segment");
    }
    const previous = await trx.selectFrom("overrides").selectAll().where("definition_id", "=", id).where("item_id", "=", item).executeTakeFirst();
    const now = context.now().toISOString();
    const row = { definition_id: id, item_id: item, segment: change.segment, reason: change.reason, set_by: principal.subject, set_at: now };
    if (previous) {
      await trx.updateTable("overrides").set({ segment: row.segment, reason: row.reason, set_by: row.set_by, set_at: now }).where("definition_id", "=", id).where("item_id", "=", item).execute();
    } else {
      await trx.insertInto("overrides").values(row).execute();
    }
    const revision = definition.overrides_revision + 1;
    await trx.updateTable("definitions").set({ overrides_revision: revision }).where("id", "=", id).where("overrides_revision", "=", definition.overrides_revision).execute();
    await appendAudit(
      trx,
      dialect,
      {
        actor: principal.subject,
        action: "override.set",
        target: `definition/${id}/overrides/${item}`,
        businessUnit: definition.business_unit,
        before: previous ? { item, segment: previous.segment, reason: previous.reason } : null,
        after: { item, segment: row.segment, reason: row.reason },
        detail: { segment: row.segment, reason: row.reason, version: Number(approved.version) },
      },
      context.now(),
    );
    return { override: { item, segment: row.segment, reason: row.reason, setBy: row.set_by, setAt: now }, etag: overridesEtag(id, revision) };
  });
}

export async function removeOverride(
  context: StoreContext,
  principal: Principal,
  id: string,
  item: string,
  reason: string,
  precondition: Precondition,
): Promise<{ etag: string }> {
  const dialect = context.database.dialect;
  return inTransaction(context, async (trx) => {
    const definition = await findDefinition(trx, principal, id, dialect);
    precondition(overridesEtag(id, definition.overrides_revision));
    const previous = await trx.selectFrom("overrides").selectAll().where("definition_id", "=", id).where("item_id", "=", item).executeTakeFirst();
    if (!previous) throw notFound(`definition ${JSON.stringify(id)} has no override for item ${JSON.stringify(item)}`, "/params/item");
    await trx.deleteFrom("overrides").where("definition_id", "=", id).where("item_id", "=", item).execute();
    const revision = definition.overrides_revision + 1;
    await trx.updateTable("definitions").set({ overrides_revision: revision }).where("id", "=", id).execute();
    await appendAudit(
      trx,
      dialect,
      {
        actor: principal.subject,
        action: "override.remove",
        target: `definition/${id}/overrides/${item}`,
        businessUnit: definition.business_unit,
        before: { item, segment: previous.segment, reason: previous.reason },
        after: null,
        detail: { reason },
      },
      context.now(),
    );
    return { etag: overridesEtag(id, revision) };
  });
}
