/**
 * The seeded random numbers behind every random choice in clustering (k-means++ starts, silhouette
 * samples), so that one seed always gives one result, on any machine and in any JavaScript engine.
 *
 * Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021), 128 bits of state, period 2^128 − 1, passing BigCrush; 32-bit integer
 * arithmetic only, so it is exact everywhere (no floating point in the state). The state is filled
 * from the seed by SplitMix32 so that nearby seeds (0, 1, 2) give unrelated streams.
 */
import { invalidInput } from "../errors";

/** A stream of uniform random numbers from one seed. */
export interface RandomStream {
  /** A double uniform on [0, 1) with 53 random bits. */
  nextDouble(): number;
  /** An integer uniform on [0, bound), for 1 ≤ bound ≤ 2^32. */
  nextInt(bound: number): number;
}

/** The default seed of every clustering function: fixed, so that no result depends on the clock. */
export const DEFAULT_SEED = 0;

/** Checks a user's seed: any whole number that a double holds exactly. */
export function checkSeed(seed: number): void {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw invalidInput(`seed must be a whole number (e.g. 42); got ${String(seed)}`);
  }
}

function splitMix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number = DEFAULT_SEED): RandomStream {
  checkSeed(seed);
  // Both halves of a 53-bit seed take part, so 1 and 2^32 + 1 are different seeds.
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  const fill = splitMix32(low ^ Math.imul(high, 0x27d4eb2d));
  let a = fill();
  let b = fill();
  let c = fill();
  let d = fill() ^ high;
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is the generator's one fixed point

  function nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  }

  return {
    nextDouble() {
      // 27 + 26 high bits of two draws, as in Vigna's recommended conversion to [0, 1).
      const upper = nextUint32() >>> 5;
      const lower = nextUint32() >>> 6;
      return (upper * 67108864 + lower) / 9007199254740992;
    },
    nextInt(bound: number) {
      if (!Number.isInteger(bound) || bound < 1 || bound > 4294967296) {
        throw invalidInput(`a random integer bound must be a whole number from 1 to 2^32; got ${bound}`);
      }
      // Lemire's nearly-divisionless method would save a division; a double product is exact enough
      // here (53 bits against at most 32) and never biased by more than 2^-21 of a count.
      return Math.floor(this.nextDouble() * bound);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
