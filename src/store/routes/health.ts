/** Liveness and readiness in one: answers 200 when the database answers, 503 when it does not. */
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { StoreContext } from "../context";

export async function healthRoutes(app: FastifyInstance, context: StoreContext): Promise<void> {
  app.get(
    "/health",
    {
      config: { rateLimit: false },
      schema: {
        tags: ["health"],
        summary: "Is the store up, and is its database reachable",
        response: {
          200: { type: "object", required: ["status", "database"], properties: { status: { type: "string" }, database: { type: "string" } } },
          503: { type: "object", required: ["status", "database"], properties: { status: { type: "string" }, database: { type: "string" }, message: { type: "string" } } },
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(context.database.reader);
        return { status: "ok", database: context.database.dialect };
      } catch (error) {
        request.log.error({ err: error }, "health check: the database does not answer");
        return reply.code(503).send({ status: "unavailable", database: context.database.dialect, message: "the database does not answer" });
      }
    },
  );
}
