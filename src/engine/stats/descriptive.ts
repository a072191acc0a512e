/**
 * Descriptive statistics over a slice of a numeric array: the counts, mean, spread and coefficient of
 * variation that the ABC, XYZ and demand-pattern classifications are built on.
 *
 * Every function reads `length` values starting at `start` (default: the whole array) and allocates
 * nothing, so a classifier can walk a row-major items × periods history one item at a time.
 *
 * Missing observations are NaN and are skipped: they count neither as a value nor as zero. A statistic
 * with too few observations to be defined is NaN (a mean of nothing, a sample variance of one value).
 * Infinite values are not screened here; the classifiers reject them before calling in.
 */
import { invalidInput } from "../errors";

/**
 * Which standard deviation: `"sample"` divides by n − 1 (Bessel's correction; Excel STDEV.S),
 * `"population"` divides by n (Excel STDEV.P).
 */
export type DeviationKind = "sample" | "population";

function checkSlice(values: ArrayLike<number>, start: number, length: number): void {
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(length) || length < 0) {
    throw invalidInput(`start and length must be whole numbers ≥ 0; got start ${start}, length ${length}`);
  }
  if (start + length > values.length) {
    throw invalidInput(
      `the slice start ${start}, length ${length} runs past the end of the ${values.length} values`,
    );
  }
}

function checkDeviation(deviation: DeviationKind): void {
  if (deviation !== "sample" && deviation !== "population") {
    throw invalidInput(`deviation must be "sample" or "population"; got ${JSON.stringify(deviation)}`);
  }
}

/** How many values in the slice are observed (not NaN). */
export function countObserved(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  checkSlice(values, start, length);
  let observed = 0;
  for (let i = start, end = start + length; i < end; i++) {
    if (values[i] === values[i]) observed++; // NaN is the only value not equal to itself
  }
  return observed;
}

/** Sum of the observed values; 0 when none is observed. */
export function sum(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  checkSlice(values, start, length);
  let total = 0;
  for (let i = start, end = start + length; i < end; i++) {
    const value = values[i];
    if (value === value) total += value;
  }
  return total;
}

/** Arithmetic mean of the observed values; NaN when none is observed. */
export function mean(values: ArrayLike<number>, start = 0, length = values.length - start): number {
  checkSlice(values, start, length);
  return meanUnchecked(values, start, length);
}

function meanUnchecked(values: ArrayLike<number>, start: number, length: number): number {
  let total = 0;
  let observed = 0;
  for (let i = start, end = start + length; i < end; i++) {
    const value = values[i];
    if (value === value) {
      total += value;
      observed++;
    }
  }
  return observed === 0 ? NaN : total / observed;
}

/**
 * Variance of the observed values, by the corrected two-pass algorithm: deviations from the mean are
 * summed a second time to cancel the rounding error in the mean itself. Unlike the one-pass
 * Σx² − (Σx)²/n formula it does not lose all precision when the mean is large against the spread
 * (e.g. 1e9 + small noise). Source: Chan, Golub & LeVeque (1983), "Algorithms for computing the
 * sample variance: analysis and recommendations", The American Statistician 37(3):242–247.
 *
 * NaN when fewer than 2 values (sample) or fewer than 1 value (population) are observed.
 */
export function variance(
  values: ArrayLike<number>,
  start = 0,
  length = values.length - start,
  deviation: DeviationKind = "sample",
): number {
  checkSlice(values, start, length);
  checkDeviation(deviation);
  return varianceUnchecked(values, start, length, deviation);
}

function varianceUnchecked(
  values: ArrayLike<number>,
  start: number,
  length: number,
  deviation: DeviationKind,
): number {
  const center = meanUnchecked(values, start, length);
  if (center !== center) return NaN;
  let squares = 0;
  let deviations = 0;
  let observed = 0;
  for (let i = start, end = start + length; i < end; i++) {
    const value = values[i];
    if (value === value) {
      const d = value - center;
      squares += d * d;
      deviations += d;
      observed++;
    }
  }
  const divisor = deviation === "sample" ? observed - 1 : observed;
  if (divisor < 1) return NaN;
  // The correction term is ≤ squares in exact arithmetic; clamp the rounding so variance is never < 0.
  const corrected = squares - (deviations * deviations) / observed;
  return corrected < 0 ? 0 : corrected / divisor;
}

/** Standard deviation (square root of {@link variance}); NaN when the variance is undefined. */
export function standardDeviation(
  values: ArrayLike<number>,
  start = 0,
  length = values.length - start,
  deviation: DeviationKind = "sample",
): number {
  checkSlice(values, start, length);
  checkDeviation(deviation);
  return Math.sqrt(varianceUnchecked(values, start, length, deviation));
}

/**
 * Coefficient of variation σ / μ of the observed values: spread relative to the level, so it does not
 * change when the values are scaled by a positive constant (units, currency). NaN when the mean is 0 or
 * the standard deviation is undefined. A negative mean gives a negative ratio; the classifiers reject
 * negative demand before they get here.
 */
export function coefficientOfVariation(
  values: ArrayLike<number>,
  start = 0,
  length = values.length - start,
  deviation: DeviationKind = "sample",
): number {
  checkSlice(values, start, length);
  checkDeviation(deviation);
  return coefficientOfVariationUnchecked(values, start, length, deviation);
}

/**
 * {@link coefficientOfVariation} without the argument checks, for classifiers that have validated the
 * whole history once and call this for every item. Not part of the public engine surface.
 */
export function coefficientOfVariationUnchecked(
  values: ArrayLike<number>,
  start: number,
  length: number,
  deviation: DeviationKind,
): number {
  const center = meanUnchecked(values, start, length);
  if (center === 0 || center !== center) return NaN;
  return Math.sqrt(varianceUnchecked(values, start, length, deviation)) / center;
}
