/**
 * `supply-segments design DATA --method abc-xyz --out definition.json`: proposes a definition from
 * a transactions file. abc-xyz: ABC on revenue (cumulative share cutoffs) × XYZ on the coefficient
 * of variation of period demand, nine named segments with starting policies and targets, and the
 * thresholds the data gave (so single items can be placed later). clusters: k-means on revenue,
 * order lines and variability, with the stored model. Both carry a named fallback for new items and
 * for items without demand, hysteresis rules and one-off handling. Edit the result, then apply it.
 */
import { type Command, Option } from "commander";
import * as os from "node:os";
import * as path from "node:path";
import { aggregateFor } from "../../engine/apply/applyDefinition";
import { assignBatch } from "../../engine/definition/assign";
import { DESIGN_EXCEPTIONS, designAbcXyz } from "../../engine/definition/design";
import { designClusters } from "../../engine/definition/designClusters";
import { formatCount } from "../../engine/definition/format";
import { assessReadiness } from "../../engine/readiness/readiness";
import { aggregateTransactions } from "../../engine/transactions/aggregate";
import {
  addDataOptions,
  type DataOptions,
  lineRulesOf,
  loadTransactions,
  parseCountOption,
  parseListOption,
  parseNumberOption,
  progressOf,
  thresholdsOf,
} from "../dataOptions";
import { checkOutput, writeJsonFile } from "../definitionFile";
import { CliError } from "../errors";

interface DesignCommandOptions extends DataOptions {
  method: string;
  clusters: string;
  seed: string;
  out: string;
  id?: string;
  name?: string;
  author?: string;
  period: string;
  abcOn: string;
  abcCutoffs: string;
  xyzCutoffs: string;
  newItemPeriods: string;
  leadTimeDays: string;
  costRatio: string;
  entity: string;
  businessUnit?: string;
}

function slug(text: string): string {
  const cleaned = text.replace(/\.csv(\.gz)?$|\.xlsx?$/i, "").replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[^A-Za-z0-9]+/, "");
  return (cleaned || "segments").slice(0, 32);
}

export function registerDesign(program: Command): void {
  const command = program
    .command("design")
    .description("propose a segment definition from a transactions file (ABC-XYZ matrix with policies, targets and fallback rules)")
    .argument("<data>", "transactions file: .csv, .csv.gz or .xlsx")
    .addOption(new Option("--method <method>", "abc-xyz: ABC by revenue share × XYZ by demand variability; clusters: k-means on revenue, order lines and variability").choices(["abc-xyz", "clusters"]).default("abc-xyz"))
    .option("--clusters <k>", "number of clusters for --method clusters", "5")
    .option("--seed <n>", "seed of the k-means starts for --method clusters (same data and seed, same definition)", "1")
    .requiredOption("--out <file>", "definition file to write (.json)")
    .option("--id <id>", "definition id (default: from the file name)")
    .option("--name <name>", "definition name shown to planners")
    .option("--author <name>", "author recorded in the provenance (default: the user name)")
    .addOption(new Option("--period <period>", "demand period for XYZ and safety stock").choices(["week", "month", "quarter"]).default("month"))
    .addOption(new Option("--abc-on <feature>", "measure ranked for ABC").choices(["revenue", "quantity", "orderLines"]).default("revenue"))
    .option("--abc-cutoffs <shares>", "cumulative-share cutoffs of A and B", "0.8,0.95")
    .option("--xyz-cutoffs <covs>", "coefficient-of-variation cutoffs of X and Y", "0.5,1")
    .option("--new-item-periods <n>", "new products are BY until they have this many periods of history", "6")
    .option("--lead-time-days <days>", "replenishment lead time written into every segment's policy", "14")
    .option("--cost-ratio <ratio>", "unit cost as a share of the average selling price (inventory value)", "1")
    .addOption(new Option("--entity <entity>", "what is segmented").choices(["product", "customer", "channel", "product-location"]).default("product"))
    .option("--business-unit <name>", "business unit in scope");
  addDataOptions(command).action(async (dataFile: string, options: DesignCommandOptions) => {
    checkOutput(options.out, [dataFile], ".json");
    const rules = lineRulesOf(options);
    const thresholds = thresholdsOf(options);
    const period = options.period as "week" | "month" | "quarter";
    const costRatio = parseNumberOption(options.costRatio, "--cost-ratio");
    if (!(costRatio > 0)) throw new CliError(`--cost-ratio must be greater than 0; got ${options.costRatio}`);
    const leadTimeDays = parseNumberOption(options.leadTimeDays, "--lead-time-days");
    if (leadTimeDays < 0) throw new CliError(`--lead-time-days must be 0 or more; got ${options.leadTimeDays}`);
    const progress = progressOf(options);
    try {
      const data = await loadTransactions(dataFile, options, progress);
      progress.stage("designing");
      const aggregated = aggregateTransactions(data.lines, { ...rules, period, exceptions: DESIGN_EXCEPTIONS, costRatio });
      const readiness = assessReadiness({
        columns: data.columns,
        ids: aggregated.table.ids,
        historyPeriods: aggregated.table.numbers.get("historyperiods")!,
        periodCount: aggregated.periodCount,
        period,
        thresholds,
      });
      const designOptions = {
        id: slug(options.id ?? path.basename(dataFile)),
        name: options.name ?? `${path.basename(dataFile)} ${options.method === "clusters" ? "clusters" : "ABC-XYZ"}`,
        author: options.author ?? os.userInfo().username,
        dataSource: path.basename(dataFile),
        rowCount: data.dataRows,
        createdAt: new Date().toISOString(),
        period,
        abcDimension: options.abcOn,
        abcCutoffs: parseListOption(options.abcCutoffs, "--abc-cutoffs"),
        xyzCutoffs: parseListOption(options.xyzCutoffs, "--xyz-cutoffs"),
        newItemPeriods: parseCountOption(options.newItemPeriods, "--new-item-periods"),
        leadTimeDays,
        costRatio,
        readiness: { passed: readiness.passed, summary: readiness.summary },
        entity: options.entity as "product",
        businessUnit: options.businessUnit,
      };
      const definition =
        options.method === "clusters"
          ? designClusters(aggregated.table, {
              ...designOptions,
              clusters: parseCountOption(options.clusters, "--clusters", 2),
              seed: parseCountOption(options.seed, "--seed"),
            })
          : designAbcXyz(aggregated.table, designOptions);
      // The same aggregation apply will make, then the counts the definition gives on it.
      const assignment = assignBatch(definition, aggregateFor(definition, data.lines, rules).table, {
        abcMode: "population",
        requireAllDimensions: true,
      });
      writeJsonFile(options.out, definition);
      progress.done();
      const counts = definition.segments.map((segment, k) => {
        let n = 0;
        for (const index of assignment.segmentIndex) if (index === k) n++;
        return `${segment.id} ${formatCount(n)}`;
      });
      process.stdout.write(
        `${options.out}: "${definition.name}" with ${definition.segments.length} segments, designed on ${formatCount(definition.provenance.itemCount)} items from ${formatCount(data.dataRows)} rows\n` +
          `segments on this data: ${counts.join(", ")}\n` +
          `readiness: ${readiness.summary}\n`,
      );
    } finally {
      progress.done();
    }
  });
}
