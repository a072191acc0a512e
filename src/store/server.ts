/**
 * buildServer: the store as a Fastify instance with its database open and migrated, every plugin
 * and route registered, and nothing listening (tests use app.inject(); `serve` calls listen()).
 *
 * Plugins, each owning one concern: security headers (helmet), CORS for the one configured add-in
 * origin, rate limiting, the OpenAPI document, authentication and the route × role rules, then the
 * routes of each resource.
 */
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import Fastify, { FastifyInstance, FastifyServerOptions } from "fastify";
import { definitionJsonSchema } from "../engine/definition/schema";
import { installAuthorization } from "./auth/authorize";
import { StoreConfig } from "./config";
import { StoreContext } from "./context";
import { openDatabase, StoreDatabase } from "./db/kysely";
import { sha256Hex } from "./digest";
import { ERROR_SCHEMA, toErrorResponse } from "./errors";
import { assignmentRoutes } from "./routes/assignments";
import { auditRoutes } from "./routes/audit";
import { definitionRoutes } from "./routes/definitions";
import { healthRoutes } from "./routes/health";
import { overrideRoutes } from "./routes/overrides";
import { tokenRoutes } from "./routes/tokens";
import { workflowRoutes } from "./routes/workflow";

export const STORE_API_VERSION = "1.0.0";

export interface BuildOptions {
  config: StoreConfig;
  /** An open database; when absent the server opens (and on close, closes) its own. */
  database?: StoreDatabase;
  /** The clock (tests pin it). */
  now?: () => Date;
  /** Fastify logger setting; default: pino at config.logLevel, JSON lines on stdout. */
  logger?: FastifyServerOptions["logger"];
}

declare module "fastify" {
  interface FastifyInstance {
    store: StoreContext;
  }
}

export async function buildServer(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const ownsDatabase = !options.database;
  const database = options.database ?? (await openDatabase(config));
  const context: StoreContext = { database, config, now: options.now ?? (() => new Date()) };

  const app = Fastify({
    logger:
      options.logger ??
      (config.logLevel === "silent" ? false : { level: config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie"] }),
    bodyLimit: config.bodyLimit,
    exposeHeadRoutes: false,
    routerOptions: { maxParamLength: 2500 },
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: true, allErrors: false, verbose: true } },
  });
  app.decorate("store", context);
  if (ownsDatabase) app.addHook("onClose", async () => database.close());

  app.addSchema(ERROR_SCHEMA);
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error, () => request.routeOptions.bodyLimit ?? config.bodyLimit);
    if (status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ status, error: body.error, path: body.path }, body.message);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.length > 200 ? request.url.slice(0, 200) + "…" : request.url;
    return reply.code(404).send({ error: "not-found", message: `no route ${request.method} ${url}; see GET /openapi.json` });
  });

  await app.register(helmet, { global: true });
  await app.register(cors, {
    // A list, so only that origin is echoed back; any other gets no CORS headers at all.
    origin: config.allowedOrigin ? [config.allowedOrigin] : false,
    methods: ["GET", "POST", "PUT", "DELETE"],
    allowedHeaders: ["Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key"],
    exposedHeaders: ["ETag", "Location", "Retry-After"],
    maxAge: 600,
  });
  if (config.rateLimitPerMinute !== false) {
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // Per token when one is presented (offices share addresses behind NAT), else per address.
      keyGenerator: (request) => (typeof request.headers.authorization === "string" ? "t:" + sha256Hex(request.headers.authorization).slice(0, 32) : "ip:" + request.ip),
      errorResponseBuilder: (_request, limit) => ({
        statusCode: 429,
        message: `too many requests: at most ${limit.max} a minute; retry in ${limit.after}`,
      }),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Supply Segments shared store",
        version: STORE_API_VERSION,
        description:
          "Governed segment definitions, four-eyes approval, assignment sync and a hash-chained audit trail. Errors are { error, message, path? }. Writes need If-Match with the ETag of what they change.",
      },
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A store token (sst_…) or, when configured, an OpenID Connect JWT" } },
        schemas: { SegmentDefinition: documentSchema() },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === "string" ? json.$id : `schema${i}`) },
  });

  installAuthorization(app, context);

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (routes) => {
    await healthRoutes(routes, context);
    await tokenRoutes(routes, context);
    await definitionRoutes(routes, context);
    await workflowRoutes(routes, context);
    await assignmentRoutes(routes, context);
    await overrideRoutes(routes, context);
    await auditRoutes(routes, context);
  });
  return app;
}

/** The engine's JSON Schema of a definition, for the OpenAPI document only (validation uses parseDefinition). */
function documentSchema(): Record<string, unknown> {
  try {
    const { $schema: _dialect, ...schema } = definitionJsonSchema();
    return schema;
  } catch {
    return { type: "object", description: "A SegmentDefinition; see src/engine/definition/schema.ts" };
  }
}
