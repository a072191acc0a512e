/**
 * @jest-environment jsdom
 *
 * Bringing an applied result up to date with edited policies, on the main thread and in the engine
 * worker (run in-process through test/support/fakeWorker). The reference is the engine applying the
 * edited definition from scratch (applyDefinition), on the first 30,000 lines of Online Retail.
 */
import * as v8 from "node:v8";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ApplyResult } from "../../../../src/engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../../../src/engine/definition";
import { repriced, useRepriced, type Priceable } from "../../../../src/taskpane/views/scenarios/repriced";
import { JobClient } from "../../../../src/taskpane/worker/client";
import { ENGINE_JOBS, type EngineJobs } from "../../../../src/taskpane/worker/registry";
import { serveJobs } from "../../../../src/taskpane/worker/serve";
import { createFakeWorkerPair } from "../../../support/fakeWorker";
import { onlineRetail, type AppliedData } from "./appliedData";

// jsdom has no structuredClone, which the worker stand-in uses to copy messages as a browser does.
const scope = globalThis as unknown as { structuredClone?: (value: unknown) => unknown };
scope.structuredClone ??= (value) => v8.deserialize(v8.serialize(value));

let retail: AppliedData;
let base: SegmentDefinition;
let applied: ApplyResult;

beforeAll(async () => {
  retail = await onlineRetail(30000);
  base = retail.design();
  applied = retail.apply(base);
});

/** The base definition with one segment's service level and one target changed: the assignment stands. */
function edited(segment: string, serviceLevel: number): SegmentDefinition {
  return {
    ...base,
    segments: base.segments.map((entry) =>
      entry.id === segment
        ? { ...entry, policy: { ...entry.policy, serviceLevel }, targets: { ...entry.targets, fillRate: { target: 0.999, escalateBelow: 0.99 } } }
        : entry,
    ),
  };
}

function expectSameFigures(actual: ApplyResult, reference: ApplyResult) {
  expect(Array.from(actual.policy.inventoryValue)).toEqual(Array.from(reference.policy.inventoryValue));
  expect(Array.from(actual.policy.safetyStock)).toEqual(Array.from(reference.policy.safetyStock));
  expect(actual.measures).toEqual(reference.measures);
  expect(actual.kpis).toEqual(reference.kpis);
}

test("on the main thread: the figures, measures and KPIs applyDefinition gives for the edited definition", () => {
  const definition = edited("AY", 0.995);
  const reference = retail.apply(definition);
  const result = repriced(applied, definition);
  expectSameFigures(result, reference);
  expect(result.segmentIndex).toBe(applied.segmentIndex);
  const ay = base.segments.findIndex((segment) => segment.id === "AY");
  expect(result.measures[ay].inventoryValue).toBeGreaterThan(applied.measures[ay].inventoryValue);
  // The new fill-rate target is evaluated: AY's expected fill rate 99.5% is below 99.9% but above 99%.
  expect(result.kpis.find((row) => row.segment === "AY" && row.kpi === "fillRate")).toMatchObject({ target: 0.999, status: "off target" });
  // Unchanged policies give the applied figures back.
  expectSameFigures(repriced(applied), applied);
});

test("in the engine worker above the item threshold, with progress; the same figures", async () => {
  const client = new JobClient<EngineJobs>(() => {
    const pair = createFakeWorkerPair();
    serveJobs(pair.scope, ENGINE_JOBS, { progressIntervalMs: 0 });
    return pair.worker;
  });
  const definition = edited("BZ", 0.97);
  const entries: Priceable[] = [{ applied, definition }];
  const { result } = renderHook(() => useRepriced(entries, client, 1));
  expect(result.current.results).toBeNull();
  expect(result.current.progress).not.toBeNull();
  await waitFor(() => expect(result.current.results).not.toBeNull(), { timeout: 10000 });
  expectSameFigures(result.current.results![0], retail.apply(definition));
  expect(result.current.error).toBeNull();
});

test("a cancelled pricing says so and can be priced again", async () => {
  // The first worker never answers (a long job); Cancel stops it, and pricing again starts a new one.
  let workers = 0;
  const client = new JobClient<EngineJobs>(
    () => {
      const pair = createFakeWorkerPair();
      if (workers++ > 0) serveJobs(pair.scope, ENGINE_JOBS, { progressIntervalMs: 0 });
      return pair.worker;
    },
    { hardCancelAfterMs: 20 },
  );
  const entries: Priceable[] = [{ applied, definition: edited("CY", 0.93) }];
  const { result } = renderHook(() => useRepriced(entries, client, 1));
  await waitFor(() => expect(result.current.cancel).not.toBeNull());
  expect(result.current.progress).toMatchObject({ message: "Pricing the policies" });
  act(() => result.current.cancel!());
  await waitFor(() => expect(result.current.error).toBe("Pricing the policies was cancelled, so the figures are not shown."));
  expect(result.current.results).toBeNull();
  act(() => result.current.retry!());
  await waitFor(() => expect(result.current.results).not.toBeNull(), { timeout: 10000 });
  expect(result.current.error).toBeNull();
  expect(workers).toBe(2);
  expectSameFigures(result.current.results![0], retail.apply(entries[0].definition));
});
