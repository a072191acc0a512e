/**
 * Every error the store answers with has one shape, `{ error, message, path? }`: a stable code, a
 * sentence saying what to fix, and where (a JSON pointer into the request: /body/assignments/3/segment,
 * /params/id, /headers/if-match). This file maps schema failures, parser failures, engine errors and
 * the store's own refusals to that shape and a 4xx status; anything unexpected is a 500 whose details
 * go to the log only.
 */
import type { FastifyError } from "fastify";
import { SegmentError } from "../engine/errors";

export type ErrorCode =
  | "bad-request"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "gone"
  | "precondition-failed"
  | "precondition-required"
  | "payload-too-large"
  | "unsupported-media-type"
  | "invalid-definition"
  | "too-many-requests"
  | "internal";

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  path?: string;
}

export class StoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export const badRequest = (message: string, path?: string) => new StoreError(400, "bad-request", message, path);
export const unauthorized = (message: string) => new StoreError(401, "unauthorized", message);
export const forbidden = (message: string) => new StoreError(403, "forbidden", message);
export const notFound = (message: string, path?: string) => new StoreError(404, "not-found", message, path);
export const conflict = (message: string, path?: string) => new StoreError(409, "conflict", message, path);
export const preconditionFailed = (message: string) => new StoreError(412, "precondition-failed", message, "/headers/if-match");
export const preconditionRequired = (message: string) => new StoreError(428, "precondition-required", message, "/headers/if-match");

export const ERROR_SCHEMA = {
  $id: "Error",
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string", description: "A stable code: bad-request, not-found, precondition-failed, …" },
    message: { type: "string", description: "What is wrong and how to fix it." },
    path: { type: "string", description: "JSON pointer to the offending part of the request, e.g. /body/assignments/3/segment." },
  },
} as const;

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  parentSchema?: { description?: string };
  data?: unknown;
}

function quote(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(text.length > 60 ? text.slice(0, 57) + "..." : text);
}

/** One precise sentence for the first schema violation. */
export function describeValidation(context: string, errors: AjvError[]): ErrorBody {
  const first = errors[0];
  const at = `/${context}${first.instancePath}`;
  const what = context === "querystring" ? "query parameter" : context === "headers" ? "header" : "field";
  switch (first.keyword) {
    case "additionalProperties": {
      const name = String(first.params.additionalProperty);
      return { error: "bad-request", message: `unknown ${what} "${name}" in ${at}`, path: `${at}/${name}` };
    }
    case "required": {
      const name = String(first.params.missingProperty);
      return { error: "bad-request", message: `${at}/${name} is required`, path: `${at}/${name}` };
    }
    case "type":
      return { error: "bad-request", message: `${at} must be ${first.params.type}, got ${describeType(first.data)}`, path: at };
    case "pattern":
    case "format": {
      const expected = first.parentSchema?.description ?? `text matching ${first.params.pattern ?? first.params.format}`;
      return { error: "bad-request", message: `${at} must be ${expected}; got ${quote(first.data)}`, path: at };
    }
    case "enum":
      return {
        error: "bad-request",
        message: `${at} must be one of ${(first.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}; got ${quote(first.data)}`,
        path: at,
      };
    default:
      return { error: "bad-request", message: `${at} ${first.message ?? "is invalid"}`, path: at };
  }
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${quote(value)}`;
}

/** The status and body for any error thrown while handling a request. */
export function toErrorResponse(error: unknown, bodyLimitFor: () => number): { status: number; body: ErrorBody } {
  if (error instanceof StoreError) return { status: error.status, body: { error: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) } };
  if (error instanceof SegmentError) {
    const path = (error as SegmentError & { path?: unknown }).path;
    const status = error.kind === "not-found" ? 404 : 422;
    return {
      status,
      body: {
        error: status === 404 ? "not-found" : "invalid-definition",
        message: error.message,
        ...(typeof path === "string" ? { path: path.startsWith("/") ? `/body/document${path}` : path } : {}),
      },
    };
  }
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastifyError?.validation) return { status: 400, body: describeValidation(fastifyError.validationContext ?? "body", fastifyError.validation) };
  switch (fastifyError?.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, body: { error: "payload-too-large", message: `the request body is larger than the ${bodyLimitFor()}-byte limit of this route`, path: "/body" } };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, body: { error: "unsupported-media-type", message: "send the body as application/json", path: "/headers/content-type" } };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, body: { error: "bad-request", message: "the body is empty; send a JSON object", path: "/body" } };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status: 400, body: { error: "bad-request", message: `malformed JSON: ${fastifyError.message}`, path: "/body" } };
  }
  if (error instanceof SyntaxError && (fastifyError as { statusCode?: number }).statusCode === 400) {
    return { status: 400, body: { error: "bad-request", message: `malformed JSON: ${error.message}`, path: "/body" } };
  }
  const status = fastifyError?.statusCode;
  if (status === 429) return { status, body: { error: "too-many-requests", message: fastifyError.message } };
  if (status && status >= 400 && status < 500) {
    return { status, body: { error: status === 404 ? "not-found" : status === 413 ? "payload-too-large" : status === 415 ? "unsupported-media-type" : "bad-request", message: fastifyError.message } };
  }
  return { status: 500, body: { error: "internal", message: "the store failed to handle this request; the details are in its log" } };
}
