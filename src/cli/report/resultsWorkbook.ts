/**
 * The results workbook of `supply-segments apply`, sheet by sheet:
 * Assignments, Segments, Policies, KPIs, Readiness, Data issues, Overrides, Drift,
 * Reclassification (with --previous-data) and About.
 */
import type { ApplyResult } from "../../engine/apply/applyDefinition";
import { SCHEMA_VERSION } from "../../engine/definition/schema";
import { XlsxWriter } from "../io/xlsxWriter";
import type { Progress } from "../progress";
import { writeAssignmentsSheet } from "./assignmentsSheet";
import { writeAboutSheet, writeDriftSheet, writeOverridesSheet, writeReclassificationSheet } from "./detailSheets";
import { type ReadinessContext, writeDataIssuesSheet, writeReadinessSheet } from "./readinessSheets";
import { writeKpiSheet, writePoliciesSheet, writeSegmentsSheet } from "./segmentSheets";

export interface RunFacts {
  command: string;
  dataFile: string;
  definitionFile?: string;
  previousFile?: string;
  mapping: string;
  dataRows: number;
  nonProductRule: string;
  returns: "exclude" | "net";
}

export function exceptionsRule(result: Pick<ApplyResult, "definition">): string {
  const settings = result.definition.exceptions;
  if (!settings) return "the definition sets no one-off rule";
  return `a line above ${settings.maxLineShare * 100}% of its item's sales quantity, for items with at least ${settings.minLines} sales lines, is ${settings.action === "exclude" ? "excluded" : "kept and reported"}`;
}

export function readinessContext(result: ApplyResult, lines: ReadinessContext["lines"], columns: ReadinessContext["columns"], facts: RunFacts): ReadinessContext {
  return {
    readiness: result.readiness,
    aggregated: result.aggregated,
    lines,
    columns,
    returns: facts.returns,
    nonProductRule: facts.nonProductRule,
    exceptionsRule: exceptionsRule(result),
  };
}

export async function writeResultsWorkbook(file: string, result: ApplyResult, context: ReadinessContext, facts: RunFacts, progress: Progress): Promise<void> {
  const writer = XlsxWriter.create(file);
  try {
    progress.stage("writing Assignments");
    await writeAssignmentsSheet(writer, result);
    progress.stage("writing summary sheets");
    await writeSegmentsSheet(writer, result);
    await writePoliciesSheet(writer, result);
    await writeKpiSheet(writer, result);
    await writeReadinessSheet(writer, context);
    await writeDataIssuesSheet(writer, context);
    await writeOverridesSheet(writer, result);
    await writeDriftSheet(writer, result);
    if (result.reclassification) await writeReclassificationSheet(writer, result);
    const d = result.definition;
    await writeAboutSheet(writer, [
      ["Command", facts.command],
      ["Generated at", new Date().toISOString()],
      ["Definition", `${d.name} (${d.id}, version ${d.version}, schema ${SCHEMA_VERSION})${facts.definitionFile ? ` from ${facts.definitionFile}` : ""}`],
      ["Definition provenance", `designed on ${d.provenance.dataSource} (${d.provenance.rowCount} rows, ${d.provenance.itemCount} items) by ${d.provenance.author} at ${d.provenance.createdAt}`],
      ["Data file", facts.dataFile],
      ...(facts.previousFile ? ([["Previous data", facts.previousFile]] as [string, string][]) : []),
      ["Column mapping", facts.mapping],
      ["Data rows", facts.dataRows],
      ["Items", result.aggregated.table.ids.length],
      ["Demand period", `${d.history.period}; ${result.aggregated.periodLabels[0]} … ${result.aggregated.periodLabels[result.aggregated.periodCount - 1]}`],
      ["Returns", facts.returns === "exclude" ? "excluded from demand and revenue" : "netted against sales"],
      ["Non-product codes", facts.nonProductRule],
      ["One-off lines", context.exceptionsRule],
      [
        "ABC on this data",
        "the cutoffs are shares: classes are recomputed on this data's ranking; items whose class differs from the design thresholds are listed in Drift",
      ],
      ["Inventory value", `average inventory (order quantity ÷ 2 + safety stock) × unit cost; unit cost = ${d.valuation.costRatio === 1 ? "average selling price" : `average selling price × ${d.valuation.costRatio}`} unless --unit-cost is mapped`],
      ["Readiness", result.readiness.summary],
    ]);
    progress.stage("finishing the workbook");
    await writer.close();
  } catch (error) {
    writer.abort();
    throw error;
  }
}
