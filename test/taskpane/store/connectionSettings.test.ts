/**
 * @jest-environment jsdom
 */
import { createConnectionSettings, LOCAL_URL_KEY, parseStoreUrl, STORE_URL_SETTING, TOKEN_KEY_PREFIX } from "../../../src/taskpane/store/connectionSettings";
import { installOfficeMock } from "../../support/excel/officeMock";
import { WorkbookModel } from "../../support/excel/workbookModel";

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  localStorage.clear();
});

describe("parseStoreUrl: the store's address as typed", () => {
  it("accepts https anywhere and http on this computer, without a trailing slash", () => {
    expect(parseStoreUrl(" https://segments.example.com/ ")).toEqual({ ok: true, url: "https://segments.example.com" });
    expect(parseStoreUrl("https://example.com/store//")).toEqual({ ok: true, url: "https://example.com/store" });
    expect(parseStoreUrl("http://127.0.0.1:8787")).toEqual({ ok: true, url: "http://127.0.0.1:8787" });
    expect(parseStoreUrl("http://localhost:8787/")).toEqual({ ok: true, url: "http://localhost:8787" });
  });

  it("says what to fix in anything else", () => {
    expect(parseStoreUrl("")).toEqual({ ok: false, message: "Enter the store's address, e.g. https://segments.example.com." });
    expect(parseStoreUrl("segments.example.com")).toEqual({
      ok: false,
      message: "Start the address with https:// (or http:// for a store on this computer), e.g. https://segments.example.com.",
    });
    expect(parseStoreUrl("http://segments.example.com")).toEqual({
      ok: false,
      message: "Use https:// for a store on another computer (segments.example.com): over http:// the token would travel unencrypted, and Excel blocks it.",
    });
    expect(parseStoreUrl("ftp://segments.example.com")).toMatchObject({ ok: false, message: expect.stringContaining("must start with https:// (it starts with ftp://)") });
    expect(parseStoreUrl("https://dana:secret@segments.example.com")).toMatchObject({ ok: false, message: expect.stringContaining("paste the token in the Token box") });
    expect(parseStoreUrl("https://segments.example.com/me?x=1")).toMatchObject({ ok: false, message: expect.stringContaining("Leave out everything from ? or #") });
    expect(parseStoreUrl("https://exa mple.com")).toMatchObject({ ok: false, message: expect.stringContaining("is not a web address") });
  });
});

describe("where the connection is kept", () => {
  it("in Excel: the address in the workbook's settings, the token in this browser only", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installOfficeMock(model);
    const settings = createConnectionSettings();
    expect(settings.urlPlace).toBe("workbook");
    expect(settings.readUrl()).toBeNull();
    await settings.writeUrl("https://segments.example.com");
    settings.writeToken("https://segments.example.com", "sst_secret");
    expect(model.settings.get(STORE_URL_SETTING)).toBe("https://segments.example.com");
    expect(JSON.stringify([...model.settings])).not.toContain("sst_secret"); // the file travels; the token must not
    expect(localStorage.getItem(TOKEN_KEY_PREFIX + "https://segments.example.com")).toBe("sst_secret");
    expect(localStorage.getItem(LOCAL_URL_KEY)).toBeNull();
    expect(createConnectionSettings().readUrl()).toBe("https://segments.example.com");
  });

  it("a token is kept per address: a workbook pointing elsewhere does not receive it", () => {
    const settings = createConnectionSettings({ document: null });
    settings.writeToken("https://segments.example.com", "sst_secret");
    expect(settings.readToken("https://elsewhere.example.com")).toBeNull();
    settings.forgetToken("https://segments.example.com");
    expect(settings.readToken("https://segments.example.com")).toBeNull();
  });

  it("outside Office (no document): the address goes to this browser's storage", async () => {
    const settings = createConnectionSettings();
    expect(settings.urlPlace).toBe("browser");
    await settings.writeUrl("http://127.0.0.1:8787");
    expect(localStorage.getItem(LOCAL_URL_KEY)).toBe("http://127.0.0.1:8787");
    expect(createConnectionSettings().readUrl()).toBe("http://127.0.0.1:8787");
  });

  it("a workbook that cannot save its settings says why", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installOfficeMock(model, { failSaveWith: "The document is read-only." });
    await expect(createConnectionSettings().writeUrl("https://segments.example.com")).rejects.toThrow(
      "Could not save the pane's settings in the workbook: The document is read-only.",
    );
  });
});
