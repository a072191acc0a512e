/**
 * Definitions the task pane has loaded, by name, so a formula can say
 * =SEGMENT.ASSIGN("Retail SKUs", A2:C100) without a range. Held in memory only: nothing here
 * calls the network while Excel calculates. The registry lives on a global symbol, so the task
 * pane bundle and the functions bundle share it in the shared runtime.
 */
import { invalidInput } from "../engine/errors";
import { parseDefinition, type SegmentDefinition } from "../engine/definition/schema";

interface Entry {
  name: string;
  definition: SegmentDefinition;
}

const KEY = Symbol.for("supply-segments.definition-registry");

function registry(): Map<string, Entry> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Entry> | undefined>;
  let map = holder[KEY];
  if (map === undefined) {
    map = new Map();
    holder[KEY] = map;
  }
  return map;
}

function keyOf(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Validates and registers a definition (its JSON text or parsed object) under `name`; replaces a
 * definition registered under the same name (names ignore case). Raises SegmentError when invalid.
 */
export function registerDefinition(name: string, definition: unknown): SegmentDefinition {
  if (typeof name !== "string" || name.trim() === "") throw invalidInput("a definition needs a name to be registered under");
  if (name.trim().startsWith("{")) throw invalidInput('a definition name cannot start with "{" (that is how JSON text is recognised)');
  const parsed = parseDefinition(definition);
  registry().set(keyOf(name), { name: name.trim(), definition: parsed });
  return parsed;
}

/** Removes a registered definition; false when there was none by that name. */
export function unregisterDefinition(name: string): boolean {
  return registry().delete(keyOf(name));
}

/** The registered names, in the order they were registered. */
export function listDefinitions(): string[] {
  return [...registry().values()].map((entry) => entry.name);
}

export function registeredDefinition(name: string): SegmentDefinition | undefined {
  return registry().get(keyOf(name))?.definition;
}

/** Forgets every registered definition (for tests and for the task pane's reset). */
export function clearDefinitions(): void {
  registry().clear();
}
