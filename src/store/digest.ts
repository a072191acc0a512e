/**
 * Canonical JSON and SHA-256 digests. Audit hashes, document digests and idempotency checks all
 * need one byte-exact serialisation of a value, whatever order its keys were written in: keys are
 * sorted (by UTF-16 code units, as RFC 8785 does), no whitespace, numbers as JavaScript prints them.
 */
import { createHash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not JSON`);
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return "[" + value.map((element) => canonicalJson(element)).join(",") + "]";
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return "{" + keys.map((key) => JSON.stringify(key) + ":" + canonicalJson(record[key])).join(",") + "}";
}

export function sha256Hex(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** SHA-256 of the canonical JSON of `value`: the same for any two equal values. */
export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
