/**
 * Real applied designs for the Scenarios and KPIs view tests, computed by the engine end to end
 * (the command line's reader → aggregate → design → applyDefinition), and a small stand-in for the
 * design provider that applies a definition the same way when a view sets one.
 *
 * - Online Retail (Chen, Sain & Guo 2012; ../shared/data/online-retail/SOURCE.md): the first
 *   records of the file (December 2010 onwards), weekly demand, the ABC-XYZ design with the default
 *   cutoffs (80%, 95%) and a variant with 60%, 90%.
 * - SCMS delivery history (USAID; ../shared/data/scms-shipment-pricing/SOURCE.md): all 10,324
 *   lines with scheduled and delivered dates (on-time delivery), PO/SO numbers (orders) and
 *   freight cost (cost-to-serve), quarterly demand.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as React from "react";
import { readTransactions } from "../../../../src/cli/io/transactionsReader";
import { type ApplyResult, applyDefinition, type ApplyOptions } from "../../../../src/engine/apply/applyDefinition";
import { DESIGN_EXCEPTIONS, designAbcXyz, type SegmentDefinition } from "../../../../src/engine/definition";
import type { Period } from "../../../../src/engine/definition/schema";
import { DEFAULT_THRESHOLDS } from "../../../../src/engine/readiness/readiness";
import { aggregateTransactions } from "../../../../src/engine/transactions/aggregate";
import type { TransactionLines } from "../../../../src/engine/transactions/lines";
import { assignmentKey, DesignStateProvider, type DesignState, type Scenario } from "../../../../src/taskpane/design";
import { readCsvHead, sharedDataFile } from "../../../support/dataFiles";

export interface AppliedData {
  lines: TransactionLines;
  options: ApplyOptions;
  design(overrides?: { abcCutoffs?: number[] }): SegmentDefinition;
  apply(definition: SegmentDefinition): ApplyResult;
}

/** Item codes without a digit are postage, fees and adjustments (the command line's default rule). */
const NO_DIGIT = /^\D*$/;

function appliedData(lines: TransactionLines, columns: ApplyOptions["columns"], id: string, period: Period, isNonProduct: (code: string) => boolean): AppliedData {
  const options: ApplyOptions = { returns: "exclude", isNonProduct, thresholds: DEFAULT_THRESHOLDS, columns };
  const aggregated = aggregateTransactions(lines, { returns: "exclude", isNonProduct, period, exceptions: DESIGN_EXCEPTIONS, costRatio: 0.6 });
  return {
    lines,
    options,
    design: (overrides = {}) =>
      designAbcXyz(aggregated.table, {
        id,
        name: id,
        author: "test",
        dataSource: id,
        rowCount: lines.count,
        createdAt: "2024-01-01T00:00:00.000Z",
        period,
        costRatio: 0.6,
        // Every item counts as established: a short slice would otherwise make them all "new".
        newItemPeriods: 1,
        ...overrides,
      }),
    apply: (definition) => applyDefinition(definition, lines, options),
  };
}

/** The first `records` lines of Online Retail, read by the command line's reader from a CSV copy. */
export async function onlineRetail(records: number): Promise<AppliedData> {
  const { header, records: rows } = readCsvHead(sharedDataFile("online-retail", "online_retail.csv.gz"), records);
  const quote = (field: string) => (/[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "scenarios-")), "retail.csv");
  fs.writeFileSync(file, [header, ...rows].map((row) => row.map(quote).join(",")).join("\n") + "\n");
  try {
    const read = await readTransactions(file, {
      mapping: { item: "StockCode", date: "InvoiceDate", quantity: "Quantity", price: "UnitPrice", order: "InvoiceNo" },
      dateFormat: "auto",
    });
    return appliedData(read.lines, read.columns, "retail", "week", (code) => NO_DIGIT.test(code));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export async function scmsDeliveries(): Promise<AppliedData> {
  const read = await readTransactions(sharedDataFile("scms-shipment-pricing", "SCMS_Delivery_History_Dataset.csv"), {
    mapping: {
      item: "Item Description",
      date: "Scheduled Delivery Date",
      quantity: "Line Item Quantity",
      revenue: "Line Item Value",
      order: "PO / SO #",
      promisedDate: "Scheduled Delivery Date",
      deliveredDate: "Delivered to Client Date",
      costToServe: "Freight Cost (USD)",
    },
    dateFormat: "auto",
  });
  return appliedData(read.lines, read.columns, "scms", "quarter", () => false);
}

let saved = 0;
export function scenarioOf(name: string, definition: SegmentDefinition, applied: ApplyResult): Scenario {
  saved += 1;
  return { id: `test-${saved}`, name, savedAt: new Date(Date.UTC(2024, 0, 1, 9, saved)).toISOString(), definition, applied };
}

export function fixedState(partial: Partial<DesignState>): DesignState {
  return {
    definition: null,
    setDefinition: () => undefined,
    applied: null,
    applyStatus: { kind: "idle" },
    reapply: async () => null,
    scenarios: [],
    saveScenario: () => null,
    removeScenario: () => undefined,
    ...partial,
  };
}

/** The latest design state a LiveDesign rendered, for assertions. */
export const live: { state: DesignState | null } = { state: null };

/**
 * The design provider's contract over real data without the worker: setDefinition keeps the
 * result when only policies or targets changed (as the provider does) and applies the definition
 * with the engine otherwise; scenarios are saved and removed in state.
 */
export function LiveDesign({ data, initial, scenarios: initialScenarios = [], children }: {
  data: AppliedData;
  initial: SegmentDefinition;
  scenarios?: Scenario[];
  children: React.ReactNode;
}) {
  const [definition, setDefinitionState] = React.useState<SegmentDefinition | null>(initial);
  const [applied, setApplied] = React.useState<ApplyResult | null>(() => data.apply(initial));
  const [scenarios, setScenarios] = React.useState<Scenario[]>(initialScenarios);
  const state: DesignState = {
    definition,
    applied,
    applyStatus: { kind: "idle" },
    setDefinition: (next) => {
      setDefinitionState(next);
      if (!next) return setApplied(null);
      if (applied && assignmentKey(applied.definition) === assignmentKey(next)) setApplied({ ...applied, definition: next });
      else setApplied({ ...data.apply(next), definition: next });
    },
    reapply: async () => null,
    scenarios,
    saveScenario: (name) => {
      if (!definition || !applied) return null;
      const scenario = scenarioOf(name, definition, applied);
      setScenarios((list) => [...list, scenario]);
      return scenario;
    },
    removeScenario: (id) => setScenarios((list) => list.filter((scenario) => scenario.id !== id)),
  };
  live.state = state;
  return <DesignStateProvider value={state}>{children}</DesignStateProvider>;
}
