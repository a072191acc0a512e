import fc from "fast-check";
import { jsonNumberBytes, jsonRowsBytes, jsonTextBytes, jsonValueBytes } from "../../src/excel/payload";
import { estimateRowBytes, packRows, planRowChunks, rowsPerChunk } from "../../src/excel/chunkPlan";
import { CHUNK_BUDGET_BYTES, EXCEL_PAYLOAD_LIMIT_BYTES } from "../../src/excel/payload";

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe("JSON sizes of cells", () => {
  it("texts: exactly what JSON.stringify sends, escapes and non-ASCII included", () => {
    for (const text of ["", "plain", 'say "hi"', "back\\slash", "tab\there\nnew", "\u0001ctl", "€uro", "日本", "😀", "lone \ud800 half"]) {
      expect(jsonTextBytes(text)).toBe(utf8(text));
    }
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => jsonTextBytes(text) === utf8(text)));
  });

  it("numbers: exact for whole numbers, never below the real size for any double", () => {
    for (const whole of [0, 7, -7, 10, 99, 100, 123456789, -1e15, 2 ** 53, 1e20]) expect(jsonNumberBytes(whole)).toBe(utf8(whole));
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const bytes = jsonNumberBytes(value);
        return bytes >= utf8(value) && bytes <= 26;
      }),
    );
    expect(jsonNumberBytes(NaN)).toBe(4);
    expect(jsonValueBytes(true)).toBe(4);
    expect(jsonValueBytes(false)).toBe(5);
    expect(jsonValueBytes(null)).toBe(4);
  });

  it("rows: never below the real size", () => {
    const cell = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.integer());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const { total, largestRow } = jsonRowsBytes(rows);
        return total >= utf8(rows) && largestRow >= Math.max(...rows.map(utf8));
      }),
    );
  });
});

describe("chunk plans", () => {
  it("1,048,576 rows x 6 columns: chunks cover every row once, each estimated under the budget", () => {
    const rowCount = 1_048_576;
    // The largest row six numbers can make (26 bytes each), as the reader would estimate it from a sample.
    const worstRow = jsonRowsBytes([[-0.00000012345678901234567, -1.2345678901234567e-300, -0.1234567890123456, 1e20, -9, 0.5]]).largestRow;
    const bytesPerRow = estimateRowBytes(worstRow, 6);
    const chunks = planRowChunks(rowCount, rowsPerChunk(bytesPerRow));
    let next = 0;
    for (const chunk of chunks) {
      expect(chunk.start).toBe(next);
      expect(chunk.count * bytesPerRow).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES);
      next += chunk.count;
    }
    expect(next).toBe(rowCount);
    expect(chunks.length).toBeGreaterThan(100);
    expect(chunks.length).toBeLessThan(200);
    // The budget leaves room for an estimate three times too small.
    expect(CHUNK_BUDGET_BYTES * 3).toBeLessThan(EXCEL_PAYLOAD_LIMIT_BYTES);
  });

  it("plans cover any row count exactly; a row larger than the budget still gets a chunk", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 5_000 }), (rows, step) => {
        const chunks = planRowChunks(rows, step);
        return chunks.reduce((sum, c) => sum + c.count, 0) === rows && chunks.every((c) => c.count >= 1 && c.count <= step);
      }),
    );
    expect(rowsPerChunk(CHUNK_BUDGET_BYTES * 10)).toBe(1);
    expect(rowsPerChunk(0)).toBe(1);
    expect(() => planRowChunks(-1, 10)).toThrow("rowCount must be a whole number");
  });

  it("packing known row sizes: consecutive, within the budget unless a row alone is larger", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 500 }), fc.integer({ min: 10, max: 20_000 }), (sizes, budget) => {
        const chunks = packRows(sizes.length, (row) => sizes[row], budget);
        let next = 0;
        for (const chunk of chunks) {
          if (chunk.start !== next) return false;
          const bytes = 2 + sizes.slice(chunk.start, chunk.start + chunk.count).reduce((sum, size) => sum + size + 1, 0);
          if (chunk.count > 1 && bytes > budget) return false;
          next += chunk.count;
        }
        return next === sizes.length;
      }),
    );
  });
});
