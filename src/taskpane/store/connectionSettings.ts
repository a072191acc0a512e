/**
 * Where the pane keeps its connection to the shared store.
 *
 * - The store's address is remembered per workbook, in the document's settings (they travel with
 *   the file, so a colleague who opens the workbook finds the same store). Outside Office there is
 *   no document: the address goes to the browser's storage instead.
 * - The token is a credential: it stays in this browser's storage only, never in the workbook,
 *   and is kept per store address, so a workbook pointing at another address never receives a
 *   token meant for this store.
 * - The offline outbox is kept per store address too: a change waits for the store it was made for.
 */
import { readSetting, writeSetting } from "../../excel/documentSettings";

/* global Office */

/** The document setting holding the store's address. */
export const STORE_URL_SETTING = "supplySegments.storeUrl";
/** Browser storage keys. */
export const LOCAL_URL_KEY = "supply-segments.store-url";
export const TOKEN_KEY_PREFIX = "supply-segments.store-token:";
export const OUTBOX_KEY_PREFIX = "supply-segments.outbox:";

export const outboxKeyFor = (url: string) => OUTBOX_KEY_PREFIX + url;

export interface BrowserStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The workbook's own settings; null outside Office. */
export interface DocumentSettingsAccess {
  read(key: string): unknown;
  write(key: string, value: unknown): Promise<void>;
}

export interface ConnectionSettings {
  readonly storage: BrowserStorage;
  /** False when the browser gives no storage (the pane keeps things in memory while open). */
  readonly persistent: boolean;
  /** Where the address is remembered, for the pane to say. */
  readonly urlPlace: "workbook" | "browser";
  readUrl(): string | null;
  writeUrl(url: string): Promise<void>;
  readToken(url: string): string | null;
  writeToken(url: string, token: string): void;
  forgetToken(url: string): void;
}

function officeDocumentSettings(): DocumentSettingsAccess | null {
  try {
    if (typeof Office === "undefined" || !Office.context?.document?.settings) return null;
  } catch {
    return null; // Office.context throws outside Office on some hosts
  }
  return { read: (key) => readSetting<unknown>(key), write: (key, value) => writeSetting(key, value) };
}

/** localStorage when the browser gives it (it may be missing, or refuse access), else null. */
function browserStorage(): BrowserStorage | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    storage.getItem(LOCAL_URL_KEY);
    return storage;
  } catch {
    return null;
  }
}

function memoryStorage(): BrowserStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

export function createConnectionSettings(options: { storage?: BrowserStorage; document?: DocumentSettingsAccess | null } = {}): ConnectionSettings {
  const found = options.storage ?? browserStorage();
  const storage = found ?? memoryStorage();
  const document = options.document === undefined ? officeDocumentSettings() : options.document;
  return {
    storage,
    persistent: found !== null,
    urlPlace: document ? "workbook" : "browser",
    readUrl() {
      const value = document ? document.read(STORE_URL_SETTING) : storage.getItem(LOCAL_URL_KEY);
      return typeof value === "string" && value !== "" ? value : null;
    },
    async writeUrl(url) {
      if (document) await document.write(STORE_URL_SETTING, url);
      else storage.setItem(LOCAL_URL_KEY, url);
    },
    readToken: (url) => storage.getItem(TOKEN_KEY_PREFIX + url),
    writeToken: (url, token) => storage.setItem(TOKEN_KEY_PREFIX + url, token),
    forgetToken: (url) => storage.removeItem(TOKEN_KEY_PREFIX + url),
  };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type ParsedStoreUrl = { ok: true; url: string } | { ok: false; message: string };

/**
 * The store's address as typed, checked and normalised (no trailing slash). https is required
 * except for a store on this computer: the token travels with every request, and Excel's pane
 * refuses plain http to other hosts anyway.
 */
export function parseStoreUrl(text: string): ParsedStoreUrl {
  const typed = text.trim();
  const example = "e.g. https://segments.example.com";
  if (typed === "") return { ok: false, message: `Enter the store's address, ${example}.` };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(typed)) {
    return { ok: false, message: `Start the address with https:// (or http:// for a store on this computer), ${example}.` };
  }
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, message: `“${typed}” is not a web address; write it as https://host[:port], ${example}.` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, message: `The address must start with https:// (it starts with ${url.protocol}//), ${example}.` };
  }
  if (url.protocol === "http:" && !LOOPBACK.has(url.hostname)) {
    return { ok: false, message: `Use https:// for a store on another computer (${url.host}): over http:// the token would travel unencrypted, and Excel blocks it.` };
  }
  if (url.username || url.password) return { ok: false, message: "Leave the user name and password out of the address; paste the token in the Token box." };
  if (url.search || url.hash) return { ok: false, message: "Leave out everything from ? or # on: the address is the store's root, e.g. https://segments.example.com/store." };
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}
