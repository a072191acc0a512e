/** The engine worker's entry: serves the registered engine jobs to the pane. */
import { ENGINE_JOBS } from "./registry";
import { serveJobs } from "./serve";
import type { MessageEndpoint } from "./protocol";

serveJobs(self as unknown as MessageEndpoint, ENGINE_JOBS);
