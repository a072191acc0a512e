/** Token management for admins: issue (shown once), list, revoke. And /me for everyone. */
import type { FastifyInstance } from "fastify";
import { principalOf } from "../auth/authorize";
import { createToken, listTokens, revokeToken } from "../auth/tokens";
import { StoreContext } from "../context";
import { bearer, errorResponses, role, tokenName, unit } from "./schemas";

const tags = ["tokens"];
const tokenInfo = {
  type: "object",
  required: ["id", "name", "role", "units", "createdAt", "createdBy", "revokedAt"],
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    units: { type: "array", items: { type: "string" } },
    createdAt: { type: "string" },
    createdBy: { type: "string" },
    revokedAt: { type: ["string", "null"] },
  },
} as const;

export async function tokenRoutes(app: FastifyInstance, context: StoreContext): Promise<void> {
  app.get(
    "/me",
    {
      schema: {
        tags,
        summary: "Who the store takes you for: identity, role and business units",
        security: bearer,
        response: {
          200: {
            type: "object",
            required: ["subject", "name", "role", "units", "via"],
            properties: { subject: { type: "string" }, name: { type: "string" }, role: { type: "string" }, units: { type: "array", items: { type: "string" } }, via: { type: "string" } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => principalOf(request),
  );

  app.get(
    "/tokens",
    { schema: { tags, summary: "Tokens (of your business units, unless enterprise-wide)", security: bearer, response: { 200: { type: "object", required: ["tokens"], properties: { tokens: { type: "array", items: tokenInfo } } }, ...errorResponses } } },
    async (request) => ({ tokens: await listTokens(context, principalOf(request)) }),
  );

  app.post<{ Body: { name: string; role: string; units?: string[] } }>(
    "/tokens",
    {
      schema: {
        tags,
        summary: "Issue a token; the secret is in this answer only",
        description: "units: the business units (omit, or [\"*\"], for every unit: only enterprise admins may grant that).",
        security: bearer,
        body: {
          type: "object",
          required: ["name", "role"],
          additionalProperties: false,
          properties: { name: tokenName, role, units: { type: "array", maxItems: 100, items: { anyOf: [unit, { const: "*" }] } } },
        },
        response: { 201: { ...tokenInfo, required: [...tokenInfo.required, "token"], properties: { ...tokenInfo.properties, token: { type: "string" } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const created = await createToken(context, request.body, principal.subject, principal);
      return reply.code(201).header("cache-control", "no-store").send(created);
    },
  );

  app.delete<{ Params: { tokenId: string } }>(
    "/tokens/:tokenId",
    {
      schema: {
        tags,
        summary: "Revoke a token (idempotent)",
        security: bearer,
        params: { type: "object", required: ["tokenId"], additionalProperties: false, properties: { tokenId: { type: "string", pattern: "^[a-z0-9]{16}$", description: "a token id (16 lower-case letters or digits)" } } },
        response: { 200: tokenInfo, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return revokeToken(context, request.params.tokenId, principal.subject, principal);
    },
  );
}
