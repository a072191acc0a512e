/**
 * The Assignments sheet: one row per item, with its segment, how and why it got it, the features
 * that decided it and its policy figures (the engine's assignment table, which the task pane writes too).
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import { assignmentTable } from "../../engine/apply/assignmentTable";
import type { XlsxWriter } from "../io/xlsxWriter";
import { writeTableSheet } from "./tableSheet";

export async function writeAssignmentsSheet(writer: XlsxWriter, result: ApplyResult): Promise<number> {
  return writeTableSheet(writer, "Assignments", assignmentTable(result));
}
