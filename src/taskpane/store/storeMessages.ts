/**
 * The store's answers as sentences for the pane: what went wrong and what to do. The store's own
 * message is kept word for word (it names the role, the version, the ETag), inside a sentence that
 * says which call it was about.
 */
import { StoreRequestError, StoreUnreachableError } from "../../sync/client";

/** First letter up, a full stop at the end. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export const isUnreachable = (error: unknown): error is StoreUnreachableError => error instanceof StoreUnreachableError;

/**
 * What to tell the user about a failed store call. `doing` completes "Could not …", e.g.
 * "approve version 2".
 */
export function describeStoreError(error: unknown, url: string, doing: string): string {
  if (error instanceof StoreUnreachableError) {
    return `Could not ${doing}: the store at ${url} did not answer. Check the address, that the store is running and your network; if they are right, the store may not allow this add-in's address (its --allowed-origin setting).`;
  }
  if (error instanceof StoreRequestError) {
    const server = sentence(error.message);
    switch (error.status) {
      case 401:
        return `The store refused the token: ${server} Paste a valid token; your store administrator creates one with "supply-segments token create".`;
      case 403:
        return `The store refused to ${doing}: ${server}`;
      case 404:
        return `Could not ${doing}: ${server}`;
      case 409:
      case 412:
        return `Could not ${doing}: ${server} The status below has been read again.`;
      case 429:
        return `The store is busy: ${server} Try again in a minute.`;
      default:
        return `Could not ${doing}: the store answered ${error.status}: ${server}`;
    }
  }
  return `Could not ${doing}: ${sentence(error instanceof Error ? error.message : String(error))}`;
}

/** For "Test connection": a 404 means the address is not a store's. */
export function describeConnectionError(error: unknown, url: string): string {
  if (error instanceof StoreRequestError && error.status === 404) {
    return `Nothing at ${url} answers as a Supply Segments store (${error.message}). Check the address: it is the store's root, without /me or /definitions.`;
  }
  if (error instanceof StoreRequestError && error.status === 401) return describeStoreError(error, url, "connect");
  return describeStoreError(error, url, "connect");
}
