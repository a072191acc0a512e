/**
 * The options every command shares: how to read a transactions file (column mapping, sheet,
 * delimiter, date format), the line rules (returns, non-product codes) and the readiness
 * thresholds. Each value is checked here, so a bad option stops the run before any file is read.
 */
import { type Command, Option } from "commander";
import * as path from "node:path";
import type { LineRules } from "../engine/apply/applyDefinition";
import { DEFAULT_THRESHOLDS, type ReadinessThresholds } from "../engine/readiness/readiness";
import { DEFAULT_LINE_RULES, describeNonProductRule, type NonProductRule, nonProductTest } from "../engine/transactions/lineRules";
import { CliError } from "./errors";
import type { DateFormat } from "./io/cellParsing";
import { type ColumnMapping, readTransactions, type ReadResult } from "./io/transactionsReader";
import { createProgress, type Progress } from "./progress";

export interface DataOptions {
  item?: string;
  date?: string;
  quantity?: string;
  price?: string;
  revenue?: string;
  order?: string;
  shipped?: string;
  promisedDate?: string;
  deliveredDate?: string;
  costToServe?: string;
  unitCost?: string;
  sheet?: string;
  delimiter?: string;
  dateFormat: string;
  returns: string;
  nonProduct?: string;
  progress?: boolean;
  minHistory: string;
  minShare: string;
  minCompleteness: string;
}

/** Adds the mapping, reading, line-rule and readiness options to a command. */
export function addDataOptions(command: Command): Command {
  return command
    .option("--item <column>", "column holding the item id (e.g. StockCode)")
    .option("--date <column>", "column holding the transaction date (e.g. InvoiceDate)")
    .option("--quantity <column>", "column holding the quantity per line (negative = return)")
    .option("--price <column>", "column holding the unit price (revenue = quantity × price)")
    .option("--revenue <column>", "column holding the revenue per line (instead of --price)")
    .option("--order <column>", "column holding the order id (orders, perfect order, cost per order)")
    .option("--shipped <column>", "column holding the quantity shipped (fill rate)")
    .option("--promised-date <column>", "column holding the promised delivery date (on-time delivery)")
    .option("--delivered-date <column>", "column holding the actual delivery date (on-time delivery)")
    .option("--cost-to-serve <column>", "column holding the cost to serve each line (cost-to-serve, cost per order)")
    .option("--unit-cost <column>", "column holding the unit cost (inventory value; default: average price × the definition's costRatio)")
    .option("--sheet <name>", "worksheet of an .xlsx file (default: the first)")
    .option("--delimiter <char>", "CSV delimiter (default: comma, or ; or tab when the header has no comma)")
    .addOption(
      new Option("--date-format <format>", "how dates are written: auto = ISO (2011-12-09) or 9-Dec-2011; dmy / mdy for slashed dates")
        .choices(["auto", "iso", "dmy", "mdy"])
        .default("auto"),
    )
    .addOption(
      new Option("--returns <mode>", "negative quantities: exclude them from demand and revenue, or net them against sales")
        .choices(["exclude", "net"])
        .default(DEFAULT_LINE_RULES.returns),
    )
    .option("--non-product <regex>", 'item codes that are not products, left out and reported (default: codes with no digit, e.g. POST, M, BANK CHARGES; "none" keeps all)')
    .option("--min-history <periods>", "readiness: periods of history an item needs", String(DEFAULT_THRESHOLDS.minHistoryPeriods))
    .option("--min-share <share>", "readiness: share of items that must have that history", String(DEFAULT_THRESHOLDS.minItemShare))
    .option("--min-completeness <share>", "readiness: share of rows each required column must be readable in", String(DEFAULT_THRESHOLDS.minCompleteness))
    .option("--progress", "show a progress bar on stderr even when it is not a terminal");
}

export function parseShareOption(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new CliError(`${name} must be a share between 0 and 1 (95% is 0.95); got "${text}"`);
  return value;
}

export function parseCountOption(text: string, name: string, minimum = 0): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new CliError(`${name} must be a whole number ≥ ${minimum}; got "${text}"`);
  return value;
}

export function parseNumberOption(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new CliError(`${name} must be a number; got "${text}"`);
  return value;
}

/** "0.8,0.95" → [0.8, 0.95]. */
export function parseListOption(text: string, name: string): number[] {
  const values = text.split(",").map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) throw new CliError(`${name} must be numbers separated by commas, e.g. 0.8,0.95; got "${text}"`);
  return values;
}

export function thresholdsOf(options: DataOptions): ReadinessThresholds {
  return {
    minHistoryPeriods: parseCountOption(options.minHistory, "--min-history"),
    minItemShare: parseShareOption(options.minShare, "--min-share"),
    minCompleteness: parseShareOption(options.minCompleteness, "--min-completeness"),
  };
}

export function mappingOf(options: DataOptions): ColumnMapping {
  const missing = (["item", "date", "quantity"] as const).filter((key) => !options[key]);
  if (missing.length > 0) {
    throw new CliError(`map the required columns: ${missing.map((key) => `--${key} COLUMN`).join(", ")} (and --price or --revenue)`);
  }
  return {
    item: options.item!,
    date: options.date!,
    quantity: options.quantity!,
    price: options.price,
    revenue: options.revenue,
    order: options.order,
    shipped: options.shipped,
    promisedDate: options.promisedDate,
    deliveredDate: options.deliveredDate,
    costToServe: options.costToServe,
    unitCost: options.unitCost,
  };
}

export function lineRulesOf(options: DataOptions): LineRules & { nonProductRule: string } {
  let rule: NonProductRule;
  let nonProductRule: string;
  if (options.nonProduct === undefined) {
    rule = DEFAULT_LINE_RULES.nonProduct;
    nonProductRule = `${describeNonProductRule(rule)} (the default; --non-product REGEX to change, none to keep all)`;
  } else if (options.nonProduct === "none") {
    rule = { kind: "none" };
    nonProductRule = "none (--non-product none)";
  } else {
    try {
      new RegExp(options.nonProduct);
    } catch (error) {
      throw new CliError(`--non-product is not a valid regular expression: ${(error as Error).message}`);
    }
    rule = { kind: "pattern", pattern: options.nonProduct };
    nonProductRule = describeNonProductRule(rule);
  }
  const test = nonProductTest(rule);
  if (options.delimiter !== undefined && options.delimiter.length !== 1) {
    const named: Record<string, string> = { "\\t": "\t", tab: "\t" };
    if (!(options.delimiter in named)) throw new CliError(`--delimiter must be one character (or "tab"); got "${options.delimiter}"`);
    options.delimiter = named[options.delimiter];
  }
  return { returns: options.returns as "exclude" | "net", isNonProduct: test, nonProductRule };
}

export function progressOf(options: DataOptions): Progress {
  return createProgress(Boolean(options.progress) || Boolean(process.stderr.isTTY));
}

/** Reads a transactions file with the mapping options, showing progress. */
export async function loadTransactions(file: string, options: DataOptions, progress: Progress): Promise<ReadResult> {
  const mapping = mappingOf(options);
  lineRulesOf(options); // checks the delimiter before reading
  progress.stage(`reading ${path.basename(file)}`);
  const result = await readTransactions(file, {
    mapping,
    dateFormat: options.dateFormat as DateFormat,
    delimiter: options.delimiter,
    sheet: options.sheet,
    onProgress: (fraction) => progress.update(fraction),
  });
  progress.update(1);
  return result;
}

/** The mapping as text, for the About sheet and provenance. */
export function mappingText(options: DataOptions): string {
  const mapping = mappingOf(options);
  return Object.entries(mapping)
    .filter(([, column]) => column !== undefined)
    .map(([role, column]) => `${role}=${column}`)
    .join(", ");
}
