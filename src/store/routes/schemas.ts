/**
 * JSON Schemas shared by the routes: path parameters, headers and the shapes of answers. Patterns
 * carry a description, which is what a client sees when its value does not match.
 */
import type {} from "@fastify/swagger"; // its FastifySchema fields: tags, summary, security
import { DEFINITION_ID_PATTERN } from "../documents";
import { NAME_PATTERN, ROLES, UNIT_PATTERN } from "../auth/principal";
import { badRequest } from "../errors";

export const definitionId = {
  type: "string",
  pattern: DEFINITION_ID_PATTERN,
  description: "a definition id: 1 to 64 letters, digits, '_', '-' or '.', starting with a letter or digit",
} as const;

export const versionNumber = {
  type: "string",
  pattern: "^[1-9][0-9]{0,8}$",
  description: "a version number (1, 2, …)",
} as const;

/** Item ids are opaque (pseudonymised customer ids, SKUs with slashes): anything but control characters. */
export const itemId = {
  type: "string",
  minLength: 1,
  maxLength: 200,
  pattern: "^[^\\u0000-\\u001f\\u007f]+$",
  description: "an item id: 1 to 200 characters without control characters",
} as const;

export const segmentIdText = { type: "string", minLength: 1, maxLength: 40, description: "a segment id of the definition" } as const;
export const unit = { type: "string", pattern: UNIT_PATTERN, description: "a business unit: letters, digits and . _ - (at most 64)" } as const;
export const isoTime = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$",
  description: "a UTC time such as 2025-03-01T12:00:00.000Z",
} as const;
export const limit = (max: number) => ({ type: "string", pattern: "^[1-9][0-9]{0,6}$", description: `a page size from 1 to ${max}` }) as const;
export const comment = { type: "string", minLength: 1, maxLength: 4000 } as const;
export const tokenName = { type: "string", pattern: NAME_PATTERN, description: "a name: letters, digits, spaces or . _ @ - (at most 100)" } as const;
export const role = { type: "string", enum: [...ROLES] } as const;

export const idempotencyKey = {
  type: "string",
  pattern: "^[A-Za-z0-9._:-]{1,200}$",
  description: "an Idempotency-Key: 1 to 200 letters, digits or . _ : -",
} as const;

export const idParams = { type: "object", required: ["id"], additionalProperties: false, properties: { id: definitionId } } as const;
export const versionParams = {
  type: "object",
  required: ["id", "version"],
  additionalProperties: false,
  properties: { id: definitionId, version: versionNumber },
} as const;

const nullableString = { type: ["string", "null"] } as const;

export const versionSummary = {
  type: "object",
  required: ["version", "status", "digest", "author", "contributors", "createdAt", "updatedAt"],
  properties: {
    version: { type: "integer" },
    status: { type: "string", enum: ["draft", "submitted", "approved", "rejected", "retired"] },
    digest: { type: "string", description: "SHA-256 of the document's canonical JSON" },
    author: { type: "string" },
    contributors: { type: "array", items: { type: "string" } },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
    submittedBy: nullableString,
    submittedAt: nullableString,
    decidedBy: nullableString,
    decidedAt: nullableString,
    comment: nullableString,
    retiredAt: nullableString,
  },
} as const;

export const versionDetail = {
  type: "object",
  required: [...versionSummary.required, "definitionId", "document"],
  properties: {
    definitionId: { type: "string" },
    ...versionSummary.properties,
    document: { type: "object", additionalProperties: true, description: "The SegmentDefinition (components.schemas.SegmentDefinition)" },
  },
} as const;

export const definitionView = {
  type: "object",
  required: ["id", "name", "businessUnit", "revision", "versions"],
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    businessUnit: { type: "string" },
    createdBy: { type: "string" },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
    revision: { type: "integer" },
    currentVersion: { type: ["integer", "null"] },
    draftVersion: { type: ["integer", "null"] },
    versions: { type: "array", items: versionSummary },
  },
} as const;

export const savedDefinition = {
  type: "object",
  required: ["id", "version", "status", "etag", "definition"],
  properties: {
    id: { type: "string" },
    version: { type: "integer" },
    status: { type: "string" },
    etag: { type: "string", description: "Send it as If-Match with the next write" },
    replayed: { type: "boolean" },
    definition: definitionView,
  },
} as const;

export const errorResponses = {
  400: { $ref: "Error#" },
  401: { $ref: "Error#" },
  403: { $ref: "Error#" },
  404: { $ref: "Error#" },
  409: { $ref: "Error#" },
  412: { $ref: "Error#" },
  413: { $ref: "Error#" },
  415: { $ref: "Error#" },
  422: { $ref: "Error#" },
  428: { $ref: "Error#" },
  429: { $ref: "Error#" },
} as const;

export const bearer = [{ bearer: [] as string[] }];

/** The version number of a validated path or query value. */
export const toInt = (text: string) => Number.parseInt(text, 10);

/** A validated isoTime as the store writes times (always with milliseconds), so text comparison is time order. */
export function normaliseTime(text: string, path: string): string {
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) throw badRequest(`${path} is not a real time: ${JSON.stringify(text)}`, path);
  return time.toISOString();
}
