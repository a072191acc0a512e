/**
 * The `definition` argument of SEGMENT.ASSIGN, EXPLAIN and POLICY: either
 * - a range holding the definition's JSON text: one cell, or several cells read in reading order
 *   (row by row, left to right) and joined, since a cell holds at most 32,767 characters (the task
 *   pane keeps definitions so, on a hidden sheet with one workbook name per definition); or
 * - the name of a definition the task pane registered (definitionRegistry.ts).
 * Text that starts with "{" is JSON; anything else is a name. Parsed definitions are cached by their
 * text, so a recalculation does not parse them again.
 */
import { SegmentError } from "../engine/errors";
import { listForMessage } from "../engine/definition/format";
import { parseDefinition, type SegmentDefinition } from "../engine/definition/schema";
import { type CellProblem, cellErrorText, type ExcelArgument, isBlank, problem, toGrid } from "./cells";
import { listDefinitions, registeredDefinition } from "./definitionRegistry";

const CACHE_LIMIT = 16;
/** JSON text → parsed definition (or the problem with it), most recently used last. */
const cache = new Map<string, SegmentDefinition | CellProblem>();

function remember(text: string, value: SegmentDefinition | CellProblem): SegmentDefinition | CellProblem {
  cache.delete(text);
  cache.set(text, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return value;
}

/** Parses JSON text through the cache. */
export function definitionFromText(text: string): SegmentDefinition | CellProblem {
  const cached = cache.get(text);
  if (cached !== undefined) {
    cache.delete(text);
    cache.set(text, cached);
    return cached;
  }
  try {
    return remember(text, parseDefinition(text));
  } catch (error) {
    if (error instanceof SegmentError) return remember(text, problem("#VALUE!", `definition: ${error.message}`));
    throw error;
  }
}

/** How many parsed definitions the cache holds (for tests). */
export function cachedDefinitionCount(): number {
  return cache.size;
}

export function readDefinition(argument: ExcelArgument): SegmentDefinition | CellProblem {
  const grid = toGrid(argument);
  if (grid === null) {
    return problem("#VALUE!", "definition is required: the range holding a definition's JSON, or the name of a definition loaded in the task pane");
  }
  let text = "";
  for (const row of grid.cells) {
    for (const cell of row) {
      if (isBlank(cell)) continue;
      const error = cellErrorText(cell);
      if (error !== null) return problem("#VALUE!", `the definition range holds the error ${error}; fix that cell first`);
      text += typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
    }
  }
  text = text.trim();
  if (text === "") return problem("#VALUE!", "the definition range is empty");
  if (text.startsWith("{")) return definitionFromText(text);
  const registered = registeredDefinition(text);
  if (registered) return registered;
  const names = listDefinitions();
  return problem(
    "#N/A",
    names.length > 0
      ? `no definition named "${text}"; the loaded definitions are ${listForMessage(names)}`
      : `no definition named "${text}", and none is loaded: open the task pane to load one, or pass the range holding the definition's JSON`,
  );
}
