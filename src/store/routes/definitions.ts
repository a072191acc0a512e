/** Definitions and versions: create, edit the draft, read, list, history, diff and the current version. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { principalOf } from "../auth/authorize";
import { StoreContext } from "../context";
import { currentEtag, notModified, requireIfMatch } from "../etag";
import { createDefinition, diffVersions, listDefinitions, readCurrent, readDefinition, readVersion, saveDraft, Saved } from "../repo/definitions";
import { listVersions, findDefinition, toVersionSummary } from "../repo/views";
import {
  bearer,
  definitionView,
  errorResponses,
  idempotencyKey,
  idParams,
  savedDefinition,
  toInt,
  unit,
  versionDetail,
  versionNumber,
  versionParams,
  versionSummary,
} from "./schemas";

const tags = ["definitions"];
const documentBody = { type: "object", description: "A SegmentDefinition (components.schemas.SegmentDefinition)" } as const;

export function savedBody(saved: Saved) {
  const version = saved.view.versions.find((v) => v.version === saved.version);
  return { id: saved.view.id, version: saved.version, status: version?.status ?? "draft", etag: saved.etag, ...(saved.replayed ? { replayed: true } : {}), definition: saved.view };
}

export function sendSaved(reply: FastifyReply, saved: Saved, status = 200) {
  return reply.code(status).header("etag", saved.etag).send(savedBody(saved));
}

export const ifMatchOf = (request: FastifyRequest, what: string) => (current: string) => requireIfMatch(request, current, what);

export async function definitionRoutes(app: FastifyInstance, context: StoreContext): Promise<void> {
  app.get<{ Querystring: { businessUnit?: string } }>(
    "/definitions",
    {
      schema: {
        tags,
        summary: "The definitions of your business units",
        security: bearer,
        querystring: { type: "object", additionalProperties: false, properties: { businessUnit: unit } },
        response: { 200: { type: "object", required: ["definitions"], properties: { definitions: { type: "array", items: definitionView } } }, ...errorResponses },
      },
    },
    async (request) => ({ definitions: await listDefinitions(context, principalOf(request), request.query.businessUnit) }),
  );

  app.post<{ Body: { document: unknown; businessUnit?: string }; Headers: { "idempotency-key"?: string } }>(
    "/definitions",
    {
      schema: {
        tags,
        summary: "Create a definition: its version 1, as a draft",
        description:
          "The definition's id is the document's id. businessUnit is required unless the document's scope names one. An optional Idempotency-Key makes a retried create return the first one's result.",
        security: bearer,
        headers: { type: "object", properties: { "idempotency-key": idempotencyKey } },
        body: {
          type: "object",
          required: ["document"],
          additionalProperties: false,
          properties: { document: documentBody, businessUnit: unit },
        },
        response: { 200: savedDefinition, 201: savedDefinition, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await createDefinition(context, principalOf(request), {
        document: request.body.document,
        businessUnit: request.body.businessUnit,
        idempotencyKey: request.headers["idempotency-key"],
      });
      reply.header("location", `/definitions/${encodeURIComponent(saved.view.id)}`);
      return sendSaved(reply, saved, saved.replayed ? 200 : 201);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/definitions/:id",
    { schema: { tags, summary: "A definition with its version history; the ETag to send with writes", security: bearer, params: idParams, response: { 200: definitionView, ...errorResponses } } },
    async (request, reply) => {
      const { view, etag } = await readDefinition(context, principalOf(request), request.params.id);
      reply.header("etag", etag);
      if (notModified(request, etag)) return reply.code(304).send();
      return view;
    },
  );

  app.put<{ Params: { id: string }; Body: { document: unknown } }>(
    "/definitions/:id/draft",
    {
      schema: {
        tags,
        summary: "Save the draft (starting a new version when none is open)",
        description: "Needs If-Match with the definition's ETag. Submitted and later versions never change.",
        security: bearer,
        params: idParams,
        body: { type: "object", required: ["document"], additionalProperties: false, properties: { document: documentBody } },
        response: { 200: savedDefinition, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const saved = await saveDraft(context, principalOf(request), id, request.body.document, ifMatchOf(request, `definition ${id}`));
      return sendSaved(reply, saved);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/definitions/:id/versions",
    {
      schema: {
        tags,
        summary: "Version history",
        security: bearer,
        params: idParams,
        response: { 200: { type: "object", required: ["definitionId", "versions"], properties: { definitionId: { type: "string" }, versions: { type: "array", items: versionSummary } } }, ...errorResponses },
      },
    },
    async (request) => {
      const db = context.database.reader;
      await findDefinition(db, principalOf(request), request.params.id);
      return { definitionId: request.params.id, versions: (await listVersions(db, request.params.id)).map(toVersionSummary) };
    },
  );

  app.get<{ Params: { id: string; version: string } }>(
    "/definitions/:id/versions/:version",
    { schema: { tags, summary: "One version with its document", security: bearer, params: versionParams, response: { 200: versionDetail, ...errorResponses } } },
    async (request) => readVersion(context, principalOf(request), request.params.id, toInt(request.params.version)),
  );

  app.get<{ Params: { id: string }; Querystring: { from: string; to: string } }>(
    "/definitions/:id/diff",
    {
      schema: {
        tags,
        summary: "What changed between two versions (JSON-pointer paths; segments matched by id)",
        security: bearer,
        params: idParams,
        querystring: { type: "object", required: ["from", "to"], additionalProperties: false, properties: { from: versionNumber, to: versionNumber } },
        response: {
          200: {
            type: "object",
            required: ["definitionId", "from", "to", "changes"],
            properties: {
              definitionId: { type: "string" },
              from: { type: "integer" },
              to: { type: "integer" },
              changes: {
                type: "array",
                items: { type: "object", required: ["path", "op"], properties: { path: { type: "string" }, op: { type: "string" }, before: {}, after: {} } },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => diffVersions(context, principalOf(request), request.params.id, toInt(request.query.from), toInt(request.query.to)),
  );

  app.get<{ Params: { id: string } }>(
    "/definitions/:id/current",
    {
      schema: {
        tags,
        summary: "The approved version: the one workbooks and downstream systems use",
        description: "Answers 304 to If-None-Match with the same ETag, so polling is cheap.",
        security: bearer,
        params: idParams,
        response: { 200: versionDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const current = await readCurrent(context, principalOf(request), request.params.id);
      const etag = currentEtag(current.definitionId, current.version, current.digest);
      reply.header("etag", etag);
      if (notModified(request, etag)) return reply.code(304).send();
      return current;
    },
  );
}
