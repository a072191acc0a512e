import { ClusterTask, ClusteringCancelled, isClusteringCancelled, runTask, runTaskAsync, within } from "../../../src/engine/cluster/task";

function* counting(steps: number): ClusterTask<string> {
  for (let i = 1; i <= steps; i++) yield i / steps;
  return "done";
}

describe("tasks: progress and cancellation", () => {
  it("runTask reports non-decreasing progress ending at 1 and returns the result", () => {
    const seen: number[] = [];
    expect(runTask(counting(4), { onProgress: (f) => seen.push(f) })).toBe("done");
    expect(seen).toEqual([0.25, 0.5, 0.75, 1, 1]);
  });

  it("within maps a sub-task onto a span of the whole", () => {
    function* outer(): ClusterTask<string> {
      const first = yield* within(counting(2), 0, 0.5);
      const second = yield* within(counting(2), 0.5, 1);
      return first + second;
    }
    const seen: number[] = [];
    expect(runTask(outer(), { onProgress: (f) => seen.push(f) })).toBe("donedone");
    expect(seen).toEqual([0.25, 0.5, 0.75, 1, 1]);
  });

  it("stops at the next step once the signal is aborted, and finally-blocks run", () => {
    let cleaned = false;
    function* long(): ClusterTask<void> {
      try {
        for (;;) yield 0.5;
      } finally {
        cleaned = true;
      }
    }
    const signal = { aborted: false };
    let steps = 0;
    const error = (() => {
      try {
        runTask(long(), { signal, onProgress: () => { if (++steps === 3) signal.aborted = true; } });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(isClusteringCancelled(error)).toBe(true);
    expect(cleaned).toBe(true);
  });

  it("runTaskAsync lets a timer (a worker's cancel message) abort a running task", async () => {
    const signal = { aborted: false };
    function* busy(): ClusterTask<void> {
      for (;;) {
        const until = Date.now() + 2;
        while (Date.now() < until) {
          // a step of synchronous work
        }
        yield 0.5;
      }
    }
    setTimeout(() => (signal.aborted = true), 30);
    await expect(runTaskAsync(busy(), { signal }, 5)).rejects.toBeInstanceOf(ClusteringCancelled);
    await expect(runTaskAsync(counting(3))).resolves.toBe("done");
  });
});
