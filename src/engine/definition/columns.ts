/**
 * The definition's dimensions, located in an item table: for each declared dimension, the column
 * that holds it. Conditions and classifications read features through these, by dimension index.
 */
import { notFound } from "../errors";
import type { ItemTable } from "../items/itemTable";
import { listForMessage } from "./format";
import type { Dimension } from "./schema";

export interface DimensionColumns {
  readonly itemCount: number;
  readonly dimensions: readonly Dimension[];
  /** Index of a dimension by lower-case name. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Per dimension: its numbers (NaN = missing), or null when the table has no such numeric column. */
  readonly numbers: readonly (Float64Array | null)[];
  /** Per dimension: its text values (null = missing), or null when the table has no such text column. */
  readonly texts: readonly (readonly (string | null)[] | null)[];
}

export interface ColumnOptions {
  /**
   * true: a dimension the table lacks is an error naming what the table has (a batch run on a file);
   * false: it reads as missing for every item (cells given fewer feature columns).
   */
  requireAll: boolean;
}

export function locateDimensions(dimensions: readonly Dimension[], table: ItemTable, options: ColumnOptions): DimensionColumns {
  const indexOf = new Map<string, number>();
  const numbers: (Float64Array | null)[] = [];
  const texts: (readonly (string | null)[] | null)[] = [];
  dimensions.forEach((dimension, d) => {
    const key = dimension.name.toLowerCase();
    indexOf.set(key, d);
    const numeric = table.numbers.get(key) ?? null;
    const text = table.texts.get(key) ?? null;
    if (options.requireAll && numeric === null && text === null) {
      const available = [...table.numbers.keys(), ...table.texts.keys()];
      throw notFound(`dimension "${dimension.name}" is not in the data; the items have ${listForMessage(available, 20)}`);
    }
    numbers.push(numeric);
    texts.push(text);
  });
  return { itemCount: table.ids.length, dimensions, indexOf, numbers, texts };
}

/** The number of dimension `d` for `item`; NaN when missing or when the column holds text. */
export function numberAt(columns: DimensionColumns, d: number, item: number): number {
  const column = columns.numbers[d];
  if (column !== null) return column[item];
  return NaN;
}

/** The text of dimension `d` for `item` (numbers shown as text); null when missing. */
export function textAt(columns: DimensionColumns, d: number, item: number): string | null {
  const column = columns.texts[d];
  if (column !== null) return column[item];
  const numbers = columns.numbers[d];
  if (numbers !== null && numbers[item] === numbers[item]) return String(numbers[item]);
  return null;
}
