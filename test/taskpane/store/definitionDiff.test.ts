import * as fs from "node:fs";
import * as path from "node:path";
import { parseDefinition, type SegmentDefinition } from "../../../src/engine/definition";
import { diffDefinitions, sameDefinition, type DefinitionChange } from "../../../src/taskpane/store/definitionDiff";

/** Heizer & Render's chip example, crossed with XYZ: a complete definition with every part filled in. */
function chips(): SegmentDefinition {
  const text = fs.readFileSync(path.join(__dirname, "../../fixtures/definitions/chips-abc-xyz.json"), "utf8");
  return parseDefinition(text);
}

const texts = (changes: DefinitionChange[]) => changes.map((change) => change.text);

describe("diffDefinitions: what changed between two versions, in words", () => {
  it("finds nothing between a definition and itself, whatever the version number or key order", () => {
    const before = chips();
    const after = JSON.parse(JSON.stringify({ ...before, version: 4 }));
    // The same document with its keys written in another order.
    const reordered = Object.fromEntries(Object.entries(after).reverse());
    expect(diffDefinitions(before, reordered)).toEqual([]);
    expect(sameDefinition(before, reordered)).toBe(true);
  });

  it("names a renamed segment and each policy field with old → new, in the planner's units", () => {
    const before = chips();
    const after = structuredClone(before);
    const ax = after.segments.find((s) => s.id === "AX")!;
    ax.name = "Core runners, steady";
    ax.policy.serviceLevel = 0.99;
    ax.policy.leadTimeDays = 10;
    ax.policy.transportMode = "air";
    ax.policy.moq = 12;
    const changes = diffDefinitions(before, after);
    expect(texts(changes)).toEqual([
      "Segment AX renamed: “Core runners” → “Core runners, steady”",
      "Segment AX · service level: 98% → 99%",
      "Segment AX · lead time: 14 days → 10 days",
      "Segment AX · transport mode: “road” → “air”",
      "Segment AX · MOQ: 0 → 12",
    ]);
    expect(changes[0]).toMatchObject({ subject: "Segment AX", kind: "renamed", before: "“Core runners”", after: "“Core runners, steady”" });
    expect(changes[1]).toMatchObject({ kind: "changed", field: "service level", before: "98%", after: "99%" });
  });

  it("lists segments added and removed by id, not by position", () => {
    const before = chips();
    const after = structuredClone(before);
    const cz = after.segments.find((s) => s.id === "CZ")!;
    after.segments = after.segments.filter((s) => s.id !== "CZ");
    after.segments.unshift({ ...structuredClone(cz), id: "DX", name: "Discontinued" });
    // The eight kept segments moved one place down but kept their order: not a change.
    expect(texts(diffDefinitions(before, after))).toEqual([`Segment CZ “${cz.name}” removed`, "Segment DX “Discontinued” added"]);
    after.segments.reverse();
    expect(texts(diffDefinitions(before, after)).at(-1)).toBe("Segments reordered: AX, AY, AZ, BX, BY, BZ, CX, CY → CY, CX, BZ, BY, BX, AZ, AY, AX");
  });

  it("reports classification thresholds: ABC cutoffs as shares, XYZ cutoffs as CVs, the design thresholds as values", () => {
    const before = chips();
    const after = structuredClone(before);
    if (after.method.type !== "matrix") throw new Error("chips is a matrix");
    const [abc, xyz] = after.method.classifications;
    if (abc.kind !== "abc" || xyz.kind !== "xyz" || !abc.design) throw new Error("chips is ABC × XYZ with a design");
    abc.cutoffs = [0.7, 0.95];
    abc.design.boundaries[0] = { threshold: 90000, rank: 1, cumulativeShare: 0.39 };
    xyz.cutoffs = [0.6, 1];
    expect(texts(diffDefinitions(before, after))).toEqual([
      "ABC on revenue · cutoffs (cumulative share): 80%, 95% → 70%, 95%",
      "ABC on revenue · design thresholds: 77,000, 15,001 → 90,000, 15,001",
      "XYZ on demandCv · cutoffs: 0.5, 1 → 0.6, 1",
    ]);
  });

  it("reports KPI targets added, removed and moved, with their escalation thresholds", () => {
    const before = chips();
    const after = structuredClone(before);
    const ax = after.segments.find((s) => s.id === "AX")!;
    ax.targets.fillRate = { target: 0.97, escalateBelow: 0.93 };
    ax.targets.costToServe = { target: 0.08, escalateAbove: 0.12 };
    delete after.segments.find((s) => s.id === "BX")!.targets.fillRate;
    // The fixture: AX fill rate 98% (escalate below 93%), BX fill rate 96% (escalate below 91%).
    expect(texts(diffDefinitions(before, after))).toEqual([
      "Segment AX · fill rate target: 98% → 97%",
      "Segment AX · cost-to-serve target added: target 8%, escalate above 12%",
      "Segment BX · fill rate target removed (was target 96%, escalate below 91%)",
    ]);
  });

  it("reports the method type, fallbacks, reclassification, exceptions, overrides and provenance", () => {
    const before = chips();
    const after = structuredClone(before);
    after.fallback.rules = after.fallback.rules.map((rule) => ({ ...rule, when: [{ field: "historyPeriods", op: "<" as const, value: 3 }] }));
    after.exceptions = { maxLineShare: 0.4, minLines: 5, action: "exclude" };
    after.overrides = [{ item: "CHIP-9", segment: "AX", reason: "strategic", by: "j.smith", at: "2025-01-01T00:00:00Z" }];
    after.name = "Chips";
    after.provenance = { ...after.provenance, rowCount: 11 };
    after.reclassification = undefined;
    // The fixture: "new products" below 6 months of history, one-off lines above 50%, one override of #10572, 10 rows.
    expect(texts(diffDefinitions(before, after))).toEqual([
      "Definition · name: “Silicon Chips ABC-XYZ” → “Chips”",
      "Fallback rule “new products” · conditions: historyPeriods < 6 → historyPeriods < 3",
      "Reclassification rules removed: segments change at once",
      "One-off lines · largest share of an item's sales: 50% → 40%",
      "Override of #10572 (→ AX: “launch of the next-generation line”) removed",
      "Override of CHIP-9 (→ AX: “strategic”) added",
      "Provenance · rows: 10 → 11",
    ]);

    const rules: SegmentDefinition = { ...structuredClone(before), method: { type: "rules", rules: [{ name: "big", when: [{ field: "revenue", op: ">=", value: 50000 }], segment: "AX" }], default: { name: "rest", segment: "CZ" } } };
    expect(texts(diffDefinitions(before, rules))).toEqual(["Method · type: matrix → rules"]);
    const rulesLater = structuredClone(rules);
    if (rulesLater.method.type !== "rules") throw new Error("rules");
    rulesLater.method.rules.unshift({ name: "new", when: [{ field: "historyPeriods", op: "between", value: [0, 5] }], segment: "BY" });
    rulesLater.method.default.segment = "CY";
    expect(texts(diffDefinitions(rules, rulesLater))).toEqual([
      "Rule “new” (historyPeriods between 0 and 5 → BY) added",
      "Default segment · segment: CZ → CY",
    ]);
  });

  it("reports the reordering of rules, where the first match wins", () => {
    const base = chips();
    const rules = (names: string[]): SegmentDefinition => ({
      ...structuredClone(base),
      method: { type: "rules", rules: names.map((name, i) => ({ name, when: [{ field: "revenue", op: ">=" as const, value: 1000 * (i + 1) }], segment: "AX" })), default: { name: "rest", segment: "CZ" } },
    });
    const before = rules(["a", "b"]);
    const after = structuredClone(before);
    if (after.method.type !== "rules") throw new Error("rules");
    after.method.rules.reverse();
    expect(texts(diffDefinitions(before, after))).toEqual(["Rules reordered: a, b → b, a"]);
  });

  it("still reports a field it has no words for, by its path", () => {
    const before = { ...chips(), futureField: { depth: 1 } } as unknown;
    const after = { ...chips(), futureField: { depth: 2 } } as unknown;
    expect(texts(diffDefinitions(before, after))).toEqual(["Definition · futureField.depth: 1 → 2"]);
  });
});
