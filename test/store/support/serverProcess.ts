/**
 * The store as a real process, for the tests that kill it: src/store/main.ts bundled by esbuild
 * the way the command line is (database drivers external), run by node itself so that a signal
 * reaches the server and not a wrapper. The bundle (in test-artifacts/, rebuilt when a file under
 * src/ changes) starts each process in under a second.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { buildSync } from "esbuild";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
let bundle: string | undefined;

/** The newest modification time under `dir`, so a bundle is rebuilt only when a source changed. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function bundleServer(): string {
  if (bundle) return bundle;
  const file = path.join(REPO_ROOT, "test-artifacts", `store-server-${Math.floor(newest(path.join(REPO_ROOT, "src")))}.cjs`);
  if (!fs.existsSync(file)) {
    const temporary = `${file}.${process.pid}.tmp`;
    buildSync({
      entryPoints: [path.join(REPO_ROOT, "src/store/main.ts")],
      outfile: temporary,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      external: ["better-sqlite3", "pg", "pg-native"],
      logLevel: "warning",
    });
    fs.renameSync(temporary, file); // atomic: a parallel test file never runs half a bundle
    for (const stale of fs.readdirSync(path.dirname(file))) {
      if (/^store-server-\d+\.cjs$/.test(stale) && path.join(path.dirname(file), stale) !== file) fs.rmSync(path.join(path.dirname(file), stale), { force: true });
    }
  }
  bundle = file;
  return file;
}

export interface ServerProcess {
  baseUrl: string;
  logs: Record<string, unknown>[];
  /** Resolves with the first log line that matches (or rejects after `timeoutMs`). */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startServerProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [bundleServer(), "serve", "--port", "0", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, SUPPLY_SEGMENTS_RATE_LIMIT: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const waiters: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  readline.createInterface({ input: child.stdout! }).on("line", (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text);
    } catch {
      line = { msg: text };
    }
    logs.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.match(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000) => {
    const seen = logs.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({ match, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void exited.then(() => reject(new Error(`the server exited before the expected log line; stderr: ${stderr}`)));
    });
  };
  const listening = await waitForLog((line) => typeof line.msg === "string" && line.msg.startsWith("Server listening at http://127.0.0.1:"));
  const baseUrl = String(listening.msg).replace("Server listening at ", "");
  return { baseUrl, logs, waitForLog, kill: (signal) => child.kill(signal), exited };
}
