/**
 * Small data sets for the clustering tests: well-separated Gaussian blobs (seeded) and the UCI
 * Wholesale customers file (../shared/data/wholesale-customers, 440 clients × 6 annual spends).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { seededRandom } from "../../bench/table";

/** `perSegment` items around each of `centres` (rows of d numbers) with spread `spread`, row-major, in segment order. */
export function blobs(centres: readonly (readonly number[])[], perSegment: number, spread: number, seed: number): { values: Float64Array; truth: Int32Array } {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const d = centres[0].length;
  const values = new Float64Array(centres.length * perSegment * d);
  const truth = new Int32Array(centres.length * perSegment);
  centres.forEach((centre, j) => {
    for (let i = 0; i < perSegment; i++) {
      const item = j * perSegment + i;
      truth[item] = j;
      for (let t = 0; t < d; t++) values[item * d + t] = centre[t] + spread * gaussian();
    }
  });
  return { values, truth };
}

export const WHOLESALE = path.resolve(__dirname, "../../../shared/data/wholesale-customers/wholesale_customers.csv");

/** The six spend columns of Wholesale customers, 440 × 6, row-major. */
export function readWholesale(): { values: Float64Array; columns: string[] } {
  if (!fs.existsSync(WHOLESALE)) {
    throw new Error(`Real-data file not found: ${WHOLESALE}. Clone the shared data folder beside the repository (<repo>/../shared/data).`);
  }
  const [header, ...lines] = fs.readFileSync(WHOLESALE, "utf8").trim().split("\n");
  const columns = header.split(",").slice(2);
  return { values: Float64Array.from(lines.flatMap((line) => line.split(",").slice(2).map(Number))), columns };
}

export interface ClusterReference {
  sklearn: string;
  wholesale: {
    columns: string[];
    items: number;
    totalSumOfSquares: number;
    k4: { nInit: number; inertia: number; centroids: number[][]; labels: number[]; silhouette: number };
    sweep: { k: number; inertia: number; silhouette: number }[];
    ward4: { labels: number[]; topHeights: number[]; kmeansAgreement: number };
  };
  rfm: {
    lines: number;
    customers: number;
    referenceDay: string;
    sums: number[];
    k4: { nInit: number; inertia: number; centroids: number[][]; sizes: number[]; labels: number[] };
  };
}

/** scikit-learn's results, printed by scripts/reference/cluster_sklearn.py and committed. */
export function readClusterReference(): ClusterReference {
  const file = path.resolve(__dirname, "../fixtures/cluster-sklearn.reference.json");
  return JSON.parse(fs.readFileSync(file, "utf8")) as ClusterReference;
}
