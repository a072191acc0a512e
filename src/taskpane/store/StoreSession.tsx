/**
 * The pane's session with the shared store: the address and token in use, who the store takes the
 * user for, a StoreClient for the views, and the offline outbox through which every change goes.
 *
 * Nothing the user sends is lost when the store is away: a change goes into the outbox (kept in
 * this browser's storage, per store address) before it is sent; if the store does not answer it
 * stays there, the pane says what is waiting, and it is sent again on "Send now", when the browser
 * comes back online, every `retryIntervalMs` while something waits, and on the next connect.
 */
import * as React from "react";
import { StoreClient, StoreUnreachableError } from "../../sync/client";
import type { Principal, StoreClientOptions } from "../../sync/client";
import { clientSender, Outbox, WebStorageOutboxStorage } from "../../sync/outbox";
import type { FlushReport, OutboxEntry, OutboxOperation, RejectedEntry, SendResult } from "../../sync/outbox";
import { createConnectionSettings, outboxKeyFor, type ConnectionSettings } from "./connectionSettings";
import { describeConnectionError, sentence } from "./storeMessages";

export type ConnectionState =
  /** No address or token yet. */
  | { kind: "unset" }
  | { kind: "checking" }
  | { kind: "connected"; principal: Principal }
  /** The store did not answer: changes are kept in the outbox until it does. */
  | { kind: "unreachable"; message: string }
  /** The store answered no (a wrong address, a bad token): fix the connection first. */
  | { kind: "refused"; message: string };

export interface StoreSession {
  /** Where the address is remembered: the workbook's settings, or this browser outside Office. */
  urlPlace: "workbook" | "browser";
  /** The address and token remembered when the pane opened, to fill the form. */
  initialUrl: string;
  initialToken: string;
  /** The address in use since the last Connect, or null. */
  url: string | null;
  connection: ConnectionState;
  /** The client for the address and token in use; null before Connect. */
  client: StoreClient | null;
  /** A problem remembering the address in the workbook (the connection itself may work). */
  settingsProblem: string | null;
  /** Remembers the address (in the workbook) and the token (in this browser), then asks the store who the token is. */
  connect(url: string, token: string): Promise<ConnectionState>;
  /** Forgets the token in this browser and disconnects. */
  forgetToken(): void;
  /** Changes waiting to be sent, oldest first. */
  pending: readonly OutboxEntry[];
  /** Changes the store refused, with its reason, until the user dismisses them. */
  rejected: readonly RejectedEntry[];
  sending: boolean;
  /** Puts the change in the outbox and sends what waits, in order. */
  send(operation: OutboxOperation): Promise<SendResult>;
  /** Sends what waits now. */
  sendNow(): Promise<FlushReport | null>;
  dismiss(key: string): Promise<void>;
  /** Bumped whenever something reached the store, so views read what they show again. */
  storeRevision: number;
  /** Views call this after a change they made directly (approve, reject). */
  changed(): void;
}

const noSession: StoreSession = {
  urlPlace: "browser",
  initialUrl: "",
  initialToken: "",
  url: null,
  connection: { kind: "unset" },
  client: null,
  settingsProblem: null,
  connect: async () => ({ kind: "unset" }),
  forgetToken: () => undefined,
  pending: [],
  rejected: [],
  sending: false,
  send: async () => ({ status: "queued" }),
  sendNow: async () => null,
  dismiss: async () => undefined,
  storeRevision: 0,
  changed: () => undefined,
};

const StoreSessionContext = React.createContext<StoreSession>(noSession);

export function useStoreSession(): StoreSession {
  return React.useContext(StoreSessionContext);
}

/** Whether a StoreSessionProvider is above (the pane's shell keeps one for every view). */
export function useHasStoreSession(): boolean {
  return React.useContext(StoreSessionContext) !== noSession;
}

function isPrincipal(value: unknown): value is Principal {
  const record = value as Partial<Principal> | null;
  return typeof record === "object" && record !== null && typeof record.subject === "string" && typeof record.role === "string" && Array.isArray(record.units);
}

export interface StoreSessionProviderProps {
  children: React.ReactNode;
  /** Where the address and token are kept; by default the workbook's settings and localStorage. */
  settings?: ConnectionSettings;
  /** Overrides for the client (tests inject fetch or a quicker backoff). */
  clientOptions?: Partial<StoreClientOptions>;
  /** How often to try sending what waits; default 30 s. */
  retryIntervalMs?: number;
}

interface Live {
  url: string;
  client: StoreClient;
  outbox: Outbox;
}

export function StoreSessionProvider({ children, settings: given, clientOptions, retryIntervalMs = 30_000 }: StoreSessionProviderProps) {
  const settings = React.useMemo(() => given ?? createConnectionSettings(), [given]);
  const initial = React.useMemo(() => {
    let url = "";
    let problem: string | null = null;
    try {
      url = settings.readUrl() ?? "";
    } catch (error) {
      problem = `The store's address kept in this workbook could not be read: ${(error as Error).message}`;
    }
    if (!settings.persistent) {
      problem = "This browser keeps no storage for the add-in: the token and any change waiting to be sent last only while the pane is open.";
    }
    return { url, token: url ? (settings.readToken(url) ?? "") : "", problem };
  }, [settings]);

  const [live, setLive] = React.useState<Live | null>(null);
  const [connection, setConnection] = React.useState<ConnectionState>({ kind: "unset" });
  const [settingsProblem, setSettingsProblem] = React.useState<string | null>(initial.problem);
  const [pending, setPending] = React.useState<OutboxEntry[]>([]);
  const [rejected, setRejected] = React.useState<RejectedEntry[]>([]);
  const [sending, setSending] = React.useState(false);
  const [storeRevision, setStoreRevision] = React.useState(0);
  const liveRef = React.useRef<Live | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const clientOptionsRef = React.useRef(clientOptions);
  clientOptionsRef.current = clientOptions;

  const readOutbox = React.useCallback(async (outbox: Outbox) => {
    try {
      const [waiting, refused] = await Promise.all([outbox.pending(), outbox.rejected()]);
      if (!mounted.current) return;
      setPending(waiting);
      setRejected(refused);
    } catch (error) {
      if (mounted.current) setSettingsProblem(sentence((error as Error).message));
    }
  }, []);

  const changed = React.useCallback(() => setStoreRevision((n) => n + 1), []);

  const connectionRef = React.useRef(connection);
  connectionRef.current = connection;

  const check = React.useCallback(async (target: Live): Promise<ConnectionState> => {
    setConnection({ kind: "checking" });
    let next: ConnectionState;
    try {
      const principal: unknown = await target.client.me();
      next = isPrincipal(principal)
        ? { kind: "connected", principal }
        : { kind: "refused", message: `The server at ${target.url} answered, but not as a Supply Segments store. Check the address: it is the store's root.` };
    } catch (error) {
      next =
        error instanceof StoreUnreachableError
          ? { kind: "unreachable", message: describeConnectionError(error, target.url) }
          : { kind: "refused", message: describeConnectionError(error, target.url) };
    }
    if (mounted.current && liveRef.current === target) setConnection(next);
    return next;
  }, []);

  const flush = React.useCallback(
    async (target: Live): Promise<FlushReport | null> => {
      if (mounted.current) setSending(true);
      let report: FlushReport;
      try {
        report = await target.outbox.flush();
      } catch (error) {
        // The outbox's storage failed (full or unreadable): what waits is still there.
        if (mounted.current) {
          setSending(false);
          setSettingsProblem(sentence((error as Error).message));
        }
        return null;
      }
      if (!mounted.current || liveRef.current !== target) return report;
      setSending(false);
      await readOutbox(target.outbox);
      if (report.sent > 0 || report.rejected > 0) changed();
      if (report.stoppedBecause) {
        setConnection({ kind: "unreachable", message: `Sending stopped: ${sentence(report.stoppedBecause)}` });
      } else if (connectionRef.current.kind !== "connected") {
        // It answered after being away: learn who the token is again.
        await check(target);
      }
      return report;
    },
    [readOutbox, changed, check],
  );

  /** Checks the connection, then sends what waits if the store answered. */
  const start = React.useCallback(
    async (target: Live): Promise<ConnectionState> => {
      await readOutbox(target.outbox);
      const next = await check(target);
      if (next.kind === "connected" && mounted.current && liveRef.current === target && (await target.outbox.pending()).length > 0) await flush(target);
      return next;
    },
    [readOutbox, check, flush],
  );

  const open = React.useCallback(
    (url: string, token: string): Live => {
      const client = new StoreClient({ baseUrl: url, token, retries: 1, backoffMs: 300, timeoutMs: 30_000, ...clientOptionsRef.current });
      const outbox = new Outbox(new WebStorageOutboxStorage(settings.storage, outboxKeyFor(url)), clientSender(client));
      const next = { url, client, outbox };
      liveRef.current = next;
      setLive(next);
      return next;
    },
    [settings],
  );

  const connect = React.useCallback(
    async (url: string, token: string): Promise<ConnectionState> => {
      const target = open(url, token);
      setSettingsProblem(null);
      try {
        settings.writeToken(url, token);
        await settings.writeUrl(url);
      } catch (error) {
        setSettingsProblem(`The address could not be remembered in the workbook: ${sentence((error as Error).message)}`);
      }
      return start(target);
    },
    [open, settings, start],
  );

  // The address and token remembered: connect as the pane opens.
  React.useEffect(() => {
    if (initial.url && initial.token) {
      void start(open(initial.url, initial.token));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the pane opens
  }, []);

  const forgetToken = React.useCallback(() => {
    const current = liveRef.current;
    if (current) settings.forgetToken(current.url);
    liveRef.current = null;
    setLive(null);
    setConnection({ kind: "unset" });
    setPending([]);
    setRejected([]);
  }, [settings]);

  const send = React.useCallback(
    async (operation: OutboxOperation): Promise<SendResult> => {
      const target = liveRef.current;
      if (!target) throw new Error("Connect to the store first: enter its address and your token above.");
      if (mounted.current) setSending(true);
      let result: SendResult;
      try {
        result = await target.outbox.submit(operation);
      } finally {
        if (mounted.current) setSending(false);
      }
      if (!mounted.current) return result;
      await readOutbox(target.outbox);
      if (result.status === "sent" || result.status === "rejected") changed();
      if (result.status === "queued") {
        const waiting = await target.outbox.pending();
        const reason = waiting.find((entry) => entry.lastError)?.lastError;
        setConnection({ kind: "unreachable", message: reason ? `Sending stopped: ${sentence(reason)}` : `The store at ${target.url} did not answer.` });
      }
      return result;
    },
    [readOutbox, changed],
  );

  const sendNow = React.useCallback(async () => {
    const target = liveRef.current;
    return target ? flush(target) : null;
  }, [flush]);

  const dismiss = React.useCallback(
    async (key: string) => {
      const target = liveRef.current;
      if (!target) return;
      await target.outbox.dismiss(key);
      await readOutbox(target.outbox);
    },
    [readOutbox],
  );

  // While something waits: try again now and then, and as soon as the browser is back online.
  const waiting = pending.length > 0;
  React.useEffect(() => {
    if (!waiting || !live) return;
    const timer = setInterval(() => void flush(live), retryIntervalMs);
    const online = () => void flush(live);
    globalThis.addEventListener?.("online", online);
    return () => {
      clearInterval(timer);
      globalThis.removeEventListener?.("online", online);
    };
  }, [waiting, live, flush, retryIntervalMs]);

  const value = React.useMemo<StoreSession>(
    () => ({
      urlPlace: settings.urlPlace,
      initialUrl: initial.url,
      initialToken: initial.token,
      url: live?.url ?? null,
      connection,
      client: live?.client ?? null,
      settingsProblem,
      connect,
      forgetToken,
      pending,
      rejected,
      sending,
      send,
      sendNow,
      dismiss,
      storeRevision,
      changed,
    }),
    [settings, initial, live, connection, settingsProblem, connect, forgetToken, pending, rejected, sending, send, sendNow, dismiss, storeRevision, changed],
  );
  return <StoreSessionContext.Provider value={value}>{children}</StoreSessionContext.Provider>;
}
