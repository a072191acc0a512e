/**
 * One engine on one data file, in a process of its own, for `npm run bench:cluster` (bench/cluster.ts,
 * which bundles this file with esbuild and runs it with plain node).
 * Usage: node --expose-gc child.mjs <engine> <file> <items> <dimensions> <k> <restarts> <seed>
 *   engine: "segments" (this engine, first call in the process), "segments-warm" (this engine, second
 *   call: after one untimed call on the same data) or "ml-kmeans" (the mljs baseline).
 * Prints one JSON line: { ms, centroids, iterations, peakKb }. The wall time covers the clustering call
 * alone (for ml-kmeans also the conversion to arrays of arrays its API needs, and picking the best start).
 * peakKb is the peak resident memory during the call above what the process held just before it (the
 * runtime and the input): Linux's peak counter is reset first (`5` to /proc/self/clear_refs), the same
 * way bench/cluster_sklearn.py measures scikit-learn; null where /proc does not allow it.
 */
import * as fs from "node:fs";
import { kmeans as mlKmeans } from "ml-kmeans";
import { kmeans } from "../src/engine/cluster/kmeans";

const [engine, file, itemText, dimensionText, kText, restartText, seedText] = process.argv.slice(2);
const itemCount = Number(itemText);
const dimensionCount = Number(dimensionText);
const k = Number(kText);
const restarts = Number(restartText);
const seed = Number(seedText);

/**
 * The input as a Float64Array of its own. Copied out of the file buffer: the first pass over a buffer
 * fresh from readFileSync pays its page faults (~0.15 s for 32 MB here), which NumPy's fromfile has
 * already paid; every engine starts from the same resident copy.
 */
function readMatrix(): Float64Array {
  const bytes = fs.readFileSync(file);
  if (bytes.byteLength !== itemCount * dimensionCount * 8) throw new Error(`${file}: expected ${itemCount} × ${dimensionCount} doubles`);
  const values = new Float64Array(itemCount * dimensionCount);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}

/** scikit-learn's absolute tolerance: tol × mean per-dimension variance. */
function absoluteTolerance(values: Float64Array, tolerance: number): number {
  let total = 0;
  for (let t = 0; t < dimensionCount; t++) {
    let mean = 0;
    for (let i = 0; i < itemCount; i++) mean += values[i * dimensionCount + t];
    mean /= itemCount;
    for (let i = 0; i < itemCount; i++) total += (values[i * dimensionCount + t] - mean) ** 2;
  }
  return (tolerance * total) / itemCount / dimensionCount;
}

function inertiaOf(rows: number[][], centroids: number[][]): number {
  let inertia = 0;
  for (const row of rows) {
    let best = Infinity;
    for (const centre of centroids) {
      let dist = 0;
      for (let t = 0; t < row.length; t++) dist += (row[t] - centre[t]) ** 2;
      if (dist < best) best = dist;
    }
    inertia += best;
  }
  return inertia;
}

function residentKb(field: "VmRSS" | "VmHWM"): number {
  const line = fs.readFileSync("/proc/self/status", "utf8").split("\n").find((l) => l.startsWith(`${field}:`));
  return line ? parseInt(line.slice(field.length + 1), 10) : NaN;
}

/**
 * Drops garbage (the file buffer the input was copied from: V8 frees such memory on a background
 * thread, hence the pauses) and resets the peak counter; returns the resident size to measure from,
 * or null.
 */
async function startPeakMeasure(): Promise<number | null> {
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < 2; round++) {
    collect?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return residentKb("VmRSS");
  } catch {
    return null;
  }
}

const values = readMatrix();
let output: { ms: number; centroids: number[]; iterations: number };
const before = await startPeakMeasure();
if (engine === "segments" || engine === "segments-warm") {
  // "segments-warm": a first, untimed call on the same data, as a workbook that has clustered once
  // has a compiled engine; the row is shown for information, the targets use the cold call.
  if (engine === "segments-warm") kmeans(values, itemCount, dimensionCount, k, { restarts, seed });
  const start = performance.now();
  const result = kmeans(values, itemCount, dimensionCount, k, { restarts, seed });
  output = { ms: performance.now() - start, centroids: Array.from(result.centroids), iterations: result.iterations };
} else if (engine === "ml-kmeans") {
  const tolerance = absoluteTolerance(values, 1e-4);
  const start = performance.now();
  const rows: number[][] = [];
  for (let i = 0; i < itemCount; i++) rows.push(Array.from(values.subarray(i * dimensionCount, (i + 1) * dimensionCount)));
  let best: { inertia: number; centroids: number[][]; iterations: number } | undefined;
  for (let restart = 0; restart < restarts; restart++) {
    // ml-kmeans stops when every centre moved by less than `tolerance` (squared distance): with
    // scikit-learn's absolute tolerance that stops no later than scikit-learn's summed criterion.
    const result = mlKmeans(rows, k, { initialization: "kmeans++", seed: seed + restart, tolerance, maxIterations: 300 });
    const inertia = inertiaOf(rows, result.centroids);
    if (best === undefined || inertia < best.inertia) best = { inertia, centroids: result.centroids, iterations: result.iterations };
  }
  output = { ms: performance.now() - start, centroids: best!.centroids.flat(), iterations: best!.iterations };
} else {
  throw new Error(`unknown engine ${engine}`);
}
const peakKb = before === null ? null : Math.max(0, residentKb("VmHWM") - before);
process.stdout.write(JSON.stringify({ ...output, peakKb }) + "\n");
