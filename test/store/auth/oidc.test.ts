import * as http from "node:http";
import { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { abcXyzDefinition } from "../support/definitions";
import { approvedDefinition, DATABASES, startTestStore, TestStore } from "../support/harness";

const ISSUER = "https://login.example.com/tenant";
const AUDIENCE = "supply-segments-store";

describe("OpenID Connect bearer tokens, with locally generated keys", () => {
  let store: TestStore;
  let sign: (claims: Record<string, unknown>, options?: { audience?: string; expiresIn?: string | number; issuer?: string; key?: CryptoKey; kid?: string }) => Promise<string>;
  let strangerKey: CryptoKey;
  let publicJwk: Record<string, unknown>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    strangerKey = (await generateKeyPair("RS256")).privateKey;
    publicJwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    sign = (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: options.kid ?? "k1" })
        .setIssuer(options.issuer ?? ISSUER)
        .setAudience(options.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? "10m")
        .sign(options.key ?? privateKey);
    store = await startTestStore("sqlite", { oidc: { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [publicJwk] } } });
  });
  afterAll(async () => store?.close());

  const me = (jwt: string) => store.app.inject({ method: "GET", url: "/me", headers: { authorization: `Bearer ${jwt}` } });

  test("a valid token maps to a principal with the role and units of its claims", async () => {
    const jwt = await sign({ sub: "00u1", name: "Dana Planner", supply_segments_role: "analyst", supply_segments_units: ["EU", "US"] });
    const answer = await me(jwt);
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ subject: "oidc:00u1", name: "Dana Planner", role: "analyst", units: ["EU", "US"], via: "oidc" });
    const several = await me(await sign({ sub: "00u2", supply_segments_role: ["viewer", "approver"], supply_segments_units: "EU" }));
    expect(JSON.parse(several.body)).toMatchObject({ role: "approver", units: ["EU"], name: "00u2" });
  });

  test.each([
    ["the wrong audience", { audience: "someone-else" }, /claim "aud" is wrong/],
    ["the wrong issuer", { issuer: "https://evil.example.com" }, /claim "iss" is wrong/],
    ["an expired token", { expiresIn: Math.floor(Date.now() / 1000) - 3600 }, /it has expired/],
  ] as const)("%s is refused with 401", async (_name, options, message) => {
    const answer = await me(await sign({ sub: "x", supply_segments_role: "viewer" }, options));
    expect(answer.statusCode).toBe(401);
    expect(JSON.parse(answer.body).message).toMatch(message);
  });

  test("a token signed by another key, or without a store role, is refused", async () => {
    const forged = await me(await sign({ sub: "x", supply_segments_role: "admin" }, { key: strangerKey }));
    expect(forged.statusCode).toBe(401);
    expect(JSON.parse(forged.body).message).toMatch(/signature does not verify|no key/);
    const roleless = await me(await sign({ sub: "x", supply_segments_role: "superuser" }));
    expect(roleless.statusCode).toBe(401);
    expect(JSON.parse(roleless.body).message).toMatch(/has no store role in claim "supply_segments_role"/);
  });

  test("four eyes holds for OIDC identities too", async () => {
    const author = await sign({ sub: "00u9", supply_segments_role: "approver", supply_segments_units: ["EU"] });
    const headers = { authorization: `Bearer ${author}`, "content-type": "application/json" };
    const created = await store.app.inject({ method: "POST", url: "/definitions", headers, payload: JSON.stringify({ document: abcXyzDefinition({ id: "oidc-def", businessUnit: "EU" }) }) });
    expect(created.statusCode).toBe(201);
    const bare = { authorization: `Bearer ${author}` };
    const submitted = await store.app.inject({ method: "POST", url: "/definitions/oidc-def/versions/1/submit", headers: { ...bare, "if-match": created.headers.etag as string } });
    expect(submitted.statusCode).toBe(200);
    const own = await store.app.inject({ method: "POST", url: "/definitions/oidc-def/versions/1/approve", headers: { ...bare, "if-match": submitted.headers.etag as string } });
    expect(own.statusCode).toBe(403);
    const other = await sign({ sub: "00u10", supply_segments_role: "approver", supply_segments_units: ["EU"] });
    const approved = await store.app.inject({ method: "POST", url: "/definitions/oidc-def/versions/1/approve", headers: { authorization: `Bearer ${other}`, "if-match": submitted.headers.etag as string } });
    expect(approved.statusCode).toBe(200);
    expect(JSON.parse(approved.body).definition.versions[0].decidedBy).toBe("oidc:00u10");
  });

  test("keys can come from the identity provider's JWKS URL", async () => {
    const jwks = http.createServer((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    const remote = await startTestStore("sqlite", { oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: url } });
    try {
      const jwt = await sign({ sub: "00u3", supply_segments_role: "viewer", supply_segments_units: ["EU"] });
      const answer = await remote.app.inject({ method: "GET", url: "/me", headers: { authorization: `Bearer ${jwt}` } });
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body).subject).toBe("oidc:00u3");
    } finally {
      await remote.close();
      jwks.closeAllConnections();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });
});

describe.each(DATABASES)("an OpenID Connect principal without business units (%s)", (kind) => {
  let store: TestStore;
  let jwt: string;
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "u", alg: "ES256" };
    store = await startTestStore(kind, { oidc: { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [jwk] } } });
    await approvedDefinition(store, "unitless");
    jwt = await new SignJWT({ sub: "00u7", supply_segments_role: "approver" })
      .setProtectedHeader({ alg: "ES256", kid: "u" })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime("5m")
      .sign(privateKey);
  });
  afterAll(async () => store?.close());

  test("sees no definitions and no audit events, and cannot reach a definition", async () => {
    const headers = { authorization: `Bearer ${jwt}` };
    const list = await store.app.inject({ method: "GET", url: "/definitions", headers });
    expect(JSON.parse(list.body)).toEqual({ definitions: [] });
    const audit = await store.app.inject({ method: "GET", url: "/audit", headers });
    expect(JSON.parse(audit.body)).toEqual({ events: [], nextAfter: null });
    const one = await store.app.inject({ method: "GET", url: "/definitions/unitless", headers });
    expect(one.statusCode).toBe(404);
  });
});
