/**
 * One case of bench/apply.ts, run in its own process (bench/apply.ts bundles this file with esbuild,
 * as the command line is bundled, and runs it with plain Node): prints one JSON line with the times
 * and the process's peak memory.
 *   node applyCase.cjs 100000 | 1000000 | real
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { applyDefinition } from "../src/engine/apply/applyDefinition";
import { designAbcXyz, DESIGN_EXCEPTIONS } from "../src/engine/definition/design";
import { daysFromCivil } from "../src/engine/policy/periods";
import { DEFAULT_THRESHOLDS } from "../src/engine/readiness/readiness";
import { aggregateTransactions } from "../src/engine/transactions/aggregate";
import type { TransactionLines } from "../src/engine/transactions/lines";
import { readinessContext, writeResultsWorkbook } from "../src/cli/report/resultsWorkbook";
import { createProgress } from "../src/cli/progress";
import { seededRandom } from "./table";

const ROOT = process.cwd();
const RULES = { returns: "exclude" as const, isNonProduct: (code: string) => !/\d/.test(code) };

/** Synthetic lines: log-normal item sizes, 1–11 lines per item over 2023, some returns and one-offs. */
function syntheticLines(items: number, seed: number): TransactionLines {
  const random = seededRandom(seed);
  const counts = new Int32Array(items);
  let total = 0;
  for (let i = 0; i < items; i++) total += counts[i] = 1 + Math.floor(random() * 11);
  const item = new Int32Array(total);
  const day = new Float64Array(total);
  const quantity = new Float64Array(total);
  const price = new Float64Array(total);
  const first = daysFromCivil(2023, 1, 1);
  let at = 0;
  for (let i = 0; i < items; i++) {
    const u = Math.max(random(), 1e-12);
    const size = Math.exp(1.5 + 1.2 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random()));
    const unitPrice = Math.round((0.5 + random() * 20) * 100) / 100;
    for (let k = 0; k < counts[i]; k++, at++) {
      item[at] = i;
      day[at] = first + Math.floor(random() * 365);
      const q = Math.max(1, Math.round(size * (0.3 + random() * 1.4)));
      quantity[at] = random() < 0.02 ? -q : q;
      price[at] = unitPrice;
    }
  }
  return {
    count: total,
    itemCodes: Array.from({ length: items }, (_, i) => `SKU${i}`),
    item,
    sourceRow: Int32Array.from({ length: total }, (_, i) => i + 2),
    day,
    quantity,
    price,
    revenue: null,
  };
}

export interface CaseResult {
  name: string;
  items: number;
  lines: number;
  engineMs: number;
  writeMs: number;
  totalMs: number;
  workbookMb: number;
  peakRssMb: number;
}

async function runSynthetic(items: number): Promise<CaseResult> {
  const lines = syntheticLines(items, 20261125 + items);
  const designData = aggregateTransactions(lines, { ...RULES, period: "month", exceptions: { ...DESIGN_EXCEPTIONS }, costRatio: 1 });
  const definition = designAbcXyz(designData.table, {
    id: "bench",
    name: "bench",
    author: "bench",
    dataSource: "synthetic",
    rowCount: lines.count,
    createdAt: new Date().toISOString(),
    period: "month",
  });
  const columns = [{ role: "item", header: "item", required: true, rows: lines.count, readable: lines.count, problemCount: 0, problems: [] }];
  const out = path.join(os.tmpdir(), `supply-segments-bench-${process.pid}.xlsx`);
  const start = process.hrtime.bigint();
  const result = applyDefinition(definition, lines, { ...RULES, thresholds: DEFAULT_THRESHOLDS, columns });
  const engineDone = process.hrtime.bigint();
  const facts = { command: "bench", dataFile: "synthetic", mapping: "", dataRows: lines.count, nonProductRule: "codes with no digit", returns: "exclude" as const };
  await writeResultsWorkbook(out, result, readinessContext(result, lines, columns, facts), facts, createProgress(false));
  const end = process.hrtime.bigint();
  const workbookMb = fs.statSync(out).size / 2 ** 20;
  fs.rmSync(out, { force: true });
  return {
    name: `apply, ${items.toLocaleString("en-US")} synthetic items`,
    items,
    lines: lines.count,
    engineMs: Number(engineDone - start) / 1e6,
    writeMs: Number(end - engineDone) / 1e6,
    totalMs: Number(end - start) / 1e6,
    workbookMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function runRealFile(): Promise<CaseResult> {
  const { main } = await import("../src/cli/main"); // the command line itself, bundled into this runner
  const data = path.resolve(ROOT, "../shared/data/online-retail/online_retail.csv.gz");
  const mapping = ["--item", "StockCode", "--date", "InvoiceDate", "--quantity", "Quantity", "--price", "UnitPrice"];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "supply-segments-bench-"));
  const definition = path.join(dir, "definition.json");
  const out = path.join(dir, "results.xlsx");
  const quiet = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    if ((await main(["node", "supply-segments", "design", data, ...mapping, "--out", definition])) !== 0) throw new Error("design failed");
    const start = process.hrtime.bigint();
    if ((await main(["node", "supply-segments", "apply", definition, data, ...mapping, "--out", out])) !== 0) throw new Error("apply failed");
    const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
    return {
      name: "apply, online_retail.csv.gz (read + apply + write)",
      items: 4057,
      lines: 541909,
      engineMs: NaN,
      writeMs: NaN,
      totalMs,
      workbookMb: fs.statSync(out).size / 2 ** 20,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    process.stdout.write = quiet;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function child(which: string): Promise<void> {
  const result = which === "real" ? await runRealFile() : await runSynthetic(Number(which));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

child(process.argv[2]).catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
});
