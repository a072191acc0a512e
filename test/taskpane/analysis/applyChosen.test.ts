/**
 * Applying a definition to the chosen sheet data: through the `definition.apply` job in this thread
 * (no worker) and through the worker protocol (structured clone, as a browser's worker does), the
 * result is the ApplyResult applyDefinition gives on the same lines — every segment, reason, policy
 * figure, KPI and readiness check — with progress, and cancel.
 */
import { applyDefinition, type ApplyResult } from "../../../src/engine/apply/applyDefinition";
import { designAbcXyz, DESIGN_EXCEPTIONS, type SegmentDefinition } from "../../../src/engine/definition";
import { DEFAULT_THRESHOLDS } from "../../../src/engine/readiness/readiness";
import { aggregateTransactions } from "../../../src/engine/transactions/aggregate";
import { DEFAULT_LINE_RULES, lineRulesOf } from "../../../src/engine/transactions/lineRules";
import { applyChosen } from "../../../src/taskpane/analysis/applyChosen";
import { chosenLines } from "../../../src/taskpane/analysis/chosenLines";
import type { ChosenData } from "../../../src/taskpane/dataset";
import type { PaneServices } from "../../../src/taskpane/services";
import { JobClient } from "../../../src/taskpane/worker/client";
import { JobCancelled } from "../../../src/taskpane/worker/jobs";
import { ENGINE_JOBS, type EngineJobs } from "../../../src/taskpane/worker/registry";
import { serveJobs } from "../../../src/taskpane/worker/serve";
import { createExcelGateway } from "../../../src/taskpane/workbook/excelGateway";
import { installExcelMock } from "../../support/excel/excelMock";
import { installOfficeMock } from "../../support/excel/officeMock";
import { createFakeWorkerPair } from "../../support/fakeWorker";
import { retailSample, sampleWorkbook } from "./retailSample";

let chosen: ChosenData;
let definition: SegmentDefinition;
let expected: ApplyResult;

beforeAll(async () => {
  // Every 108th line of UCI Online Retail's year (5,000 lines, December 2010 to December 2011), as Excel holds it.
  const model = sampleWorkbook(retailSample(108, 5000));
  installExcelMock(model);
  installOfficeMock(model);
  const data = await createExcelGateway().readSource({ kind: "table", name: "Sales" });
  const column = (name: string) => data.headers.indexOf(name);
  chosen = { data, roles: { itemId: column("StockCode"), date: column("InvoiceDate"), quantity: column("Quantity"), price: column("UnitPrice"), orderId: column("InvoiceNo") } };
  const { lines, columns } = chosenLines(chosen);
  const rules = lineRulesOf(DEFAULT_LINE_RULES);
  // The command line's `design --method abc-xyz` on the same lines.
  const aggregated = aggregateTransactions(lines, { ...rules, period: "month", exceptions: DESIGN_EXCEPTIONS, costRatio: 1 });
  definition = designAbcXyz(aggregated.table, {
    id: "retail-sample",
    name: "Retail sample ABC-XYZ",
    author: "test",
    dataSource: "online_retail.csv.gz",
    rowCount: lines.count,
    createdAt: "2024-01-01T00:00:00.000Z",
    period: "month",
  });
  expected = applyDefinition(definition, lines, { ...rules, thresholds: DEFAULT_THRESHOLDS, columns });
});

function workerServices(): PaneServices {
  const engine = new JobClient<EngineJobs>(() => {
    const pair = createFakeWorkerPair();
    serveJobs(pair.scope, ENGINE_JOBS, { progressIntervalMs: 0 });
    return pair.worker;
  });
  return { workbook: null, engine };
}

/** The whole result, reasons and all, against applyDefinition's. */
function expectSameResult(actual: ApplyResult) {
  const items = expected.aggregated.table.ids.length;
  expect(items).toBeGreaterThan(1000);
  const { table: actualTable, ...actualAggregated } = actual.aggregated;
  const { table: expectedTable, ...expectedAggregated } = expected.aggregated;
  expect(actualTable.ids).toEqual(expectedTable.ids);
  expect(new Map(actualTable.numbers)).toEqual(new Map(expectedTable.numbers));
  expect(actualAggregated).toEqual(expectedAggregated);
  expect(actual.segmentIndex).toEqual(expected.segmentIndex);
  const a = actual.assignment;
  const e = expected.assignment;
  expect([a.segmentIndex, a.computedIndex, a.source, a.computedSource]).toEqual([e.segmentIndex, e.computedIndex, e.source, e.computedSource]);
  expect(a.classes.map((placed) => [placed.classIndex, placed.thresholdClass])).toEqual(e.classes.map((placed) => [placed.classIndex, placed.thresholdClass]));
  for (let item = 0; item < items; item++) {
    expect(a.cellOf(item)).toBe(e.cellOf(item));
    expect(a.reasons(item)).toEqual(e.reasons(item));
    expect(a.computedReasons(item)).toEqual(e.computedReasons(item));
    for (let c = 0; c < e.classes.length; c++) expect(a.classes[c].describe(item)).toBe(e.classes[c].describe(item));
  }
  expect(actual.policy).toEqual(expected.policy);
  expect(actual.measures).toEqual(expected.measures);
  expect(actual.kpis).toEqual(expected.kpis);
  expect(actual.readiness).toEqual(expected.readiness);
  expect(actual.drift).toEqual(expected.drift);
  expect(actual.reclassification).toBeNull();
  expect(actual.definition).toBe(definition);
}

describe("applyChosen", () => {
  it("in this thread (no worker) gives applyDefinition's result, reporting each step", async () => {
    const steps: string[] = [];
    const result = await applyChosen({ workbook: null, engine: null }, chosen, definition, {
      onProgress: (done, total, message) => steps.push(`${done}/${total}${message ? ` ${message}` : ""}`),
    });
    expectSameResult(result);
    expect(steps).toEqual([
      "0/6 Aggregating lines into items",
      "1/6 Assigning segments",
      "2/6 Computing policy figures",
      "3/6 Measuring KPIs",
      "4/6 Checking readiness",
      "5/6 Packing the results",
      "6/6",
    ]);
    // Some items really are placed by each route the definition has: the comparison covers them.
    const sources = new Set(result.assignment.source);
    expect(sources.size).toBeGreaterThan(1);
  });

  it("through the engine worker gives the same result", async () => {
    const services = workerServices();
    const progress: number[] = [];
    const result = await applyChosen(services, chosen, definition, { onProgress: (done) => progress.push(done) });
    expectSameResult(result);
    expect(progress[progress.length - 1]).toBe(6);
    services.engine!.dispose();
  });

  it("converts the chosen data once per choice", () => {
    expect(chosenLines(chosen)).toBe(chosenLines(chosen));
    expect(chosenLines({ ...chosen })).not.toBe(chosenLines(chosen));
  });

  it.each([
    ["in this thread", () => ({ workbook: null, engine: null }) as PaneServices],
    ["in the worker", workerServices],
  ])("cancels %s when the signal aborts", async (_where, services) => {
    const controller = new AbortController();
    const running = applyChosen(services(), chosen, definition, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(JobCancelled);
  });

  it("refuses data whose mapping can't be right, saying what to fix", async () => {
    const wrong: ChosenData = { data: chosen.data, roles: { ...chosen.roles, date: chosen.data.headers.indexOf("Description") } };
    await expect(applyChosen({ workbook: null, engine: null }, wrong, definition)).rejects.toThrow(
      /^Only 0 of 5,000 rows of Description \(Date\) can be read \(row 2: "WHITE HANGING HEART T-LIGHT\.\.\." is not a date \(expected YYYY-MM-DD\)\): check that the right column is mapped to Date\.$/,
    );
    const missing: ChosenData = { data: chosen.data, roles: { itemId: chosen.roles.itemId } };
    await expect(applyChosen({ workbook: null, engine: null }, missing, definition)).rejects.toThrow("Map Date, Quantity and Revenue or Unit price in Columns to read the lines.");
  });
});
