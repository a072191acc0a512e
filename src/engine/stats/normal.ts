/**
 * The standard normal distribution: density, distribution function, quantile, and the loss
 * function G(z) that inventory theory uses for expected shortages.
 *
 * Sources:
 * - Φ: W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of
 *   Computation 23(107):631–637, 1969, in the form of Cody's ANORM (SPECFUN, ACM TOMS Algorithm 715,
 *   1993). About 1e-16 absolute everywhere, and ~1e-15 relative in the lower tail because that tail
 *   is computed directly, never as 1 − (something close to 1); the upper tail 1 − Φ(z) is Φ(−z).
 * - Φ⁻¹: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
 *   Applied Statistics 37(3):477–484, 1988 (PPND16, about 1e-16 relative accuracy).
 * - G(z) = φ(z) − z·(1 − Φ(z)): E. A. Silver, D. F. Pyke, R. Peterson, "Inventory Management and
 *   Production Planning and Scheduling", 3rd ed., Wiley, 1998, Appendix B (there written G_u(k)).
 *
 * These run on the hot path (once per item per recalculation), so they allocate nothing.
 */
import { invalidInput, outOfRange } from "../errors";

const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const SQRT_2PI = 2.5066282746310002;
/** |z| up to which Cody's first approximation applies (Φ(0.66291) ≈ 0.75). */
const CODY_SMALL = 0.66291;
/** Cody's boundary between the second and third approximations (≈ √32, as printed by Cody). */
const CODY_MEDIUM = 5.656854248;
/** Beyond this e^{−z²/2} underflows to 0 in double precision (e^{−800} < 5e-324). */
const UNDERFLOW = 40;

// Cody's coefficients, copied from ANORM; the first interval evaluates z·A(z²)/B(z²).
const A0 = 2.2352520354606839287;
const A1 = 161.02823106855587881;
const A2 = 1067.6894854603709582;
const A3 = 18154.981253343561249;
const A4 = 0.065682337918207449113;
const B0 = 47.20258190468824187;
const B1 = 976.09855173777669322;
const B2 = 10260.932208618978205;
const B3 = 45507.789335026729956;
// Second interval: Φ(−y) = e^{−y²/2}·C(y)/D(y).
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
// Third interval: Φ(−y) = e^{−y²/2}·(1/√(2π) − R(1/y²))/y.
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
] as const;
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
] as const;

function describe(value: unknown): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value) ?? String(value);
}

function requireNumber(value: number, name: string): void {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw invalidInput(`${name} must be a number; got ${describe(value)}`);
  }
}

/**
 * e^{−y²/2} for y ≥ 0 with full relative accuracy: y² is split as xsq² + (y − xsq)(y + xsq) with
 * xsq a multiple of 1/16, so the rounding error of y² is not amplified by exp (Cody's device).
 */
function expMinusHalfSquare(y: number): number {
  const xsq = Math.trunc(y * 16) / 16;
  const del = (y - xsq) * (y + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5);
}

/** (Φ(z) − 1/2)/z for |z| ≤ CODY_SMALL, as the rational A/B in z². */
function centralRatio(zSquared: number): number {
  let num = A4 * zSquared;
  let den = zSquared;
  num = (num + A0) * zSquared;
  den = (den + B0) * zSquared;
  num = (num + A1) * zSquared;
  den = (den + B1) * zSquared;
  num = (num + A2) * zSquared;
  den = (den + B2) * zSquared;
  return (num + A3) / (den + B3);
}

/** e^{y²/2}·Φ(−y) for CODY_SMALL < y ≤ CODY_MEDIUM. */
function mediumTailRatio(y: number): number {
  let num = C[8] * y;
  let den = y;
  for (let i = 0; i < 7; i++) {
    num = (num + C[i]) * y;
    den = (den + D[i]) * y;
  }
  return (num + C[7]) / (den + D[7]);
}

/** R(1/y²) for y > CODY_MEDIUM, where e^{y²/2}·Φ(−y) = (1/√(2π) − R)/y. */
function farTailCorrection(y: number): number {
  const w = 1 / (y * y);
  let num = P[5] * w;
  let den = w;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]) * w;
    den = (den + Q[i]) * w;
  }
  return (w * (num + P[4])) / (den + Q[4]);
}

/** Φ(−y) for y > CODY_SMALL, accurate relative to its own (tiny) size. */
function upperTail(y: number): number {
  if (y >= UNDERFLOW) return 0;
  if (y <= CODY_MEDIUM) return expMinusHalfSquare(y) * mediumTailRatio(y);
  return (expMinusHalfSquare(y) * (ONE_OVER_SQRT_2PI - farTailCorrection(y))) / y;
}

/** 1 − Φ(z) without cancellation. */
function complementaryCdf(z: number): number {
  if (Math.abs(z) <= CODY_SMALL) return 0.5 - z * centralRatio(z * z);
  return z > 0 ? upperTail(z) : 1 - upperTail(-z);
}

/** φ(z) = e^{−z²/2}/√(2π). NaN raises; ±Infinity gives 0. */
export function standardNormalPdf(z: number): number {
  requireNumber(z, "z (standard normal score)");
  const y = Math.abs(z);
  return y >= UNDERFLOW ? 0 : ONE_OVER_SQRT_2PI * expMinusHalfSquare(y);
}

/**
 * Φ(z) = P(Z ≤ z), accurate to about 1e-16 absolute everywhere and about 1e-15 relative in the
 * lower tail (down to where Φ underflows, z ≈ −38). NaN raises; ±Infinity gives 1 or 0.
 */
export function standardNormalCdf(z: number): number {
  requireNumber(z, "z (standard normal score)");
  if (Math.abs(z) <= CODY_SMALL) return 0.5 + z * centralRatio(z * z);
  return z > 0 ? 1 - upperTail(z) : upperTail(-z);
}

/**
 * Φ⁻¹(p): the z with Φ(z) = p, by Wichura's AS 241 (PPND16). Raises invalid-input for a
 * non-number or non-finite p and out-of-range for p outside (0, 1).
 */
export function inverseStandardNormalCdf(p: number): number {
  if (typeof p !== "number" || !Number.isFinite(p)) {
    throw invalidInput(`probability must be a finite number; got ${describe(p)}`);
  }
  if (!(p > 0 && p < 1)) {
    throw outOfRange(`probability must be between 0 and 1 (exclusive); got ${p}`);
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  // Tails: work with the smaller of p and 1 − p, which is exact here (Sterbenz) since p > 0.5.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -z : z;
}

/** G(y) for y ≥ 0, each branch free of cancellation between φ(y) and y·(1 − Φ(y)). */
function upperLoss(y: number): number {
  if (y <= CODY_SMALL) return ONE_OVER_SQRT_2PI * expMinusHalfSquare(y) - y * (0.5 - y * centralRatio(y * y));
  if (y >= UNDERFLOW) return 0;
  if (y <= CODY_MEDIUM) return expMinusHalfSquare(y) * (ONE_OVER_SQRT_2PI - y * mediumTailRatio(y));
  // φ(y) − y·Φ(−y) = e^{−y²/2}·(1/√(2π) − (1/√(2π) − R)) = e^{−y²/2}·R: the cancellation is exact.
  return expMinusHalfSquare(y) * farTailCorrection(y);
}

/** G(z) for any z, using G(z) = G(−z) − z for z < 0 (both terms positive). */
function normalLoss(z: number): number {
  return z >= 0 ? upperLoss(z) : upperLoss(-z) - z;
}

/**
 * One Newton step for ln G(z) = target: z + (ln G(z) − target)·G(z)/(1 − Φ(z)), since
 * (ln G)′ = −(1 − Φ)/G. Above CODY_SMALL both factors come from Cody's ratios without evaluating
 * e^{−z²/2} (it cancels in G/(1 − Φ) and is exact in ln G), so the step costs one rational and one
 * log and stays finite where G itself underflows (z ≈ 38.5).
 */
function logLossNewtonStep(z: number, target: number): number {
  if (z <= CODY_SMALL) {
    const g = normalLoss(z);
    return z + (Math.log(g) - target) * (g / complementaryCdf(z));
  }
  // −z²/2 split as in expMinusHalfSquare, so its rounding stays far below the step tolerance.
  const xsq = Math.trunc(z * 16) / 16;
  const minusHalfSquare = -0.5 * xsq * xsq - 0.5 * (z - xsq) * (z + xsq);
  if (z <= CODY_MEDIUM) {
    const tailRatio = mediumTailRatio(z);
    const scaledLoss = ONE_OVER_SQRT_2PI - z * tailRatio;
    return z + (minusHalfSquare + Math.log(scaledLoss) - target) * (scaledLoss / tailRatio);
  }
  const correction = farTailCorrection(z);
  return z + (minusHalfSquare + Math.log(correction) - target) * ((z * correction) / (ONE_OVER_SQRT_2PI - correction));
}

/**
 * The standard normal loss function G(z) = φ(z) − z·(1 − Φ(z)) = E[max(Z − z, 0)]: the expected
 * shortage beyond z of a unit normal (Silver, Pyke & Peterson's G_u(z)). Strictly decreasing and
 * convex, G(z) → 0 as z → ∞ and G(z) + z → 0 as z → −∞. NaN raises; G(∞) = 0, G(−∞) = ∞.
 */
export function standardNormalLoss(z: number): number {
  requireNumber(z, "z (standard normal score)");
  if (z === Infinity) return 0;
  if (z === -Infinity) return Infinity;
  return normalLoss(z);
}

/**
 * The z with G(z) = loss, for any finite loss > 0 (negative z when loss > G(0) = 1/√(2π) ≈ 0.399).
 *
 * Newton's method on h(z) = ln G(z) − ln(loss). ln G is concave (G is log-concave, being the
 * integral of the log-concave 1 − Φ), so after the first step every iterate lies on the upper side
 * of the root and moves monotonically to it; working in logs keeps the steps well scaled in the far
 * upper tail, where G falls like e^{−z²/2}. A bracket [lo, hi] with G(lo) ≥ loss ≥ G(hi) is kept as
 * a safeguard: a step that leaves it is replaced by bisection. Converges to ~1e-14 relative.
 */
export function inverseStandardNormalLoss(loss: number): number {
  if (typeof loss !== "number" || !Number.isFinite(loss)) {
    throw invalidInput(`loss (expected shortage per standard deviation) must be a finite number; got ${describe(loss)}`);
  }
  if (!(loss > 0)) {
    throw outOfRange(`loss (expected shortage per standard deviation) must be greater than 0; got ${loss}`);
  }
  const target = Math.log(loss);
  let lo: number;
  let hi: number;
  let z: number;
  if (loss >= ONE_OVER_SQRT_2PI) {
    // G(0) = 1/√(2π) ≤ loss ≤ loss + G(loss) = G(−loss).
    lo = -loss;
    hi = 0;
    z = -loss;
  } else {
    // At the z where φ(z) = loss, G(z) < φ(z) = loss, so the root lies in [0, z].
    lo = 0;
    hi = Math.sqrt(-2 * Math.log(loss * SQRT_2PI));
    z = hi;
  }
  for (let iteration = 0; iteration < 200; iteration++) {
    const next = logLossNewtonStep(z, target);
    if (next === z) return z;
    // The step has the sign of ln G(z) − target: upward means G(z) is still above the target.
    if (next > z) lo = z;
    else hi = z;
    // Test convergence before the bracket: at the root, rounding noise in the residual can put a
    // negligible step just outside it, and bisecting from there would walk away from the answer.
    if (Math.abs(next - z) <= 1e-14 * Math.max(1, Math.abs(z))) return next;
    z = next > lo && next < hi ? next : 0.5 * (lo + hi);
  }
  return z;
}
