/**
 * The pane benchmark's third part: a workbook of `rows` Online Retail lines (spread over the year)
 * through the built pane in chromium and the stand-in Excel host — read the table, cluster the
 * items (k-means, the Design view's defaults), write the results — timing each step as the user
 * waits for it and counting the requests the host saw.
 */
import { openPane, type PaneSession } from "../test/browser/support/pane";
import { designSegments, readTable, standIn, writeResults } from "../test/browser/support/flow";
import { plannerWorkbookSpec } from "../test/support/excel/realWorkbooks";
import type { WorkbookSpec } from "../test/support/excel/workbookModel";
import { seededRandom } from "./table";

export interface FlowStep {
  name: string;
  ms: number;
  requests: number;
  largestKb: number;
}

/**
 * A synthetic sales table of `rows` lines, one distinct item each (so `rows` assignments are written
 * back): log-normal quantities and prices, dates over 2011, as a planner's export would hold them.
 */
export function syntheticSalesSpec(rows: number): WorkbookSpec {
  const random = seededRandom(20261125);
  const logNormal = (mu: number, sigma: number) => Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random()));
  const header = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];
  const firstDay = (Date.UTC(2011, 0, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const data = Array.from({ length: rows }, (_, i) => [
    600000 + Math.floor(i / 3),
    `SKU${String(i + 1).padStart(6, "0")}`,
    `PRODUCT ${i + 1}`,
    Math.max(1, Math.round(logNormal(2, 1.2))),
    firstDay + Math.floor(random() * 365) + Math.round(random() * 600) / 1440,
    Math.round(logNormal(1, 0.9) * 100) / 100,
    12000 + Math.floor(random() * 4000),
    "United Kingdom",
  ]);
  return {
    sheets: [{ name: "Transactions", rows: [header, ...data], columnFormats: { 4: "yyyy-mm-dd hh:mm", 5: "0.00" } }],
    tables: [{ name: "Sales", sheet: "Transactions", address: `A1:H${rows + 1}` }],
    names: [],
    selection: { sheet: "Transactions", address: "A1:H20" },
  };
}

export async function runPaneFlow(
  session: PaneSession,
  rows: number,
  kind: "online-retail" | "synthetic",
): Promise<FlowStep[]> {
  const workbook = kind === "synthetic" ? syntheticSalesSpec(rows) : plannerWorkbookSpec(rows, 20, { spread: true });
  // One line per item has no variability or order count to cluster on: volume and value.
  const dimensions: Record<string, boolean> = kind === "synthetic" ? { Revenue: true, Quantity: true, "Order lines": false, "Demand CV": false } : {};
  const { page, errors } = await openPane(session, { width: 500, workbook });
  await page.getByRole("heading", { level: 1, name: "Supply Segments" }).waitFor();
  const steps: FlowStep[] = [];
  let seen = (await standIn(page, (view) => view.log())).length;
  const step = async (name: string, body: () => Promise<unknown>) => {
    const start = performance.now();
    await body();
    const ms = performance.now() - start;
    const log = await standIn(page, (view) => view.log());
    const mine = log.slice(seen);
    seen = log.length;
    steps.push({ name, ms, requests: mine.length, largestKb: Math.max(0, ...mine.map((record) => Math.max(record.requestBytes, record.responseBytes))) / 1024 });
  };
  const timeout = 600_000;
  await step(`read ${rows.toLocaleString("en-US")} rows (Data: read, use the columns)`, () => readTable(page, "Sales", rows, timeout));
  await step("cluster the items (Design: items, k-means k = 5, use it)", () => designSegments(page, "Clusters", { timeout, dimensions }));
  await step("write assignments, summary, policies (Policies: write)", () => writeResults(page, timeout));
  const total = steps.reduce((sum, entry) => sum + entry.ms, 0);
  steps.push({ name: "total", ms: total, requests: steps.reduce((sum, entry) => sum + entry.requests, 0), largestKb: Math.max(...steps.map((entry) => entry.largestKb)) });
  if (errors.length > 0) throw new Error(`The pane reported errors: ${errors.join("; ")}`);
  await page.context().close();
  return steps;
}
