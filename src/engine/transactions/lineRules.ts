/**
 * The line rules as plain data — what to do with returns, which item codes are not products — so
 * they can be stated in a definition's run, sent to the task pane's worker and shown in a report,
 * and turned into the LineRules the aggregation takes. The defaults are the command line's.
 */
import type { LineRules } from "../apply/applyDefinition";
import { invalidInput } from "../errors";

/** Which item codes are not products (postage, fees, adjustments): left out and listed. */
export type NonProductRule =
  /** Codes without any digit: POST, D, M, DOT, BANK CHARGES, AMAZONFEE (the default). */
  | { kind: "noDigit" }
  /** Every code is a product. */
  | { kind: "none" }
  /** Codes matching a regular expression. */
  | { kind: "pattern"; pattern: string };

export interface LineRuleSpec {
  returns: "exclude" | "net";
  nonProduct: NonProductRule;
}

export const DEFAULT_LINE_RULES: LineRuleSpec = { returns: "exclude", nonProduct: { kind: "noDigit" } };

const NO_DIGIT = /^\D*$/;

/** The test for non-product codes; a pattern that is not a valid regular expression is an error. */
export function nonProductTest(rule: NonProductRule): (code: string) => boolean {
  switch (rule.kind) {
    case "noDigit":
      return (code) => NO_DIGIT.test(code);
    case "none":
      return () => false;
    case "pattern": {
      let pattern: RegExp;
      try {
        pattern = new RegExp(rule.pattern);
      } catch (error) {
        throw invalidInput(`the non-product rule is not a valid regular expression: ${(error as Error).message}`);
      }
      return (code) => pattern.test(code);
    }
  }
}

/** The rule in words, for reports. */
export function describeNonProductRule(rule: NonProductRule): string {
  switch (rule.kind) {
    case "noDigit":
      return "codes with no digit";
    case "none":
      return "none";
    case "pattern":
      return `codes matching /${rule.pattern}/`;
  }
}

export function lineRulesOf(spec: LineRuleSpec): LineRules {
  if (spec.returns !== "exclude" && spec.returns !== "net") throw invalidInput(`returns must be "exclude" or "net"; got "${String(spec.returns)}"`);
  return { returns: spec.returns, isNonProduct: nonProductTest(spec.nonProduct) };
}
