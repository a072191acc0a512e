/**
 * Quick edits to a definition (cutoffs and service levels), checked field by field and then by the
 * engine's schema. The worked example is the chips ABC-XYZ definition (test/fixtures/definitions).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { abcDesignOf, parseDefinition } from "../../../../src/engine/definition";
import { buildVariant, cutoffField, draftOf, serviceLevelField } from "../../../../src/taskpane/views/scenarios/variant";
import { onlineRetail } from "./appliedData";

const chips = parseDefinition(JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../fixtures/definitions/chips-abc-xyz.json"), "utf8")));

test("the draft shows ABC cutoffs and service levels in percent, XYZ cutoffs as they are; no edit is no change", () => {
  const draft = draftOf(chips);
  expect(draft.cutoffs).toEqual({ 0: ["80", "95"], 1: ["0.5", "1"] });
  expect(draft.serviceLevels.AX).toBe(String(chips.segments[0].policy.serviceLevel * 100));
  expect(buildVariant(chips, draft, null)).toEqual({ kind: "unchanged" });
});

test("each field says what to enter; nothing is applied while one is wrong", () => {
  const draft = draftOf(chips);
  draft.cutoffs[0] = ["95", "90"];
  draft.cutoffs[1] = ["-0.1", "abc"];
  draft.serviceLevels.AX = "100";
  const result = buildVariant(chips, draft, null);
  expect(result).toEqual({
    kind: "invalid",
    message: "Some values need fixing before the variant can be applied; see the fields marked below.",
    fieldErrors: {
      [cutoffField(0, 1)]: "Must be above the previous cutoff (95%).",
      [cutoffField(1, 0)]: "Enter 0 or more.",
      [cutoffField(1, 1)]: "Enter a coefficient of variation, e.g. 0.5.",
      [serviceLevelField("AX")]: "Enter a percentage between 0 and 100 (not 0 or 100 itself), e.g. 97.5.",
    },
  });
});

test("new ABC cutoffs keep stored thresholds only when they can be measured again on the applied data", async () => {
  const draft = draftOf(chips);
  draft.cutoffs[0] = ["70", "90"];
  draft.serviceLevels.CZ = "80";
  const result = buildVariant(chips, draft, null);
  if (result.kind !== "ready") throw new Error(`expected a definition, got ${result.kind}`);
  const abc = result.definition.method.type === "matrix" ? result.definition.method.classifications[0] : null;
  expect(abc).toMatchObject({ kind: "abc", cutoffs: [0.7, 0.9] });
  expect(abc && "design" in abc ? abc.design : undefined).toBeUndefined();
  expect(result.definition.segments.find((segment) => segment.id === "CZ")!.policy.serviceLevel).toBe(0.8);

  // With applied data the thresholds are those the engine's abcDesignOf gives for the new cutoffs.
  const retail = await onlineRetail(20000);
  const base = retail.design();
  const applied = retail.apply(base);
  const retailDraft = draftOf(base);
  retailDraft.cutoffs[0] = ["70", "90"];
  const measured = buildVariant(base, retailDraft, applied);
  if (measured.kind !== "ready" || measured.definition.method.type !== "matrix") throw new Error("expected a matrix definition");
  const classification = measured.definition.method.classifications[0];
  expect(classification.kind === "abc" && classification.design).toEqual(abcDesignOf(applied.aggregated.table.numbers.get("revenue")!, [0.7, 0.9]));
});
