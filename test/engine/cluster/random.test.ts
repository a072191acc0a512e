import { createRandom } from "../../../src/engine/cluster/random";
import { expectSegmentError } from "../../support/segmentError";

describe("createRandom", () => {
  it("is reproducible: one seed, one stream", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    for (let i = 0; i < 100; i++) expect(a.nextDouble()).toBe(b.nextDouble());
  });

  it("gives unrelated streams for nearby seeds, and 1 differs from 2^32 + 1", () => {
    const first = (seed: number) => createRandom(seed).nextDouble();
    expect(new Set([0, 1, 2, 3, 4294967297].map(first)).size).toBe(5);
  });

  it("draws doubles in [0, 1) and integers in [0, bound), close to uniform", () => {
    const random = createRandom(7);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const u = random.nextDouble();
      expect(u >= 0 && u < 1).toBe(true);
      counts[random.nextInt(10)]++;
    }
    // 2,000 expected per bin, standard deviation ~42: 5 sigma either way.
    for (const count of counts) expect(Math.abs(count - 2_000)).toBeLessThan(212);
  });

  it("rejects seeds that are not whole numbers and bad bounds", () => {
    expectSegmentError(() => createRandom(0.5), "invalid-input", "seed must be a whole number");
    expectSegmentError(() => createRandom(Number.NaN), "invalid-input", "seed");
    expectSegmentError(() => createRandom(1).nextInt(0), "invalid-input", "bound");
  });
});
