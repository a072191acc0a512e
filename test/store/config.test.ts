import * as path from "node:path";
import { ConfigError, loadConfig } from "../../src/store/config";

describe("store configuration", () => {
  test("defaults: loopback, port 8787, SQLite under ./.supply-segments, no CORS origin", () => {
    const config = loadConfig({}, {});
    expect(config).toMatchObject({ host: "127.0.0.1", port: 8787, dataDir: path.resolve(".supply-segments"), databaseUrl: undefined, allowedOrigin: undefined, bodyLimit: 1 << 20, assignmentsBodyLimit: 256 << 20, rateLimitPerMinute: 1200 });
  });

  test("environment variables, and options over them", () => {
    const env = { SUPPLY_SEGMENTS_PORT: "9000", DATABASE_URL: "postgres://u@db/segments", SUPPLY_SEGMENTS_ALLOWED_ORIGIN: "https://addin.example.com", SUPPLY_SEGMENTS_RATE_LIMIT: "off" };
    expect(loadConfig({}, env)).toMatchObject({ port: 9000, databaseUrl: "postgres://u@db/segments", allowedOrigin: "https://addin.example.com", rateLimitPerMinute: false });
    expect(loadConfig({ port: 7000, allowedOrigin: "https://other.example.com" }, env)).toMatchObject({ port: 7000, allowedOrigin: "https://other.example.com" });
  });

  test.each([
    [{}, { SUPPLY_SEGMENTS_PORT: "80a" }, 'SUPPLY_SEGMENTS_PORT must be a whole number, got "80a"'],
    [{}, { SUPPLY_SEGMENTS_PORT: "70000" }, "SUPPLY_SEGMENTS_PORT must be between 0 and 65535, got 70000"],
    [{ databaseUrl: "mysql://x" }, {}, 'database URL must start with postgres:// (SQLite needs no URL: leave it unset), got "mysql://x"'],
    [{ allowedOrigin: "https://addin.example.com/taskpane.html" }, {}, /without a path, got .* \(did you mean https:\/\/addin.example.com\?\)/],
    [{ allowedOrigin: "addin" }, {}, /allowed origin must be a URL/],
    [{}, { SUPPLY_SEGMENTS_OIDC_ISSUER: "https://login.example.com" }, /needs an audience/],
  ] as const)("refuses %j %j", (options, env, message) => {
    expect(() => loadConfig(options, env)).toThrow(ConfigError);
    expect(() => loadConfig(options, env)).toThrow(message);
  });

  test("OpenID Connect settings with their claim names", () => {
    const config = loadConfig({}, { SUPPLY_SEGMENTS_OIDC_ISSUER: "https://login.example.com", SUPPLY_SEGMENTS_OIDC_AUDIENCE: "store", SUPPLY_SEGMENTS_OIDC_JWKS_URL: "https://login.example.com/keys", SUPPLY_SEGMENTS_OIDC_ROLE_CLAIM: "roles" });
    expect(config.oidc).toEqual({ issuer: "https://login.example.com", audience: "store", jwksUrl: "https://login.example.com/keys", jwks: undefined, roleClaim: "roles", unitsClaim: "supply_segments_units", nameClaim: "name" });
  });
});
