/**
 * How usable a column is for the role it was given: the share of rows filled and, when the cells
 * don't hold what the role needs, what is wrong, in a sentence for the planner.
 */
import { roleInfo, type ColumnRole } from "../../../engine/data/columnRoles";
import { filledShare, type SheetColumn } from "../../../excel/columns";

export interface ColumnCheck {
  /** Share of rows with a value, in [0, 1]. */
  filled: number;
  state: "none" | "warning" | "error";
  /** Set when state is not "none". */
  message?: string;
}

const count = (n: number) => n.toLocaleString("en-US");

export function formatShare(share: number): string {
  if (share === 1) return "100%";
  if (share > 0.999) return ">99.9%";
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}

export function checkColumn(role: ColumnRole, column: SheetColumn): ColumnCheck {
  const filled = filledShare(column);
  const { counts } = column;
  const rows = column.numbers.length;
  if (rows === 0 || filled === 0) return { filled, state: "error", message: "The column is empty." };
  const expects = roleInfo(role).expects;
  if (expects === "number") {
    const notNumbers = counts.text + counts.boolean;
    if (counts.number === 0) return { filled, state: "error", message: "No cell holds a number." };
    if (notNumbers > 0) {
      return { filled, state: "warning", message: `${count(notNumbers)} ${notNumbers === 1 ? "cell holds" : "cells hold"} text, not a number; those rows will be left out.` };
    }
  }
  if (expects === "date") {
    if (counts.number > 0 && !column.isDate) {
      return { filled, state: "warning", message: "Numbers without a date format: check that they are dates or periods." };
    }
    if (counts.text > counts.number) {
      return { filled, state: "warning", message: "Dates stored as text: format the column as dates in Excel so they sort and group by period." };
    }
  }
  if (counts.error > 0) {
    return { filled, state: "warning", message: `${count(counts.error)} ${counts.error === 1 ? "cell shows" : "cells show"} an Excel error (#N/A, #VALUE!, ...).` };
  }
  if (filled < 1) {
    const blanks = counts.blank;
    return { filled, state: expects === "id" ? "warning" : "none", message: expects === "id" ? `${count(blanks)} blank ${blanks === 1 ? "row has" : "rows have"} no ${roleInfo(role).label}.` : undefined };
  }
  return { filled, state: "none" };
}
