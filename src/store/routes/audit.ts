/** The audit trail: read events (of your business units) and verify the whole chain. */
import type { FastifyInstance } from "fastify";
import { principalOf } from "../auth/authorize";
import { isEnterprise } from "../auth/principal";
import { toAuditEvent, verifySnapshot } from "../audit/chain";
import { StoreContext } from "../context";
import { badRequest } from "../errors";
import { bearer, errorResponses, limit, toInt } from "./schemas";

const tags = ["audit"];
const MAX_PAGE = 5000;
const sequence = { type: "string", pattern: "^[0-9]{1,10}$", description: "an event sequence number" } as const;

const auditEvent = {
  type: "object",
  required: ["sequence", "time", "actor", "action", "target", "prevHash", "hash"],
  properties: {
    sequence: { type: "integer" },
    time: { type: "string" },
    actor: { type: "string" },
    action: { type: "string" },
    target: { type: "string" },
    businessUnit: { type: ["string", "null"] },
    beforeDigest: { type: ["string", "null"] },
    afterDigest: { type: ["string", "null"] },
    detail: { type: "object", additionalProperties: true },
    prevHash: { type: "string" },
    hash: { type: "string" },
  },
} as const;

export async function auditRoutes(app: FastifyInstance, context: StoreContext): Promise<void> {
  app.get<{ Querystring: { after?: string; limit?: string; target?: string; action?: string } }>(
    "/audit",
    {
      schema: {
        tags,
        summary: "Audit events in order (those of your business units, unless enterprise-wide)",
        security: bearer,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            after: sequence,
            limit: limit(MAX_PAGE),
            target: { type: "string", maxLength: 300, description: "events of this target, or under it when it ends with /" },
            action: { type: "string", pattern: "^[a-z]+\\.[a-z]+$", description: "an action such as version.approve" },
          },
        },
        response: {
          200: { type: "object", required: ["events", "nextAfter"], properties: { events: { type: "array", items: auditEvent }, nextAfter: { type: ["integer", "null"] } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const pageSize = request.query.limit === undefined ? 1000 : toInt(request.query.limit);
      if (pageSize > MAX_PAGE) throw badRequest(`limit must be at most ${MAX_PAGE}; got ${pageSize}`, "/querystring/limit");
      let query = context.database.reader.selectFrom("audit_events").selectAll().where("sequence", ">", request.query.after === undefined ? 0 : toInt(request.query.after));
      const { target, action } = request.query;
      if (target !== undefined) query = target.endsWith("/") ? query.where("target", "like", target.replace(/[\\%_]/g, "\\$&") + "%") : query.where("target", "=", target);
      if (action !== undefined) query = query.where("action", "=", action);
      if (!isEnterprise(principal)) {
        if (principal.units.length === 0) return { events: [], nextAfter: null }; // a principal without units sees nothing
        query = query.where("business_unit", "in", principal.units);
      }
      const rows = await query.orderBy("sequence").limit(pageSize + 1).execute();
      const events = rows.slice(0, pageSize).map(toAuditEvent);
      return { events, nextAfter: rows.length > pageSize ? events[events.length - 1].sequence : null };
    },
  );

  app.get<{ Querystring: { anchorSequence?: string; anchorHash?: string } }>(
    "/audit/verify",
    {
      schema: {
        tags,
        summary: "Recompute the whole hash chain and name the first broken event",
        description: "Optionally check an anchor (a sequence and hash recorded earlier outside the store), which also catches a rewrite of the chain from there on.",
        security: bearer,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { anchorSequence: sequence, anchorHash: { type: "string", pattern: "^[0-9a-f]{64}$", description: "a SHA-256 hash in lower-case hex" } },
        },
        response: {
          200: {
            type: "object",
            required: ["ok", "events"],
            properties: {
              ok: { type: "boolean" },
              events: { type: "integer" },
              headSequence: { type: "integer" },
              headHash: { type: "string" },
              firstBrokenSequence: { type: "integer" },
              reason: { type: "string" },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { anchorSequence, anchorHash } = request.query;
      if ((anchorSequence === undefined) !== (anchorHash === undefined)) throw badRequest("give both anchorSequence and anchorHash, or neither", "/querystring/anchorHash");
      return verifySnapshot(context.database, anchorSequence === undefined ? undefined : { sequence: toInt(anchorSequence), hash: anchorHash! });
    },
  );
}
