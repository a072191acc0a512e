import { squaredDistance } from "../../../src/engine/cluster/distance";
import { kmeans, KMeansIteration, KMeansOptions, KMeansResult } from "../../../src/engine/cluster/kmeans";
import { createRandom, RandomStream } from "../../../src/engine/cluster/random";
import { ABOVE, BELOW, BoundOffsets } from "../../../src/engine/cluster/workspace";

/**
 * Hamerly's bounds (G. Hamerly, "Making k-means even faster", SDM 2010) only skip distance
 * computations: iteration by iteration every item must get the centre plain Lloyd gives it. Checked
 * against a plain Lloyd written here from the definition — every item to its nearest centre (lowest
 * index on a tie) by brute force, every centre to the mean of its items, an emptied centre to the
 * farthest item, the engine's stopping rule — on many seeded data sets: blobs, exact ties, duplicate
 * rows, values far from 0, and starts that leave segments empty.
 */

interface PlainOutcome {
  labels: Int32Array;
  centroids: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
  trace: { inertia: number; changed: number }[];
}

function nearestByBruteForce(values: Float64Array, o: number, d: number, centroids: Float64Array, k: number): number {
  let best = Infinity;
  let bestJ = 0;
  for (let j = 0; j < k; j++) {
    const dist = squaredDistance(values, o, centroids, j * d, d);
    if (dist < best) {
      best = dist;
      bestJ = j;
    }
  }
  return bestJ;
}

function move(values: Float64Array, i: number, d: number, from: number, to: number, sums: Float64Array, counts: Float64Array): void {
  for (let t = 0; t < d; t++) {
    sums[from * d + t] -= values[i * d + t];
    sums[to * d + t] += values[i * d + t];
  }
  counts[from]--;
  counts[to]++;
}

/**
 * Plain Lloyd from `start` with `absoluteTolerance` on the summed squared centre shift. The centre
 * sums are kept as the engine keeps them (items moved one by one, in item order), so that equal
 * assignments give equal centres to the last bit.
 */
function plainLloyd(
  values: Float64Array, n: number, d: number, k: number, start: Float64Array, maxIterations: number, absoluteTolerance: number,
): PlainOutcome {
  const centroids = start.slice();
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = nearestByBruteForce(values, i * d, d, centroids, k);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) sums[labels[i] * d + t] += values[i * d + t];
    counts[labels[i]]++;
  }
  const trace: { inertia: number; changed: number }[] = [];
  let changed = n;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let assigned = 0;
    for (let i = 0; i < n; i++) assigned += squaredDistance(values, i * d, centroids, labels[i] * d, d);
    trace.push({ inertia: assigned, changed });
    const previous = centroids.slice();
    // Each empty centre takes the item farthest from its own centre (the farthest first, the earlier
    // item on a tie), unless that would empty the item's centre.
    const empty: number[] = [];
    for (let j = 0; j < k; j++) if (counts[j] === 0) empty.push(j);
    let relocated = false;
    if (empty.length > 0) {
      const far = Array.from({ length: n }, (_, i) => ({ i, dist: squaredDistance(values, i * d, previous, labels[i] * d, d) }))
        .filter((item) => item.dist > 0)
        .sort((a, b) => b.dist - a.dist || a.i - b.i)
        .slice(0, empty.length);
      empty.forEach((j, used) => {
        const item = far[used];
        if (item === undefined || counts[labels[item.i]] <= 1) return;
        move(values, item.i, d, labels[item.i], j, sums, counts);
        labels[item.i] = j;
        relocated = true;
      });
    }
    let shiftTotal = 0;
    for (let j = 0; j < k; j++) {
      if (counts[j] > 0) for (let t = 0; t < d; t++) centroids[j * d + t] = sums[j * d + t] / counts[j];
      shiftTotal += squaredDistance(centroids, j * d, previous, j * d, d);
    }
    if (iterations > 1 && changed === 0 && !relocated) {
      converged = true;
      break;
    }
    if (shiftTotal <= absoluteTolerance) {
      converged = true;
      break;
    }
    changed = 0;
    for (let i = 0; i < n; i++) {
      const nearest = nearestByBruteForce(values, i * d, d, centroids, k);
      if (nearest !== labels[i]) {
        changed++;
        move(values, i, d, labels[i], nearest, sums, counts);
        labels[i] = nearest;
      }
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    labels[i] = nearestByBruteForce(values, i * d, d, centroids, k);
    inertia += squaredDistance(values, i * d, centroids, labels[i] * d, d);
  }
  return { labels, centroids, inertia, iterations, converged, trace };
}

/** The engine's numbering: largest segment first, ties by the centre's coordinates. */
function canonical(outcome: PlainOutcome, n: number, d: number, k: number): { labels: number[]; centroids: number[] } {
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) counts[outcome.labels[i]]++;
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => {
    if (counts[a] !== counts[b]) return counts[b] - counts[a];
    for (let t = 0; t < d; t++) {
      const diff = outcome.centroids[a * d + t] - outcome.centroids[b * d + t];
      if (diff !== 0) return diff;
    }
    return a - b;
  });
  const position = new Array<number>(k);
  order.forEach((old, at) => (position[old] = at));
  return {
    labels: Array.from(outcome.labels, (label) => position[label]),
    centroids: order.flatMap((old) => Array.from(outcome.centroids.subarray(old * d, old * d + d))),
  };
}

function expectRelativelyClose(actual: number, expected: number, scale = Math.abs(expected)): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(scale, 1e-300));
}

interface DataSet {
  name: string;
  values: Float64Array;
  n: number;
  d: number;
  k: number;
}

/** Rows around `groups` random centres; `shape` makes exact ties, duplicates or values far from 0. */
function dataSet(random: RandomStream, n: number, d: number, k: number, shape: "blobs" | "grid" | "duplicates" | "offset" | "tiny"): DataSet {
  const groups = 1 + random.nextInt(8);
  const centres = Array.from({ length: groups * d }, () => (random.nextDouble() - 0.5) * 20);
  const spread = 0.5 + 3 * random.nextDouble();
  const distinct = shape === "duplicates" ? k + random.nextInt(5) : n;
  const rows: number[][] = [];
  for (let i = 0; i < distinct; i++) {
    const g = random.nextInt(groups);
    rows.push(Array.from({ length: d }, (_, t) => {
      const v = centres[g * d + t] + (random.nextDouble() + random.nextDouble() - 1) * spread;
      if (shape === "grid") return Math.round(v);
      if (shape === "offset") return 1e6 + v;
      if (shape === "tiny") return v * 1e-7;
      return v;
    }));
  }
  const values = new Float64Array(n * d);
  for (let i = 0; i < n; i++) values.set(rows[i < distinct ? i : random.nextInt(distinct)], i * d);
  return { name: `${shape} n=${n} d=${d} k=${k}`, values, n, d, k };
}

function distinctRows(set: DataSet): number {
  const seen = new Set<string>();
  for (let i = 0; i < set.n; i++) seen.add(Array.from(set.values.subarray(i * set.d, (i + 1) * set.d)).join(","));
  return seen.size;
}

function run(set: DataSet, options: KMeansOptions): { result: KMeansResult; trace: KMeansIteration[]; rawLabels: number[][] } {
  const trace: KMeansIteration[] = [];
  const rawLabels: number[][] = [];
  const result = kmeans(set.values, set.n, set.d, set.k, {
    ...options,
    onIteration: (step) => trace.push(step),
    onRestart: (outcome) => rawLabels.push(Array.from(outcome.labels)),
  });
  return { result, trace, rawLabels };
}

const SHAPES = ["blobs", "grid", "duplicates", "offset", "tiny"] as const;

function dataSets(count: number, seed: number): DataSet[] {
  const random = createRandom(seed);
  const sets: DataSet[] = [];
  for (let s = 0; s < count; s++) {
    const n = [1, 7, 40, 300, 1500, 2600][s % 6] + random.nextInt(30);
    const d = 1 + random.nextInt(9);
    const k = 1 + random.nextInt(Math.min(n, 12));
    sets.push(dataSet(random, n, d, k, SHAPES[s % SHAPES.length]));
  }
  return sets;
}

describe("Hamerly's k-means gives plain Lloyd's iterations", () => {
  it("from given centres: the same labels, centres, inertia and iterations as a plain Lloyd, iteration by iteration", () => {
    const random = createRandom(2024);
    let compared = 0;
    for (const set of dataSets(90, 11)) {
      const { values, n, d, k } = set;
      // Starts: k rows (possibly equal ones), sometimes with centres far from every item, which
      // empty their segments at the first assignment and exercise the relocation.
      const start = new Float64Array(k * d);
      for (let j = 0; j < k; j++) {
        const row = random.nextInt(n);
        start.set(values.subarray(row * d, row * d + d), j * d);
      }
      if (compared % 3 === 1) for (let j = 1; j < k; j += 2) for (let t = 0; t < d; t++) start[j * d + t] = 1e3 * (j + 1);
      const maxIterations = compared % 4 === 3 ? 3 : 300;
      const expected = plainLloyd(values, n, d, k, start, maxIterations, 0);
      const { result, trace, rawLabels } = run(set, { initialCentroids: start, tolerance: 0, maxIterations });
      const hint = `${set.name}, start ${compared}`;
      expect([hint, result.iterations, result.converged]).toEqual([hint, expected.iterations, expected.converged]);
      expect([hint, rawLabels[0]]).toEqual([hint, Array.from(expected.labels)]);
      expect(trace.map((step) => step.changed)).toEqual(expected.trace.map((step) => step.changed));
      trace.forEach((step, at) => expectRelativelyClose(step.inertia, expected.trace[at].inertia));
      const ordered = canonical(expected, n, d, k);
      expect(Array.from(result.labels)).toEqual(ordered.labels);
      const scale = Math.max(...ordered.centroids.map(Math.abs));
      result.centroids.forEach((value, at) => expectRelativelyClose(value, ordered.centroids[at], scale));
      expectRelativelyClose(result.inertia, expected.inertia);
      compared++;
    }
    expect(compared).toBe(90);
  });

  it("from k-means++ starts, with and without the tolerance: the same result as algorithm \"lloyd\", to the last bit", () => {
    let compared = 0;
    dataSets(60, 12).forEach((set, at) => {
      if (distinctRows(set) < set.k) return;
      const options: KMeansOptions = { seed: at, restarts: 1 + (at % 3), tolerance: at % 2 === 0 ? 0 : 1e-4 };
      const hamerly = run(set, options);
      const lloyd = run(set, { ...options, algorithm: "lloyd" });
      expect([set.name, hamerly.result]).toEqual([set.name, lloyd.result]);
      expect(hamerly.trace).toEqual(lloyd.trace);
      expect(hamerly.rawLabels).toEqual(lloyd.rawLabels);
      compared++;
    });
    expect(compared).toBeGreaterThan(45);
  });

  it("items exactly halfway between two centres go to the lower-numbered one, as plain Lloyd decides", () => {
    // On a grid, centres 0 and 2 with items at 1: every such item is a tie, at every iteration.
    const values = Float64Array.of(0, 1, 1, 1, 2, 2, 2, 10, 11, 12, 1, 1);
    const start = Float64Array.of(2, 0, 11);
    const expected = plainLloyd(values, 12, 1, 3, start, 300, 0);
    const { rawLabels, result } = run({ name: "ties", values, n: 12, d: 1, k: 3 }, { initialCentroids: start, tolerance: 0 });
    expect(rawLabels[0]).toEqual(Array.from(expected.labels));
    expect(result.iterations).toBe(expected.iterations);
  });

  it("an item on top of two equal centres goes to the lower-numbered one (the scan's cut-off is strict)", () => {
    // Empty segments take items at −6 and −5 twice over, so equal centres sit on items: item 6 (−6)
    // is at distance 0 from centres 5 and 7 and must end in 5; a cut-off at "gap ≥ 2u" skipped 5.
    const values = Float64Array.of(0, -5, 1, -5, 9, -6, -6, 11, 9, 9, -1, -5);
    const start = Float64Array.of(-5, 2000, 0, 4000, 9, 6000, -1, 8000, -5, 10000, -5, 12000);
    const expected = plainLloyd(values, 12, 1, 12, start, 300, 0);
    expect(expected.labels[6]).toBe(expected.labels[5]);
    for (const algorithm of ["hamerly", "lloyd"] as const) {
      const { rawLabels } = run({ name: "equal centres", values, n: 12, d: 1, k: 12 }, { initialCentroids: start, tolerance: 0, algorithm });
      expect(rawLabels[0]).toEqual(Array.from(expected.labels));
    }
  });
});

describe("Hamerly's bounds", () => {
  it("grow by a centre's own shift and drop by the largest shift among the other centres", () => {
    const offsets = new BoundOffsets(3);
    offsets.advance(Float64Array.of(0.5, 2, 1));
    offsets.advance(Float64Array.of(0.25, 0, 0.125));
    expect(Array.from(offsets.grown)).toEqual([0.75, 2, 1.125]);
    // First shifts: the largest is centre 1's (2), so centre 1 drops by the runner-up (1); then 0.125 and 0.25.
    expect(Array.from(offsets.dropped)).toEqual([2 + 0.125, 1 + 0.25, 2 + 0.25]);
    offsets.reset();
    expect(Array.from(offsets.grown)).toEqual([0, 0, 0]);
    expect(Array.from(offsets.dropped)).toEqual([0, 0, 0]);
  });

  it("the folded test keeps a centre only when u is below max(s, l) with the margin to spare", () => {
    const random = createRandom(5);
    const offsets = new BoundOffsets(4);
    for (let step = 0; step < 3; step++) offsets.advance(Float64Array.from({ length: 4 }, () => random.nextDouble()));
    const halfGap = Float64Array.from({ length: 4 }, () => 3 * random.nextDouble());
    offsets.setLimits(halfGap);
    const wrong: string[] = [];
    for (let trial = 0; trial < 20000; trial++) {
      const a = random.nextInt(4);
      const stored = [6 * random.nextDouble() - 2, 6 * random.nextDouble()];
      const u = stored[0] + offsets.grown[a];
      const l = stored[1] - offsets.dropped[a];
      const keep = stored[0] < offsets.limits[2 * a] || stored[0] * ABOVE - stored[1] * BELOW < offsets.limits[2 * a + 1];
      const bound = Math.max(halfGap[a], l);
      // Keeping needs a strict win by well over the rounding; failing is only allowed near the tie.
      const right = keep
        ? u < bound - 1e-10 * (u + bound)
        : u > bound - 1e-8 * (u + Math.abs(bound) + offsets.grown[a] + offsets.dropped[a]);
      if (!right) wrong.push(`centre ${a}, u ${u}, l ${l}, s ${halfGap[a]}: ${keep ? "kept" : "not kept"}`);
    }
    expect(wrong).toEqual([]);
  });
});
