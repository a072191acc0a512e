import type { InjectOptions } from "fastify";
import { approvedDefinition, startTestStore, TestStore } from "./support/harness";

describe("transport security: CORS, headers, rate limits, body limits", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore("sqlite", { allowedOrigin: "https://addin.example.com", rateLimitPerMinute: 5, bodyLimit: 4096, assignmentsBodyLimit: 1 << 20 });
  });
  afterAll(async () => store?.close());

  const inject = (options: InjectOptions) => store.app.inject(options);

  test("CORS answers only the configured add-in origin", async () => {
    const preflight = await inject({
      method: "OPTIONS",
      url: "/definitions/x/draft",
      headers: { origin: "https://addin.example.com", "access-control-request-method": "PUT", "access-control-request-headers": "authorization,if-match,content-type" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("https://addin.example.com");
    expect(String(preflight.headers["access-control-allow-headers"]).toLowerCase()).toContain("if-match");
    const stranger = await inject({ method: "OPTIONS", url: "/definitions/x/draft", headers: { origin: "https://evil.example.com", "access-control-request-method": "PUT" } });
    expect(stranger.headers["access-control-allow-origin"]).toBeUndefined();
    const simple = await inject({ method: "GET", url: "/health", headers: { origin: "https://addin.example.com" } });
    expect(simple.headers["access-control-allow-origin"]).toBe("https://addin.example.com");
    expect(String(simple.headers["access-control-expose-headers"])).toContain("ETag");
  });

  test("every answer carries security headers", async () => {
    const answer = await inject({ method: "GET", url: "/health" });
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["strict-transport-security"]).toMatch(/max-age=/);
    expect(answer.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(answer.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });

  test("a caller over the rate limit gets 429 with Retry-After; other callers are unaffected", async () => {
    const me = () => inject({ method: "GET", url: "/me", headers: { authorization: `Bearer ${store.tokens.viewer}` } });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await me());
    expect(answers.slice(0, 5).map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[5].statusCode).toBe(429);
    expect(JSON.parse(answers[5].body)).toEqual({ error: "too-many-requests", message: expect.stringMatching(/^too many requests: at most 5 a minute; retry in/) });
    expect(answers[5].headers["retry-after"]).toBeDefined();
    const other = await inject({ method: "GET", url: "/me", headers: { authorization: `Bearer ${store.tokens.analyst}` } });
    expect(other.statusCode).toBe(200);
    const health = await inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(200);
  });

  test("the raised body limit applies to the bulk upload only", async () => {
    const fresh = await startTestStore("sqlite", { bodyLimit: 4096, assignmentsBodyLimit: 1 << 20 });
    try {
      await approvedDefinition(fresh, "limits");
      const assignments = Array.from({ length: 2000 }, (_, i) => ({ item: `SKU-${i}`, segment: "AX" })); // ~60 kB
      const bulk = await fresh.call("PUT", "/definitions/limits/versions/1/assignments", { body: { assignments }, headers: { "idempotency-key": "big", "if-match": "*" } });
      expect(bulk.status).toBe(200);
      const elsewhere = await fresh.call("PUT", "/definitions/limits/draft", { body: { document: { pad: "x".repeat(8000) } }, headers: { "if-match": "*" } });
      expect(elsewhere.status).toBe(413);
      expect(elsewhere.body.message).toBe("the request body is larger than the 4096-byte limit of this route");
    } finally {
      await fresh.close();
    }
  });

  test("the OpenAPI document describes the contract, the bearer scheme and the definition schema", async () => {
    const answer = await store.call("GET", "/openapi.json", { as: null });
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe("3.1.0");
    expect(answer.body.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(answer.body.components.schemas.SegmentDefinition.properties).toHaveProperty("segments");
    expect(answer.body.paths["/definitions/{id}/versions/{version}/assignments"].put.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: "header", name: "idempotency-key", required: true })]),
    );
  });
});
