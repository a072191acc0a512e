import fc from "fast-check";
import { canonicalJson, digestOf, sha256Hex } from "../../src/store/digest";
import { diffDocuments } from "../../src/store/diff";

describe("canonical JSON and digests", () => {
  test("keys are sorted at every depth, undefined members dropped, no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [{ d: true, c: null }, "x"], e: undefined })).toBe('{"a":[{"c":null,"d":true},"x"],"b":1}');
  });

  test("SHA-256 of a known input (FIPS 180-2 example)", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("equal values have equal digests whatever their key order (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(digestOf(reversed)).toBe(digestOf(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  test("non-finite numbers are not JSON", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow("canonicalJson: NaN is not JSON");
  });
});

describe("document diff", () => {
  test("segments are matched by id, other arrays by position; paths are JSON pointers", () => {
    const before = { segments: [{ id: "AX", name: "runners" }, { id: "CZ", name: "dogs" }], cutoffs: [0.8, 0.95], "a/b": 1 };
    const after = { segments: [{ id: "CZ", name: "dogs" }, { id: "AX", name: "fast runners" }, { id: "BY", name: "new" }], cutoffs: [0.7], "a/b": 2 };
    expect(diffDocuments(before, after)).toEqual([
      { path: "/a~1b", op: "replace", before: 1, after: 2 },
      { path: "/cutoffs/0", op: "replace", before: 0.8, after: 0.7 },
      { path: "/cutoffs/1", op: "remove", before: 0.95 },
      { path: "/segments/AX/name", op: "replace", before: "runners", after: "fast runners" },
      { path: "/segments/BY", op: "add", after: { id: "BY", name: "new" } },
    ]);
  });

  test("a document does not differ from itself (property)", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(diffDocuments(value, structuredClone(value))).toEqual([])));
  });
});
