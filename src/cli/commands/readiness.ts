/**
 * `supply-segments readiness DATA`: is this data good enough to segment on? Checks completeness
 * of each required column and the share of items with enough history against the thresholds
 * given, prints the verdict and, with --out, writes the checks and the failing rows and items to
 * a workbook. Exit status 0 when ready, 2 when not (1 for a run that failed), so a scheduler can
 * stop a refresh on bad data.
 */
import { type Command, Option } from "commander";
import { formatCount } from "../../engine/definition/format";
import { invalidInput } from "../../engine/errors";
import { assessLinesReadiness, READINESS_EXCEPTIONS } from "../../engine/readiness/linesReadiness";
import { addDataOptions, type DataOptions, lineRulesOf, loadTransactions, progressOf, thresholdsOf } from "../dataOptions";
import { checkOutput } from "../definitionFile";
import { EXIT_NOT_READY } from "../errors";
import { XlsxWriter } from "../io/xlsxWriter";
import { type ReadinessContext, writeDataIssuesSheet, writeReadinessSheet } from "../report/readinessSheets";

interface ReadinessOptions extends DataOptions {
  out?: string;
  period: string;
}

export function registerReadiness(program: Command): void {
  const command = program
    .command("readiness")
    .description("check a transactions file against readiness thresholds (column completeness, history per item); exit 2 when not ready")
    .argument("<data>", "transactions file: .csv, .csv.gz or .xlsx")
    .addOption(new Option("--period <period>", "period in which history is counted").choices(["week", "month", "quarter"]).default("month"))
    .option("--out <file>", "also write the checks and the failing rows and items to this workbook (.xlsx)");
  addDataOptions(command).action(async (dataFile: string, options: ReadinessOptions) => {
    if (options.out) checkOutput(options.out, [dataFile], ".xlsx");
    const rules = lineRulesOf(options);
    const thresholds = thresholdsOf(options);
    const period = options.period as "week" | "month" | "quarter";
    const progress = progressOf(options);
    try {
      const data = await loadTransactions(dataFile, options, progress);
      progress.stage("checking");
      const { aggregated, readiness } = assessLinesReadiness(data.lines, { ...rules, columns: data.columns, thresholds, period });
      if (!aggregated) throw invalidInput("no line could be read: check the column mapping and the date format");
      if (options.out) {
        const context: ReadinessContext = {
          readiness,
          aggregated,
          lines: data.lines,
          columns: data.columns,
          returns: rules.returns,
          nonProductRule: rules.nonProductRule,
          exceptionsRule: `a line above ${READINESS_EXCEPTIONS.maxLineShare * 100}% of its item's sales quantity, for items with at least ${READINESS_EXCEPTIONS.minLines} sales lines, is reported (readiness does not remove it)`,
        };
        const writer = XlsxWriter.create(options.out);
        try {
          await writeReadinessSheet(writer, context);
          await writeDataIssuesSheet(writer, context);
          await writer.close();
        } catch (error) {
          writer.abort();
          throw error;
        }
      }
      progress.done();
      const lines = [`${dataFile}: ${formatCount(data.dataRows)} rows, ${formatCount(aggregated.table.ids.length)} items, ${aggregated.periodCount} ${period}s`];
      for (const check of readiness.checks) {
        lines.push(`  ${check.passed ? "pass" : "FAIL"}  ${check.check}: ${(check.value * 100).toFixed(1)}% (threshold ${(check.threshold * 100).toFixed(1)}%): ${check.detail}`);
      }
      lines.push(readiness.passed ? "READY" : "NOT READY");
      process.stdout.write(`${lines.join("\n")}\n`);
      if (!readiness.passed) process.exitCode = EXIT_NOT_READY;
    } finally {
      progress.done();
    }
  });
}
