/**
 * One engine on one data file, in a process of its own, for `npm run bench:cluster` (bench/cluster.ts,
 * which bundles this file with esbuild and runs it with plain node).
 * Usage: node child.mjs <engine> <file> <items> <dimensions> <k> <restarts> <seed>
 *   engine: "segments" (this engine), "ml-kmeans" (the mljs baseline) or "none" (only loads the input:
 *   the memory baseline the others are measured against).
 * Prints one JSON line: { ms, centroids, iterations, maxRssKb }. The wall time covers the clustering call
 * alone (for ml-kmeans also the conversion to arrays of arrays its API needs, and picking the best start).
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
 * already paid; every engine, and the baseline, start from the same resident copy.
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

const values = readMatrix();
let output: { ms: number; centroids: number[]; iterations: number };
if (engine === "segments") {
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
} else if (engine === "none") {
  output = { ms: 0, centroids: [], iterations: 0 };
} else {
  throw new Error(`unknown engine ${engine}`);
}
process.stdout.write(JSON.stringify({ ...output, maxRssKb: process.resourceUsage().maxRSS }) + "\n");
