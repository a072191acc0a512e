/**
 * supply-segments: the batch command line. Runs a segment definition over a whole transactions
 * file for scheduled refreshes, and writes results workbooks a finance analyst can open.
 *
 *   supply-segments readiness DATA [mapping]                       is the data good enough?
 *   supply-segments design DATA [mapping] --out definition.json    propose a definition
 *   supply-segments apply DEFINITION DATA [mapping] --out results.xlsx
 *   supply-segments compare DEF_A DEF_B DATA [mapping] --out scenario.xlsx
 *
 * Every failure ends with one line on stderr ("supply-segments: ...") and a non-zero exit status:
 * 1 when the run failed (bad file, mapping, option or definition), 2 when readiness fails.
 */
import { Command, CommanderError } from "commander";
import { registerApply } from "./commands/apply";
import { registerCompare } from "./commands/compare";
import { registerDesign } from "./commands/design";
import { registerReadiness } from "./commands/readiness";
import { registerStoreCommands } from "../store/cli";
import { EXIT_FAILURE, failureLine } from "./errors";

declare const SUPPLY_SEGMENTS_VERSION: string | undefined;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("supply-segments")
    .description("Supply chain segmentation on transaction files: readiness, design, apply and compare segment definitions.")
    .version(typeof SUPPLY_SEGMENTS_VERSION === "string" ? SUPPLY_SEGMENTS_VERSION : "development")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ outputError: (text, write) => write(`supply-segments: ${text}`) })
    .exitOverride();
  registerReadiness(program);
  registerDesign(program);
  registerApply(program);
  registerCompare(program);
  registerStoreCommands(program); // serve, token, audit: the shared store (src/store)
  program.addHelpText(
    "after",
    `
Examples:
  supply-segments design online_retail.csv.gz --item StockCode --date InvoiceDate --quantity Quantity --price UnitPrice --method abc-xyz --out definition.json
  supply-segments apply definition.json online_retail.csv.gz --item StockCode --date InvoiceDate --quantity Quantity --price UnitPrice --out results.xlsx
`,
  );
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors have been printed by commander already.
      return error.exitCode === 0 ? 0 : EXIT_FAILURE;
    }
    const code = (error as { exitCode?: number }).exitCode;
    process.stderr.write(`supply-segments: error: ${failureLine(error)}\n`);
    return typeof code === "number" && code > 0 ? code : EXIT_FAILURE;
  }
}
