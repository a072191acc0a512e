/**
 * Is this workbook's copy of a definition the store's approved version? Workbooks keep a copy so
 * that =SEGMENT.ASSIGN() works offline; the store's approved version is what everyone else uses.
 * The copy is found by the definition's id (its name in the workbook may differ) and compared by
 * version number and by content, so a copy edited in the workbook after it was saved does not pass
 * for the approved one just because it carries the same number.
 */
import type { WorkbookGateway } from "../workbook/gateway";
import { diffDefinitions, type DefinitionChange } from "./definitionDiff";

export interface WorkbookCopy {
  /** Its name in the workbook (SegDef_<name> in formulas). */
  name: string;
  document: Record<string, unknown>;
}

export type WorkbookCopyStatus =
  | { kind: "no-approved"; copyVersion: number | null }
  | { kind: "no-copy"; approvedVersion: number }
  | { kind: "up-to-date"; version: number }
  /** The copy is an older version (or carries no version number). */
  | { kind: "behind"; copyVersion: number | null; approvedVersion: number; changes: DefinitionChange[] }
  /** The copy carries a later number than the approved version: a draft not approved yet. */
  | { kind: "ahead"; copyVersion: number; approvedVersion: number; changes: DefinitionChange[] }
  /** Same number, different content: edited in the workbook after it was saved. */
  | { kind: "differs"; version: number; changes: DefinitionChange[] };

const versionOf = (document: Record<string, unknown>): number | null => (typeof document.version === "number" ? document.version : null);

/** `changes` are what updating the copy to the approved version would change. */
export function compareWorkbookCopy(copy: WorkbookCopy | null, approved: { version: number; document: Record<string, unknown> } | null): WorkbookCopyStatus {
  if (!approved) return { kind: "no-approved", copyVersion: copy ? versionOf(copy.document) : null };
  if (!copy) return { kind: "no-copy", approvedVersion: approved.version };
  const copyVersion = versionOf(copy.document);
  const changes = diffDefinitions(copy.document, approved.document);
  if (copyVersion === approved.version) {
    return changes.length === 0 ? { kind: "up-to-date", version: copyVersion } : { kind: "differs", version: copyVersion, changes };
  }
  if (copyVersion !== null && copyVersion > approved.version) return { kind: "ahead", copyVersion, approvedVersion: approved.version, changes };
  return { kind: "behind", copyVersion, approvedVersion: approved.version, changes };
}

export function workbookCopyMessage(status: WorkbookCopyStatus): string {
  switch (status.kind) {
    case "no-approved":
      return status.copyVersion === null
        ? "The store has no approved version of this definition yet, and this workbook keeps no copy of it."
        : `The store has no approved version of this definition yet; this workbook's copy is version ${status.copyVersion}.`;
    case "no-copy":
      return `This workbook keeps no copy of this definition; the store's approved version is ${status.approvedVersion}.`;
    case "up-to-date":
      return `Up to date: this workbook's copy is the store's approved version ${status.version}.`;
    case "behind":
      return status.copyVersion === null
        ? `This workbook's copy carries no version number; the store's approved version is ${status.approvedVersion}.`
        : `This workbook's copy is version ${status.copyVersion}; the store's approved version is ${status.approvedVersion}.`;
    case "ahead":
      return `This workbook's copy is version ${status.copyVersion}, which is not approved; the store's approved version is ${status.approvedVersion}.`;
    case "differs":
      return `This workbook's copy says version ${status.version} but was changed after it was saved: it differs from the store's approved version ${status.version}.`;
  }
}

/**
 * The workbook's copy of definition `id`: the stored definition whose JSON has that id. A stored
 * definition that is not readable JSON is someone else's problem here and is skipped.
 */
export async function findWorkbookCopy(workbook: WorkbookGateway, id: string): Promise<WorkbookCopy | null> {
  const stored = await workbook.listDefinitions();
  // The name first: a copy the pane saved is named after the id.
  const ordered = [...stored].sort((a, b) => Number(b.name.toLowerCase() === id.toLowerCase()) - Number(a.name.toLowerCase() === id.toLowerCase()));
  for (const entry of ordered) {
    const text = await workbook.loadDefinition(entry.name);
    if (text === null) continue;
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      continue;
    }
    if (typeof document === "object" && document !== null && (document as { id?: unknown }).id === id) {
      return { name: entry.name, document: document as Record<string, unknown> };
    }
  }
  return null;
}
