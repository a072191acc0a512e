/**
 * The typed client of the shared store, for the task pane and the command line. It speaks the
 * store's HTTP contract (see GET /openapi.json), turns its `{ error, message, path }` answers into
 * StoreRequestError, and retries what is safe to retry: refusals the server made before doing
 * anything (429, 503) always, and network failures or gateway errors only for requests that cannot
 * apply twice (reads, writes carrying an Idempotency-Key or an If-Match). Backoff is exponential
 * with full jitter and honours Retry-After.
 */
import type { AuditEvent, VerifyResult } from "../store/audit/chain";
import type { TokenInfo, NewToken } from "../store/auth/tokens";
import type { Principal } from "../store/auth/principal";
import type { Change } from "../store/diff";
import type { AssignmentChange, AssignmentPage, UploadResult } from "../store/repo/assignments";
import type { AssignmentRow } from "../store/repo/bulkInsert";
import type { OverrideView } from "../store/repo/overrides";
import type { DefinitionView, VersionDetail, VersionSummary } from "../store/repo/views";
import type { Pseudonymiser } from "../store/pseudonymise";

export type { AssignmentRow, AssignmentPage, AssignmentChange, UploadResult, DefinitionView, VersionDetail, VersionSummary, OverrideView, AuditEvent, VerifyResult, TokenInfo, NewToken, Principal, Change };

/** The answer to a write of a definition: where it stands and the ETag for the next write. */
export interface SavedDefinition {
  id: string;
  version: number;
  status: string;
  etag: string;
  replayed?: boolean;
  definition: DefinitionView;
}

export interface ChangesPage {
  definitionId: string;
  from: { uploadId: string | null; version: number | null; committedAt: string | null };
  to: { uploadId: string | null; version: number | null; committedAt: string | null };
  changes: AssignmentChange[];
  nextAfter: string | null;
}

export interface StoreClientOptions {
  /** e.g. https://segments.example.com (no trailing slash needed). */
  baseUrl: string;
  /** A store token or OIDC JWT, or a function returning a fresh one. */
  token: string | (() => string | Promise<string>);
  fetch?: typeof fetch;
  /** Attempts after the first; default 4. */
  retries?: number;
  /** First backoff, doubled each attempt up to maxBackoffMs; defaults 250 and 8000 ms. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Per-attempt timeout; default 120 s (a 1,000,000-row upload takes a while). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The store answered with an error: status, code, message and where in the request. */
export class StoreRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = "StoreRequestError";
  }
}

/** The store could not be reached (after the retries allowed): the change was not made, or its outcome is unknown. */
export class StoreUnreachableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = "StoreUnreachableError";
  }
}

interface Call {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  /** Safe to send twice: a retry after an unknown outcome cannot apply the change again. */
  idempotent: boolean;
}

export interface Answer<T> {
  status: number;
  body: T;
  etag?: string;
}

const seg = encodeURIComponent;

/** The rows with each item id replaced by its pseudonym (same order, same segments and reasons). */
export async function pseudonymiseRows(rows: readonly AssignmentRow[], pseudonymise: Pseudonymiser): Promise<AssignmentRow[]> {
  return Promise.all(rows.map(async (row) => ({ ...row, item: await pseudonymise(row.item) })));
}

export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

export class StoreClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: StoreClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.retries = options.retries ?? 4;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBackoffMs = options.maxBackoffMs ?? 8000;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  health = () => this.get<{ status: string; database: string }>("/health");
  me = () => this.get<Principal>("/me");

  async listDefinitions(businessUnit?: string): Promise<DefinitionView[]> {
    return (await this.get<{ definitions: DefinitionView[] }>("/definitions", { businessUnit })).definitions;
  }

  /** Creates a definition (version 1, draft). The key makes a retry return the same definition. */
  async createDefinition(document: unknown, options: { businessUnit?: string; idempotencyKey?: string } = {}): Promise<SavedDefinition> {
    const body = { document, ...(options.businessUnit ? { businessUnit: options.businessUnit } : {}) };
    const headers = { "idempotency-key": options.idempotencyKey ?? newIdempotencyKey() };
    return (await this.request<SavedDefinition>({ method: "POST", path: "/definitions", body, headers, idempotent: true })).body;
  }

  async getDefinition(id: string): Promise<{ definition: DefinitionView; etag: string }> {
    const answer = await this.request<DefinitionView>({ method: "GET", path: `/definitions/${seg(id)}`, idempotent: true });
    return { definition: answer.body, etag: answer.etag! };
  }

  saveDraft = (id: string, document: unknown, etag: string) => this.write(`/definitions/${seg(id)}/draft`, "PUT", etag, { document });
  submit = (id: string, version: number, etag: string) => this.write(`/definitions/${seg(id)}/versions/${version}/submit`, "POST", etag, {});
  approve = (id: string, version: number, etag: string, comment?: string) =>
    this.write(`/definitions/${seg(id)}/versions/${version}/approve`, "POST", etag, comment ? { comment } : {});
  reject = (id: string, version: number, etag: string, comment: string) => this.write(`/definitions/${seg(id)}/versions/${version}/reject`, "POST", etag, { comment });
  retire = (id: string, version: number, etag: string, comment?: string) =>
    this.write(`/definitions/${seg(id)}/versions/${version}/retire`, "POST", etag, comment ? { comment } : {});

  /** The approved version; with `ifNoneMatch` (the last ETag), null when it has not changed. */
  async current(id: string, ifNoneMatch?: string): Promise<{ version: VersionDetail; etag: string } | null> {
    const answer = await this.request<VersionDetail>({ method: "GET", path: `/definitions/${seg(id)}/current`, headers: { "if-none-match": ifNoneMatch }, idempotent: true });
    return answer.status === 304 ? null : { version: answer.body, etag: answer.etag! };
  }

  version = (id: string, version: number) => this.get<VersionDetail>(`/definitions/${seg(id)}/versions/${version}`);
  async versions(id: string): Promise<VersionSummary[]> {
    return (await this.get<{ versions: VersionSummary[] }>(`/definitions/${seg(id)}/versions`)).versions;
  }
  diff = (id: string, from: number, to: number) => this.get<{ definitionId: string; from: number; to: number; changes: Change[] }>(`/definitions/${seg(id)}/diff`, { from, to });

  /**
   * Uploads every assignment of an approved version, replacing the set in force. `idempotencyKey`
   * (generate one per upload and keep it for retries) makes a retry harmless; `ifMatch` is the ETag
   * of the assignments read before, or "*" (default) to replace whatever is there. With
   * `pseudonymise` (see createPseudonymiser) item ids are replaced by their keyed HMAC first, so
   * raw customer ids never leave the caller.
   */
  async uploadAssignments(
    id: string,
    version: number,
    assignments: readonly AssignmentRow[],
    options: { idempotencyKey: string; ifMatch?: string; pseudonymise?: Pseudonymiser },
  ): Promise<UploadResult> {
    const rows = options.pseudonymise ? await pseudonymiseRows(assignments, options.pseudonymise) : assignments;
    const answer = await this.request<UploadResult>({
      method: "PUT",
      path: `/definitions/${seg(id)}/versions/${version}/assignments`,
      body: { assignments: rows },
      headers: { "idempotency-key": options.idempotencyKey, "if-match": options.ifMatch ?? "*" },
      idempotent: true,
    });
    return answer.body;
  }

  async assignments(id: string, query: { item?: string | string[]; segment?: string; version?: number; after?: string; limit?: number } = {}): Promise<AssignmentPage> {
    const answer = await this.request<AssignmentPage>({ method: "GET", path: `/definitions/${seg(id)}/assignments`, query, idempotent: true });
    return { ...answer.body, etag: answer.etag ?? "" };
  }

  /** Every assignment in force, page by page. */
  async *allAssignments(id: string, pageSize = 10_000): AsyncGenerator<AssignmentPage["assignments"][number]> {
    let after: string | undefined;
    do {
      const page = await this.assignments(id, { after, limit: pageSize });
      yield* page.assignments;
      after = page.nextAfter ?? undefined;
    } while (after !== undefined);
  }

  changes = (id: string, since: { version: number } | { time: string }, page: { after?: string; limit?: number } = {}) =>
    this.get<ChangesPage>(`/definitions/${seg(id)}/assignments/changes`, {
      ...("version" in since ? { sinceVersion: since.version } : { since: since.time }),
      ...page,
    });

  async overrides(id: string, since?: string): Promise<{ overrides: OverrideView[]; etag: string }> {
    const answer = await this.request<{ overrides: OverrideView[] }>({ method: "GET", path: `/definitions/${seg(id)}/overrides`, query: { since }, idempotent: true });
    return { overrides: answer.body.overrides, etag: answer.etag! };
  }

  async setOverride(id: string, item: string, change: { segment: string; reason: string }, etag: string): Promise<{ override: OverrideView; etag: string }> {
    const answer = await this.request<OverrideView>({ method: "PUT", path: `/definitions/${seg(id)}/overrides/${seg(item)}`, body: change, headers: { "if-match": etag }, idempotent: true });
    return { override: answer.body, etag: answer.etag! };
  }

  async removeOverride(id: string, item: string, reason: string, etag: string): Promise<{ etag: string }> {
    const answer = await this.request<void>({ method: "DELETE", path: `/definitions/${seg(id)}/overrides/${seg(item)}`, body: { reason }, headers: { "if-match": etag }, idempotent: true });
    return { etag: answer.etag! };
  }

  audit = (query: { after?: number; limit?: number; target?: string; action?: string } = {}) => this.get<{ events: AuditEvent[]; nextAfter: number | null }>("/audit", query);
  verifyAudit = (anchor?: { sequence: number; hash: string }) =>
    this.get<VerifyResult>("/audit/verify", anchor ? { anchorSequence: anchor.sequence, anchorHash: anchor.hash } : {});

  async createToken(request: { name: string; role: string; units?: string[] }): Promise<NewToken> {
    return (await this.request<NewToken>({ method: "POST", path: "/tokens", body: request, idempotent: false })).body;
  }
  async listTokens(): Promise<TokenInfo[]> {
    return (await this.get<{ tokens: TokenInfo[] }>("/tokens")).tokens;
  }
  revokeToken = (id: string) => this.request<TokenInfo>({ method: "DELETE", path: `/tokens/${seg(id)}`, idempotent: true }).then((a) => a.body);

  private async get<T>(path: string, query?: Call["query"]): Promise<T> {
    return (await this.request<T>({ method: "GET", path, query, idempotent: true })).body;
  }

  private async write(path: string, method: "PUT" | "POST", etag: string, body: unknown): Promise<SavedDefinition> {
    return (await this.request<SavedDefinition>({ method, path, body, headers: { "if-match": etag }, idempotent: true })).body;
  }

  /** One call with the retry policy described at the top of this file. */
  async request<T>(call: Call): Promise<Answer<T>> {
    const url = this.url(call);
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${await this.token()}` };
      if (payload !== undefined) headers["content-type"] = "application/json";
      for (const [name, value] of Object.entries(call.headers ?? {})) if (value !== undefined) headers[name] = value;
      let response: Response;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        response = await this.fetchImpl(url, { method: call.method, headers, body: payload, signal: controller.signal });
      } catch (error) {
        clearTimeout(timer);
        if (call.idempotent && attempt < this.retries) {
          await this.sleep(this.backoff(attempt));
          continue;
        }
        throw new StoreUnreachableError(`the store at ${this.baseUrl} could not be reached (${call.method} ${call.path}): ${(error as Error)?.message ?? error}`, error);
      }
      clearTimeout(timer);
      const retryable = response.status === 429 || response.status === 503 || (call.idempotent && (response.status === 502 || response.status === 504));
      if (retryable && attempt < this.retries) {
        await response.body?.cancel().catch(() => undefined);
        await this.sleep(this.retryAfter(response) ?? this.backoff(attempt));
        continue;
      }
      const etag = response.headers.get("etag") ?? undefined;
      if (response.status === 304 || response.status === 204) return { status: response.status, body: undefined as T, etag };
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      if (!response.ok) {
        const error = (parsed ?? {}) as { error?: string; message?: string; path?: string };
        if (response.status >= 500 && !error.message) {
          throw new StoreUnreachableError(`the store answered ${response.status} to ${call.method} ${call.path}`);
        }
        throw new StoreRequestError(response.status, error.error ?? `http-${response.status}`, error.message ?? `${call.method} ${call.path} failed with ${response.status}`, error.path);
      }
      return { status: response.status, body: parsed as T, etag };
    }
  }

  private url(call: Call): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
    }
    const query = search.toString();
    return `${this.baseUrl}${call.path}${query ? `?${query}` : ""}`;
  }

  private async token(): Promise<string> {
    return typeof this.options.token === "function" ? this.options.token() : this.options.token;
  }

  private backoff(attempt: number): number {
    return Math.floor(this.random() * Math.min(this.maxBackoffMs, this.backoffMs * 2 ** attempt));
  }

  private retryAfter(response: Response): number | undefined {
    const header = response.headers.get("retry-after");
    if (!header) return undefined;
    const seconds = Number(header);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    return Number.isFinite(ms) ? Math.min(this.maxBackoffMs, Math.max(0, ms)) : undefined;
  }
}
