/**
 * One Excel request context's queue, for the office-addin-mock Excel (excelMock.ts): what the code
 * under test assigned, called and loaded since the last `context.sync()`, and what a sync does with
 * it — apply it to the model, measure it, log it, or refuse it the way Excel does.
 *
 * - Assignments (range.values, range.numberFormat, sheet.name/visibility, table.name) are found by
 *   comparing each tracked object's properties with what was last seen, and land at the sync.
 * - Method calls (clear, add, delete, resize) land when called, after the assignments before them, so
 *   the order of operations is kept.
 * - A sync measures the JSON it would send (assigned values and formats, plus a small allowance per
 *   operation) and receive (loaded properties), and refuses a batch over the limit with Excel's error
 *   codes, RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded.
 */
import { OfficeMockObject } from "office-addin-mock";
import { blockAddress, type Block, type ModelSheet, type ModelTable, type WorkbookModel } from "./workbookModel";

type Mock = OfficeMockObject;

/** Excel's limit on one request or response, as the mock enforces it. */
export const MOCK_PAYLOAD_LIMIT_BYTES = 5_000_000;
/** A lazy property too large to load (a whole-sheet range's values). */
export const TOO_LARGE = "(range too large to load)";
const NOT_SYNCED = "Error, context.sync() was not called";
const MOCK_ERRORS = new Set(["Error, property was not loaded", NOT_SYNCED]);

export interface RequestRecord {
  /** JSON bytes sent: values and number formats written, plus a small allowance per operation. */
  requestBytes: number;
  /** JSON bytes that came back: loaded properties. */
  responseBytes: number;
  calculationSuspended: boolean;
  /** Ranges whose values were written. */
  writes: number;
  /** Objects loaded. */
  loads: number;
  /** The error code when the mock refused the request. */
  refused?: string;
}

export type Tracked =
  | { kind: "range"; mock: Mock; sheet: ModelSheet; block: Block; seenValues: unknown; seenFormats: unknown }
  | { kind: "sheet"; mock: Mock; sheet: ModelSheet; seenName: unknown; seenVisibility: unknown }
  | { kind: "table"; mock: Mock; table: ModelTable; seenName: unknown };

/** UTF-8 length of the JSON text, counted here rather than with TextEncoder, which jsdom lacks. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "null";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

export class RequestBatch {
  /** Objects whose `load` was called since the last sync. */
  readonly loaded = new Set<Mock>();
  /** Collections whose `load("items/...")` was called since the last sync, with how to list their items. */
  readonly collections: { mock: Mock; items: () => Mock[] }[] = [];
  /** The data each mock was made from: what a load of it sends back. */
  readonly sources = new WeakMap<Mock, Record<string, unknown>>();
  private readonly tracked: Tracked[] = [];
  private pendingWrites: { bytes: number; apply: () => void }[] = [];
  private requestBytes = 0;
  private writes = 0;
  private suspended = false;
  private deferredError: Error | null = null;

  constructor(
    private readonly model: WorkbookModel,
    private readonly log: RequestRecord[],
    private readonly limit: number,
  ) {}

  track(entry: Tracked): void {
    this.tracked.push(entry);
  }

  /** An error Excel would report at the next sync (an item not found, an invalid argument). */
  fail(code: string, message: string): void {
    this.deferredError ??= officeError(code, message);
  }

  suspendCalculation(): void {
    this.suspended = true;
    this.requestBytes += 60;
  }

  /** A method call: pending assignments first, then the method's effect, as Excel orders them. */
  method(bytes: number, effect: () => void): void {
    this.applyPending();
    this.requestBytes += bytes;
    try {
      effect();
    } catch (error) {
      this.fail((error as { code?: string }).code ?? "GeneralException", (error as Error).message);
    }
  }

  applyPending(): void {
    this.collect();
    for (const write of this.pendingWrites) {
      this.requestBytes += write.bytes;
      write.apply();
    }
    this.pendingWrites = [];
  }

  /** context.sync(): refuses, or applies and delivers what was loaded. */
  async sync(): Promise<void> {
    this.collect();
    const writeBytes = this.pendingWrites.reduce((sum, write) => sum + write.bytes, 0);
    let responseBytes = 0;
    for (const object of this.loaded) {
      // A loaded property shows the "sync was not called" error until the sync: those are sent back.
      for (const [key, value] of Object.entries(this.sources.get(object) ?? {})) {
        if (typeof value === "function" || object[key] !== NOT_SYNCED) continue;
        responseBytes += value === TOO_LARGE ? this.limit + 1 : jsonBytes(value) + key.length + 4;
      }
    }
    const collectionItems = this.collections.map(({ mock, items }) => ({ mock, items: items() }));
    for (const { items } of collectionItems) responseBytes += items.length * 60;
    const record: RequestRecord = {
      requestBytes: this.requestBytes + writeBytes + 200,
      responseBytes,
      calculationSuspended: this.suspended,
      writes: this.writes,
      loads: this.loaded.size + this.collections.length,
    };
    const error =
      this.deferredError ??
      (record.requestBytes > this.limit
        ? officeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.")
        : record.responseBytes > this.limit
          ? officeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.")
          : null);
    const objects = [...this.loaded];
    this.loaded.clear();
    this.collections.length = 0;
    this.requestBytes = 0;
    this.writes = 0;
    this.suspended = false;
    this.deferredError = null;
    if (error) {
      // The batch fails whole: its pending assignments are dropped, its loads never arrive.
      this.pendingWrites = [];
      record.refused = (error as { code?: string }).code;
      this.log.push(record);
      throw error;
    }
    this.applyPending();
    this.log.push(record);
    for (const object of objects) await OfficeMockObject.prototype.sync.call(object);
    for (const { mock, items } of collectionItems) {
      for (const item of items) {
        OfficeMockObject.prototype.load.call(item, undefined as unknown as string);
        await OfficeMockObject.prototype.sync.call(item);
      }
      mock.items = items;
    }
    // OfficeMockObject moves loaded values into place in promise callbacks: let them run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const entry of this.tracked) {
      if (entry.kind === "range") {
        entry.seenValues = entry.mock.values;
        entry.seenFormats = entry.mock.numberFormat;
      } else {
        entry.seenName = entry.mock.name;
        if (entry.kind === "sheet") entry.seenVisibility = entry.mock.visibility;
      }
    }
  }

  /** What Excel.run does at the end of a batch: send what is still queued. */
  async finish(): Promise<void> {
    this.collect();
    if (this.pendingWrites.length > 0 || this.requestBytes > 0) await this.sync();
  }

  /** Finds assignments made since the last look and queues them as writes. */
  private collect(): void {
    for (const entry of this.tracked) {
      if (entry.kind === "range") this.collectRange(entry);
      else {
        const { mock } = entry;
        if (mock.name !== entry.seenName && !MOCK_ERRORS.has(mock.name)) {
          const name = String(mock.name);
          const apply =
            entry.kind === "sheet"
              ? () => (entry.sheet.name = name)
              : () => {
                  try {
                    this.model.renameTable(entry.table, name);
                  } catch (error) {
                    this.fail((error as { code: string }).code, (error as Error).message);
                  }
                };
          this.pendingWrites.push({ bytes: jsonBytes(name) + 40, apply });
        }
        entry.seenName = mock.name;
        if (entry.kind === "sheet") {
          if (mock.visibility !== entry.seenVisibility && !MOCK_ERRORS.has(mock.visibility)) {
            const visibility = mock.visibility as ModelSheet["visibility"];
            this.pendingWrites.push({ bytes: 60, apply: () => (entry.sheet.visibility = visibility) });
          }
          entry.seenVisibility = mock.visibility;
        }
      }
    }
  }

  private collectRange(entry: Extract<Tracked, { kind: "range" }>): void {
    const { mock, sheet, block } = entry;
    const values = mock.values;
    const formats = mock.numberFormat;
    const newFormats = formats !== entry.seenFormats && Array.isArray(formats) ? (formats as unknown[][]) : null;
    const newValues = values !== entry.seenValues && Array.isArray(values) ? (values as unknown[][]) : null;
    entry.seenFormats = formats;
    entry.seenValues = values;
    // Formats first: that is the order src/excel assigns them in, and text formats decide how values are stored.
    for (const [what, grid] of [["numberFormat", newFormats], ["values", newValues]] as const) {
      if (grid === null) continue;
      if (grid.length !== block.rows || grid.some((row) => !Array.isArray(row) || row.length !== block.columns)) {
        this.fail("InvalidArgument", `The ${what} given (${grid.length} rows) don't match the range ${blockAddress(block)} (${block.rows} x ${block.columns})`);
        continue;
      }
      const at = (r: number, c: number, value: unknown) =>
        what === "values" ? sheet.write(block.top + r, block.left + c, value) : sheet.setFormat(block.top + r, block.left + c, String(value));
      this.pendingWrites.push({ bytes: jsonBytes(grid), apply: () => grid.forEach((row, r) => row.forEach((value, c) => at(r, c, value))) });
      if (what === "values") this.writes++;
    }
  }
}
