/**
 * `supply-segments compare DEFINITION_A DEFINITION_B DATA --out scenario.xlsx`: two definitions on
 * the same data, side by side: the items that change segment (a from/to matrix and the list), and
 * per segment the items, revenue, inventory investment, expected fill rate and cost-to-serve.
 */
import type { Command } from "commander";
import * as path from "node:path";
import { applyDefinition } from "../../engine/apply/applyDefinition";
import { formatCount, formatNumber } from "../../engine/definition/format";
import { compareScenarios, type ScenarioSide } from "../../engine/scenario/compare";
import { addDataOptions, type DataOptions, lineRulesOf, loadTransactions, mappingText, progressOf, thresholdsOf } from "../dataOptions";
import { checkOutput, loadDefinition } from "../definitionFile";
import { CliError } from "../errors";
import { readinessContext } from "../report/resultsWorkbook";
import { writeScenarioWorkbook } from "../report/scenarioWorkbook";

interface CompareOptions extends DataOptions {
  out: string;
}

export function registerCompare(program: Command): void {
  const command = program
    .command("compare")
    .description("compare two definitions on the same data and write a scenario workbook (moves between segments, inventory, fill rate, cost-to-serve)")
    .argument("<definitionA>", "the first definition (JSON), e.g. the current one")
    .argument("<definitionB>", "the second definition (JSON), e.g. the proposal")
    .argument("<data>", "transactions file: .csv, .csv.gz or .xlsx")
    .requiredOption("--out <file>", "scenario workbook to write (.xlsx)");
  addDataOptions(command).action(async (fileA: string, fileB: string, dataFile: string, options: CompareOptions) => {
    checkOutput(options.out, [fileA, fileB, dataFile], ".xlsx");
    const definitions = [loadDefinition(fileA), loadDefinition(fileB)] as const;
    const rules = lineRulesOf(options);
    const thresholds = thresholdsOf(options);
    const progress = progressOf(options);
    try {
      const data = await loadTransactions(dataFile, options, progress);
      progress.stage("applying both definitions");
      const results = definitions.map((definition) =>
        applyDefinition(definition, data.lines, { ...rules, thresholds, columns: data.columns }),
      ) as [ReturnType<typeof applyDefinition>, ReturnType<typeof applyDefinition>];
      const ids = results[0].aggregated.table.ids;
      const idsB = results[1].aggregated.table.ids;
      if (ids.length !== idsB.length || ids.some((id, k) => id !== idsB[k])) {
        throw new CliError("the two definitions read different items from the data (different demand periods?); compare definitions with the same history period");
      }
      const names: [string, string] = [
        `A: ${definitions[0].name} v${definitions[0].version}`.slice(0, 60),
        `B: ${definitions[1].name} v${definitions[1].version}`.slice(0, 60),
      ];
      const sides = results.map(
        (result, s): ScenarioSide => ({
          name: names[s],
          segmentIds: result.definition.segments.map((segment) => segment.id),
          segmentNames: result.definition.segments.map((segment) => segment.name),
          segmentIndex: result.segmentIndex,
          measures: result.measures,
        }),
      );
      const comparison = compareScenarios(ids, sides[0], sides[1]);
      const facts = {
        command: `supply-segments compare ${process.argv.slice(3).join(" ")}`,
        dataFile: path.resolve(dataFile),
        mapping: mappingText(options),
        dataRows: data.dataRows,
        nonProductRule: rules.nonProductRule,
        returns: rules.returns,
      };
      progress.stage("writing the scenario workbook");
      await writeScenarioWorkbook(options.out, comparison, results, names, readinessContext(results[1], data.lines, data.columns, facts), [
        ["Command", facts.command],
        ["Generated at", new Date().toISOString()],
        ["Scenario A", `${definitions[0].name} (${definitions[0].id} v${definitions[0].version}) from ${path.resolve(fileA)}`],
        ["Scenario B", `${definitions[1].name} (${definitions[1].id} v${definitions[1].version}) from ${path.resolve(fileB)}`],
        ["Data file", facts.dataFile],
        ["Column mapping", facts.mapping],
        ["Data rows", data.dataRows],
        ["Items", ids.length],
      ]);
      progress.done();
      const [a, b] = comparison.sides.map((side) => side[side.length - 1]);
      process.stdout.write(
        `${options.out}: ${formatCount(ids.length)} items, ${formatCount(comparison.changed.length)} change segment\n` +
          `inventory investment: A ${formatNumber(a.inventoryValue)}, B ${formatNumber(b.inventoryValue)}\n` +
          `expected fill rate: A ${formatNumber(a.expectedFillRate * 100, 1)}%, B ${formatNumber(b.expectedFillRate * 100, 1)}%\n`,
      );
    } finally {
      progress.done();
    }
  });
}
