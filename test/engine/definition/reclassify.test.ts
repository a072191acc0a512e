/**
 * Reclassification with hysteresis on a hand-made example. The definition is the worked example
 * (chips-abc-xyz.json) with its rule "sustained drop": quantity down 30% or more for two quarters
 * against the same quarter a year earlier. Current data: 2011-Q1 … Q4 with Q4 incomplete, so the rule
 * is checked on 2011-Q2 and 2011-Q3; their baselines are 2010-Q2 and 2010-Q3 of the previous data.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { assignBatch } from "../../../src/engine/definition/assign";
import { reclassify, RECLASSIFICATION_STATUSES, type PriorAssignment } from "../../../src/engine/definition/reclassify";
import { parseDefinition } from "../../../src/engine/definition/schema";
import { createItemTable } from "../../../src/engine/items/itemTable";
import type { PeriodTotals } from "../../../src/engine/transactions/periodTotals";

const json = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../fixtures/definitions/chips-abc-xyz.json"), "utf8"));
const definition = parseDefinition(json);
const Q1_2010 = 2010 * 4;
const Q1_2011 = 2011 * 4;

// item: [revenue now (A 90,000 / B 30,000 / C 150), CoV now, quarterly quantities now Q1..Q4]
const current: [string, number, number[]][] = [
  ["drop", 30000, [100, 70, 60, 10]], // was AX, now BX; Q2 70 ≤ 0.7 × 100 (exactly), Q3 60 ≤ 0.7 × 100 → moves
  ["small-drop", 30000, [100, 71, 60, 10]], // Q2 71 > 70 → the rule fails in one quarter → held in AX
  ["steady", 90000, [100, 100, 100, 10]], // AX then and now → unchanged
  ["was-new", 90000, [10, 10, 10, 10]], // previously BY by the new-products fallback → graduated
  ["launch", 30000, [0, 5, 50, 60]], // not in the previous data → new item
  ["#10572", 150, [1, 1, 1, 1]], // overridden to AX by the definition → override
];
const table = createItemTable(
  current.map(([id]) => id),
  {
    revenue: Float64Array.from(current, ([, r]) => r),
    demandCv: new Float64Array(current.length).fill(0.3),
    historyPeriods: new Float64Array(current.length).fill(12),
  },
);
const batch = assignBatch(definition, table, { abcMode: "thresholds", requireAllDimensions: true });

function totals(first: number, rows: number[][], complete: number[]): PeriodTotals {
  const quantity = Float64Array.from(rows.flat());
  return {
    period: "quarter",
    firstPeriod: first,
    periodCount: rows[0].length,
    quantity,
    revenue: quantity.map((q) => q * 2),
    complete: Uint8Array.from(complete),
    labels: Array.from({ length: rows[0].length }, (_, p) => `${Math.floor((first + p) / 4)}-Q${((first + p) % 4) + 1}`),
  };
}

const currentTotals = totals(Q1_2011, current.map(([, , q]) => q), [1, 1, 1, 0]);
const prior: PriorAssignment = {
  ids: ["drop", "small-drop", "steady", "was-new", "#10572", "gone"],
  segment: ["AX", "AX", "AX", "BY", "CZ", "BZ"],
  source: ["method", "method", "method", "fallback", "method", "method"],
  totals: totals(Q1_2010, [[100, 100, 100, 100], [100, 100, 100, 100], [100, 100, 100, 100], [0, 0, 5, 5], [1, 1, 1, 1], [9, 9, 9, 9]], [1, 1, 1, 0]),
};

const status = (result: ReturnType<typeof reclassify>, id: string) => RECLASSIFICATION_STATUSES[result.status[current.findIndex(([i]) => i === id)]];
const finalSegment = (result: ReturnType<typeof reclassify>, id: string) => definition.segments[result.segmentIndex[current.findIndex(([i]) => i === id)]].id;

test("each item's status and final segment", () => {
  const result = reclassify(definition, batch, currentTotals, prior);
  expect(current.map(([id]) => [id, status(result, id), finalSegment(result, id)])).toEqual([
    ["drop", "moved", "BX"],
    ["small-drop", "held", "AX"],
    ["steady", "unchanged", "AX"],
    ["was-new", "graduated", "AX"],
    ["launch", "new item", "BX"],
    ["#10572", "override", "AX"],
  ]);
  expect(result.counts).toEqual({ "new item": 1, unchanged: 1, moved: 1, held: 1, graduated: 1, override: 1 });
  expect(result.departed).toEqual([{ id: "gone", segment: "BZ" }]);
  expect(result.evaluatedPeriods).toEqual(["2011-Q2", "2011-Q3"]);
});

test("who moved and why, in words, with the figures of each quarter", () => {
  const result = reclassify(definition, batch, currentTotals, prior);
  expect(result.reason(0)).toBe(
    'moved AX → BX: rule "sustained drop" held for 2 consecutive quarters against the same quarter last year (2011-Q2 quantity 70 vs 100 (−30%), 2011-Q3 quantity 60 vs 100 (−40%))',
  );
  expect(result.reason(1)).toBe(
    "held in AX: computed BX, but no reclassification rule held for the last complete quarters (2011-Q2 quantity 71 vs 100 (−29%), 2011-Q3 quantity 60 vs 100 (−40%) against the same quarter last year)",
  );
  expect(result.reason(3)).toBe("was in BY by a fallback rule → AX (placeholder placements move without hysteresis)");
  expect(result.reason(2)).toBe("");
});

test("a rule needs its baseline: with the previous year's quarters incomplete nothing moves", () => {
  const result = reclassify(definition, batch, currentTotals, { ...prior, totals: { ...prior.totals, complete: Uint8Array.from([1, 0, 0, 0]) } });
  expect(status(result, "drop")).toBe("held");
  expect(result.reason(0)).toContain("2011-Q2 quantity 70, no baseline");
});

test("a rule needs enough complete quarters in the current data", () => {
  const result = reclassify(definition, batch, { ...currentTotals, complete: Uint8Array.from([0, 0, 1, 0]) }, prior);
  expect(status(result, "drop")).toBe("held");
  expect(result.reason(0)).toContain("fewer than 2 complete quarters in the data");
});

test("an upward rule against the previous average", () => {
  const rising = parseDefinition({
    ...json,
    reclassification: {
      period: "quarter",
      baseline: "previousAverage",
      rules: [{ name: "sustained rise", metric: "revenue", direction: "up", change: 0.5, consecutivePeriods: 2 }],
    },
  });
  // "steady" is computed AX; make its previous segment BX with revenue averaging 2 × 100 = 200 a quarter.
  const up = { ...prior, segment: ["AX", "AX", "BX", "BY", "CZ", "BZ"] };
  const higher = totals(Q1_2011, current.map(([id, , q]) => (id === "steady" ? [100, 150, 150, 10] : q)), [1, 1, 1, 0]);
  const result = reclassify(rising, batch, higher, up);
  // revenue 300 ≥ 1.5 × 200 in Q2 and Q3 → moves; "drop" (down, not up) is held.
  expect(status(result, "steady")).toBe("moved");
  expect(result.reason(2)).toBe(
    'moved BX → AX: rule "sustained rise" held for 2 consecutive quarters against the previous average (2011-Q2 revenue 300 vs 200 (+50%), 2011-Q3 revenue 300 vs 200 (+50%))',
  );
  expect(status(result, "drop")).toBe("held");
});

test("without reclassification rules, items move freely", () => {
  const { reclassification: _, ...free } = json;
  const result = reclassify(parseDefinition(free), batch, currentTotals, prior);
  expect(status(result, "small-drop")).toBe("moved");
  expect(result.reason(1)).toBe("moved AX → BX: the definition has no reclassification rules, so items move freely");
});
