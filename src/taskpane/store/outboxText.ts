/** Outbox entries in words, for the pane's "waiting to be sent" and "refused" lists. */
import type { OutboxEntry, OutboxOperation } from "../../sync/outbox";

function definitionLabel(document: unknown): string {
  const record = typeof document === "object" && document !== null ? (document as { id?: unknown; name?: unknown }) : {};
  const id = typeof record.id === "string" ? record.id : "a definition without id";
  return typeof record.name === "string" && record.name !== id ? `“${record.name}” (${id})` : id;
}

export function describeOperation(operation: OutboxOperation): string {
  switch (operation.kind) {
    case "submitForApproval":
      return `Submit ${definitionLabel(operation.document)} for approval`;
    case "createDefinition":
      return `Create ${definitionLabel(operation.document)} in the store`;
    case "saveDraft":
      return `Save the draft of ${operation.definitionId}`;
    case "submit":
      return `Submit version ${operation.version} of ${operation.definitionId}`;
    case "uploadAssignments":
      return `Upload ${operation.assignments.length.toLocaleString("en-US")} assignments of ${operation.definitionId} version ${operation.version}`;
    case "setOverride":
      return `Override item ${operation.item} of ${operation.definitionId} to ${operation.segment}`;
  }
}

/** "1 change waiting to be sent", "3 changes waiting to be sent". */
export function waitingSummary(count: number): string {
  return `${count} ${count === 1 ? "change" : "changes"} waiting to be sent`;
}

export function attemptsText(entry: OutboxEntry): string {
  if (entry.attempts === 0) return "not tried yet";
  return `tried ${entry.attempts} ${entry.attempts === 1 ? "time" : "times"}`;
}
