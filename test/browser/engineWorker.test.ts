/**
 * The engine worker as webpack emitted it (dist/engine.*.js), run in a real Web Worker in chromium:
 * the registered ABC-XYZ job on real demand (car parts), typed arrays transferred both ways, progress
 * on the way, and the same classes as the engine computes here in Node.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { classifyAbc, classifyXyz, crossAbcXyz } from "../../src/engine/classify";
import { carpartsWideRows } from "../support/excel/realWorkbooks";
import { DIST, openPane, startSession, type PaneSession } from "./support/pane";

let session: PaneSession;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

function workerScript(): string {
  const files = fs.readdirSync(DIST).filter((file) => /^engine\.[0-9a-f]{8}\.js$/.test(file));
  if (files.length !== 1) throw new Error(`expected one engine worker chunk in ${DIST}, found ${files.join(", ") || "none"}: run npm run build`);
  return files[0];
}

it("runs the ABC-XYZ job in a browser worker with the same answer as the engine", async () => {
  const rows = carpartsWideRows(2_000).slice(1);
  const periodCount = rows[0].length - 1;
  const history = rows.flatMap((row) => row.slice(1).map((cell) => (typeof cell === "number" ? cell : NaN)));
  const values = rows.map((row) => row.slice(1).reduce<number>((sum, cell) => sum + (typeof cell === "number" ? cell : 0), 0));
  const expected = crossAbcXyz(classifyAbc(Float64Array.from(values)), classifyXyz(Float64Array.from(history), values.length, periodCount));

  const { page, errors } = await openPane(session, { width: 320, workbook: { sheets: [{ name: "Sheet1", rows: [["x"]] }] } });
  const answer = await page.evaluate(
    async ({ script, values, history, periodCount }) => {
      const worker = new Worker(`/${script}`, { name: "engine" });
      const input = { values: Float64Array.from(values), history: Float64Array.from(history), periodCount };
      const progress: string[] = [];
      const result = await new Promise<{ type: string; output?: { labels: string[]; classIndex: Int32Array; counts: Int32Array }; message?: string }>((resolve) => {
        worker.addEventListener("message", (event) => {
          if (event.data.type === "progress") progress.push(`${event.data.done}/${event.data.total} ${event.data.message ?? ""}`.trim());
          else resolve(event.data);
        });
        worker.addEventListener("error", (event) => resolve({ type: "error", message: event.message }));
        worker.postMessage({ type: "run", jobId: 1, job: "classify.abcXyz", input }, [input.values.buffer, input.history.buffer]);
      });
      const detached = input.values.byteLength === 0 && input.history.byteLength === 0;
      worker.terminate();
      if (!result.output) return { error: result.message ?? result.type, progress, detached };
      return {
        labels: result.output.labels,
        classIndex: Array.from(result.output.classIndex),
        counts: Array.from(result.output.counts),
        typed: result.output.classIndex instanceof Int32Array,
        progress,
        detached,
      };
    },
    { script: workerScript(), values, history, periodCount },
  );

  expect(answer).toMatchObject({ labels: expected.labels, typed: true, detached: true });
  expect(answer.classIndex).toEqual(Array.from(expected.classIndex));
  expect(answer.counts).toEqual(Array.from(expected.counts));
  expect(answer.progress[0]).toBe("0/3 Ranking items by value (ABC)");
  expect(answer.progress.at(-1)).toBe("3/3");
  expect(errors).toEqual([]);
  expect(path.basename(workerScript())).toMatch(/^engine\./);
  await page.context().close();
});
