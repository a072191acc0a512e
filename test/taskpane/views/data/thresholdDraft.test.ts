import { DEFAULT_THRESHOLDS } from "../../../../src/engine/readiness/readiness";
import { draftOf, parseDraft, sameThresholds } from "../../../../src/taskpane/views/data/thresholdDraft";

test("the command line's defaults as the planner types them, and back", () => {
  // supply-segments readiness: --min-completeness 0.99, --min-history 12, --min-share 0.95.
  expect(draftOf(DEFAULT_THRESHOLDS)).toEqual({ completeness: "99", months: "12", itemShare: "95" });
  expect(parseDraft(draftOf(DEFAULT_THRESHOLDS))).toEqual({ thresholds: DEFAULT_THRESHOLDS });
  expect(parseDraft({ completeness: " 97.5 ", months: "6", itemShare: "100" })).toEqual({
    thresholds: { minCompleteness: 0.975, minHistoryPeriods: 6, minItemShare: 1 },
  });
  expect(draftOf({ minCompleteness: 0.955, minHistoryPeriods: 3, minItemShare: 0.07 })).toEqual({ completeness: "95.5", months: "3", itemShare: "7" });
});

test("each value that can't be used says why", () => {
  expect(parseDraft({ completeness: "", months: "12.5", itemShare: "-1" })).toEqual({
    errors: {
      completeness: "Enter the minimum completeness as a percentage from 0 to 100.",
      months: "Enter the months of history as a whole number, 0 or more.",
      itemShare: "The share of items must be from 0 to 100%; -1 is not.",
    },
  });
  expect(sameThresholds(DEFAULT_THRESHOLDS, { ...DEFAULT_THRESHOLDS })).toBe(true);
  expect(sameThresholds(DEFAULT_THRESHOLDS, { ...DEFAULT_THRESHOLDS, minHistoryPeriods: 6 })).toBe(false);
});
