/**
 * Policy figures for edited policies over an applied assignment: the same numbers applyDefinition
 * gives when the policies are those it applied, computed on the main thread, in chunks, or as the
 * engine job; and the textbook figures when a policy changes.
 */
import type { SegmentDefinition } from "../../../src/engine/definition/schema";
import {
  CHUNK_ITEMS,
  computePolicyFigures,
  computePolicyFiguresNow,
  liveFigures,
  policyFiguresInput,
  type PolicyFiguresInput,
} from "../../../src/taskpane/apply/policyFigures";
import { JobClient } from "../../../src/taskpane/worker/client";
import { ENGINE_JOBS, type EngineJobs } from "../../../src/taskpane/worker/registry";
import { serveJobs } from "../../../src/taskpane/worker/serve";
import { createFakeWorkerPair } from "../../support/fakeWorker";
import { retailApplied } from "./retailApplied";

/** Φ⁻¹(0.99), the standard normal quantile (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, table of the normal distribution). */
const Z_99 = 2.3263478740408408;
/** Days in a month of the Gregorian calendar on average: 365.25 / 12. */
const MONTH_DAYS = 30.4375;

function withPolicy(definition: SegmentDefinition, segment: number, change: Partial<SegmentDefinition["segments"][number]["policy"]>): SegmentDefinition {
  return {
    ...definition,
    segments: definition.segments.map((s, k) => (k === segment ? { ...s, policy: { ...s.policy, ...change } } : s)),
  };
}

describe("policy figures over the applied Online Retail slice", () => {
  const { applied } = retailApplied();
  const definition = applied.definition;

  it("with the applied policies, gives exactly applyDefinition's per-item figures and measures", () => {
    const output = computePolicyFiguresNow(policyFiguresInput(definition, applied));
    for (const figure of ["safetyStock", "reorderPoint", "orderQuantity", "averageInventory", "inventoryValue", "expectedFillRate"] as const) {
      expect(Array.from(output.columns[figure])).toEqual(Array.from(applied.policy[figure]));
    }
    expect(new Map(Array.from(output.columns.noteItems, (item, i) => [item, output.columns.noteTexts[i]]))).toEqual(applied.policy.notes);
    const live = liveFigures(definition, applied, output);
    expect(live.measures).toEqual(applied.measures);
    expect(live.kpis).toEqual(applied.kpis);
  });

  it("an edited service level gives the textbook safety stock z·σ·√(L + R) (Chopra & Meindl ch. 12) and its inventory value", () => {
    const counts = new Int32Array(definition.segments.length);
    for (const k of applied.segmentIndex) if (k >= 0) counts[k]++;
    const segment = counts.indexOf(Math.max(...counts));
    const edited = withPolicy(definition, segment, { serviceType: "cycle", serviceLevel: 0.99 });
    const live = liveFigures(edited, applied, computePolicyFiguresNow(policyFiguresInput(edited, applied)));

    const policy = edited.segments[segment].policy;
    const protection = (policy.leadTimeDays + policy.reviewPeriodDays) / MONTH_DAYS;
    const table = applied.aggregated.table;
    const mean = table.numbers.get("demandmean")!;
    const sd = table.numbers.get("demandstddev")!;
    const cost = table.numbers.get("unitcost")!;
    let value = 0;
    let checked = 0;
    for (let item = 0; item < table.ids.length; item++) {
      if (applied.segmentIndex[item] !== segment || !(mean[item] >= 0) || Number.isNaN(sd[item])) continue;
      const safety = mean[item] > 0 ? Z_99 * sd[item] * Math.sqrt(protection) : 0;
      const orderQuantity = mean[item] * (policy.reviewPeriodDays / MONTH_DAYS);
      expect(live.policy.safetyStock[item]).toBeCloseTo(safety, 9);
      expect(live.policy.reorderPoint[item]).toBeCloseTo(mean[item] > 0 ? mean[item] * protection + safety : 0, 9);
      value += (mean[item] > 0 ? orderQuantity / 2 + safety : 0) * (Number.isNaN(cost[item]) ? 0 : cost[item]);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(live.measures[segment].inventoryValue).toBeCloseTo(value, 6);
    // Other segments are untouched; the total moves by the segment's change.
    const other = (segment + 1) % definition.segments.length;
    expect(live.measures[other].inventoryValue).toBe(applied.measures[other].inventoryValue);
    const all = definition.segments.length;
    expect(live.measures[all].inventoryValue - applied.measures[all].inventoryValue).toBeCloseTo(value - applied.measures[segment].inventoryValue, 6);
    // Order-line measures do not depend on policies and are kept.
    expect(live.measures[segment].orderLines).toBe(applied.measures[segment].orderLines);
  });

  it("runs as the engine job through the worker protocol with the same answer", async () => {
    const client = new JobClient<EngineJobs>(() => {
      const pair = createFakeWorkerPair();
      serveJobs(pair.scope, ENGINE_JOBS, { progressIntervalMs: 0 });
      return pair.worker;
    });
    const input = policyFiguresInput(definition, applied);
    const output = await client.run("results.policyFigures", input);
    const local = computePolicyFiguresNow(input);
    expect(Array.from(output.columns.inventoryValue)).toEqual(Array.from(local.columns.inventoryValue));
    expect(Array.from(output.columns.noteItems)).toEqual(Array.from(local.columns.noteItems));
    expect(output.itemMeasures).toEqual(local.itemMeasures);
    // The applied result's columns were copied, not moved to the worker.
    expect(input.demandMean.length).toBe(applied.aggregated.table.ids.length);
  });
});

describe("in chunks, as the worker computes them", () => {
  /** 40,000 synthetic items across three policies, with the cases applyPolicies leaves blank. */
  function synthetic(): PolicyFiguresInput {
    const n = 40_000;
    const base = { serviceType: "fill" as const, safetyStockMethod: "statistical" as const, reviewPeriodDays: 7, leadTimeDays: 14, leadTimeStdDevDays: 2, moq: 0 };
    return {
      policies: [
        { ...base, serviceLevel: 0.98 },
        { ...base, serviceLevel: 0.9, serviceType: "cycle" },
        { ...base, serviceLevel: 0.95, safetyStockMethod: "periodsOfCover", safetyStockPeriods: 0.5, orderCost: 40, holdingRate: 0.25 },
      ],
      period: "week",
      segmentIndex: Int32Array.from({ length: n }, (_, i) => (i % 97 === 0 ? -1 : i % 3)),
      demandMean: Float64Array.from({ length: n }, (_, i) => (i % 101 === 0 ? NaN : (i * 7919) % 300)),
      demandStdDev: Float64Array.from({ length: n }, (_, i) => (i % 103 === 0 ? NaN : ((i * 104729) % 170) / 3)),
      unitCost: Float64Array.from({ length: n }, (_, i) => 1 + (i % 13)),
      itemRevenue: Float64Array.from({ length: n }, (_, i) => 10 * (i % 50)),
    };
  }

  it("gives the one-pass figures exactly, notes at the right items, progress after each chunk", async () => {
    const input = synthetic();
    const steps: number[] = [];
    const chunked = await computePolicyFigures(input, async (done) => {
      steps.push(done);
    });
    const whole = computePolicyFiguresNow(input);
    expect(steps).toEqual([CHUNK_ITEMS, 2 * CHUNK_ITEMS, 40_000]);
    for (const figure of ["safetyStock", "reorderPoint", "orderQuantity", "inventoryValue", "expectedFillRate", "plannedTurns"] as const) {
      expect(Array.from(chunked.columns[figure])).toEqual(Array.from(whole.columns[figure]));
    }
    expect(Array.from(chunked.columns.noteItems)).toEqual(Array.from(whole.columns.noteItems));
    expect(chunked.columns.noteTexts).toEqual(whole.columns.noteTexts);
    expect(chunked.columns.noteItems).toContain(97 * 3); // no segment
    expect(chunked.columns.noteTexts[Array.from(chunked.columns.noteItems).indexOf(97 * 3)]).toBe("no segment, so no policy");
    expect(chunked.itemMeasures).toEqual(whole.itemMeasures);
    // Every item counts in "all", those with a segment also in theirs; no-segment items carry no inventory.
    const measures = chunked.itemMeasures;
    expect(measures[3].items).toBe(40_000);
    expect(measures[0].items + measures[1].items + measures[2].items).toBe(40_000 - Math.ceil(40_000 / 97));
    const summed = Array.from(whole.columns.inventoryValue).reduce((sum, value) => (Number.isNaN(value) ? sum : sum + value), 0);
    expect(measures[3].inventoryValue).toBeCloseTo(summed, 6);
  });

  it("the job stops at a checkpoint when cancelled", async () => {
    const client = new JobClient<EngineJobs>(() => {
      const pair = createFakeWorkerPair();
      serveJobs(pair.scope, ENGINE_JOBS, { progressIntervalMs: 0 });
      return pair.worker;
    });
    const controller = new AbortController();
    const running = client.run("results.policyFigures", synthetic(), {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done > 0) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: "JobCancelled" });
  });
});
