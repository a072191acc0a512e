/**
 * The chosen data's lines, converted once per choice: the Data view's readiness, its "Show in sheet"
 * buttons and every apply of a definition read the same SheetLines until the planner reads other
 * data or maps the columns differently (either makes a new ChosenData).
 */
import type { ChosenData } from "../dataset";
import { linesFromSheet, type SheetLines } from "./sheetLines";

const converted = new WeakMap<ChosenData, SheetLines>();

/** The chosen data as lines; throws (a SegmentError saying what to map) when a required role is not mapped. */
export function chosenLines(chosen: ChosenData): SheetLines {
  let lines = converted.get(chosen);
  if (!lines) {
    lines = linesFromSheet(chosen.data, chosen.roles);
    converted.set(chosen, lines);
  }
  return lines;
}
