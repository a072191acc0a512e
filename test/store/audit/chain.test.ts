import { sql } from "kysely";
import { hashEvent, verifyChain } from "../../../src/store/audit/chain";
import { createToken } from "../../../src/store/auth/tokens";
import { abcXyzDefinition } from "../support/definitions";
import { approvedDefinition, auditEvents, DATABASES, startTestStore, TestStore } from "../support/harness";

describe.each(DATABASES)("audit hash chain (%s)", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await startTestStore(kind);
    await approvedDefinition(store, "audited");
    await store.call("PUT", "/definitions/audited/versions/1/assignments", {
      body: { assignments: [{ item: "A", segment: "AX" }] },
      headers: { "idempotency-key": "u1", "if-match": "*" },
    });
  });
  afterAll(async () => store?.close());

  const db = () => store.context.database.db;
  const verify = async () => (await store.call("GET", "/audit/verify", { as: "admin" })).body;

  test("every event links to the one before, from the genesis hash", async () => {
    const events = await auditEvents(store.context);
    expect(events.length).toBeGreaterThanOrEqual(13); // 9 tokens, create, submit, approve, upload
    expect(events[0].prev_hash).toBe("0".repeat(64));
    events.forEach((event, i) => {
      expect(Number(event.sequence)).toBe(i + 1);
      expect(event.hash).toBe(hashEvent(event));
      if (i > 0) expect(event.prev_hash).toBe(events[i - 1].hash);
    });
    expect(await verify()).toEqual({ ok: true, events: events.length, headSequence: events.length, headHash: events[events.length - 1].hash });
  });

  test("GET /audit pages through events, filtered by target and action, and by business unit", async () => {
    const all = await store.call("GET", "/audit?limit=5", { as: "enterprise" });
    expect(all.body.events).toHaveLength(5);
    expect(all.body.nextAfter).toBe(5);
    const approvals = await store.call("GET", "/audit?action=version.approve", { as: "approver" });
    expect(approvals.body.events.map((e: { target: string }) => e.target)).toContain("definition/audited/version/1");
    const under = await store.call("GET", `/audit?target=${encodeURIComponent("definition/audited/")}`, { as: "approver" });
    expect(under.body.events.map((e: { action: string }) => e.action)).toEqual(["definition.create", "version.submit", "version.approve", "assignments.upload"]);
    const unitAdmin = await store.call("GET", "/audit", { as: "admin" });
    expect(unitAdmin.body.events.every((e: { businessUnit: string | null }) => e.businessUnit === "EU")).toBe(true); // token events have no unit
    const us = await store.call("GET", "/audit", { as: "usApprover" });
    expect(us.body.events).toEqual([]);
  });

  async function tampered(change: () => Promise<unknown>, restore: () => Promise<unknown>) {
    await change();
    try {
      return await verify();
    } finally {
      await restore();
      expect((await verify()).ok).toBe(true);
    }
  }

  test("changing a stored event in the database is detected at that event", async () => {
    const target = (await auditEvents(store.context, "version.approve"))[0];
    const seq = Number(target.sequence);
    const result = await tampered(
      () => db().updateTable("audit_events").set({ actor: "user:mallory" }).where("sequence", "=", seq).execute(),
      () => db().updateTable("audit_events").set({ actor: target.actor }).where("sequence", "=", seq).execute(),
    );
    expect(result).toMatchObject({ ok: false, firstBrokenSequence: seq, reason: `event ${seq} was altered: its content no longer matches its hash` });
    const detail = await tampered(
      () => db().updateTable("audit_events").set({ detail: '{"comment":"approved by the board"}' }).where("sequence", "=", seq).execute(),
      () => db().updateTable("audit_events").set({ detail: target.detail }).where("sequence", "=", seq).execute(),
    );
    expect(detail).toMatchObject({ ok: false, firstBrokenSequence: seq });
  });

  test("re-hashing a changed event breaks the link of the next one", async () => {
    const events = await auditEvents(store.context);
    const victim = events[4];
    const forged = { ...victim, actor: "user:mallory" };
    forged.hash = hashEvent(forged);
    const result = await tampered(
      () => db().updateTable("audit_events").set({ actor: forged.actor, hash: forged.hash }).where("sequence", "=", 5).execute(),
      () => db().updateTable("audit_events").set({ actor: victim.actor, hash: victim.hash }).where("sequence", "=", 5).execute(),
    );
    expect(result).toMatchObject({ ok: false, firstBrokenSequence: 6, reason: "event 6 does not point at the hash of event 5" });
  });

  test("deleting an event, or the last one, is detected", async () => {
    const events = await auditEvents(store.context);
    const third = events[2];
    const middle = await tampered(
      () => db().deleteFrom("audit_events").where("sequence", "=", 3).execute(),
      () => db().insertInto("audit_events").values(third).execute(),
    );
    expect(middle).toMatchObject({ ok: false, firstBrokenSequence: 3, reason: "event 3 is missing (the next stored event is 4)" });
    const last = events[events.length - 1];
    const tail = await tampered(
      () => db().deleteFrom("audit_events").where("sequence", "=", Number(last.sequence)).execute(),
      () => db().insertInto("audit_events").values(last).execute(),
    );
    expect(tail).toMatchObject({ ok: false, firstBrokenSequence: Number(last.sequence) });
  });

  test("an anchor recorded earlier catches a rewrite of the whole chain from there", async () => {
    const events = await auditEvents(store.context);
    const anchor = { sequence: 3, hash: events[2].hash };
    const rewritten = events.map((e) => ({ ...e }));
    rewritten[2].actor = "user:mallory";
    for (let i = 2; i < rewritten.length; i++) {
      if (i > 2) rewritten[i].prev_hash = rewritten[i - 1].hash;
      rewritten[i].hash = hashEvent(rewritten[i]);
    }
    const writeAll = async (rows: typeof events) => {
      for (const row of rows.slice(2)) await db().updateTable("audit_events").set({ actor: row.actor, prev_hash: row.prev_hash, hash: row.hash }).where("sequence", "=", row.sequence).execute();
      await db().updateTable("audit_head").set({ hash: rows[rows.length - 1].hash }).where("id", "=", 1).execute();
    };
    await writeAll(rewritten);
    try {
      expect((await verifyChain(db())).ok).toBe(true); // a consistent rewrite passes without an anchor…
      const answer = await store.call("GET", `/audit/verify?anchorSequence=3&anchorHash=${anchor.hash}`, { as: "admin" });
      expect(answer.body).toMatchObject({ ok: false, firstBrokenSequence: 3 }); // …and fails against it
    } finally {
      await writeAll(events);
    }
    expect((await store.call("GET", `/audit/verify?anchorSequence=3&anchorHash=${anchor.hash}`, { as: "admin" })).body.ok).toBe(true);
  });

  test("concurrent writers never fork the chain", async () => {
    const created = await store.call("POST", "/definitions", { body: { document: abcXyzDefinition({ id: "busy", businessUnit: "EU" }) } });
    expect(created.status).toBe(201);
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => createToken(store.context, { name: `bulk-${i}`, role: "viewer", units: ["EU"] }, "test")),
      ...Array.from({ length: 4 }, (_, i) =>
        store.call("PUT", "/definitions/audited/versions/1/assignments", { body: { assignments: [{ item: `I${i}`, segment: "AX" }] }, headers: { "idempotency-key": `c${i}`, "if-match": "*" } }),
      ),
    ]);
    const result = await verify();
    expect(result.ok).toBe(true);
    const count = await sql<{ n: string }>`select count(distinct prev_hash) as n from audit_events`.execute(db());
    expect(Number(count.rows[0].n)).toBe(result.events); // no two events share a parent
  });
});
