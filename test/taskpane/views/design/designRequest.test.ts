/**
 * Reading the Design view's choices as typed: numbers, the definition's id and name, and the sentence
 * each field shows when its value can't be used.
 */
import {
  abcErrors,
  clusterDimensions,
  commonErrors,
  defaultDefinitionName,
  definitionId,
  itemsKey,
  patternErrors,
  readNumber,
  xyzErrors,
} from "../../../../src/taskpane/views/design/designRequest";
import { roundTwoFigures, asSentence } from "../../../../src/taskpane/views/design/designRunner";
import { initialChoices, type DesignChoices } from "../../../../src/taskpane/views/design/designStore";
import type { SheetData } from "../../../../src/excel/reader";

const with_ = (change: Partial<DesignChoices>): DesignChoices => ({ ...initialChoices(), ...change });

test("numbers as planners type them; anything else is not a number", () => {
  expect([" 80 ", "80%", "0.5", ".5", "1e3", "-2"].map(readNumber)).toEqual([80, 80, 0.5, 0.5, 1000, -2]);
  expect(["", "eighty", "1,5", "5 %x", "0x10"].map(readNumber).every(Number.isNaN)).toBe(true);
});

test("the definition's id and default name come from the data's name", () => {
  const sheet = { source: { kind: "table", name: "Sales 2024 (EU)" }, sheetName: "Data" } as SheetData;
  expect(definitionId("Sales 2024 (EU)")).toBe("Sales-2024-EU");
  expect(definitionId("  ")).toBe("segments");
  expect(defaultDefinitionName(sheet, "patterns")).toBe("Sales 2024 (EU) demand patterns");
  expect(defaultDefinitionName({ ...sheet, source: { kind: "selection" } }, "rules")).toBe("Data rules");
});

test("the defaults are valid; each field says what to enter when it is not", () => {
  const defaults = initialChoices();
  expect({ ...commonErrors(defaults), ...abcErrors(defaults), ...xyzErrors(defaults), ...patternErrors(defaults) }).toEqual({});
  expect(commonErrors(with_({ author: " ", costRatio: "0", leadTimeDays: "-1", newItemPeriods: "2.5" }))).toEqual({
    author: "Enter who designs this definition: it is recorded as its author.",
    costRatio: "Enter the unit cost as a share of the selling price, above 0 (0.6 means cost is 60% of price).",
    leadTimeDays: "Enter the replenishment lead time in days, 0 or more.",
    newItemPeriods: "Enter a whole number of months, 0 or more (0 turns the new-products rule off in effect).",
  });
  expect(abcErrors(with_({ abc: { measure: "quantity", a: "90", b: "85" } }))).toEqual({ "abc.b": "B must end above A: enter more than 90%." });
  expect(abcErrors(with_({ abc: { measure: "orderLines", a: "100", b: "101" } }))).toEqual({
    "abc.a": "Enter the share of order lines the A items make up, between 0 and 100 (80 means 80%).",
    "abc.b": "Enter the share of order lines the A and B items make up together, up to 100 (95 means 95%).",
  });
  expect(xyzErrors(with_({ xyz: { x: "0.8", y: "0.8" } }))).toEqual({ "xyz.y": "Y must end above X: enter more than 0.8." });
  expect(patternErrors(with_({ patterns: { adi: "0.9", cv2: "0", withAbc: false } }))).toEqual({
    "patterns.adi": "Enter an ADI cutoff of 1 or more (Syntetos–Boylan use 1.32).",
    "patterns.cv2": "Enter a CV² cutoff above 0 (Syntetos–Boylan use 0.49).",
  });
});

test("clusters: only ticked dimensions count, each needs a weight above 0", () => {
  const choices = with_({
    clusters: {
      ...initialChoices().clusters,
      dimensions: [
        { name: "revenue", on: true, weight: "2", transform: "log1p" },
        { name: "quantity", on: false, weight: "oops", transform: "log1p" },
        { name: "demandCv", on: true, weight: "0", transform: "none" },
      ],
    },
  });
  expect(clusterDimensions(choices)).toEqual({
    dimensions: [
      { name: "revenue", transform: "log1p", weight: 2 },
      { name: "demandCv", transform: "none", weight: 0 },
    ],
    errors: { "weight.demandCv": "Enter a weight above 0 (1 is normal, 2 counts double); untick the dimension to leave it out." },
  });
  expect(clusterDimensions(with_({})).errors.dimensions).toBe("Tick at least one dimension to cluster on.");
});

test("the items are aggregated per period and cost ratio", () => {
  expect(itemsKey(with_({ period: "week", costRatio: "0.6" }))).toBe("week|0.6");
  expect(itemsKey(with_({ costRatio: "" }))).toBeNull();
});

test("starting thresholds round to two figures; engine messages read as sentences", () => {
  expect([12345, 0.04567, 987, 1, 0].map(roundTwoFigures)).toEqual([12000, 0.046, 990, 1, 0]);
  expect(asSentence("the items have no feature \"margin\"")).toBe('The items have no feature "margin".');
  expect(asSentence("Already a sentence.")).toBe("Already a sentence.");
});
