/**
 * Who may call what: the whole route × role matrix in one table. Every route the server registers
 * must have a row here (the server refuses to start otherwise), and a test walks the table.
 *
 * Roles are not nested: approvers review and approve but are also trusted to author; admins manage
 * tokens and read the audit trail but cannot approve (separation of duties). Business units narrow
 * every rule further: callers see and change only definitions of their units, except enterprise
 * principals (units ["*"]).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { StoreContext } from "../context";
import { forbidden, unauthorized } from "../errors";
import { createOidcVerifier, looksLikeJwt, OidcVerifier } from "./oidc";
import { Principal, Role } from "./principal";
import { authenticateToken } from "./tokens";

export type Access = "public" | readonly Role[];

const READ: readonly Role[] = ["viewer", "analyst", "approver", "admin"];
const AUTHOR: readonly Role[] = ["analyst", "approver"];
const APPROVE: readonly Role[] = ["approver"];
const AUDIT: readonly Role[] = ["approver", "admin"];
const ADMIN: readonly Role[] = ["admin"];

/** "METHOD url" (Fastify's url syntax) → who may call it. */
export const ROUTE_RULES: Readonly<Record<string, Access>> = {
  "GET /health": "public",
  "GET /openapi.json": "public",
  "OPTIONS *": "public", // CORS preflight
  "GET /me": READ,

  "GET /definitions": READ,
  "POST /definitions": AUTHOR,
  "GET /definitions/:id": READ,
  "PUT /definitions/:id/draft": AUTHOR,
  "GET /definitions/:id/versions": READ,
  "GET /definitions/:id/versions/:version": READ,
  "GET /definitions/:id/diff": READ,
  "GET /definitions/:id/current": READ,

  "POST /definitions/:id/versions/:version/submit": AUTHOR,
  "POST /definitions/:id/versions/:version/approve": APPROVE,
  "POST /definitions/:id/versions/:version/reject": APPROVE,
  "POST /definitions/:id/versions/:version/retire": APPROVE,

  "PUT /definitions/:id/versions/:version/assignments": AUTHOR,
  "GET /definitions/:id/assignments": READ,
  "GET /definitions/:id/assignments/changes": READ,

  "GET /definitions/:id/overrides": READ,
  "PUT /definitions/:id/overrides/:item": APPROVE,
  "DELETE /definitions/:id/overrides/:item": APPROVE,

  "GET /audit": AUDIT,
  "GET /audit/verify": AUDIT,

  "GET /tokens": ADMIN,
  "POST /tokens": ADMIN,
  "DELETE /tokens/:tokenId": ADMIN,
};

export function ruleFor(method: string, url: string): Access | undefined {
  return ROUTE_RULES[`${method} ${url}`];
}

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** The caller of an authenticated route (the hook has run, so it is there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized("this route needs a bearer token");
  return request.principal;
}

/**
 * Installs the rule of each route as it is registered (failing for a route without one) and the
 * onRequest hook that authenticates the caller and checks the role, before the body is even read.
 */
export function installAuthorization(app: FastifyInstance, context: StoreContext): void {
  const verifyOidc: OidcVerifier | undefined = context.config.oidc ? createOidcVerifier(context.config.oidc) : undefined;
  app.decorateRequest("principal", null);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const access = ruleFor(method, route.url);
      if (!access) throw new Error(`route ${method} ${route.url} has no authorisation rule in src/store/auth/authorize.ts`);
      route.config = { ...(route.config ?? {}), access };
    }
  });
  app.addHook("onRequest", async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === "public") return; // unknown routes fall through to 404
    const header = request.headers.authorization;
    const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) {
      reply.header("www-authenticate", 'Bearer realm="supply-segments"');
      throw unauthorized(header ? "the Authorization header must be: Bearer <token>" : "this route needs a bearer token (Authorization: Bearer <token>)");
    }
    let principal: Principal | null;
    if (looksLikeJwt(match[1])) {
      if (!verifyOidc) throw unauthorized("OpenID Connect tokens are not accepted: the store has no identity provider configured");
      principal = await verifyOidc(match[1]);
    } else {
      principal = await authenticateToken(context, match[1]);
    }
    if (!principal) {
      reply.header("www-authenticate", 'Bearer realm="supply-segments", error="invalid_token"');
      throw unauthorized("the bearer token is unknown or revoked");
    }
    request.principal = principal;
    if (!access.includes(principal.role)) {
      throw forbidden(`${request.method} ${request.routeOptions.url} needs the role ${access.join(" or ")}; your token has the role ${principal.role}`);
    }
  });
}
