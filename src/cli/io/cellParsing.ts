/**
 * Reading one field of a transactions file: the engine's rules (src/engine/data/cellParsing.ts),
 * with an ambiguous slashed date told to use the command line's --date-format option.
 */
import { type DateFormat, type Parsed, parseDay as parseDayWith, type RawCell } from "../../engine/data/cellParsing";

export { type DateFormat, type Parsed, parseCode, parseNumber, type RawCell } from "../../engine/data/cellParsing";

export const CLI_AMBIGUOUS_DATE_HINT = "pass --date-format dmy or mdy";

/** A day number (days since 1970-01-01) from a date field. */
export function parseDay(cell: RawCell, format: DateFormat): Parsed<number> {
  return parseDayWith(cell, format, { ambiguousHint: CLI_AMBIGUOUS_DATE_HINT });
}
