/**
 * Policy figures for edited policies as an engine job, for assignments too large to recompute on the
 * main thread between two keystrokes (at 100,000 items the engine's applyPolicies takes about 100 ms
 * with fill-rate targets): per-item demand in, per-item figures and the measures per segment out.
 * See apply/policyFigures.ts for what is computed.
 */
import { computePolicyFigures, type PolicyFiguresInput, type PolicyFiguresOutput } from "../apply/policyFigures";
import { defineJob } from "./jobs";

export type ResultsJobInput = PolicyFiguresInput;
export type ResultsJobOutput = PolicyFiguresOutput;

export const policyFiguresJob = defineJob<ResultsJobInput, ResultsJobOutput>("results.policyFigures", async (input, context) => {
  const total = input.segmentIndex.length;
  context.progress(0, total, "Pricing the policies");
  return computePolicyFigures(input, async (done) => {
    context.progress(done, total, "Pricing the policies");
    await context.checkpoint();
  });
});
