/**
 * @jest-environment ./test/taskpane/views/governance/support/jsdomWithNode.js
 *
 * The Governance view over real HTTP against a real store (the store's own test harness: Fastify
 * on a fresh SQLite directory, in this process, a token per role).
 */
import "../../../support/dom";
import { screen, within } from "@testing-library/react";
import { parseDefinition, type SegmentDefinition } from "../../../../src/engine/definition";
import { StoreClient } from "../../../../src/sync/client";
import { createConnectionSettings, OUTBOX_KEY_PREFIX, STORE_URL_SETTING, TOKEN_KEY_PREFIX } from "../../../../src/taskpane/store/connectionSettings";
import { AUDIT_PAGE } from "../../../../src/taskpane/views/governance/AuditSection";
import { createExcelGateway } from "../../../../src/taskpane/workbook/excelGateway";
import { abcXyzDefinition } from "../../../store/support/definitions";
import { installExcelMock } from "../../../support/excel/excelMock";
import { installOfficeMock } from "../../../support/excel/officeMock";
import { WorkbookModel } from "../../../support/excel/workbookModel";
import { button, click, connect, eventually, isDisabled, renderPane, startStore, type, type ListeningStore } from "./support/governanceHarness";

const definition = (id: string, serviceLevelA = 0.98, businessUnit: string | undefined = "EU"): SegmentDefinition =>
  parseDefinition(abcXyzDefinition({ id, businessUnit, serviceLevelA }));

const browserOnly = () => createConnectionSettings({ document: null });
const statusSection = () => screen.getByRole("region", { name: "Status in the store" });

beforeEach(() => {
  localStorage.clear();
  delete (globalThis as { Office?: unknown }).Office;
});

describe("the Governance view against a live store", () => {
  let live: ListeningStore;
  beforeAll(async () => {
    live = await startStore();
  });
  afterAll(async () => live?.close());

  it("connects, submits, is approved by a second person, and shows the history with a diff and the audit trail", async () => {
    const { tokens } = live.store;
    const pane = await renderPane({ definition: definition("gov-retail"), settings: browserOnly() });

    await connect(live.baseUrl, tokens.analyst);
    await screen.findByText(`Connected to ${live.baseUrl} as analyst (analyst): role analyst, business unit EU.`);
    await screen.findByText("gov-retail is not in the store yet. Submitting it creates it as version 1 and asks an approver to approve it.");

    await click(button("Submit for approval"));
    await screen.findByText("Version 1 submitted for approval. An approver other than you must now approve it.");
    await eventually(() => expect(within(statusSection()).getByText("Waiting for approval")).toBeTruthy());
    // The analyst may not approve, and the pane says why before the store has to.
    expect(isDisabled(button("Approve"))).toBe(true);
    expect(screen.getByText("Approving and rejecting need the approver role; your token has the role analyst.")).toBeTruthy();
    expect(screen.getByText("The audit trail is open to approvers and administrators; your token has the role analyst.")).toBeTruthy();

    // The approver, with a second token.
    await connect(live.baseUrl, tokens.approver);
    await screen.findByText(`Connected to ${live.baseUrl} as approver (approver): role approver, business unit EU.`);
    await eventually(() => expect(isDisabled(button("Approve"))).toBe(false));
    // A rejection needs a reason: nothing is sent without one.
    await click(button("Reject"));
    expect(screen.getByText("Write why you reject version 1, so its author knows what to change.")).toBeTruthy();
    type(screen.getByLabelText("Comment"), "Service levels as agreed with finance");
    await click(button("Approve"));
    await screen.findByText("Version 1 approved: it is now the version workbooks and other systems use.");
    await eventually(() => expect(screen.getByText("Version 1 is approved: it is the one workbooks and other systems use.")).toBeTruthy());

    // The analyst raises the A service level and renames AX: version 2.
    const next = definition("gov-retail", 0.99);
    next.segments[0].name = "Core runners";
    await pane.rerenderPane({ definition: next, settings: browserOnly() });
    await connect(live.baseUrl, tokens.analyst);
    await screen.findByText(/as analyst \(analyst\): role analyst/);
    await eventually(() => expect(isDisabled(button("Submit for approval"))).toBe(false));
    await click(button("Submit for approval"));
    await screen.findByText("Version 2 submitted for approval. An approver other than you must now approve it.");

    // History: both versions, and what changed from 1 to 2 (read as the approver, who also sees the audit trail).
    await connect(live.baseUrl, tokens.approver);
    await screen.findByText(/as approver \(approver\): role approver/);
    const versions = await screen.findByRole("table", { name: "Versions of gov-retail" });
    await eventually(() => expect(within(versions).getAllByRole("row")).toHaveLength(3));
    const rows = within(versions).getAllByRole("row");
    expect(within(rows[1]).getAllByRole("cell")[0].textContent).toBe("2");
    expect(within(rows[1]).getByText("Waiting for approval")).toBeTruthy();
    expect(within(rows[2]).getByText("Approved")).toBeTruthy();
    expect(within(rows[2]).getAllByRole("cell")[3].textContent).toMatch(/^approver, /);
    const diff = await screen.findByRole("list", { name: "Changes from version 1 to version 2" });
    // abcXyzDefinition names AX "AX items"; its A segments' service level moved 98% → 99% (AX, AY, AZ).
    expect(within(diff).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Renamed: Segment AX renamed: “AX items” → “Core runners”",
      "Changed: Segment AX · service level: 98% → 99%",
      "Changed: Segment AY · service level: 98% → 99%",
      "Changed: Segment AZ · service level: 98% → 99%",
    ]);

    const audit = await screen.findByRole("list", { name: "Audit trail of gov-retail" });
    await eventually(() => expect(within(audit).getAllByRole("listitem")).toHaveLength(5));
    expect(within(audit).getAllByRole("listitem").map((item) => item.querySelector(".fui-Body1")?.textContent)).toEqual([
      "analyst created the definition as version 1 (draft)",
      "analyst submitted version 1 for approval",
      "approver approved version 1: “Service levels as agreed with finance”",
      "analyst started version 2 as a draft",
      "analyst submitted version 2 for approval",
    ]);
    pane.unmount();
  });

  it("four eyes: the author cannot approve their own version; a version approved meanwhile shows the store's own message", async () => {
    const { tokens } = live.store;
    const pane = await renderPane({ definition: definition("gov-own"), settings: browserOnly() });
    // An approver may author; then another approver must approve.
    await connect(live.baseUrl, tokens.approver);
    await screen.findByText(/role approver/);
    await eventually(() => expect(isDisabled(button("Submit for approval"))).toBe(false));
    await click(button("Submit for approval"));
    await screen.findByText("Version 1 submitted for approval. An approver other than you must now approve it.");
    await eventually(() => expect(screen.getByText("Four eyes: you wrote or submitted version 1, so another approver must approve it.")).toBeTruthy());
    expect(isDisabled(button("Approve"))).toBe(true);
    expect(button("Approve").getAttribute("aria-describedby")).toBe("decision-blocker");
    // The author may still withdraw it by rejecting.
    expect(isDisabled(button("Reject"))).toBe(false);
    pane.unmount();

    // A second approver's pane shows version 1 waiting; meanwhile a third person approves it elsewhere.
    const second = await renderPane({ definition: null, settings: browserOnly() });
    await connect(live.baseUrl, tokens.approver2);
    await screen.findByText(/as approver2 \(approver2\)/);
    const picker = await screen.findByRole("combobox", { name: "Definition" });
    await click(picker);
    await click(await screen.findByRole("option", { name: "ABC-XYZ gov-own (gov-own)" }));
    await eventually(() => expect(isDisabled(button("Approve"))).toBe(false));
    const olgaToken = (await live.store.call("POST", "/tokens", { as: "enterprise", body: { name: "olga", role: "approver", units: ["EU"] } })).body.token as string;
    const olga = new StoreClient({ baseUrl: live.baseUrl, token: olgaToken });
    await olga.approve("gov-own", 1, (await olga.getDefinition("gov-own")).etag);

    type(screen.getByLabelText("Comment"), "fine by me");
    await click(button("Approve"));
    const refusal = await screen.findByText(/^Could not approve version 1: Definition gov-own has changed since you read it/);
    expect(refusal.textContent).toMatch(/read it again and redo your change\. The status below has been read again\.$/);
    // The comment typed is not lost; the status is read again and shows who approved it.
    expect((screen.getByLabelText("Comment") as HTMLTextAreaElement).value).toBe("fine by me");
    await eventually(() => expect(screen.getByText(/approved by olga/)).toBeTruthy());
    second.unmount();
  });

  it("says what is wrong with the address or the token", async () => {
    const pane = await renderPane({ definition: definition("gov-conn"), settings: browserOnly() });
    // Before any connection: the form, and Submit says what to do first.
    expect(isDisabled(button("Submit for approval"))).toBe(true);
    expect(screen.getByText("Connect to the store first: enter its address and your token above.")).toBeTruthy();
    await connect("segments.example.com", live.store.tokens.analyst);
    expect(screen.getByText("Start the address with https:// (or http:// for a store on this computer), e.g. https://segments.example.com.")).toBeTruthy();

    await connect(`${live.baseUrl}/store`, live.store.tokens.analyst);
    await screen.findByText(
      `Nothing at ${live.baseUrl}/store answers as a Supply Segments store (no route GET /store/me; see GET /openapi.json). Check the address: it is the store's root, without /me or /definitions.`,
    );

    await connect(live.baseUrl, "sst_0000000000000000_notarealtokenatallnotarealtokenatallnotarea");
    await screen.findByText(
      'The store refused the token: The bearer token is unknown or revoked. Paste a valid token; your store administrator creates one with "supply-segments token create".',
    );
    expect(isDisabled(button("Submit for approval"))).toBe(true);
    expect(screen.getByText("Fix the connection above first: the store refused it.")).toBeTruthy();

    await connect(live.baseUrl, "");
    expect(screen.getByText("Paste your store token (it starts with sst_); your store administrator gives you one.")).toBeTruthy();
    pane.unmount();
  });
  it("pages the audit trail", async () => {
    // Version 1 created, then its draft edited 29 times: 30 events, more than one page.
    const analyst = new StoreClient({ baseUrl: live.baseUrl, token: live.store.tokens.analyst });
    let saved = await analyst.createDefinition(abcXyzDefinition({ id: "gov-busy", businessUnit: "EU" }));
    for (let edit = 1; edit <= 29; edit++) {
      saved = await analyst.saveDraft("gov-busy", abcXyzDefinition({ id: "gov-busy", businessUnit: "EU", serviceLevelA: 0.9 + edit / 1000 }), saved.etag);
    }
    const pane = await renderPane({ definition: definition("gov-busy"), settings: browserOnly() });
    await connect(live.baseUrl, live.store.tokens.approver);
    const audit = await screen.findByRole("list", { name: "Audit trail of gov-busy" });
    await eventually(() => expect(within(audit).getAllByRole("listitem")).toHaveLength(AUDIT_PAGE));
    expect(within(audit).getAllByRole("listitem")[0].querySelector(".fui-Body1")?.textContent).toBe("analyst created the definition as version 1 (draft)");
    await click(button("Show more"));
    await eventually(() => expect(within(screen.getByRole("list", { name: "Audit trail of gov-busy" })).getAllByRole("listitem")).toHaveLength(30));
    const items = within(screen.getByRole("list", { name: "Audit trail of gov-busy" })).getAllByRole("listitem");
    expect(items[29].querySelector(".fui-Body1")?.textContent).toBe("analyst edited the draft of version 1");
    expect(screen.queryByRole("button", { name: "Show more" })).toBeNull();
    pane.unmount();
  });
});

describe("the Governance view while the store is unreachable", () => {
  it("keeps the submission in the outbox, says what is waiting, keeps it across a reopened pane, and sends it once the store is up", async () => {
    const down = await startStore({ down: true });
    try {
      const settings = browserOnly();
      const pane = await renderPane({ definition: definition("gov-offline"), settings });
      await connect(down.baseUrl, down.store.tokens.analyst);
      await screen.findByText(/^Could not connect: the store at http:\/\/127\.0\.0\.1:\d+ did not answer\. Check the address/);
      // The role is unknown while the store is away: submitting is allowed, and queued.
      await click(button("Submit for approval"));
      await screen.findByText("The store did not answer, so the submission waits in this browser (see Waiting to be sent); it is sent as soon as the store answers.");
      expect(screen.getByText(/^1 change waiting to be sent\. It is kept in this browser/)).toBeTruthy();
      const waiting = screen.getByRole("list", { name: "Changes waiting to be sent" });
      expect(within(waiting).getByText("Submit “ABC-XYZ gov-offline” (gov-offline) for approval")).toBeTruthy();
      expect(within(waiting).getByText(/tried 1 time · last try: the store at .* could not be reached/)).toBeTruthy();
      expect(localStorage.getItem(OUTBOX_KEY_PREFIX + down.baseUrl)).toContain("gov-offline");

      // Closing and reopening the pane loses nothing: the address, the token and the outbox are remembered.
      pane.unmount();
      const reopened = await renderPane({ definition: definition("gov-offline"), settings: browserOnly() });
      expect((screen.getByLabelText("Store address") as HTMLInputElement).value).toBe(down.baseUrl);
      await screen.findByText(/^1 change waiting to be sent/);

      await down.listen();
      await click(button("Send now"));
      await eventually(() => expect(screen.queryByText(/change waiting to be sent/)).toBeNull());
      await screen.findByText(`Connected to ${down.baseUrl} as analyst (analyst): role analyst, business unit EU.`);
      await eventually(() => expect(within(statusSection()).getByText("Waiting for approval")).toBeTruthy());
      const stored = await new StoreClient({ baseUrl: down.baseUrl, token: down.store.tokens.viewer }).versions("gov-offline");
      expect(stored.map((v) => [v.version, v.status, v.author])).toEqual([[1, "submitted", "user:analyst"]]);
      reopened.unmount();
    } finally {
      await down.close();
    }
  });

  it("a queued change the store then refuses (403) is listed with the store's reason and can be dismissed", async () => {
    const down = await startStore({ down: true });
    try {
      const pane = await renderPane({ definition: definition("gov-viewer"), settings: browserOnly() });
      await connect(down.baseUrl, down.store.tokens.viewer);
      await screen.findByText(/did not answer/);
      await click(button("Submit for approval"));
      await screen.findByText(/^1 change waiting to be sent/);

      await down.listen();
      await click(button("Send now"));
      const refused = await screen.findByRole("list", { name: "Changes the store refused" });
      expect(
        within(refused).getByText("The store refused it (403): POST /definitions needs the role analyst or approver; your token has the role viewer."),
      ).toBeTruthy();
      expect(screen.queryByText(/change waiting to be sent/)).toBeNull();
      // Now that the store answered, the pane knows the role and says why Submit is off.
      await screen.findByText("Submitting needs the analyst or approver role; your token has the role viewer.");
      await click(within(refused).getByRole("button", { name: "Dismiss: Submit “ABC-XYZ gov-viewer” (gov-viewer) for approval" }));
      await eventually(() => expect(screen.queryByRole("list", { name: "Changes the store refused" })).toBeNull());
      pane.unmount();
    } finally {
      await down.close();
    }
  });
});

describe("this workbook's copy against the store's approved version", () => {
  let live: ListeningStore;
  beforeAll(async () => {
    live = await startStore();
  });
  afterAll(async () => live?.close());

  it("says the copy is behind, updates it in the workbook, then says it is up to date; the address is kept in the workbook, the token is not", async () => {
    // Versions 1 and 2 approved in the store, by the analyst (author) and the approver.
    const analyst = new StoreClient({ baseUrl: live.baseUrl, token: live.store.tokens.analyst });
    const approver = new StoreClient({ baseUrl: live.baseUrl, token: live.store.tokens.approver });
    const v1 = await analyst.createDefinition(abcXyzDefinition({ id: "gov-stale", businessUnit: "EU" }));
    const s1 = await analyst.submit("gov-stale", 1, v1.etag);
    const a1 = await approver.approve("gov-stale", 1, s1.etag);
    const d2 = await analyst.saveDraft("gov-stale", abcXyzDefinition({ id: "gov-stale", businessUnit: "EU", serviceLevelA: 0.99 }), a1.etag);
    const s2 = await analyst.submit("gov-stale", 2, d2.etag);
    await approver.approve("gov-stale", 2, s2.etag);

    // The workbook keeps version 1, saved when it was approved.
    const model = WorkbookModel.withSheet("Data", [["Item"], ["A-1"]]);
    installExcelMock(model);
    installOfficeMock(model);
    const workbook = createExcelGateway();
    await workbook.saveDefinition("gov-stale", JSON.stringify((await analyst.version("gov-stale", 1)).document));

    const pane = await renderPane({ definition: definition("gov-stale"), workbook });
    await connect(live.baseUrl, live.store.tokens.viewer);
    await screen.findByText("This workbook's copy is version 1; the store's approved version is 2.");
    const changes = screen.getByRole("list", { name: "What updating the workbook's copy changes" });
    expect(within(changes).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Changed: Segment AX · service level: 98% → 99%",
      "Changed: Segment AY · service level: 98% → 99%",
      "Changed: Segment AZ · service level: 98% → 99%",
    ]);

    await click(button("Update the workbook's copy"));
    await screen.findByText("Up to date: this workbook's copy is the store's approved version 2.");
    expect(screen.getByText("Formulas read it as SegDef_gov_stale.")).toBeTruthy();
    const saved = JSON.parse((await workbook.loadDefinition("gov-stale"))!);
    expect(saved).toEqual((await analyst.current("gov-stale"))!.version.document);

    // The store's address travels with the workbook; the token stays in this browser.
    expect(model.settings.get(STORE_URL_SETTING)).toBe(live.baseUrl);
    expect(JSON.stringify([...model.settings])).not.toContain(live.store.tokens.viewer);
    expect(localStorage.getItem(TOKEN_KEY_PREFIX + live.baseUrl)).toBe(live.store.tokens.viewer);
    pane.unmount();
  });
});
