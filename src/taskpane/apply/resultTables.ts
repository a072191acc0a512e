/**
 * The three result tables the pane writes for a definition — Assignments, Summary and Policies — as
 * the columns src/excel writes. Assignments and Summary are the engine's tables, the same the command
 * line writes; every figure comes from the working definition's policies (LiveFigures), so what is
 * written is what the Policies view shows.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import { assignmentTable } from "../../engine/apply/assignmentTable";
import type { ResultFormat, ResultTable } from "../../engine/apply/resultTable";
import { segmentSummaryTable } from "../../engine/apply/segmentSummaryTable";
import { throwIfCancelled } from "../../excel/errors";
import type { ResultKind } from "../../excel/names";
import type { WriteColumn } from "../../excel/writer";
import { itemPolicyTable } from "./itemPolicyTable";
import type { LiveFigures } from "./policyFigures";

/** Excel number formats for the engine's result formats (the command line's workbook uses the same). */
export const EXCEL_FORMATS: Record<ResultFormat, string> = {
  integer: "#,##0",
  number: "#,##0.0",
  decimal: "#,##0.00",
  percent: "0.0%",
  ratio: "0.00",
};

/** Rows between two pauses while columns are built, so a million-row table leaves the pane responsive. */
export const ROWS_PER_SLICE = 20_000;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A result table as columns of values: numbers in a Float64Array (blank = NaN), texts in a list.
 * Built in slices of ROWS_PER_SLICE rows with a pause between them (and a check for cancel).
 */
export async function toWriteColumns(table: ResultTable, signal?: AbortSignal): Promise<WriteColumn[]> {
  const { rowCount, columns } = table;
  const numbers = columns.map((column) => (column.kind === "number" ? new Float64Array(rowCount) : null));
  const texts = columns.map((column) => (column.kind === "text" ? new Array<string | null>(rowCount) : null));
  for (let start = 0; start < rowCount; start += ROWS_PER_SLICE) {
    if (start > 0) {
      await pause();
      throwIfCancelled(signal, "write the results");
    }
    const end = Math.min(rowCount, start + ROWS_PER_SLICE);
    columns.forEach((column, c) => {
      const numberValues = numbers[c];
      const textValues = texts[c];
      for (let row = start; row < end; row++) {
        const value = column.cell(row);
        if (numberValues) numberValues[row] = typeof value === "number" ? value : NaN;
        else textValues![row] = value === null ? null : String(value);
      }
    });
  }
  return columns.map((column, c) =>
    column.kind === "number"
      ? { header: column.header, values: numbers[c]!, numberFormat: column.format ? EXCEL_FORMATS[column.format] : "General" }
      : { header: column.header, values: texts[c]! },
  );
}

export type PaneResultKind = Extract<ResultKind, "Assignments" | "Summary" | "Policies">;
export const PANE_RESULT_KINDS: readonly PaneResultKind[] = ["Assignments", "Summary", "Policies"];

/** The table of one kind, built when it is about to be written (a million-item table is large). */
export function resultTable(kind: PaneResultKind, applied: ApplyResult, live: LiveFigures): ResultTable {
  switch (kind) {
    case "Assignments":
      return assignmentTable({ ...applied, definition: live.definition, policy: live.policy });
    case "Summary":
      return segmentSummaryTable(live.definition, live.measures, live.kpis);
    case "Policies":
      return itemPolicyTable(applied, live);
  }
}
