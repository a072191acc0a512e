/** A store listening on loopback for the client tests, with tokens for each role. */
import { AddressInfo } from "node:net";
import { StoreClient, StoreClientOptions } from "../../src/sync/client";
import { startTestStore, TestStore, UserName } from "../store/support/harness";

export interface LiveStore {
  store: TestStore;
  baseUrl: string;
  client(as: UserName, options?: Partial<StoreClientOptions>): StoreClient;
  close(): Promise<void>;
}

export async function startLiveStore(): Promise<LiveStore> {
  const store = await startTestStore("sqlite");
  await store.app.listen({ host: "127.0.0.1", port: 0 });
  const baseUrl = `http://127.0.0.1:${(store.app.server.address() as AddressInfo).port}`;
  return {
    store,
    baseUrl,
    client: (as, options = {}) => new StoreClient({ baseUrl, token: store.tokens[as], sleep: async () => undefined, ...options }),
    close: () => store.close(),
  };
}

/** A fetch that fails (as a network error) while `offline` is true, and can lose the answer of a request it did send. */
export function flakyFetch() {
  const state = { offline: false, loseNextAnswer: false, calls: [] as string[] };
  const fetchImpl: typeof fetch = async (input, init) => {
    state.calls.push(`${init?.method ?? "GET"} ${String(input)}`);
    if (state.offline) throw new TypeError("fetch failed");
    const response = await fetch(input, init);
    if (state.loseNextAnswer) {
      state.loseNextAnswer = false;
      await response.arrayBuffer();
      throw new TypeError("fetch failed"); // the store did the work; the client never heard
    }
    return response;
  };
  return { state, fetchImpl };
}
