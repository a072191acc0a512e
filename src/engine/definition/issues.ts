/**
 * Turns schema validation issues into lines a planner can act on:
 * `segments[2].policy.serviceLevel: must be between 0 and 1 (write 95% as 0.95); got 95`.
 * Paths use JSON notation (0-based indexes), the form JSON editors and the store's API show.
 */
import type { z } from "zod";

const MAX_ISSUES = 10;
const DEFAULT_MESSAGE = /^(Invalid input|Invalid option|Too small|Too big|Invalid)/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? "(the document)" : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  const shown = JSON.stringify(value);
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown): { path: readonly PropertyKey[]; message: string }[] {
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...issue.path, key],
        message: "is not a field of this object; check its spelling (unknown fields are refused)",
      }));
    case "invalid_type": {
      if (value === undefined) return [{ path: issue.path, message: `is required (${issue.expected})` }];
      const base = DEFAULT_MESSAGE.test(issue.message) ? `must be ${issue.expected}` : issue.message;
      return [{ path: issue.path, message: `${base}; got ${describeValue(value)}` }];
    }
    case "invalid_union":
    case "invalid_value":
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
    case "custom": {
      if (value === undefined && issue.code !== "custom") return [{ path: issue.path, message: "is required" }];
      const scalar = value !== undefined && (typeof value !== "object" || value === null);
      const message = issue.code === "custom" || !scalar ? issue.message : `${issue.message}; got ${describeValue(value)}`;
      return [{ path: issue.path, message }];
    }
    default:
      return [{ path: issue.path, message: issue.message }];
  }
}

/** All issues as one message: "a: must ...; b: must ..." (the first ten, then a count). */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root: unknown): string {
  const lines: string[] = [];
  for (const issue of issues) {
    for (const { path, message } of issueMessage(issue, root)) lines.push(`${formatPath(path)}: ${message}`);
  }
  const unique = [...new Set(lines)];
  const shown = unique.slice(0, MAX_ISSUES).join("; ");
  return unique.length > MAX_ISSUES ? `${shown}; and ${unique.length - MAX_ISSUES} more problems` : shown;
}
