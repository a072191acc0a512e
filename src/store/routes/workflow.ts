/** The approval workflow routes: submit, approve, reject (with a comment), retire. */
import type { FastifyInstance } from "fastify";
import { principalOf } from "../auth/authorize";
import { StoreContext } from "../context";
import { transition, WorkflowAction } from "../repo/workflow";
import { ifMatchOf, sendSaved } from "./definitions";
import { bearer, comment, errorResponses, savedDefinition, toInt, versionParams } from "./schemas";

const SUMMARIES: Record<WorkflowAction, string> = {
  submit: "Submit a draft for approval; it can no longer change",
  approve: "Approve a submitted version (approver role; not its author, editor or submitter). The version approved before it retires.",
  reject: "Reject a submitted version, with a comment saying what to change",
  retire: "Retire the approved version: it is no longer served as current",
};

export async function workflowRoutes(app: FastifyInstance, context: StoreContext): Promise<void> {
  for (const action of ["submit", "approve", "reject", "retire"] as const) {
    app.post<{ Params: { id: string; version: string }; Body: { comment?: string } | undefined }>(
      `/definitions/:id/versions/:version/${action}`,
      {
        schema: {
          tags: ["workflow"],
          summary: SUMMARIES[action],
          description: "Needs If-Match with the definition's ETag.",
          security: bearer,
          params: versionParams,
          body: {
            // Only a rejection needs a body; the other steps may be sent without one.
            type: action === "reject" ? "object" : ["object", "null"],
            additionalProperties: false,
            ...(action === "reject" ? { required: ["comment"] } : {}),
            properties: { comment },
          },
          response: { 200: savedDefinition, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const saved = await transition(context, principalOf(request), id, toInt(request.params.version), action, ifMatchOf(request, `definition ${id}`), request.body?.comment);
        return sendSaved(reply, saved);
      },
    );
  }
}
