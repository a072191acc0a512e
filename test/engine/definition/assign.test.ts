/**
 * Assignment with reasons, on the worked example of test/fixtures/definitions/chips-abc-xyz.json:
 * Heizer & Render, "Operations Management", chapter "Inventory Management", Example 1 (ABC analysis
 * for a chip manufacturer), 10 items whose annual dollar volumes total 232,057:
 *   #10286 90,000 (cum. 38.78%) · #11526 77,000 (71.97%) · #12760 26,350 (83.32%) · #10867 15,001 (89.78%)
 *   · #10500 12,500 (95.17%) · #12572 8,502 · #14075 1,200 · #01036 850 · #01307 504 · #10572 150.
 * With cutoffs 80% / 95%: A = the first two, B = the next two, C = the rest. So the design thresholds
 * are 77,000 for A (rank 2, cumulative 167,000 / 232,057 = 71.97%) and 15,001 for B (rank 4,
 * 208,351 / 232,057 = 89.78%); abcDesignOf recomputes them in design.test.ts.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { classifyAbc } from "../../../src/engine/classify/abc";
import { crossAbcXyz } from "../../../src/engine/classify/matrix";
import { classifyXyz } from "../../../src/engine/classify/xyz";
import { assign, assignBatch, ASSIGNMENT_SOURCES } from "../../../src/engine/definition/assign";
import { abcDesignOf } from "../../../src/engine/definition/design";
import { parseDefinition, type SegmentDefinition } from "../../../src/engine/definition/schema";
import { SegmentError } from "../../../src/engine/errors";
import { createItemTable } from "../../../src/engine/items/itemTable";

const json = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../fixtures/definitions/chips-abc-xyz.json"), "utf8"));
const chips: SegmentDefinition = parseDefinition(json);

const item = (features: Record<string, number | string | null>, id?: string) => ({ id, features });

describe("assign: one item, by the design thresholds", () => {
  test("revenue between the B and A thresholds with a steady demand is BX, with every step in words", () => {
    const result = assign(chips, item({ revenue: 30000, demandCv: 0.42, historyPeriods: 12 }));
    expect(result).toEqual({
      segment: "BX",
      segmentName: "Mid, steady",
      source: "method",
      computedSegment: "BX",
      reasons: [
        "revenue 30,000 ≥ B threshold 15,001 (95% cumulative share at design, rank 4 of 10) → B",
        "demandCv 0.42 ≤ 0.5 → X",
        "cell BX → BX (Mid, steady)",
      ],
    });
  });

  test("A at and above the A threshold; C below the B threshold; non-positive revenue is C", () => {
    expect(assign(chips, item({ revenue: 77000, demandCv: 0.7, historyPeriods: 12 })).reasons).toEqual([
      "revenue 77,000 ≥ A threshold 77,000 (80% cumulative share at design, rank 2 of 10) → A",
      "demandCv 0.7 > 0.5, ≤ 1 → Y",
      "cell AY → AY (Core, variable)",
    ]);
    expect(assign(chips, item({ revenue: 12500, demandCv: 1.3, historyPeriods: 12 })).reasons[0]).toBe(
      "revenue 12,500 < B threshold 15,001 (95% cumulative share at design, rank 4 of 10) → C",
    );
    expect(assign(chips, item({ revenue: 12500, demandCv: 1.3, historyPeriods: 12 })).segment).toBe("CZ");
    expect(assign(chips, item({ revenue: -40, demandCv: 0.2, historyPeriods: 12 })).reasons[0]).toBe("revenue −40 is not positive → C");
  });

  test("XYZ cutoffs include the boundary, as classifyXyz does", () => {
    expect(assign(chips, item({ revenue: 90000, demandCv: 0.5, historyPeriods: 12 })).segment).toBe("AX");
    expect(assign(chips, item({ revenue: 90000, demandCv: 1, historyPeriods: 12 })).segment).toBe("AY");
    expect(assign(chips, item({ revenue: 90000, demandCv: 1.0000001, historyPeriods: 12 })).segment).toBe("AZ");
  });

  test("the named fallback for new products comes first", () => {
    const result = assign(chips, item({ revenue: 90000, demandCv: 0.1, historyPeriods: 3 }));
    expect(result.segment).toBe("BY");
    expect(result.source).toBe("fallback");
    expect(result.reasons).toEqual([
      'fallback rule "new products" (new products are BY until 6 months of history): historyPeriods 3 < 6 → BY (Mid, variable)',
    ]);
  });

  test("an item the matrix cannot classify goes to the named fallback for unclassifiable items", () => {
    const result = assign(chips, item({ revenue: 90000, demandCv: null, historyPeriods: 12 }));
    expect(result.segment).toBe("CZ");
    expect(result.source).toBe("unclassified");
    expect(result.reasons).toEqual([
      "demandCv is missing → not classified",
      'not classifiable → fallback for unclassifiable items "no measurable demand" (no demand in any month) → CZ (Tail, erratic)',
    ]);
    // A missing history does not satisfy "historyPeriods < 6": the item is not taken for new.
    expect(assign(chips, item({ revenue: 90000, demandCv: 0.1 })).segment).toBe("AX");
  });

  test("without a fallback for unclassifiable items there is no segment, and the reason says so", () => {
    const { unclassified: _, ...fallback } = json.fallback;
    const strict = parseDefinition({ ...json, fallback });
    const result = assign(strict, item({ revenue: 90000, demandCv: null, historyPeriods: 12 }));
    expect(result.segment).toBeNull();
    expect(result.source).toBe("none");
    expect(result.reasons[1]).toBe("not classifiable, and the definition names no fallback for unclassifiable items → no segment");
  });

  test("a manual override wins and keeps the computed segment and its reasons beside it", () => {
    const result = assign(chips, item({ revenue: 150, demandCv: 0.3, historyPeriods: 12 }, "#10572"));
    expect(result.segment).toBe("AX");
    expect(result.source).toBe("override");
    expect(result.computedSegment).toBe("CX");
    expect(result.reasons[0]).toBe("manual override → AX (Core runners) by j.smith on 2024-05-01: launch of the next-generation line");
    expect(result.reasons[1]).toMatch(/^computed segment was CX: revenue 150 < B threshold 15,001/);
  });

  test("a definition without design thresholds cannot place a single item by ABC, and says what to do", () => {
    const undesigned = structuredClone(json);
    delete undesigned.method.classifications[0].design;
    expect(() => assign(parseDefinition(undesigned), item({ revenue: 1, demandCv: 0.1, historyPeriods: 12 }))).toThrow(
      /no design thresholds, so a single item cannot be ranked/,
    );
  });
});

describe("assignBatch: a population ranked by the share cutoffs", () => {
  const ids = ["#01036", "#01307", "#10286", "#10500", "#10572", "#10867", "#11526", "#12572", "#12760", "#14075"];
  const revenue = Float64Array.from([850, 504, 90000, 12500, 150, 15001, 77000, 8502, 26350, 1200]);
  const table = createItemTable(ids, { revenue, demandCv: new Float64Array(10).fill(0.3), historyPeriods: new Float64Array(10).fill(12) });
  const batch = assignBatch(chips, table, { abcMode: "population", requireAllDimensions: true });

  test("the book's classes: A = #10286, #11526; B = #12760, #10867; C = the rest", () => {
    const abc = Array.from(batch.classes[0].classIndex, (k) => "ABC"[k]);
    expect(Object.fromEntries(ids.map((id, k) => [id, abc[k]]))).toEqual({
      "#01036": "C", "#01307": "C", "#10286": "A", "#10500": "C", "#10572": "C", "#10867": "B", "#11526": "A", "#12572": "C", "#12760": "B", "#14075": "C",
    });
  });

  test("reasons give the rank and cumulative share on this population", () => {
    expect(batch.reasons(8)[0]).toBe("revenue 26,350: rank 3 of 10, cumulative 83.3% > 80%, ≤ 95% → B");
    expect(batch.reasons(2)[0]).toBe("revenue 90,000: rank 1 of 10, cumulative 38.8% ≤ 80% → A");
    expect(batch.reasons(3)[0]).toBe("revenue 12,500: rank 5 of 10, cumulative 95.2% > 95% → C");
  });

  test("population classes agree with the design thresholds on the design data, and drift is recorded per item", () => {
    expect(Array.from(batch.classes[0].thresholdClass!)).toEqual(Array.from(batch.classes[0].classIndex));
  });

  test("overrides apply by item id; the computed segment stays in computedIndex", () => {
    const k = ids.indexOf("#10572");
    expect(chips.segments[batch.segmentIndex[k]].id).toBe("AX");
    expect(chips.segments[batch.computedIndex[k]].id).toBe("CX");
    expect(ASSIGNMENT_SOURCES[batch.source[k]]).toBe("override");
    expect(ASSIGNMENT_SOURCES[batch.computedSource[k]]).toBe("method");
  });

  test("a batch run refuses data without a dimension, naming what the items have", () => {
    const partial = createItemTable(ids, { revenue });
    expect(() => assignBatch(chips, partial, { abcMode: "population", requireAllDimensions: true })).toThrow(SegmentError);
    expect(() => assignBatch(chips, partial, { abcMode: "population", requireAllDimensions: true })).toThrow(
      'dimension "demandCv" is not in the data; the items have "revenue"',
    );
  });
});

describe("properties", () => {
  const population = fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 60 });

  test("the design thresholds place every design item in the class the ranking gave it", () => {
    fc.assert(
      fc.property(population, (values) => {
        const revenue = Float64Array.from(values);
        const design = abcDesignOf(revenue, [0.8, 0.95]);
        const definition = structuredClone(json);
        definition.method.classifications[0].design = design;
        definition.fallback.rules = [];
        const parsed = parseDefinition(definition);
        const ids = values.map((_, k) => `i${k}`);
        const table = createItemTable(ids, { revenue, demandCv: new Float64Array(values.length).fill(0.2), historyPeriods: new Float64Array(values.length).fill(12) });
        const byThresholds = assignBatch(parsed, table, { abcMode: "thresholds", requireAllDimensions: true });
        const byRanking = classifyAbc(revenue, { cutoffs: [0.8, 0.95] });
        return Array.from(byThresholds.classes[0].classIndex).every((k, i) => k === byRanking.classIndex[i]);
      }),
    );
  });

  test("a batch in threshold mode gives each item what assign gives it alone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ revenue: fc.double({ min: -1000, max: 200000, noNaN: true }), cv: fc.option(fc.double({ min: 0, max: 3, noNaN: true })), history: fc.integer({ min: 0, max: 24 }) }), { minLength: 1, maxLength: 30 }),
        (rows) => {
          const table = createItemTable(rows.map((_, k) => `x${k}`), {
            revenue: Float64Array.from(rows, (r) => r.revenue),
            demandCv: Float64Array.from(rows, (r) => r.cv ?? NaN),
            historyPeriods: Float64Array.from(rows, (r) => r.history),
          });
          const batch = assignBatch(chips, table, { abcMode: "thresholds", requireAllDimensions: true });
          return rows.every((r, k) => {
            const one = assign(chips, item({ revenue: r.revenue, demandCv: r.cv, historyPeriods: r.history }, `x${k}`));
            return one.segment === (batch.segmentIndex[k] >= 0 ? chips.segments[batch.segmentIndex[k]].id : null) && one.reasons.join() === batch.reasons(k).join();
          });
        },
      ),
    );
  });

  test("the population matrix is the engine's ABC × XYZ matrix (classifyAbc, classifyXyz, crossAbcXyz)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 6, maxLength: 6 })), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const revenue = Float64Array.from(rows, ([r]) => r);
          const history = Float64Array.from(rows.flatMap(([, h]) => h));
          const xyz = classifyXyz(history, rows.length, 6);
          const expected = crossAbcXyz(classifyAbc(revenue), xyz);
          const noFallback = parseDefinition({ ...json, fallback: { rules: [], unclassified: json.fallback.unclassified }, overrides: [] });
          const table = createItemTable(rows.map((_, k) => `p${k}`), { revenue, demandCv: xyz.coefficientOfVariation, historyPeriods: new Float64Array(rows.length).fill(6) });
          const batch = assignBatch(noFallback, table, { abcMode: "population", requireAllDimensions: true });
          return rows.every((_, k) => {
            const cell = expected.classIndex[k];
            const segment = batch.segmentIndex[k];
            return cell < 0 ? noFallback.segments[segment].id === "CZ" && batch.source[k] === ASSIGNMENT_SOURCES.indexOf("unclassified") : noFallback.segments[segment].id === expected.labels[cell];
          });
        },
      ),
    );
  });
});

describe("the rules method: ordered conditions, first match wins, a named default", () => {
  const rules = parseDefinition({
    ...json,
    dimensions: [
      { name: "revenue" },
      { name: "country", kind: "text" },
      { name: "orderLines" },
    ],
    method: {
      type: "rules",
      rules: [
        { name: "key accounts", when: [{ field: "revenue", op: ">=", value: 50000 }], segment: "AX" },
        { name: "home market", description: "UK and Ireland", when: [{ field: "country", op: "in", value: ["United Kingdom", "EIRE"] }, { field: "orderLines", op: "between", value: [10, 500] }], segment: "BX" },
      ],
      default: { name: "everyone else", description: "served from the regional hub", segment: "CZ" },
    },
    fallback: { rules: [] },
    overrides: [],
  });

  test("the first rule that holds wins, even when a later one also holds", () => {
    const result = assign(rules, item({ revenue: 60000, country: "united kingdom", orderLines: 20 }));
    expect(result.segment).toBe("AX");
    expect(result.reasons).toEqual(['rule "key accounts": revenue 60,000 ≥ 50,000 → AX (Core runners)']);
  });

  test("text matches ignoring case and spaces; between includes its ends", () => {
    const result = assign(rules, item({ revenue: 100, country: " eire ", orderLines: 500 }));
    expect(result.segment).toBe("BX");
    expect(result.reasons).toEqual(['rule "home market": country "eire" in ["United Kingdom", "EIRE"] and orderLines 500 between [10, 500] → BX (Mid, steady)']);
  });

  test("no rule → the named default, with the first rule's failure shown", () => {
    const result = assign(rules, item({ revenue: 100, country: "France", orderLines: 20 }));
    expect(result.segment).toBe("CZ");
    expect(result.source).toBe("default");
    expect(result.reasons).toEqual([
      "no rule matched (first rule: revenue 100 < 50,000)",
      'default "everyone else" (served from the regional hub) → CZ (Tail, erratic)',
    ]);
  });

  test("a missing feature never satisfies a rule", () => {
    const result = assign(rules, item({ revenue: null, country: "EIRE" }));
    expect(result.segment).toBe("CZ");
    expect(result.reasons[0]).toBe('no rule matched (first rule: revenue is missing, so "revenue >= 50,000" does not hold)');
  });
});
