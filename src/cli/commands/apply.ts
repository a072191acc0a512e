/**
 * `supply-segments apply DEFINITION DATA --out results.xlsx`: the definition applied to a
 * transactions file, written as a results workbook (assignments with reasons, segment summary,
 * policies, KPIs, readiness). With --previous-data, items move between segments only as the
 * definition's reclassification rules allow.
 */
import type { Command } from "commander";
import * as path from "node:path";
import { applyDefinition, type ApplyResult } from "../../engine/apply/applyDefinition";
import { formatCount } from "../../engine/definition/format";
import { addDataOptions, type DataOptions, lineRulesOf, loadTransactions, mappingText, progressOf, thresholdsOf } from "../dataOptions";
import { checkOutput, loadDefinition } from "../definitionFile";
import { CliError } from "../errors";
import { readinessContext, type RunFacts, writeResultsWorkbook } from "../report/resultsWorkbook";

interface ApplyOptions extends DataOptions {
  out: string;
  previousData?: string;
  previousColumns?: string;
}

/** "price=Price,item=Code" → the previous file's options: the same mapping with these columns replaced. */
function previousOptions(options: ApplyOptions): DataOptions {
  if (!options.previousColumns) return options;
  const roles: Record<string, keyof DataOptions> = {
    item: "item", date: "date", quantity: "quantity", price: "price", revenue: "revenue", order: "order", shipped: "shipped",
    "promised-date": "promisedDate", "delivered-date": "deliveredDate", "cost-to-serve": "costToServe", "unit-cost": "unitCost",
  };
  const changed: DataOptions = { ...options };
  for (const pair of options.previousColumns.split(",")) {
    const [role, column] = pair.split("=").map((part) => part.trim());
    const key = roles[role];
    if (!key || !column) throw new CliError(`--previous-columns takes role=COLUMN pairs such as price=Price (roles: ${Object.keys(roles).join(", ")}); got "${pair}"`);
    (changed as unknown as Record<string, string>)[key] = column;
  }
  return changed;
}

/** One line per segment count, for the summary printed on stdout. */
export function segmentCounts(result: ApplyResult): string {
  const counts = new Int32Array(result.definition.segments.length);
  let none = 0;
  for (const k of result.segmentIndex) {
    if (k >= 0) counts[k]++;
    else none++;
  }
  const parts = result.definition.segments.map((segment, k) => `${segment.id} ${formatCount(counts[k])}`);
  if (none > 0) parts.push(`no segment ${formatCount(none)}`);
  return parts.join(", ");
}

export function registerApply(program: Command): void {
  const command = program
    .command("apply")
    .description("apply a definition to a transactions file and write a results workbook (assignments with reasons, segments, policies, KPIs, readiness)")
    .argument("<definition>", "definition JSON file (from supply-segments design, or edited by hand)")
    .argument("<data>", "transactions file: .csv, .csv.gz or .xlsx")
    .requiredOption("--out <file>", "results workbook to write (.xlsx)")
    .option("--previous-data <file>", "the previous period's transactions: items move between segments only when a reclassification rule holds")
    .option("--previous-columns <pairs>", "columns of the previous file that are named differently, e.g. price=Price,order=Invoice");
  addDataOptions(command).action(async (definitionFile: string, dataFile: string, options: ApplyOptions) => {
    checkOutput(options.out, [definitionFile, dataFile, ...(options.previousData ? [options.previousData] : [])], ".xlsx");
    const definition = loadDefinition(definitionFile);
    const rules = lineRulesOf(options);
    const thresholds = thresholdsOf(options);
    const progress = progressOf(options);
    try {
      const data = await loadTransactions(dataFile, options, progress);
      const previous = options.previousData ? await loadTransactions(options.previousData, previousOptions(options), progress) : undefined;
      progress.stage("segmenting");
      const result = applyDefinition(definition, data.lines, {
        ...rules,
        thresholds,
        columns: data.columns,
        previous: previous?.lines,
      });
      const facts: RunFacts = {
        command: `supply-segments apply ${process.argv.slice(3).join(" ")}`,
        dataFile: path.resolve(dataFile),
        definitionFile: path.resolve(definitionFile),
        previousFile: options.previousData ? path.resolve(options.previousData) : undefined,
        mapping: mappingText(options),
        dataRows: data.dataRows,
        nonProductRule: rules.nonProductRule,
        returns: rules.returns,
      };
      await writeResultsWorkbook(options.out, result, readinessContext(result, data.lines, data.columns, facts), facts, progress);
      progress.done();
      const lines = [
        `${options.out}: ${formatCount(result.aggregated.table.ids.length)} items from ${formatCount(data.dataRows)} rows, "${definition.name}" v${definition.version}`,
        `segments: ${segmentCounts(result)}`,
        `readiness: ${result.readiness.summary}`,
      ];
      if (result.reclassification) {
        const c = result.reclassification.counts;
        lines.push(`reclassification: ${c.moved} moved, ${c.held} held, ${c.graduated} graduated, ${c["new item"]} new, ${c.unchanged} unchanged, ${result.reclassification.departed.length} departed`);
      }
      const escalations = result.kpis.filter((row) => row.escalate).map((row) => `${row.segment} ${row.kpi}`);
      if (escalations.length > 0) lines.push(`escalate: ${escalations.join(", ")}`);
      process.stdout.write(`${lines.join("\n")}\n`);
    } finally {
      progress.done();
    }
  });
}
