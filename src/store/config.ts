/**
 * The store's settings: command-line options win over environment variables, which win over the
 * defaults. Everything a deployment changes is here, so `supply-segments serve` needs nothing else.
 */
import * as path from "node:path";

export interface OidcConfig {
  /** Expected `iss` of the tokens. */
  issuer: string;
  /** Expected `aud` of the tokens. */
  audience: string;
  /** Where the identity provider publishes its signing keys. */
  jwksUrl?: string;
  /** Keys given directly (tests, air-gapped sites). Used instead of jwksUrl when set. */
  jwks?: { keys: Record<string, unknown>[] };
  /** Claim holding the role (a string, or an array of which the highest known role counts). */
  roleClaim: string;
  /** Claim holding the business units (an array of strings, or one string). */
  unitsClaim: string;
  /** Claim with the display name; falls back to `sub`. */
  nameClaim: string;
}

export interface StoreConfig {
  host: string;
  port: number;
  /** Where the SQLite file lives when no database URL is given. */
  dataDir: string;
  /** postgres://… selects PostgreSQL; absent means SQLite under dataDir. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing); default: the connection's search_path. */
  databaseSchema?: string;
  /** The one browser origin (the add-in's host) allowed by CORS; none when absent. */
  allowedOrigin?: string;
  oidc?: OidcConfig;
  /** Largest request body, in bytes, for every route but the bulk assignment upload. */
  bodyLimit: number;
  /** Largest bulk assignment upload, in bytes (1,000,000 assignments are about 80 MB). */
  assignmentsBodyLimit: number;
  /** Requests per minute per caller (token, or address when anonymous); false turns it off. */
  rateLimitPerMinute: number | false;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

export type StoreOptions = Partial<Omit<StoreConfig, "oidc">> & { oidc?: Partial<OidcConfig> };

export const DEFAULT_DATA_DIR = ".supply-segments";
export const SQLITE_FILE = "store.sqlite";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function integer(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || text === "") return undefined;
  if (!/^\d+$/.test(text.trim())) throw new ConfigError(`${name} must be a whole number, got "${text}"`);
  const value = Number(text.trim());
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function origin(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`allowed origin must be a URL such as https://addin.example.com, got "${text}"`);
  }
  if (url.origin !== text.replace(/\/$/, "")) {
    throw new ConfigError(`allowed origin must be scheme://host[:port] without a path, got "${text}" (did you mean ${url.origin}?)`);
  }
  return url.origin;
}

/** Reads the configuration: `options` (command line) first, then `env`, then defaults. */
export function loadConfig(options: StoreOptions = {}, env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const databaseUrl = options.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`database URL must start with postgres:// (SQLite needs no URL: leave it unset), got "${databaseUrl}"`);
  }
  const logLevel = options.logLevel ?? ((env.SUPPLY_SEGMENTS_LOG_LEVEL as StoreConfig["logLevel"]) || "info");
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`log level must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);

  const rateText = env.SUPPLY_SEGMENTS_RATE_LIMIT;
  const rateLimitPerMinute =
    options.rateLimitPerMinute !== undefined
      ? options.rateLimitPerMinute
      : rateText === "off"
        ? false
        : (integer("SUPPLY_SEGMENTS_RATE_LIMIT", rateText, 1, 10_000_000) ?? 1200);

  const issuer = options.oidc?.issuer ?? env.SUPPLY_SEGMENTS_OIDC_ISSUER;
  let oidc: OidcConfig | undefined;
  if (issuer) {
    const audience = options.oidc?.audience ?? env.SUPPLY_SEGMENTS_OIDC_AUDIENCE;
    const jwksUrl = options.oidc?.jwksUrl ?? env.SUPPLY_SEGMENTS_OIDC_JWKS_URL;
    if (!audience) throw new ConfigError("OpenID Connect needs an audience (SUPPLY_SEGMENTS_OIDC_AUDIENCE) along with the issuer");
    if (!jwksUrl && !options.oidc?.jwks) throw new ConfigError("OpenID Connect needs a JWKS URL (SUPPLY_SEGMENTS_OIDC_JWKS_URL) along with the issuer");
    oidc = {
      issuer,
      audience,
      jwksUrl,
      jwks: options.oidc?.jwks,
      roleClaim: options.oidc?.roleClaim ?? env.SUPPLY_SEGMENTS_OIDC_ROLE_CLAIM ?? "supply_segments_role",
      unitsClaim: options.oidc?.unitsClaim ?? env.SUPPLY_SEGMENTS_OIDC_UNITS_CLAIM ?? "supply_segments_units",
      nameClaim: options.oidc?.nameClaim ?? env.SUPPLY_SEGMENTS_OIDC_NAME_CLAIM ?? "name",
    };
  }

  return {
    host: options.host ?? env.SUPPLY_SEGMENTS_HOST ?? "127.0.0.1",
    port: options.port ?? integer("SUPPLY_SEGMENTS_PORT", env.SUPPLY_SEGMENTS_PORT, 0, 65535) ?? 8787,
    dataDir: path.resolve(options.dataDir ?? env.SUPPLY_SEGMENTS_DATA_DIR ?? DEFAULT_DATA_DIR),
    databaseUrl,
    databaseSchema: options.databaseSchema ?? (env.SUPPLY_SEGMENTS_DB_SCHEMA || undefined),
    allowedOrigin: origin(options.allowedOrigin ?? env.SUPPLY_SEGMENTS_ALLOWED_ORIGIN),
    oidc,
    bodyLimit: options.bodyLimit ?? integer("SUPPLY_SEGMENTS_BODY_LIMIT", env.SUPPLY_SEGMENTS_BODY_LIMIT, 1024, 1 << 30) ?? 1 << 20,
    assignmentsBodyLimit:
      options.assignmentsBodyLimit ??
      integer("SUPPLY_SEGMENTS_ASSIGNMENTS_BODY_LIMIT", env.SUPPLY_SEGMENTS_ASSIGNMENTS_BODY_LIMIT, 1024, 2 ** 31 - 1) ??
      256 << 20,
    rateLimitPerMinute,
    logLevel,
  };
}
