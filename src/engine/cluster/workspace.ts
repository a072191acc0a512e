/**
 * The buffers one k-means call reuses for every start, and the running offsets that keep Hamerly's
 * bounds up to date without touching them (see lloyd.ts and assignment.ts).
 */

/** Items per call of a pass's inner loop (see assignment.ts); also the items Hamerly's pass collects at a time. */
export const BLOCK = 2048;

/** The relative margins of every test against a bound (see {@link BoundOffsets}). */
export const ABOVE = 1 + 1e-9;
export const BELOW = 1 - 1e-9;

/**
 * Hamerly's bounds move with the centres (G. Hamerly, "Making k-means even faster", SDM 2010): after
 * the centres shift, an item of centre a has its upper bound (on the distance to a) raised by a's
 * shift and its lower bound (on the distance to any other centre) lowered by the largest shift among
 * the other centres. Both amounts depend on a alone, so instead of rewriting n bounds every iteration
 * each centre keeps their running totals since the bounds were last computed from scratch — `grown[a]`
 * and `dropped[a]` — and an item stores its bounds relative to them: upper − grown[a] and
 * lower + dropped[a], as of when it was last measured. The bound today is then stored + grown[a] and
 * stored − dropped[a]: an item that keeps its centre is read and never written.
 *
 * Those sums round. Every test against the bounds leaves a margin: a relative 1e-9 of the bounds
 * (ABOVE, BELOW) and of both totals (`slack[a]`), a million times the rounding they can carry, so that
 * no near tie is settled by a bound rather than by the exact distances (see assignment.ts).
 *
 * Hamerly's test for an item of centre a, with U and L its stored bounds — keep a when
 * (U + grown)·ABOVE + slack < max(s(a), L − dropped)·BELOW — is folded into two limits per centre
 * (`limits`, set by {@link BoundOffsets.setLimits}): keep a when U < limits[2a] or
 * U·ABOVE − L·BELOW < limits[2a + 1]. Two comparisons of the stored values, no max: which of s(a) and
 * L − dropped is larger is a coin toss item by item, and V8's Math.max is a branch (measured: the
 * folded test takes half the time).
 */
export class BoundOffsets {
  readonly grown: Float64Array;
  readonly dropped: Float64Array;
  readonly slack: Float64Array;
  readonly limits: Float64Array;

  constructor(private readonly k: number) {
    this.grown = new Float64Array(k);
    this.dropped = new Float64Array(k);
    this.slack = new Float64Array(k);
    this.limits = new Float64Array(2 * k);
  }

  /** The two limits of Hamerly's test for each centre, from s(c) (`halfGap`) and the totals. */
  setLimits(halfGap: Float64Array): void {
    for (let a = 0; a < this.k; a++) {
      this.limits[2 * a] = (halfGap[a] * BELOW - this.slack[a]) / ABOVE - this.grown[a];
      this.limits[2 * a + 1] = -this.grown[a] * ABOVE - this.dropped[a] * BELOW - this.slack[a];
    }
  }

  /** For bounds just computed from scratch. */
  reset(): void {
    this.grown.fill(0);
    this.dropped.fill(0);
    this.slack.fill(0);
  }

  /** Takes each centre's shift (distance moved) into the totals. */
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
    for (let j = 0; j < k; j++) {
      this.grown[j] += shift[j];
      this.dropped[j] += j === largestAt ? runnerUp : largest;
      this.slack[j] = 1e-9 * (this.grown[j] + this.dropped[j]);
    }
  }
}

/** Per-call buffers, reused by every start. Memory: 20 bytes per item, plus O(k² + k·d). */
export class Workspace {
  readonly labels: Int32Array;
  /**
   * Upper bound on each item's distance to its own centre, stored relative to {@link BoundOffsets};
   * during k-means++ the squared distance to the nearest centre so far.
   */
  readonly upper: Float64Array;
  /** Lower bound on each item's distance to any other centre, stored relative to {@link BoundOffsets}. */
  readonly lower: Float64Array;
  readonly bounds: BoundOffsets;
  /** Half the distance from each centre to its nearest other centre (Hamerly's s(c)). */
  readonly halfGap: Float64Array;
  readonly centroids: Float64Array;
  readonly previous: Float64Array;
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  readonly shift: Float64Array;
  /** For each centre a, the other centres nearest first (k − 1 per centre) and their distances from a. */
  readonly neighbourOrder: Int32Array;
  readonly neighbourDistance: Float64Array;
  /** The scan's three results and a sink for reads made only to fetch memory (see assignment.ts). */
  readonly scan: Float64Array;
  /** Items of one block of Hamerly's pass that fail the bound test (see assignment.ts). */
  readonly pending: Int32Array;

  constructor(n: number, d: number, k: number) {
    this.labels = new Int32Array(n);
    this.upper = new Float64Array(n);
    this.lower = new Float64Array(n);
    this.bounds = new BoundOffsets(k);
    this.halfGap = new Float64Array(k);
    this.centroids = new Float64Array(k * d);
    this.previous = new Float64Array(k * d);
    this.sums = new Float64Array(k * d);
    this.counts = new Float64Array(k);
    this.shift = new Float64Array(k);
    this.neighbourOrder = new Int32Array(k * Math.max(k - 1, 1));
    this.neighbourDistance = new Float64Array(k * Math.max(k - 1, 1));
    this.scan = new Float64Array(4);
    this.pending = new Int32Array(Math.min(n, BLOCK));
  }
}
