/**
 * Quantiles by Hyndman & Fan's definition 7 (linear interpolation between order statistics, h =
 * (n − 1)·p): the default of R, NumPy and Excel's PERCENTILE.INC / QUARTILE.INC, so a median or a
 * quartile here is the number a planner gets from Excel on the same column.
 * Source: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50(4):361–365, 1996.
 *
 * The order statistics are found by selection (Hoare's quickselect with a median-of-three pivot,
 * expected O(n)) on a scratch copy, not by sorting: three quartiles of a million values cost a few
 * milliseconds instead of a sort's ~80.
 */
import { invalidInput } from "../errors";

/**
 * The quantiles `probabilities` (each in [0, 1]) of the values, definition 7. `scratch` is reordered
 * (pass a copy); NaN is not allowed in it. Returns NaN for each probability when it is empty.
 */
export function quantilesInPlace(scratch: Float64Array, probabilities: readonly number[]): number[] {
  const n = scratch.length;
  for (const p of probabilities) {
    if (!(p >= 0 && p <= 1)) throw invalidInput(`a quantile's probability must be between 0 and 1; got ${p}`);
  }
  if (n === 0) return probabilities.map(() => NaN);
  // Select in increasing rank, each selection narrowing the range left for the next.
  const order = probabilities.map((_, i) => i).sort((a, b) => probabilities[a] - probabilities[b]);
  const result = new Array<number>(probabilities.length);
  let left = 0;
  for (const index of order) {
    const h = (n - 1) * probabilities[index];
    const low = Math.floor(h);
    const lowValue = select(scratch, low, left, n - 1);
    left = low;
    if (h === low) {
      result[index] = lowValue;
      continue;
    }
    // The next order statistic is the smallest value right of position `low`.
    let next = Infinity;
    for (let i = low + 1; i < n; i++) if (scratch[i] < next) next = scratch[i];
    result[index] = lowValue + (h - low) * (next - lowValue);
  }
  return result;
}

/**
 * Reorders `values[left..right]` so that position `k` holds the value it would hold if sorted, smaller
 * or equal values before it and larger or equal after; returns that value.
 */
function select(values: Float64Array, k: number, left: number, right: number): number {
  while (right > left) {
    const middle = (left + right) >>> 1;
    // Median of three as the pivot, moved to `left`, guards against already-sorted input.
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    swap(values, left, middle);
    const pivot = values[left];
    let i = left;
    let j = right + 1;
    for (;;) {
      do i++; while (i <= right && values[i] < pivot);
      do j--; while (values[j] > pivot);
      if (i >= j) break;
      swap(values, i, j);
    }
    swap(values, left, j);
    if (j === k) return values[k];
    if (j < k) left = j + 1;
    else right = j - 1;
  }
  return values[k];
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a];
  values[a] = values[b];
  values[b] = t;
}
