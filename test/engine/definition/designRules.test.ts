/**
 * Rules definitions, on a table worked by hand: first match wins, rules naming the same segment share
 * it, items no rule takes go to the named default, and each segment's starting policy comes from where
 * its items' median revenue and CV sit among all items (startingCells.ts).
 */
import { assignBatch } from "../../../src/engine/definition/assign";
import { CELLS } from "../../../src/engine/definition/designDefaults";
import { designRules, type RulesDesignOptions } from "../../../src/engine/definition/designRules";
import { parseDefinition } from "../../../src/engine/definition/schema";
import { startingCellsOf, tierOf } from "../../../src/engine/definition/startingCells";
import { createItemTable } from "../../../src/engine/items/itemTable";
import { expectSegmentError } from "../../support/segmentError";

const table = createItemTable(["a", "b", "c", "d", "e", "f"], {
  revenue: Float64Array.from([5000, 2000, 300, 100, 50, 20]),
  orderLines: Float64Array.from([80, 10, 60, 5, 2, 1]),
  historyPeriods: Float64Array.from([13, 13, 13, 4, 13, 13]),
  demandCv: Float64Array.from([0.2, 0.4, 0.9, 1.5, NaN, 2]),
});

const options: RulesDesignOptions = {
  id: "rules",
  name: "Rules",
  author: "planner",
  dataSource: "example",
  rowCount: 6,
  createdAt: "2024-05-01T09:00:00Z",
  period: "month",
  rules: [
    { segment: "New items", when: [{ field: "historyPeriods", op: "<", value: 6 }] },
    { segment: "Key items", when: [{ field: "revenue", op: ">=", value: 1000 }] },
    { segment: " key items ", when: [{ field: "orderlines", op: ">=", value: 50 }] },
  ],
  otherwise: "Tail",
};

describe("designRules", () => {
  const definition = designRules(table, options);

  test("one segment per distinct name, first mention first; the rules in order; a named default", () => {
    expect(definition.segments.map((s) => [s.id, s.name])).toEqual([
      ["R1", "New items"],
      ["R2", "Key items"],
      ["R3", "Tail"],
    ]);
    expect(definition.method).toEqual({
      type: "rules",
      rules: [
        { name: "rule 1", description: "history < 6", when: [{ field: "historyPeriods", op: "<", value: 6 }], segment: "R1" },
        { name: "rule 2", description: "revenue ≥ 1,000", when: [{ field: "revenue", op: ">=", value: 1000 }], segment: "R2" },
        { name: "rule 3", description: "order lines ≥ 50", when: [{ field: "orderLines", op: ">=", value: 50 }], segment: "R2" },
      ],
      default: { name: "no rule matched", description: "items no rule takes", segment: "R3" },
    });
    expect(definition.dimensions.map((d) => d.name)).toEqual(["historyPeriods", "revenue", "orderLines"]);
    expect(parseDefinition(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
  });

  test("first match wins: d is new though small; c is key by its order lines; e and f fall through", () => {
    const assignment = assignBatch(definition, table, { abcMode: "population", requireAllDimensions: true });
    expect(Array.from(assignment.segmentIndex, (k) => definition.segments[k].id)).toEqual(["R2", "R2", "R2", "R1", "R3", "R3"]);
  });

  test("starting policies and descriptions from the segments' items", () => {
    // Revenue of all six: 20, 50, 100, 300, 2,000, 5,000; CV known for five: 0.2, 0.4, 0.9, 1.5, 2.
    // Key items (a, b, c): median revenue 2,000 at (4 + ½)/6 = 0.75 → A; median CV 0.4 at (1 + ½)/5 = 0.3 → 0.7 → X.
    // New items (d): 100 at (2 + ½)/6 ≈ 0.42 → B; CV 1.5 at (3 + ½)/5 = 0.7 → 0.3 → Z.
    // Tail (e, f): median revenue 35 at 1/6 → C; CV 2 (f only) at (4 + ½)/5 = 0.9 → 0.1 → Z.
    expect(startingCellsOf(table, Int32Array.from([1, 1, 1, 0, 2, 2]), 3)).toEqual(["BZ", "AX", "CZ"]);
    expect(definition.segments.map((s) => s.policy.serviceLevel)).toEqual([CELLS.BZ.serviceLevel, CELLS.AX.serviceLevel, CELLS.CZ.serviceLevel]);
    // Revenue 7,470 in all: key items 7,300 (97.7%), new 100 (1.3%), tail 70 (0.9%).
    expect(definition.segments.map((s) => s.description)).toEqual([
      "Rule 1: history < 6. At design 16.7% of items, 1.3% of revenue. Starting policy of BZ.",
      "Rule 2: revenue ≥ 1,000; or rule 3: order lines ≥ 50. At design 50% of items, 97.7% of revenue. Starting policy of AX.",
      "Items no rule takes. At design 33.3% of items, 0.9% of revenue. Starting policy of CZ.",
    ]);
  });

  test("the tiers: at or above two thirds the first class, at or above one third the second", () => {
    expect([0.9, 2 / 3, 0.5, 1 / 3, 0.1].map((p) => tierOf(p, "ABC"))).toEqual(["A", "A", "B", "B", "C"]);
  });

  test("rules that cannot be applied are refused with the rule and condition named", () => {
    const rule = options.rules[1];
    expectSegmentError(() => designRules(table, { ...options, rules: [] }), "invalid-input", "write at least one rule");
    expectSegmentError(() => designRules(table, { ...options, rules: [{ ...rule, segment: " " }] }), "invalid-input", "rule 1 has no segment name");
    expectSegmentError(() => designRules(table, { ...options, rules: [{ ...rule, when: [] }] }), "invalid-input", "rule 1 has no condition");
    expectSegmentError(
      () => designRules(table, { ...options, rules: [rule, { segment: "X", when: [{ field: "margin", op: ">", value: 0.3 }] }] }),
      "invalid-input",
      'rule 2, condition 1 tests "margin", which the items do not have',
    );
    expectSegmentError(
      () => designRules(table, { ...options, rules: [{ segment: "X", when: [{ field: "revenue", op: ">", value: NaN }] }] }),
      "invalid-input",
      "rule 1, condition 1 needs a number to compare revenue with",
    );
    expectSegmentError(() => designRules(table, { ...options, otherwise: "" }), "invalid-input", "name the segment of items no rule takes");
  });
});
