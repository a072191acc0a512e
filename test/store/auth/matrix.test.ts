/**
 * The whole route × role matrix: every route the server registers has a rule in authorize.ts, and
 * for every route and every caller (anonymous, each role, another business unit) the answer is
 * 401 / 403 / 404 exactly where the table says, and never where it allows.
 */
import Fastify from "fastify";
import { installAuthorization, ROUTE_RULES } from "../../../src/store/auth/authorize";
import { ROLES } from "../../../src/store/auth/principal";
import { approvedDefinition, startTestStore, TestStore, UserName } from "../support/harness";

const ROLE_USER: Record<(typeof ROLES)[number], UserName> = { viewer: "viewer", analyst: "analyst", approver: "approver", admin: "admin" };
const US_USER: Partial<Record<(typeof ROLES)[number], UserName>> = { analyst: "usAnalyst", approver: "usApprover" };

const concrete = (url: string) =>
  url.replace(":id", "matrix").replace(":version", "1").replace(":item", "I-1").replace(":tokenId", "0000000000000000");

const rules = Object.entries(ROUTE_RULES)
  .filter(([key]) => key !== "OPTIONS *")
  .map(([key, access]) => {
    const [method, url] = key.split(" ");
    return { key, method: method as "GET" | "POST" | "PUT" | "DELETE", url, access };
  });

describe("authorisation matrix (sqlite; the rules do not depend on the database)", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore("sqlite");
    await approvedDefinition(store, "matrix");
  });
  afterAll(async () => store?.close());

  test("the table and the registered routes are the same set", async () => {
    const openapi = (await store.call("GET", "/openapi.json", { as: null })).body;
    const documented = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const inTable = Object.keys(ROUTE_RULES).filter((key) => key !== "OPTIONS *" && key !== "GET /openapi.json");
    expect(documented.sort()).toEqual(inTable.sort());
    for (const { method, url } of rules) expect(store.app.hasRoute({ method, url })).toBe(true);
  });

  test("a route without a rule stops the server from starting", async () => {
    const app = Fastify();
    installAuthorization(app, store.context);
    expect(() => app.get("/backdoor", async () => "open")).toThrow("route GET /backdoor has no authorisation rule in src/store/auth/authorize.ts");
  });

  const cells = rules.flatMap((rule) => [null, ...ROLES].map((role) => [rule.key, role ?? "anonymous", rule, role] as const));
  test.each(cells)("%s as %s", async (_key, _who, rule, role) => {
    const as = role ? ROLE_USER[role] : null;
    const body = rule.method === "GET" ? undefined : {};
    const answer = await store.call(rule.method, concrete(rule.url), { as, body });
    if (rule.access === "public") {
      expect([401, 403]).not.toContain(answer.status);
    } else if (!role) {
      expect(answer.status).toBe(401);
      expect(answer.headers["www-authenticate"]).toBe('Bearer realm="supply-segments"');
    } else if (!rule.access.includes(role)) {
      expect(answer.status).toBe(403);
      expect(answer.body.message).toBe(`${rule.method} ${rule.url} needs the role ${rule.access.join(" or ")}; your token has the role ${role}`);
    } else {
      expect([401, 403]).not.toContain(answer.status);
    }
  });

  const scoped = rules.filter((rule) => rule.url.includes(":id") && rule.access !== "public");
  test.each(scoped.map((rule) => [rule.key, rule] as const))("%s from another business unit is 404", async (_key, rule) => {
    if (rule.access === "public") return;
    const role = rule.access.find((r) => US_USER[r]);
    if (!role) return;
    const answer = await store.call(rule.method, concrete(rule.url), { as: US_USER[role]!, body: rule.method === "GET" ? undefined : {} });
    // Body checks may answer first (400); what matters is that the definition is never revealed or changed.
    expect([400, 404]).toContain(answer.status);
    if (answer.status === 404) expect(answer.body.message).toMatch(/no definition "matrix" in your business units|no route/);
  });

  test("a revoked or unknown token is 401, and so is a malformed Authorization header", async () => {
    const bad = await store.app.inject({ method: "GET", url: "/me", headers: { authorization: "Bearer sst_0000000000000000_" + "A".repeat(43) } });
    expect(bad.statusCode).toBe(401);
    expect(JSON.parse(bad.body)).toEqual({ error: "unauthorized", message: "the bearer token is unknown or revoked" });
    const basic = await store.app.inject({ method: "GET", url: "/me", headers: { authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l" } });
    expect(JSON.parse(basic.body).message).toBe("the Authorization header must be: Bearer <token>");
    const jwt = await store.app.inject({ method: "GET", url: "/me", headers: { authorization: "Bearer aaa.bbb.ccc" } });
    expect(JSON.parse(jwt.body).message).toMatch(/OpenID Connect tokens are not accepted/);
  });
});
