/** Setting and removing one KPI target of a segment, on the chips ABC-XYZ definition (test/fixtures/definitions). */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDefinition } from "../../../../src/engine/definition";
import { targetTexts, withTarget } from "../../../../src/taskpane/views/kpis/targets";

const chips = parseDefinition(JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../fixtures/definitions/chips-abc-xyz.json"), "utf8")));
const ax = () => chips.segments.find((segment) => segment.id === "AX")!;

test("rates are typed in percent and kept as shares; costs above, rates below the target escalate", () => {
  const fill = withTarget(chips, "AX", "fillRate", { target: "97.5", escalation: "92" });
  if (fill.kind !== "ready") throw new Error("expected a definition");
  expect(fill.definition.segments.find((segment) => segment.id === "AX")!.targets.fillRate).toEqual({ target: 0.975, escalateBelow: 0.92 });
  expect(targetTexts(fill.definition.segments[0].targets, "fillRate")).toEqual({ target: "97.5", escalation: "92" });

  const cost = withTarget(chips, "AX", "costPerOrder", { target: "12.5", escalation: "20" });
  if (cost.kind !== "ready") throw new Error("expected a definition");
  expect(cost.definition.segments[0].targets.costPerOrder).toEqual({ target: 12.5, escalateAbove: 20 });
  // Other segments are untouched.
  expect(cost.definition.segments.slice(1)).toEqual(chips.segments.slice(1));
});

test("what to fix, field by field", () => {
  expect(withTarget(chips, "AX", "fillRate", { target: "", escalation: "101" })).toEqual({
    kind: "invalid",
    target: "Enter a percentage, e.g. 95.",
    escalation: "Enter a percentage from 0 to 100.",
  });
  expect(withTarget(chips, "AX", "onTimeDelivery", { target: "90", escalation: "95" })).toEqual({
    kind: "invalid",
    escalation: "Escalation is the worse threshold: enter at most the target (90%).",
  });
  expect(withTarget(chips, "AX", "inventoryTurns", { target: "0", escalation: "0" })).toEqual({ kind: "invalid", target: "Enter a number of turns above 0." });
});

test("removing a target leaves the KPI without one", () => {
  expect(ax().targets.fillRate).toBeDefined();
  const removed = withTarget(chips, "AX", "fillRate", null);
  if (removed.kind !== "ready") throw new Error("expected a definition");
  expect(removed.definition.segments[0].targets.fillRate).toBeUndefined();
});
