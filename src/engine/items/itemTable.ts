/**
 * Items and their features as columns: one id per item, one Float64Array per numeric feature
 * (NaN = missing) and one array per text feature (null = missing). This is what a definition is
 * applied to, whether the rows come from cells, a transactions file or the store. Feature names
 * match case-insensitively, like Excel's own names.
 */
import { invalidInput } from "../errors";

export interface ItemTable {
  readonly ids: readonly string[];
  /** Numeric features by lower-case name. */
  readonly numbers: ReadonlyMap<string, Float64Array>;
  /** Text features by lower-case name. */
  readonly texts: ReadonlyMap<string, readonly (string | null)[]>;
}

/** Builds a table, checking every column has one value per item and no name is used twice. */
export function createItemTable(
  ids: readonly string[],
  numbers: Record<string, Float64Array>,
  texts: Record<string, readonly (string | null)[]> = {},
): ItemTable {
  const count = ids.length;
  const numberMap = new Map<string, Float64Array>();
  const textMap = new Map<string, readonly (string | null)[]>();
  for (const [name, column] of Object.entries(numbers)) {
    if (!(column instanceof Float64Array)) throw invalidInput(`feature "${name}" must be a Float64Array`);
    if (column.length !== count) {
      throw invalidInput(`feature "${name}" has ${column.length} values for ${count} items; give one value per item`);
    }
    const key = name.toLowerCase();
    if (numberMap.has(key)) throw invalidInput(`feature "${name}" is given twice (names ignore case)`);
    numberMap.set(key, column);
  }
  for (const [name, column] of Object.entries(texts)) {
    if (!Array.isArray(column) || column.length !== count) {
      throw invalidInput(`text feature "${name}" must hold one value per item (${count})`);
    }
    const key = name.toLowerCase();
    if (numberMap.has(key) || textMap.has(key)) throw invalidInput(`feature "${name}" is given twice (names ignore case)`);
    textMap.set(key, column);
  }
  return { ids, numbers: numberMap, texts: textMap };
}

/** One item as a record of features, the shape a single assignment takes. */
export interface ItemFeatures {
  /** The item's id; needed for manual overrides to apply. */
  id?: string;
  features: Readonly<Record<string, number | string | boolean | null | undefined>>;
}

/** A one-row table from one item's features: numbers go to numeric columns, text to text columns. */
export function tableOfItem(item: ItemFeatures): ItemTable {
  if (typeof item !== "object" || item === null || typeof item.features !== "object" || item.features === null) {
    throw invalidInput("an item must be { id, features: { name: value, ... } }");
  }
  const numbers: Record<string, Float64Array> = {};
  const texts: Record<string, (string | null)[]> = {};
  for (const [name, value] of Object.entries(item.features)) {
    if (typeof value === "number") numbers[name] = Float64Array.of(Number.isFinite(value) ? value : NaN);
    else if (typeof value === "string") texts[name] = [value];
    else if (value === null || value === undefined) numbers[name] = Float64Array.of(NaN);
    else throw invalidInput(`feature "${name}" must be a number or text; got ${String(value)}`);
  }
  return createItemTable([item.id ?? ""], numbers, texts);
}
