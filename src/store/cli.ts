/**
 * The store's commands on the `supply-segments` command line:
 *
 *   supply-segments serve [--port 8787] [--host 127.0.0.1] [--data-dir DIR] [--database-url URL] [--allowed-origin ORIGIN]
 *   supply-segments token create --role ROLE --name NAME [--unit UNIT]...   prints the token once
 *   supply-segments token list | token revoke ID
 *   supply-segments audit verify [--anchor SEQUENCE:HASH]
 *
 * Every option also has an environment variable (see config.ts); options win.
 */
import * as os from "node:os";
import { Command, Option } from "commander";
import { CliError } from "../cli/errors";
import { verifySnapshot } from "./audit/chain";
import { ROLES } from "./auth/principal";
import { createToken, listTokens, revokeToken } from "./auth/tokens";
import { loadConfig, StoreConfig, StoreOptions } from "./config";
import { StoreContext } from "./context";
import { openDatabase } from "./db/kysely";
import { StoreError } from "./errors";
import { buildServer } from "./server";

export interface StoreCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: StoreCliIo = { out: (line) => process.stdout.write(line + "\n"), err: (line) => process.stderr.write(line + "\n"), env: process.env };

interface DatabaseFlags {
  dataDir?: string;
  databaseUrl?: string;
  dbSchema?: string;
}

function databaseOptions(command: Command): Command {
  return command
    .option("--data-dir <dir>", "where the SQLite database lives (env SUPPLY_SEGMENTS_DATA_DIR; default ./.supply-segments)")
    .option("--database-url <url>", "use PostgreSQL at this URL instead of SQLite (env DATABASE_URL)")
    .option("--db-schema <name>", "PostgreSQL schema to use (env SUPPLY_SEGMENTS_DB_SCHEMA)");
}

function configFrom(flags: DatabaseFlags & StoreOptions, env: NodeJS.ProcessEnv): StoreConfig {
  const { dbSchema, ...rest } = flags;
  return loadConfig({ ...rest, ...(dbSchema ? { databaseSchema: dbSchema } : {}) }, env);
}

async function withContext<T>(config: StoreConfig, work: (context: StoreContext) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    return await work({ database, config, now: () => new Date() });
  } finally {
    await database.close();
  }
}

function cliActor(env: NodeJS.ProcessEnv): string {
  let user = env.USER || env.USERNAME;
  try {
    user ||= os.userInfo().username;
  } catch {
    user ||= "unknown";
  }
  return `cli:${user}`;
}

const asCliError = (error: unknown) => (error instanceof StoreError ? new CliError(error.message) : error);

/** Registers serve, token and audit commands on `program`. */
export function registerStoreCommands(program: Command, io: StoreCliIo = defaultIo): Command {
  databaseOptions(program.command("serve").description("run the shared store (definitions, approvals, assignments, audit) over HTTP"))
    .option("--port <port>", "TCP port (env SUPPLY_SEGMENTS_PORT; default 8787)")
    .option("--host <host>", "address to listen on (env SUPPLY_SEGMENTS_HOST; default 127.0.0.1, loopback only)")
    .option("--allowed-origin <origin>", "the add-in's origin allowed by CORS, e.g. https://addin.example.com (env SUPPLY_SEGMENTS_ALLOWED_ORIGIN)")
    .addOption(new Option("--log-level <level>", "log level (env SUPPLY_SEGMENTS_LOG_LEVEL; default info)").choices(["fatal", "error", "warn", "info", "debug", "trace", "silent"]))
    .action(async (flags: DatabaseFlags & { port?: string; host?: string; allowedOrigin?: string; logLevel?: StoreConfig["logLevel"] }) => {
      const { port, ...rest } = flags;
      if (port !== undefined && !/^\d{1,5}$/.test(port)) throw new CliError(`--port must be a number from 0 to 65535, got "${port}"`);
      const config = configFrom({ ...rest, ...(port !== undefined ? { port: Number(port) } : {}) }, io.env);
      await serve(config);
    });

  const token = program.command("token").description("manage bearer tokens of the store");
  databaseOptions(token.command("create").description("issue a token and print it (once: only its hash is kept)"))
    .addOption(new Option("--role <role>", "viewer, analyst, approver or admin").choices([...ROLES]).makeOptionMandatory())
    .requiredOption("--name <name>", "who the token is for (the identity four-eyes compares)")
    .option("--unit <unit>", "a business unit the token may see and change; repeat for several; omit for every unit", (unit: string, all: string[]) => [...all, unit], [] as string[])
    .action(async (flags: DatabaseFlags & { role: string; name: string; unit: string[] }) => {
      const created = await withContext(configFrom(flags, io.env), (context) =>
        createToken(context, { name: flags.name, role: flags.role, units: flags.unit }, cliActor(io.env)),
      ).catch((error) => {
        throw asCliError(error);
      });
      io.out(created.token);
      const units = created.units.includes("*") ? "every business unit (enterprise-wide)" : created.units.join(", ");
      io.err(`token ${created.id} for ${created.name}: role ${created.role}, units ${units}. It is shown only now; keep it secret.`);
    });
  databaseOptions(token.command("list").description("list tokens (never their secrets)")).action(async (flags: DatabaseFlags) => {
    const tokens = await withContext(configFrom(flags, io.env), (context) => listTokens(context));
    for (const t of tokens) io.out(`${t.id}  ${t.role.padEnd(8)}  ${t.name}  units=${t.units.join(",")}${t.revokedAt ? `  revoked ${t.revokedAt}` : ""}`);
  });
  databaseOptions(token.command("revoke").description("revoke a token by its id").argument("<id>", "the token id (the 16 characters after sst_)")).action(
    async (id: string, flags: DatabaseFlags) => {
      const revoked = await withContext(configFrom(flags, io.env), (context) => revokeToken(context, id, cliActor(io.env))).catch((error) => {
        throw asCliError(error);
      });
      io.out(`token ${revoked.id} (${revoked.name}) revoked at ${revoked.revokedAt}`);
    },
  );

  const audit = program.command("audit").description("the store's audit trail");
  databaseOptions(audit.command("verify").description("recompute the audit hash chain and name the first broken event"))
    .option("--anchor <sequence:hash>", "also check that event SEQUENCE still has HASH (recorded earlier, outside the store)")
    .action(async (flags: DatabaseFlags & { anchor?: string }) => {
      let anchor: { sequence: number; hash: string } | undefined;
      if (flags.anchor !== undefined) {
        const match = /^(\d+):([0-9a-f]{64})$/.exec(flags.anchor);
        if (!match) throw new CliError(`--anchor must be SEQUENCE:HASH (a number, a colon, 64 hex digits), got "${flags.anchor}"`);
        anchor = { sequence: Number(match[1]), hash: match[2] };
      }
      const result = await withContext(configFrom(flags, io.env), (context) => verifySnapshot(context.database, anchor));
      if (result.ok) {
        io.out(`audit chain intact: ${result.events} events, head ${result.headSequence} ${result.headHash}`);
        return;
      }
      io.out(`audit chain BROKEN at event ${result.firstBrokenSequence}: ${result.reason} (${result.events} events verified before it)`);
      throw new CliError(`the audit chain is broken at event ${result.firstBrokenSequence}`);
    });
  return program;
}

/** Starts the server and stops it cleanly on SIGTERM / SIGINT: no new connections, in-flight requests finish, the database closes. */
export async function serve(config: StoreConfig): Promise<void> {
  const app = await buildServer({ config });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing requests in flight");
    const force = setTimeout(() => {
      app.log.error("requests still running after 30 s: exiting");
      process.exit(1);
    }, 30_000);
    force.unref();
    // Connections kept alive after their last answer would hold close() open: close each as it idles.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    sweep.unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ database: app.store.database.dialect, location: app.store.database.location, allowedOrigin: config.allowedOrigin ?? null }, "supply-segments store ready");
}
