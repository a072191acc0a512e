/**
 * `npm run bench` (after bench/run.ts): `supply-segments apply` at scale, time and peak memory.
 * The case runner (bench/applyCase.ts) is bundled with esbuild, as `npm run build:cli` bundles the
 * command line, and each case runs in a fresh Node process so its peak memory (max RSS) is its own:
 * - 100,000 and 1,000,000 synthetic items (about six order lines each over twelve months): the engine
 *   (aggregate, classify and assign with reasons, policies, KPIs, readiness) on lines in memory, then
 *   the results workbook written to disk;
 * - the real UCI Online Retail file through the command line's entry point (read the .csv.gz, apply,
 *   write), as the README runs it.
 */
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import * as path from "node:path";
import type { CaseResult } from "./applyCase";
import { formatMs, printTable } from "./table";

const ROOT = path.resolve(__dirname, "..");
const RUNNER = path.join(ROOT, ".cache", "bench", "applyCase.cjs");

buildSync({
  entryPoints: [path.join(ROOT, "bench", "applyCase.ts")],
  outfile: RUNNER,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
});

const rows: (string | number)[][] = [];
for (const which of ["100000", "1000000", "real"]) {
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", RUNNER, which], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`bench case ${which} failed`);
  }
  const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as CaseResult;
  const ms = (value: number | null) => (value === null || Number.isNaN(value) ? "–" : formatMs(value));
  rows.push([
    result.name,
    result.items.toLocaleString("en-US"),
    result.lines.toLocaleString("en-US"),
    ms(result.engineMs),
    ms(result.writeMs),
    ms(result.totalMs),
    result.workbookMb.toFixed(1),
    result.peakRssMb.toFixed(0),
  ]);
}
printTable(
  `supply-segments apply (bundled as the command line is; one Node process per case; Node ${process.version})`,
  ["case", "items", "lines", "engine ms", "write ms", "total ms", "workbook MB", "peak RSS MB"],
  rows,
);
