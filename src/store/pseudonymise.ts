/**
 * Pseudonymised customer identifiers: HMAC-SHA256 of the id under a key that stays with the
 * customer's organisation, so the store (and anyone reading it) holds `ph1_…` tokens it cannot
 * reverse or recompute, while the same customer always maps to the same token under the same key.
 * Uses Web Crypto only, so the task pane (before anything leaves the workbook), the command line
 * and the tests share this one implementation.
 *
 * Ids are trimmed and Unicode-normalised (NFC) first, so "ACME-001 " and "ACME-001" are one
 * customer. The prefix names the scheme version; the token is the full 256-bit MAC in base64url.
 */
export const PSEUDONYM_PREFIX = "ph1_";
const MIN_KEY_BYTES = 32;

export type Pseudonymiser = (id: string) => Promise<string>;

function toBytes(key: string | Uint8Array): Uint8Array {
  return typeof key === "string" ? new TextEncoder().encode(key) : key;
}

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Prepares the key once; the function it returns pseudonymises one id. */
export async function createPseudonymiser(key: string | Uint8Array): Promise<Pseudonymiser> {
  const keyBytes = toBytes(key);
  if (keyBytes.length < MIN_KEY_BYTES) {
    throw new Error(`the pseudonymisation key must be at least ${MIN_KEY_BYTES} bytes (256 bits) of secret; got ${keyBytes.length}`);
  }
  const subtle = globalThis.crypto.subtle;
  const cryptoKey = await subtle.importKey("raw", keyBytes as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const encoder = new TextEncoder();
  return async (id: string) => {
    const normalised = id.trim().normalize("NFC");
    if (normalised.length === 0) throw new Error("cannot pseudonymise an empty id");
    const mac = new Uint8Array(await subtle.sign("HMAC", cryptoKey, encoder.encode(normalised)));
    return PSEUDONYM_PREFIX + base64Url(mac);
  };
}

/** Pseudonymises many ids, keeping their order. */
export async function pseudonymiseAll(key: string | Uint8Array, ids: readonly string[]): Promise<string[]> {
  const pseudonymise = await createPseudonymiser(key);
  return Promise.all(ids.map(pseudonymise));
}

/** True for a value this module produced (a store can refuse raw customer ids with it). */
export function isPseudonym(value: string): boolean {
  return /^ph1_[A-Za-z0-9_-]{43}$/.test(value);
}
