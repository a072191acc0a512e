/**
 * "Write to workbook": the working definition saved in the workbook (so =SEGMENT.ASSIGN(SegDef_<name>,
 * ...) works offline and travels with the file), then its Assignments, Summary and Policies tables
 * written to sheets named after it. src/excel decides where each table goes: a sheet it made before
 * for this definition is updated in place; a sheet of the user's in the way comes back as a conflict,
 * which is put to the user here (askConflict) and retried with their answer.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import type { StoredDefinition } from "../../excel/definitionStore";
import { WorkbookError } from "../../excel/errors";
import type { ResultOwner } from "../../excel/resultSheets";
import type { WorkbookGateway } from "../workbook/gateway";
import type { LiveFigures } from "./policyFigures";
import { PANE_RESULT_KINDS, type PaneResultKind, resultTable, toWriteColumns } from "./resultTables";

export interface ResultsConflict {
  kind: PaneResultKind;
  /** The sheet in the way. */
  sheetName: string;
  owner: ResultOwner | null;
  /** The question, in src/excel's words. */
  message: string;
  /** Where "rename" writes. */
  alternativeSheetName: string;
}

export type ConflictAnswer = "replace" | "rename" | "cancel";

export interface WrittenTable {
  kind: PaneResultKind;
  sheetName: string;
  tableName: string;
  rowCount: number;
  /** False when an earlier run's table was updated in place. */
  created: boolean;
}

export interface WriteProgress {
  done: number;
  total: number;
  message: string;
}

export interface WriteResultsOptions {
  askConflict(conflict: ResultsConflict): Promise<ConflictAnswer>;
  onProgress?(progress: WriteProgress): void;
  /** After each table is written (so a failure later can say what was written). */
  onTableWritten?(table: WrittenTable): void;
  signal?: AbortSignal;
}

export type WriteResultsOutcome =
  | { status: "written"; definition: StoredDefinition; tables: WrittenTable[] }
  /** The user answered Cancel to a conflict: that table and the ones after it were not written. */
  | { status: "declined"; definition: StoredDefinition; tables: WrittenTable[]; skipped: PaneResultKind }
  /** The Cancel button: stopped at the next chunk. */
  | { status: "cancelled"; definition: StoredDefinition | null; tables: WrittenTable[]; stopped: PaneResultKind | "definition" };

/** The definition as it is kept in the workbook: compact JSON (fewer cells), validated on load by parseDefinition. */
export function definitionJson(live: LiveFigures): string {
  return JSON.stringify(live.definition);
}

function isCancel(error: unknown): boolean {
  return error instanceof WorkbookError && error.kind === "cancelled";
}

export async function writeResults(
  workbook: WorkbookGateway,
  applied: ApplyResult,
  live: LiveFigures,
  options: WriteResultsOptions,
): Promise<WriteResultsOutcome> {
  const { signal } = options;
  const name = live.definition.name;
  const itemCount = applied.aggregated.table.ids.length;
  const rowsOf = (kind: PaneResultKind) => (kind === "Summary" ? live.definition.segments.length + 1 : itemCount);
  const total = PANE_RESULT_KINDS.reduce((sum, kind) => sum + rowsOf(kind), 0);
  const tables: WrittenTable[] = [];
  let before = 0;
  const report = (done: number, message: string) => options.onProgress?.({ done, total, message });

  if (signal?.aborted) return { status: "cancelled", definition: null, tables, stopped: "definition" };
  report(0, `Saving the definition "${name}" in the workbook`);
  const definition = await workbook.saveDefinition(name, definitionJson(live));

  for (const kind of PANE_RESULT_KINDS) {
    if (signal?.aborted) return { status: "cancelled", definition, tables, stopped: kind };
    report(before, `Preparing the ${kind.toLowerCase()}`);
    let columns;
    try {
      columns = await toWriteColumns(resultTable(kind, applied, live), signal);
    } catch (error) {
      if (isCancel(error)) return { status: "cancelled", definition, tables, stopped: kind };
      throw error;
    }
    report(before, `Writing the ${kind.toLowerCase()}`);
    const request = {
      definitionName: name,
      kind,
      columns,
      signal,
      onProgress: (rowsWritten: number) => report(before + rowsWritten, `Writing the ${kind.toLowerCase()}`),
    };
    try {
      let outcome = await workbook.writeResultTable({ ...request, onConflict: "ask" });
      if (outcome.status === "conflict") {
        const answer = await options.askConflict({
          kind,
          sheetName: outcome.sheetName,
          owner: outcome.owner,
          message: outcome.message,
          alternativeSheetName: outcome.alternativeSheetName,
        });
        if (answer === "cancel") return { status: "declined", definition, tables, skipped: kind };
        if (signal?.aborted) return { status: "cancelled", definition, tables, stopped: kind };
        outcome = await workbook.writeResultTable({ ...request, onConflict: answer });
        if (outcome.status === "conflict") {
          // Only a sheet created between the two requests could do this; say so rather than loop.
          throw new WorkbookError("conflict", `${outcome.message} (the workbook changed while writing; write again to be asked once more)`);
        }
      }
      const written: WrittenTable = {
        kind,
        sheetName: outcome.sheetName,
        tableName: outcome.tableName,
        rowCount: outcome.rowCount,
        created: outcome.created,
      };
      tables.push(written);
      options.onTableWritten?.(written);
    } catch (error) {
      if (isCancel(error)) return { status: "cancelled", definition, tables, stopped: kind };
      throw error;
    }
    before += rowsOf(kind);
    report(before, `Wrote the ${kind.toLowerCase()}`);
  }
  return { status: "written", definition, tables };
}
