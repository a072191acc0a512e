import fc from "fast-check";
import { CELL_TEXT_LIMIT, joinCellTexts, splitIntoCellTexts } from "../../src/excel/definitionCells";

const UNSAFE_START = /^[=+\-@'\s]/;

describe("a definition's JSON in cells", () => {
  it("a short text is one cell; a long one is split into cells of at most 32,767 characters", () => {
    expect(splitIntoCellTexts('{"a":1}')).toEqual(['{"a":1}']);
    const long = JSON.stringify({ overrides: Array.from({ length: 5000 }, (_, i) => ({ item: `SKU-${i}`, segment: "A", reason: "key account" })) });
    expect(long.length).toBeGreaterThan(3 * CELL_TEXT_LIMIT);
    const pieces = splitIntoCellTexts(long);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(pieces.join("")).toBe(long);
  });

  it("no piece starts with a character Excel would treat as a formula or a text prefix, and no surrogate pair is split", () => {
    const text = "{" + "x".repeat(15) + "-=+@' 😀😀" + "y".repeat(40);
    for (let limit = 16; limit < 40; limit++) {
      const pieces = splitIntoCellTexts(text, limit);
      expect(pieces.join("")).toBe(text);
      for (const piece of pieces.slice(1)) expect(piece).not.toMatch(UNSAFE_START);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(limit);
      for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it("split then joined in reading order gives the text back, whatever it holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 16, max: 64 }), (body, limit) => {
        const text = `{${body}}`;
        const pieces = splitIntoCellTexts(text, limit);
        return joinCellTexts([pieces]) === text && pieces.every((piece) => piece.length <= limit);
      }),
    );
  });

  it("joins a range of cells row by row, left to right, skipping blanks", () => {
    expect(joinCellTexts([["{\"a\":", ""], ["1", "}"]])).toBe('{"a":1}');
    expect(joinCellTexts([[true, 12, null]])).toBe("TRUE12");
  });

  it("refuses a text that starts where Excel would not keep it", () => {
    expect(() => splitIntoCellTexts("=cmd")).toThrow("starts with a character Excel would not keep as text");
    expect(() => splitIntoCellTexts("{}", 4)).toThrow("limit must be a whole number ≥ 16");
  });
});
