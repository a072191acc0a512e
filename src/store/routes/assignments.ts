/**
 * Assignment routes. The bulk upload has its own body limit and its own JSON parser, which keeps
 * the SHA-256 of the raw body: that digest is what an Idempotency-Key replay is compared with and
 * what the audit event records.
 */
import type { FastifyInstance } from "fastify";
import { principalOf } from "../auth/authorize";
import { StoreContext } from "../context";
import { sha256Hex } from "../digest";
import { assignmentsEtag, notModified, requireIfMatch } from "../etag";
import { badRequest } from "../errors";
import { AssignmentRow } from "../repo/bulkInsert";
import { readAssignments, readChanges, uploadAssignments } from "../repo/assignments";
import { bearer, errorResponses, idempotencyKey, idParams, isoTime, itemId, limit, normaliseTime, segmentIdText, toInt, versionNumber, versionParams } from "./schemas";

declare module "fastify" {
  interface FastifyRequest {
    bodyDigest: string;
  }
}

const tags = ["assignments"];
const MAX_PAGE = 10_000;

const uploadResult = {
  type: "object",
  required: ["definitionId", "version", "uploadId", "count", "committedAt", "sequence", "replayed"],
  properties: {
    definitionId: { type: "string" },
    version: { type: "integer" },
    uploadId: { type: "string" },
    count: { type: "integer" },
    committedAt: { type: "string" },
    sequence: { type: "integer", description: "The upload's audit event; uploads commit in this order" },
    replayed: { type: "boolean", description: "True when this answers a retry of an earlier upload with the same Idempotency-Key" },
    etag: { type: "string" },
  },
} as const;

const assignmentView = {
  type: "object",
  required: ["item", "segment", "assignedSegment", "reasons", "override"],
  properties: {
    item: { type: "string" },
    segment: { type: "string", description: "The segment in force (the override's, if any)" },
    assignedSegment: { type: "string", description: "The segment as uploaded" },
    reasons: { type: "array", items: { type: "string" } },
    override: {
      type: ["object", "null"],
      properties: { segment: { type: "string" }, reason: { type: "string" }, setBy: { type: "string" }, setAt: { type: "string" } },
    },
  },
} as const;

const uploadEnd = {
  type: "object",
  properties: { uploadId: { type: ["string", "null"] }, version: { type: ["integer", "null"] }, committedAt: { type: ["string", "null"] } },
} as const;

export async function assignmentRoutes(app: FastifyInstance, context: StoreContext): Promise<void> {
  const bodyLimit = context.config.assignmentsBodyLimit;
  await app.register(async (scoped) => {
    scoped.decorateRequest("bodyDigest", "");
    scoped.removeContentTypeParser("application/json");
    scoped.addContentTypeParser("application/json", { parseAs: "buffer", bodyLimit }, (request, body, done) => {
      const bytes = body as Buffer;
      if (bytes.length === 0) return done(badRequest("the body is empty; send a JSON object with an assignments array", "/body"), undefined);
      request.bodyDigest = sha256Hex(bytes);
      try {
        done(null, JSON.parse(bytes.toString("utf8")));
      } catch (error) {
        done(badRequest(`malformed JSON: ${(error as Error).message}`, "/body"), undefined);
      }
    });

    scoped.put<{ Params: { id: string; version: string }; Body: { assignments: AssignmentRow[] }; Headers: { "idempotency-key": string } }>(
      "/definitions/:id/versions/:version/assignments",
      {
        bodyLimit,
        schema: {
          tags,
          summary: "Upload all assignments of an approved version (replaces the set in force, atomically)",
          description:
            "Needs an Idempotency-Key (a retry with the same key and body returns the first answer and writes nothing) and If-Match with the ETag of GET /definitions/{id}/assignments, or * to replace whatever is there.",
          security: bearer,
          params: versionParams,
          headers: { type: "object", required: ["idempotency-key"], properties: { "idempotency-key": idempotencyKey } },
          body: {
            type: "object",
            required: ["assignments"],
            additionalProperties: false,
            properties: {
              assignments: {
                type: "array",
                items: {
                  type: "object",
                  required: ["item", "segment"],
                  additionalProperties: false,
                  properties: {
                    item: itemId,
                    segment: segmentIdText,
                    reasons: { type: "array", maxItems: 50, items: { type: "string", maxLength: 1000 } },
                  },
                },
              },
            },
          },
          response: { 200: uploadResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const version = toInt(request.params.version);
        const total = request.body.assignments.length;
        let lastLogged = 0;
        const result = await uploadAssignments(context, principalOf(request), {
          definitionId: id,
          version,
          idempotencyKey: request.headers["idempotency-key"],
          requestDigest: request.bodyDigest,
          assignments: request.body.assignments,
          precondition: (current) => requireIfMatch(request, current, `the assignments of definition ${id}`, true),
          progress: (written) => {
            if (written - lastLogged >= 10_000 || written === total) {
              lastLogged = written;
              request.log.debug({ definitionId: id, version, written, total }, "assignments upload progress");
            }
          },
        });
        request.log.info({ definitionId: id, version, uploadId: result.uploadId, count: result.count, replayed: result.replayed }, "assignments upload committed");
        const etag = assignmentsEtag(id, result.sequence);
        return reply.header("etag", etag).send({ ...result, etag });
      },
    );
  });

  app.get<{ Params: { id: string }; Querystring: { item?: string | string[]; segment?: string; version?: string; after?: string; limit?: string } }>(
    "/definitions/:id/assignments",
    {
      schema: {
        tags,
        summary: "The assignments in force: all, by item or by segment, in pages ordered by item",
        security: bearer,
        params: idParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            item: { anyOf: [itemId, { type: "array", maxItems: 1000, items: itemId }] },
            segment: segmentIdText,
            version: versionNumber,
            after: itemId,
            limit: limit(MAX_PAGE),
          },
        },
        response: {
          200: {
            type: "object",
            required: ["definitionId", "assignments", "total", "nextAfter"],
            properties: {
              definitionId: { type: "string" },
              version: { type: ["integer", "null"] },
              uploadId: { type: ["string", "null"] },
              committedAt: { type: ["string", "null"] },
              total: { type: "integer" },
              assignments: { type: "array", items: assignmentView },
              nextAfter: { type: ["string", "null"] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const page = await readAssignments(context, principalOf(request), request.params.id, {
        items: query.item === undefined ? undefined : Array.isArray(query.item) ? query.item : [query.item],
        segment: query.segment,
        version: query.version === undefined ? undefined : toInt(query.version),
        after: query.after,
        limit: pageSize(query.limit, 1000),
      });
      reply.header("etag", page.etag);
      if (notModified(request, page.etag)) return reply.code(304).send();
      return page;
    },
  );

  app.get<{ Params: { id: string }; Querystring: { sinceVersion?: string; since?: string; after?: string; limit?: string } }>(
    "/definitions/:id/assignments/changes",
    {
      schema: {
        tags,
        summary: "Items added, removed or moved since a version or a time, for downstream systems to sync",
        description: "Give sinceVersion (compared with that version's last upload) or since (the upload in force at that time).",
        security: bearer,
        params: idParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { sinceVersion: versionNumber, since: isoTime, after: itemId, limit: limit(MAX_PAGE) },
        },
        response: {
          200: {
            type: "object",
            required: ["definitionId", "from", "to", "changes", "nextAfter"],
            properties: {
              definitionId: { type: "string" },
              from: uploadEnd,
              to: uploadEnd,
              changes: {
                type: "array",
                items: {
                  type: "object",
                  required: ["item", "change", "before", "after", "reasons"],
                  properties: {
                    item: { type: "string" },
                    change: { type: "string", enum: ["added", "changed", "removed"] },
                    before: { type: ["string", "null"] },
                    after: { type: ["string", "null"] },
                    reasons: { type: "array", items: { type: "string" } },
                  },
                },
              },
              nextAfter: { type: ["string", "null"] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { sinceVersion, since } = request.query;
      if ((sinceVersion === undefined) === (since === undefined)) throw badRequest("give exactly one of sinceVersion and since", "/querystring/sinceVersion");
      return readChanges(
        context,
        principalOf(request),
        request.params.id,
        // Stored times always carry milliseconds; normalise so "…:15Z" compares as "…:15.000Z".
        { version: sinceVersion === undefined ? undefined : toInt(sinceVersion), time: since === undefined ? undefined : normaliseTime(since, "/querystring/since") },
        { after: request.query.after, limit: pageSize(request.query.limit, 1000) },
      );
    },
  );
}

function pageSize(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = toInt(text);
  if (value > MAX_PAGE) throw badRequest(`limit must be at most ${MAX_PAGE}; got ${value}`, "/querystring/limit");
  return value;
}
