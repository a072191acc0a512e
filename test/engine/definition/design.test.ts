/**
 * Proposing a definition. The ABC thresholds are checked on Heizer & Render's Example 1 (see
 * assign.test.ts for the figures): A ends at #11526 (77,000, rank 2, cumulative 167,000 / 232,057),
 * B at #10867 (15,001, rank 4, cumulative 208,351 / 232,057).
 */
import { abcDesignOf, designAbcXyz } from "../../../src/engine/definition/design";
import { assign } from "../../../src/engine/definition/assign";
import { parseDefinition } from "../../../src/engine/definition/schema";
import { createItemTable } from "../../../src/engine/items/itemTable";

const chips = Float64Array.from([850, 504, 90000, 12500, 150, 15001, 77000, 8502, 26350, 1200]);

test("abcDesignOf: the worked example's thresholds, ranks and cumulative shares", () => {
  expect(abcDesignOf(chips, [0.8, 0.95])).toEqual({
    items: 10,
    total: 232057,
    boundaries: [
      { threshold: 77000, rank: 2, cumulativeShare: 167000 / 232057 },
      { threshold: 15001, rank: 4, cumulativeShare: 208351 / 232057 },
    ],
  });
});

test("abcDesignOf: a class no item reached has no boundary, and later classes still do", () => {
  // 60 → 60% > 50% → B; 30 → 90% → B; 10 → 100% → C. No item is A.
  expect(abcDesignOf(Float64Array.from([60, 30, 10]), [0.5, 0.95]).boundaries).toEqual([
    null,
    { threshold: 30, rank: 2, cumulativeShare: 0.9 },
  ]);
  // 100 of 101 is above both cutoffs: nothing is A or B.
  expect(abcDesignOf(Float64Array.from([100, 1]), [0.5, 0.95]).boundaries).toEqual([null, null]);
  expect(() => abcDesignOf(Float64Array.from([0, -5]), [0.8, 0.95])).toThrow(/no item has a positive value/);
});

describe("designAbcXyz", () => {
  const table = createItemTable(
    ["#01036", "#01307", "#10286", "#10500", "#10572", "#10867", "#11526", "#12572", "#12760", "#14075"],
    {
      revenue: chips,
      demandCv: Float64Array.from([0.2, 0.6, 0.3, 1.4, NaN, 0.45, 0.9, 0.1, 2, 0.7]),
      historyPeriods: Float64Array.from([13, 13, 13, 13, 13, 4, 13, 13, 13, 13]),
    },
  );
  const definition = designAbcXyz(table, {
    id: "chips",
    name: "Chips",
    author: "planner",
    dataSource: "chips.csv",
    rowCount: 120,
    createdAt: "2024-05-01T09:00:00Z",
    period: "month",
  });

  test("is a valid definition: nine segments, the design thresholds, named fallbacks, hysteresis and provenance", () => {
    expect(parseDefinition(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
    expect(definition.segments.map((s) => s.id)).toEqual(["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"]);
    expect(definition.method).toMatchObject({
      type: "matrix",
      classifications: [
        { kind: "abc", dimension: "revenue", cutoffs: [0.8, 0.95], design: abcDesignOf(chips, [0.8, 0.95]) },
        { kind: "xyz", dimension: "demandCv", cutoffs: [0.5, 1] },
      ],
    });
    expect(definition.fallback.rules[0]).toMatchObject({ name: "new products", segment: "BY", when: [{ field: "historyPeriods", op: "<", value: 6 }] });
    expect(definition.fallback.unclassified?.segment).toBe("CZ");
    expect(definition.reclassification?.rules.map((r) => r.name)).toEqual(["sustained drop", "sustained rise"]);
    expect(definition.provenance).toMatchObject({ dataSource: "chips.csv", rowCount: 120, itemCount: 10, author: "planner" });
  });

  test("policies follow the class: higher service for A and steadier demand, faster review for A", () => {
    const policy = (id: string) => definition.segments.find((s) => s.id === id)!.policy;
    expect(policy("AX").serviceLevel).toBeGreaterThan(policy("BX").serviceLevel);
    expect(policy("BX").serviceLevel).toBeGreaterThan(policy("CX").serviceLevel);
    expect(policy("AX").serviceLevel).toBeGreaterThan(policy("AZ").serviceLevel);
    expect(policy("AX").reviewPeriodDays).toBeLessThan(policy("CX").reviewPeriodDays);
    expect(definition.segments.every((s) => s.targets.fillRate!.target === s.policy.serviceLevel)).toBe(true);
  });

  test("a single design item placed by the stored thresholds lands where the design ranking put it", () => {
    expect(assign(definition, { features: { revenue: 77000, demandCv: 0.9, historyPeriods: 13 } }).segment).toBe("AY");
    expect(assign(definition, { features: { revenue: 26350, demandCv: 2, historyPeriods: 13 } }).segment).toBe("BZ");
    expect(assign(definition, { features: { revenue: 15001, demandCv: 0.45, historyPeriods: 4 } }).segment).toBe("BY");
    expect(assign(definition, { features: { revenue: 150, demandCv: null, historyPeriods: 13 } }).segment).toBe("CZ");
  });
});
