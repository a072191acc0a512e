/**
 * Starts the engine worker. webpack 5 sees `new Worker(new URL(..., import.meta.url))`, bundles
 * engine.worker.ts and its imports as a chunk of their own, and puts that chunk's URL here; the worker
 * is loaded only when the first job runs. (Kept in its own file: jest, which runs CommonJS, can't parse
 * import.meta, and nothing else needs it.)
 */
import { JobClient, type WorkerLike } from "./client";
import type { EngineJobs } from "./registry";

export function createEngineWorker(): WorkerLike {
  return new Worker(new URL("./engine.worker.ts", import.meta.url), { name: "engine" }) as unknown as WorkerLike;
}

export function createEngineClient(): JobClient<EngineJobs> {
  return new JobClient<EngineJobs>(createEngineWorker);
}
