/** Manual overrides: list, set (approver, with a reason) and remove. */
import type { FastifyInstance } from "fastify";
import { principalOf } from "../auth/authorize";
import { StoreContext } from "../context";
import { requireIfMatch } from "../etag";
import { listOverrides, removeOverride, setOverride } from "../repo/overrides";
import { bearer, comment, definitionId, errorResponses, idParams, isoTime, itemId, normaliseTime, segmentIdText } from "./schemas";

const tags = ["overrides"];
const itemParams = { type: "object", required: ["id", "item"], additionalProperties: false, properties: { id: definitionId, item: itemId } } as const;
const overrideView = {
  type: "object",
  required: ["item", "segment", "reason", "setBy", "setAt"],
  properties: { item: { type: "string" }, segment: { type: "string" }, reason: { type: "string" }, setBy: { type: "string" }, setAt: { type: "string" } },
} as const;

export async function overrideRoutes(app: FastifyInstance, context: StoreContext): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: { since?: string } }>(
    "/definitions/:id/overrides",
    {
      schema: {
        tags,
        summary: "Manual overrides of the definition (those set after `since`, if given)",
        security: bearer,
        params: idParams,
        querystring: { type: "object", additionalProperties: false, properties: { since: isoTime } },
        response: {
          200: { type: "object", required: ["definitionId", "overrides"], properties: { definitionId: { type: "string" }, overrides: { type: "array", items: overrideView } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = await listOverrides(context, principalOf(request), request.params.id, request.query.since === undefined ? undefined : normaliseTime(request.query.since, "/querystring/since"));
      reply.header("etag", result.etag);
      return { definitionId: result.definitionId, overrides: result.overrides };
    },
  );

  app.put<{ Params: { id: string; item: string }; Body: { segment: string; reason: string } }>(
    "/definitions/:id/overrides/:item",
    {
      schema: {
        tags,
        summary: "Move one item to another segment of the approved version, with a reason (approver role)",
        description: "Needs If-Match with the ETag of GET /definitions/{id}/overrides. URL-encode the item id.",
        security: bearer,
        params: itemParams,
        body: { type: "object", required: ["segment", "reason"], additionalProperties: false, properties: { segment: segmentIdText, reason: comment } },
        response: { 200: overrideView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, item } = request.params;
      const result = await setOverride(context, principalOf(request), id, item, request.body, (current) =>
        requireIfMatch(request, current, `the overrides of definition ${id}`),
      );
      return reply.header("etag", result.etag).send(result.override);
    },
  );

  app.delete<{ Params: { id: string; item: string }; Body: { reason: string } }>(
    "/definitions/:id/overrides/:item",
    {
      schema: {
        tags,
        summary: "Remove an override, with a reason (approver role)",
        description: "Needs If-Match with the ETag of GET /definitions/{id}/overrides.",
        security: bearer,
        params: itemParams,
        body: { type: "object", required: ["reason"], additionalProperties: false, properties: { reason: comment } },
        response: { 204: { type: "null" }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, item } = request.params;
      const result = await removeOverride(context, principalOf(request), id, item, request.body.reason, (current) =>
        requireIfMatch(request, current, `the overrides of definition ${id}`),
      );
      return reply.code(204).header("etag", result.etag).send();
    },
  );
}
