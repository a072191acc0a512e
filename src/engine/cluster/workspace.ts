/**
 * The buffers one k-means call reuses for every start, and the drift of Hamerly's lower bounds (see
 * lloyd.ts and assignment.ts).
 */

/**
 * How far Hamerly's lower bounds must drop after the centres moved: for an item of centre j, by the
 * largest shift among the other centres (the nearest other centre can have come at most that much
 * closer). `pending` says whether the latest drop still has to be applied; `drift` adds up the largest
 * shift since the bounds were last computed from scratch, the scale of the rounding they can carry.
 */
export class BoundDrift {
  readonly drop: Float64Array;
  pending = false;
  drift = 0;

  constructor(private readonly k: number) {
    this.drop = new Float64Array(k);
  }

  reset(): void {
    this.drop.fill(0);
    this.pending = false;
    this.drift = 0;
  }

  advance(shift: Float64Array): void {
    const k = this.k;
    let largest = 0;
    let largestAt = -1;
    let runnerUp = 0;
    for (let j = 0; j < k; j++) {
      if (shift[j] > largest) {
        runnerUp = largest;
        largest = shift[j];
        largestAt = j;
      } else if (shift[j] > runnerUp) {
        runnerUp = shift[j];
      }
    }
    // A drop not yet applied (no assignment pass since) adds up with this one.
    for (let j = 0; j < k; j++) this.drop[j] = (this.pending ? this.drop[j] : 0) + (j === largestAt ? runnerUp : largest);
    this.pending = true;
    this.drift += largest;
  }
}

/** Per-call buffers, reused by every start. Memory: 20 bytes per item, plus O(k² + k·d). */
export class Workspace {
  readonly labels: Int32Array;
  /** Squared distance to the nearest centre, during k-means++. */
  readonly nearest: Float64Array;
  /** Lower bound on each item's distance to any other centre (squared during k-means++). */
  readonly lower: Float64Array;
  readonly bounds: BoundDrift;
  /** Half the distance from each centre to its nearest other centre. */
  readonly halfGap: Float64Array;
  readonly halfGapSquared: Float64Array;
  readonly centroids: Float64Array;
  readonly previous: Float64Array;
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  readonly shift: Float64Array;
  /** For each centre a, the other centres nearest first (k − 1 per centre) and their distances from a. */
  readonly neighbourOrder: Int32Array;
  readonly neighbourDistance: Float64Array;

  constructor(n: number, d: number, k: number) {
    this.labels = new Int32Array(n);
    this.nearest = new Float64Array(n);
    this.lower = new Float64Array(n);
    this.bounds = new BoundDrift(k);
    this.halfGap = new Float64Array(k);
    this.halfGapSquared = new Float64Array(k);
    this.centroids = new Float64Array(k * d);
    this.previous = new Float64Array(k * d);
    this.sums = new Float64Array(k * d);
    this.counts = new Float64Array(k);
    this.shift = new Float64Array(k);
    this.neighbourOrder = new Int32Array(k * Math.max(k - 1, 1));
    this.neighbourDistance = new Float64Array(k * Math.max(k - 1, 1));
  }
}
