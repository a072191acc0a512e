/**
 * The documents the store holds are SegmentDefinitions, checked by the engine's own schema
 * (src/engine/definition); the store adds only what is about storing them: the definition id must
 * be usable in a URL and match the id it is stored under, the business unit must agree with the
 * definition's (and is written into scope.businessUnit), and `version` is the store's version number.
 */
import { parseDefinition, SegmentDefinition } from "../engine/definition/schema";
import { SegmentError } from "../engine/errors";
import { canonicalJson, sha256Hex } from "./digest";
import { StoreError } from "./errors";

export interface StoredDocument {
  definition: SegmentDefinition;
  /** Canonical JSON, as stored and digested. */
  json: string;
  digest: string;
}

/** What a definition id in a URL may be; the schema's segment-id rule is narrower still. */
export const DEFINITION_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";

const invalid = (message: string, path: string) => new StoreError(422, "invalid-definition", message, path);

/**
 * Validates `raw` and stamps the version. `expect.id` and `expect.businessUnit` are those of the
 * definition it belongs to (absent when creating it).
 */
export function prepareDocument(raw: unknown, expect: { version: number; id?: string; businessUnit?: string }): StoredDocument {
  let definition: SegmentDefinition;
  try {
    definition = parseDefinition(raw);
  } catch (error) {
    if (!(error instanceof SegmentError)) throw error;
    throw invalid(error.message, "/body/document" + firstIssuePointer(error.message));
  }
  if (!new RegExp(DEFINITION_ID_PATTERN).test(definition.id)) {
    throw invalid(`the definition id ${JSON.stringify(definition.id)} cannot be used in a URL; use letters, digits, '_', '-' and '.'`, "/body/document/id");
  }
  if (expect.id !== undefined && definition.id !== expect.id) {
    throw invalid(`the document's id is ${JSON.stringify(definition.id)} but it is saved to definition ${JSON.stringify(expect.id)}; ids cannot change`, "/body/document/id");
  }
  const documentUnit = definition.scope.businessUnit;
  if (expect.businessUnit !== undefined && documentUnit !== undefined && documentUnit !== expect.businessUnit) {
    throw invalid(
      `the document's scope.businessUnit is ${JSON.stringify(documentUnit)} but the definition belongs to ${JSON.stringify(expect.businessUnit)}`,
      "/body/document/scope/businessUnit",
    );
  }
  return stampDocument(definition, expect.version, expect.businessUnit);
}

/** The document as stored: the store's version number, and the definition's business unit in its scope. */
export function stampDocument(definition: SegmentDefinition, version: number, businessUnit?: string): StoredDocument {
  const stamped: SegmentDefinition = {
    ...definition,
    version,
    ...(businessUnit !== undefined ? { scope: { ...definition.scope, businessUnit } } : {}),
  };
  const json = canonicalJson(stamped);
  return { definition: stamped, json, digest: sha256Hex(json) };
}

/** The segment ids a stored document defines. */
export function segmentIds(documentJson: string): string[] {
  const document = JSON.parse(documentJson) as SegmentDefinition;
  return document.segments.map((segment) => segment.id);
}

/**
 * The JSON pointer of the first problem the engine names: its messages read
 * "invalid definition: segments[2].policy.serviceLevel: must be …" (JSON notation paths).
 */
export function firstIssuePointer(message: string): string {
  const match = /^invalid definition: ((?:[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]|\.)+): /.exec(message);
  if (!match) return "";
  const tokens = match[1].match(/[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]/g) ?? [];
  return tokens
    .map((token) => {
      const key = token.startsWith("[\"") ? (JSON.parse(token.slice(1, -1)) as string) : token.startsWith("[") ? token.slice(1, -1) : token;
      return "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
    })
    .join("");
}
