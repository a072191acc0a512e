/**
 * Applying a definition to transaction lines as an engine job: the lines, the definition, the line
 * rules, the readiness thresholds and the column completeness go in; the ApplyResult comes out as
 * plain data (analysis/appliedData.ts), step by step (applySteps) with progress and a chance to
 * cancel between steps.
 */
import { APPLY_STEPS, applySteps } from "../../engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../engine/definition";
import type { ColumnCompleteness, ReadinessThresholds } from "../../engine/readiness/readiness";
import { type LineRuleSpec, lineRulesOf } from "../../engine/transactions/lineRules";
import type { TransactionLines } from "../../engine/transactions/lines";
import { type AppliedData, toAppliedData } from "../analysis/appliedData";
import { defineJob } from "./jobs";

export interface ApplyJobInput {
  lines: TransactionLines;
  definition: SegmentDefinition;
  rules: LineRuleSpec;
  thresholds: ReadinessThresholds;
  /** Column completeness as the lines were read (for the readiness report). */
  columns: ColumnCompleteness[];
}

export const applyJob = defineJob<ApplyJobInput, AppliedData>("definition.apply", async (input, context) => {
  const labels = new Map<string, string>(APPLY_STEPS.map(({ step, label }) => [step, label]));
  // No previous data here: every step but reclassification runs, then the result is packed.
  const total = APPLY_STEPS.length;
  const steps = applySteps(input.definition, input.lines, { ...lineRulesOf(input.rules), thresholds: input.thresholds, columns: input.columns });
  let done = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) {
      context.progress(done, total, "Packing the results");
      await context.checkpoint();
      const output = toAppliedData(next.value);
      context.progress(total, total);
      return output;
    }
    context.progress(done, total, labels.get(next.value));
    await context.checkpoint();
    done++;
  }
});
