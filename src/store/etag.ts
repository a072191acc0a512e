/**
 * Entity tags and optimistic concurrency. Each resource a client may change has a counter; its
 * ETag names the resource and the counter, so a tag copied from one definition never matches
 * another. Writes must send the tag they read in If-Match: a missing tag is 428, a stale one 412,
 * and the write itself re-checks the counter inside its transaction, so a race loses too.
 */
import type { FastifyRequest } from "fastify";
import { preconditionFailed, preconditionRequired } from "./errors";

export const definitionEtag = (id: string, revision: number) => `"${id}.r${revision}"`;
export const overridesEtag = (id: string, revision: number) => `"${id}.o${revision}"`;
/** The assignment set of a definition: the commit sequence of its latest upload (0 before any). */
export const assignmentsEtag = (id: string, commitSeq: number) => `"${id}.a${commitSeq}"`;
/** The approved version served as current: its number and the start of its digest. */
export const currentEtag = (id: string, version: number, digest: string) => `"${id}.v${version}.${digest.slice(0, 16)}"`;

/** The tags of an If-Match / If-None-Match header ("*" stays "*"); weak tags keep their W/ prefix. */
export function parseTagList(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(",") : header;
  if (!text) return [];
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/**
 * Throws 428 when the request has no If-Match, 412 when none of its tags is `current` (strong
 * comparison, RFC 9110 13.1.1). `*` matches when `allowAny`.
 */
export function requireIfMatch(request: FastifyRequest, current: string, what: string, allowAny = false): void {
  const tags = parseTagList(request.headers["if-match"]);
  if (tags.length === 0) {
    throw preconditionRequired(`this write needs an If-Match header with the ETag of ${what} (read it first; it is ${current} now)`);
  }
  if (allowAny && tags.includes("*")) return;
  if (!tags.includes(current)) {
    throw preconditionFailed(`${what} has changed since you read it (If-Match ${tags.join(", ")}, now ${current}); read it again and redo your change`);
  }
}

/** True when If-None-Match names `current` (weak comparison, as GET conditional requests use). */
export function notModified(request: FastifyRequest, current: string): boolean {
  const strip = (tag: string) => tag.replace(/^W\//, "");
  const tags = parseTagList(request.headers["if-none-match"]);
  return tags.includes("*") || tags.some((tag) => strip(tag) === strip(current));
}
