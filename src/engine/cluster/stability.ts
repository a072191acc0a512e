/**
 * Are the segments real, or an accident of where k-means started? Agreement between clusterings by
 * the adjusted Rand index (L. Hubert, P. Arabie, "Comparing partitions", Journal of Classification
 * 2:193–218, 1985): the share of item pairs two clusterings treat alike (together in both, or apart in
 * both), corrected for chance, so that 1 means the same partition whatever the segment numbers, and
 * about 0 means no more agreement than random labels of the same sizes.
 */
import { invalidInput } from "../errors";
import { kmeansTask, KMeansOptions } from "./kmeans";
import { ClusterTask, runTask, within } from "./task";

/**
 * Adjusted Rand index of two labellings of the same items (labels are any integers ≥ 0; only the
 * grouping matters). 1 when both are the same partition, including when both put every item in one
 * segment or each item in its own (scikit-learn's convention).
 */
export function adjustedRandIndex(first: ArrayLike<number>, second: ArrayLike<number>): number {
  const n = first.length;
  if (second.length !== n) throw invalidInput(`both labellings must cover the same items; got ${n} and ${second.length}`);
  if (n < 2) return 1;
  const codes = (labels: ArrayLike<number>): { code: Int32Array; count: number } => {
    const map = new Map<number, number>();
    const code = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const label = labels[i];
      if (!Number.isInteger(label) || label < 0) throw invalidInput(`labels must be whole numbers ≥ 0; item ${i + 1} has ${label}`);
      let c = map.get(label);
      if (c === undefined) {
        c = map.size;
        map.set(label, c);
      }
      code[i] = c;
    }
    return { code, count: map.size };
  };
  const a = codes(first);
  const b = codes(second);
  const table = new Float64Array(a.count * b.count);
  const rowSums = new Float64Array(a.count);
  const columnSums = new Float64Array(b.count);
  for (let i = 0; i < n; i++) {
    table[a.code[i] * b.count + b.code[i]]++;
    rowSums[a.code[i]]++;
    columnSums[b.code[i]]++;
  }
  const pairs = (m: number) => (m * (m - 1)) / 2;
  let index = 0;
  for (let c = 0; c < table.length; c++) index += pairs(table[c]);
  let rows = 0;
  for (let c = 0; c < a.count; c++) rows += pairs(rowSums[c]);
  let columns = 0;
  for (let c = 0; c < b.count; c++) columns += pairs(columnSums[c]);
  const expected = (rows * columns) / pairs(n);
  const maximum = (rows + columns) / 2;
  if (maximum === expected) return 1; // both trivial partitions (one segment, or all singletons)
  return (index - expected) / (maximum - expected);
}

export type StabilityVerdict = "stable" | "fairly stable" | "unstable";

/** The words for a mean agreement: ≥ 0.9 stable, ≥ 0.75 fairly stable, below unstable. */
export function stabilityVerdict(meanAgreement: number): StabilityVerdict {
  return meanAgreement >= 0.9 ? "stable" : meanAgreement >= 0.75 ? "fairly stable" : "unstable";
}

export interface StabilityOptions extends Omit<KMeansOptions, "initialCentroids" | "onRestart" | "onIteration"> {
  /** Independent clusterings compared (default 5), each from its own seed (seed, seed + 1, ...). */
  runs?: number;
}

export interface StabilityResult {
  /** Mean adjusted Rand index over all pairs of runs. */
  meanAgreement: number;
  /** The lowest pairwise adjusted Rand index. */
  minimumAgreement: number;
  verdict: StabilityVerdict;
  /** Inertia of each run. */
  inertias: number[];
}

/**
 * Clusters the (prepared) items `runs` times from different seeds and compares every pair. `restarts`
 * defaults to 1 here: one k-means++ start per seed shows whether the starting point decides the
 * segments; pass the restarts you cluster with to judge the result you would actually get.
 */
export function assessStability(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  k: number,
  options: StabilityOptions = {},
): StabilityResult {
  return runTask(assessStabilityTask(values, itemCount, dimensionCount, k, options), options);
}

export function* assessStabilityTask(
  values: Float64Array,
  itemCount: number,
  dimensionCount: number,
  k: number,
  options: StabilityOptions = {},
): ClusterTask<StabilityResult> {
  const runs = options.runs ?? 5;
  if (!Number.isInteger(runs) || runs < 2) throw invalidInput(`stability needs at least 2 runs; got ${runs}`);
  const seed = options.seed ?? 0;
  const labellings: Int32Array[] = [];
  const inertias: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = yield* within(
      kmeansTask(values, itemCount, dimensionCount, k, { ...options, seed: seed + run, restarts: options.restarts ?? 1 }),
      run / runs,
      (run + 1) / runs,
    );
    labellings.push(result.labels);
    inertias.push(result.inertia);
  }
  let total = 0;
  let minimum = Infinity;
  let pairs = 0;
  for (let a = 0; a < runs; a++) {
    for (let b = a + 1; b < runs; b++) {
      const agreement = adjustedRandIndex(labellings[a], labellings[b]);
      total += agreement;
      if (agreement < minimum) minimum = agreement;
      pairs++;
    }
  }
  const meanAgreement = total / pairs;
  return { meanAgreement, minimumAgreement: minimum, verdict: stabilityVerdict(meanAgreement), inertias };
}
