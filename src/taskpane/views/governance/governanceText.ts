/**
 * The Governance view's words: who did what and when, each version's status, the audit trail as
 * sentences, and why a button is disabled. Pure, so the rules are tested on their own; the store
 * enforces the same rules (src/store/auth/authorize.ts, src/store/repo/workflow.ts) and its
 * refusal is shown word for word if the two ever disagree.
 */
import type { AuditEvent, Principal, VersionSummary } from "../../../sync/client";

export type VersionStatus = "draft" | "submitted" | "approved" | "rejected" | "retired";

export const STATUS_LABEL: Record<string, string> = {
  draft: "Draft",
  submitted: "Waiting for approval",
  approved: "Approved",
  rejected: "Rejected",
  retired: "Retired",
};

export const STATUS_COLOR: Record<string, "informative" | "warning" | "success" | "danger" | "subtle"> = {
  draft: "informative",
  submitted: "warning",
  approved: "success",
  rejected: "danger",
  retired: "subtle",
};

const AUTHOR_ROLES = ["analyst", "approver"];
const AUDIT_ROLES = ["approver", "admin"];

/** A principal's subject as people read it: "user:dana" → "dana". */
export function personOf(subject: string | null | undefined): string {
  if (!subject) return "someone";
  return subject.startsWith("user:") ? subject.slice("user:".length) : subject;
}

/** A date-time from the store in the reader's own format and zone. */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function unitsText(principal: Principal): string {
  return principal.units.includes("*") ? "every business unit" : principal.units.length === 0 ? "no business unit" : `business ${principal.units.length === 1 ? "unit" : "units"} ${principal.units.join(", ")}`;
}

/** One line on where a version stands: who wrote it, who submitted it, who decided and when. */
export function versionStory(version: VersionSummary): string {
  const parts = [`Written by ${personOf(version.author)} (${formatWhen(version.createdAt)})`];
  if (version.submittedBy) parts.push(`submitted by ${personOf(version.submittedBy)} (${formatWhen(version.submittedAt)})`);
  if (version.status === "approved" || (version.status === "retired" && version.decidedBy)) parts.push(`approved by ${personOf(version.decidedBy)} (${formatWhen(version.decidedAt)})`);
  if (version.status === "rejected") parts.push(`rejected by ${personOf(version.decidedBy)} (${formatWhen(version.decidedAt)})`);
  if (version.status === "retired") parts.push(`retired ${formatWhen(version.retiredAt)}`);
  return parts.join(", ") + ".";
}

/** Why the user cannot submit, or null when they can. Unknown role (the store is away): allowed, it is queued. */
export function submitBlocker(principal: Principal | null, hasDefinition: boolean): string | null {
  if (!hasDefinition) return "Design a definition first (Design view): the pane submits the definition you are working on.";
  if (principal && !AUTHOR_ROLES.includes(principal.role)) {
    return `Submitting needs the analyst or approver role; your token has the role ${principal.role}.`;
  }
  return null;
}

/** Why the user cannot approve `version`, or null. Mirrors the store's four-eyes rule. */
export function approveBlocker(principal: Principal | null, version: VersionSummary): string | null {
  if (!principal) return "Connect to the store to approve or reject.";
  if (principal.role !== "approver") return `Approving and rejecting need the approver role; your token has the role ${principal.role}.`;
  if (version.status !== "submitted") return `Version ${version.version} is ${STATUS_LABEL[version.status]?.toLowerCase() ?? version.status}; only a version waiting for approval can be approved.`;
  if (version.author === principal.subject || version.submittedBy === principal.subject || version.contributors.includes(principal.subject)) {
    return `Four eyes: you wrote or submitted version ${version.version}, so another approver must approve it.`;
  }
  return null;
}

/** Why the user cannot reject `version`, or null (an approver may withdraw a version they wrote). */
export function rejectBlocker(principal: Principal | null, version: VersionSummary): string | null {
  if (!principal) return "Connect to the store to approve or reject.";
  if (principal.role !== "approver") return `Approving and rejecting need the approver role; your token has the role ${principal.role}.`;
  if (version.status !== "submitted") return `Version ${version.version} is not waiting for approval.`;
  return null;
}

export function auditBlocker(principal: Principal | null): string | null {
  if (!principal) return "Connect to the store to read the audit trail.";
  if (!AUDIT_ROLES.includes(principal.role)) return `The audit trail is open to approvers and administrators; your token has the role ${principal.role}.`;
  return null;
}

const quoted = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? `“${value}”` : null);

/** An audit event as a sentence without its actor: "approved version 2: “fine”". */
export function auditSentence(event: AuditEvent, definitionId: string): string {
  const rest = event.target.startsWith(`definition/${definitionId}/`) ? event.target.slice(`definition/${definitionId}/`.length) : event.target;
  const version = /^version\/(\d+)/.exec(rest)?.[1];
  const item = rest.startsWith("overrides/") ? rest.slice("overrides/".length) : null;
  const detail = event.detail ?? {};
  const comment = quoted(detail.comment);
  switch (event.action) {
    case "definition.create":
      return `created the definition as version ${version} (draft)`;
    case "version.create":
      return `started version ${version} as a draft`;
    case "draft.update":
      return `edited the draft of version ${version}`;
    case "version.submit":
      return `submitted version ${version} for approval`;
    case "version.approve":
      return `approved version ${version}${comment ? `: ${comment}` : ""}`;
    case "version.reject":
      return `rejected version ${version}${comment ? `: ${comment}` : ""}`;
    case "version.retire":
      return typeof detail.supersededBy === "number"
        ? `retired version ${version} (version ${detail.supersededBy} replaced it)`
        : `retired version ${version}${comment ? `: ${comment}` : ""}`;
    case "assignments.upload":
      return `uploaded ${typeof detail.count === "number" ? detail.count.toLocaleString("en-US") : "the"} assignments of version ${version}`;
    case "override.set":
      return `put item ${item} in segment ${String(detail.segment)}${quoted(detail.reason) ? `: ${quoted(detail.reason)}` : ""}`;
    case "override.remove":
      return `removed the override of item ${item}${quoted(detail.reason) ? `: ${quoted(detail.reason)}` : ""}`;
    default:
      return `${event.action} on ${event.target}`;
  }
}
