import { classifyAbc, classifyXyz, crossAbcXyz } from "../../../src/engine/classify";
import { JobClient, EngineJobError } from "../../../src/taskpane/worker/client";
import { defineJob, JobCancelled, type JobRegistry } from "../../../src/taskpane/worker/jobs";
import { transferablesOf } from "../../../src/taskpane/worker/protocol";
import { ENGINE_JOBS } from "../../../src/taskpane/worker/registry";
import { serveJobs } from "../../../src/taskpane/worker/serve";
import { createFakeWorkerPair, type FakeWorkerPair } from "../../support/fakeWorker";

const countJob = defineJob<{ steps: number }, number>("test.count", async ({ steps }, context) => {
  let done = 0;
  for (; done < steps; done++) {
    if (done % 10 === 0) {
      context.progress(done, steps);
      await context.checkpoint();
    }
  }
  context.progress(steps, steps);
  return done;
});
const stuckJob = defineJob<null, never>("test.stuck", () => new Promise<never>(() => undefined));
const TEST_JOBS = { ...ENGINE_JOBS, "test.count": countJob, "test.stuck": stuckJob } satisfies JobRegistry;

function startClient(hardCancelAfterMs = 2000) {
  const pairs: FakeWorkerPair[] = [];
  const client = new JobClient<typeof TEST_JOBS>(
    () => {
      const pair = createFakeWorkerPair();
      serveJobs(pair.scope, TEST_JOBS, { progressIntervalMs: 0 });
      pairs.push(pair);
      return pair.worker;
    },
    { hardCancelAfterMs },
  );
  return { client, pairs };
}

/** Five items, four periods: values and a history whose classes are worked out by hand below. */
function example() {
  return {
    values: Float64Array.from([500, 300, 100, 60, 40]),
    history: Float64Array.from([
      10, 12, 11, 9, // CV ≈ 0.12 → X
      0, 30, 0, 2, // CV ≈ 1.8 → Z
      5, 9, 2, 8, // CV ≈ 0.53 → Y
      4, 4, 4, 4, // CV 0 → X
      0, 0, 0, 0, // no demand → unclassified
    ]),
    periodCount: 4,
  };
}

describe("engine jobs through the worker protocol", () => {
  it("runs ABC-XYZ in the worker: the same answer as the engine, typed arrays back by transfer, with progress", async () => {
    const { client, pairs } = startClient();
    const progress: string[] = [];
    const output = await client.run("classify.abcXyz", example(), { onProgress: (p) => progress.push(`${p.done}/${p.total}`) });

    // Revenue 1000 in all: cumulative 50%, 80%, 90%, 96%, 100% → A, A, B, C, C.
    expect(output.abcLabels).toEqual(["A", "B", "C"]);
    expect(Array.from(output.abcClassIndex)).toEqual([0, 0, 1, 2, 2]);
    expect(Array.from(output.xyzClassIndex)).toEqual([0, 2, 1, 0, -1]);
    expect(Array.from(output.classIndex).map((k) => (k < 0 ? "-" : output.labels[k]))).toEqual(["AX", "AZ", "BY", "CX", "-"]);
    expect(output.classIndex).toBeInstanceOf(Int32Array);
    expect(output.coefficientOfVariation).toBeInstanceOf(Float64Array);

    const { values, history, periodCount } = example();
    const direct = crossAbcXyz(classifyAbc(values), classifyXyz(history, values.length, periodCount));
    expect(output.classIndex).toEqual(direct.classIndex);
    expect(output.counts).toEqual(direct.counts);
    expect(progress).toEqual(["0/3", "1/3", "2/3", "3/3"]);
    // The result's arrays were transferred, not copied; the input was copied (the default).
    expect(pairs[0].scope.transfers.at(-1)).toBeGreaterThanOrEqual(5);
    expect(pairs[0].worker.transfers).toEqual([0]);
  });

  it("transfers the input's typed arrays only when asked, leaving the caller's arrays empty", async () => {
    const { client } = startClient();
    const kept = example();
    await client.run("classify.abcXyz", kept);
    expect(kept.values.length).toBe(5);
    const moved = example();
    await client.run("classify.abcXyz", moved, { transferInput: true });
    expect(moved.values.length).toBe(0); // detached: the buffer now belongs to the worker
    expect(moved.history.byteLength).toBe(0);
  });

  it("cancels politely: the job stops at its next checkpoint and the worker stays", async () => {
    const { client, pairs } = startClient();
    const controller = new AbortController();
    const seen: number[] = [];
    const run = client.run("test.count", { steps: 1_000_000 }, {
      signal: controller.signal,
      onProgress: ({ done }) => {
        seen.push(done);
        if (done >= 50) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    await expect(run).rejects.toThrow("Cancelled: test.count was stopped before it finished.");
    expect(seen.length).toBeLessThan(100);
    expect(await client.run("test.count", { steps: 25 })).toBe(25);
    expect(pairs).toHaveLength(1);
    expect(pairs[0].worker.terminated).toBe(false);
  });

  it("a job that ignores cancel is stopped by restarting the worker; others on it are told to run again", async () => {
    const { client, pairs } = startClient(30);
    const controller = new AbortController();
    const stuck = client.run("test.stuck", null, { signal: controller.signal });
    const bystander = client.run("test.stuck", null);
    controller.abort();
    await expect(stuck).rejects.toBeInstanceOf(JobCancelled);
    await expect(bystander).rejects.toThrow("The calculation engine was restarted to stop a job that did not respond; run test.stuck again.");
    expect(pairs[0].worker.terminated).toBe(true);
    expect(await client.run("test.count", { steps: 5 })).toBe(5);
    expect(pairs).toHaveLength(2);
  });

  it("an aborted signal never starts the job", async () => {
    const { client, pairs } = startClient();
    const controller = new AbortController();
    controller.abort();
    await expect(client.run("test.count", { steps: 5 }, { signal: controller.signal })).rejects.toBeInstanceOf(JobCancelled);
    expect(pairs).toHaveLength(0);
  });

  it("failures arrive as messages: the engine's own, an unknown job, a worker that died", async () => {
    const { client, pairs } = startClient();
    const failure = client.run("classify.abcXyz", { ...example(), abc: { cutoffs: [0.95, 0.8] } });
    await expect(failure).rejects.toBeInstanceOf(EngineJobError);
    await expect(failure).rejects.toMatchObject({ kind: "invalid-input", message: expect.stringContaining("cutoffs must increase strictly") });

    const unknown = (client as unknown as JobClient<JobRegistry>).run("cluster.kmeans", {});
    const names = Object.keys(TEST_JOBS);
    expect(names).toEqual(expect.arrayContaining(["classify.abcXyz", "definition.apply", "test.count", "test.stuck"]));
    await expect(unknown).rejects.toThrow(`There is no engine job named "cluster.kmeans"; the jobs are ${names.join(", ")}.`);

    const pending = client.run("test.stuck", null);
    pairs[0].worker.fail("SyntaxError in engine.js");
    await expect(pending).rejects.toThrow("The calculation engine stopped (SyntaxError in engine.js). Reload the pane and try again.");
  });

  it("finds the typed arrays to transfer, each buffer once", () => {
    const shared = new Float64Array(4);
    const buffers = transferablesOf({ a: shared, b: [new Int32Array(2), shared.subarray(1)], ids: ["x", "y"], nested: { c: new Uint8Array(1) } });
    expect(buffers).toHaveLength(3);
    expect(transferablesOf({ empty: new Float64Array(0), text: "x" })).toEqual([]);
  });

  it("every registered job is filed under its own name", () => {
    for (const [name, job] of Object.entries(ENGINE_JOBS)) expect(job.name).toBe(name);
  });
});
