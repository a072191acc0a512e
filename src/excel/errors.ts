/**
 * Everything that goes wrong between the add-in and the workbook reaches the caller as a
 * WorkbookError whose message says what to do about it. Office.js reports failures as
 * OfficeExtension.Error with a `code` (ItemNotFound, AccessDenied, ...) and a message written for
 * developers; here each code becomes a sentence for the planner, and the code is kept for callers
 * that react to it (a payload that was too large is retried in smaller chunks, never shown).
 */

export type WorkbookErrorKind =
  /** A table, name or sheet the request needs is not there. */
  | "not-found"
  /** Something in the workbook is in the way: a sheet or name we did not create, merged cells, a filter. */
  | "conflict"
  /** A request or the data is too large for Excel. */
  | "too-large"
  /** Excel is busy (a cell is being edited); trying again later works. */
  | "busy"
  /** The sheet or workbook is protected. */
  | "protected"
  /** This Excel lacks an API the add-in needs. */
  | "unsupported"
  /** The user cancelled. */
  | "cancelled"
  /** The data is not usable as given (empty selection, no rows). */
  | "invalid"
  /** Anything else Excel reported. */
  | "failed";

export class WorkbookError extends Error {
  readonly kind: WorkbookErrorKind;
  /** The Office.js error code behind this error, when there was one. */
  readonly officeCode?: string;

  constructor(kind: WorkbookErrorKind, message: string, options: { officeCode?: string; cause?: unknown } = {}) {
    super(message);
    this.name = "WorkbookError";
    this.kind = kind;
    if (options.officeCode !== undefined) this.officeCode = options.officeCode;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** The Office.js error code of a failure, if it has one. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);

/** Excel refused a request because it (or its response) passed the payload limit. */
export function isPayloadLimitError(error: unknown): boolean {
  const code = officeErrorCode(error);
  if (code !== undefined && PAYLOAD_CODES.has(code)) return true;
  if (error instanceof WorkbookError) return error.officeCode !== undefined && PAYLOAD_CODES.has(error.officeCode);
  return false;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") {
    return (error as { message: string }).message;
  }
  return String(error);
}

/**
 * The error to show for a failure while doing `action` (a phrase such as "read the table Sales").
 * A WorkbookError passes through unchanged.
 */
export function toWorkbookError(error: unknown, action: string): WorkbookError {
  if (error instanceof WorkbookError) return error;
  if (typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError") {
    return new WorkbookError("cancelled", `Cancelled: did not ${action}.`, { cause: error });
  }
  const code = officeErrorCode(error);
  const detail = messageOf(error);
  const options = { officeCode: code, cause: error };
  switch (code) {
    case "ItemNotFound":
    case "InvalidReference":
      return new WorkbookError(
        "not-found",
        `Could not ${action}: Excel did not find it (${detail}). It may have been renamed or deleted; refresh the list and choose again.`,
        options,
      );
    case "InvalidSelection":
      return new WorkbookError(
        "invalid",
        `Could not ${action}: the selection is not one block of cells. Select one rectangle of cells (not several areas, a chart or a shape) and try again.`,
        options,
      );
    case "InvalidOperationInCellEditMode":
      return new WorkbookError(
        "busy",
        `Could not ${action} while a cell is being edited. Press Enter or Esc to finish editing, then try again.`,
        options,
      );
    case "AccessDenied":
      return new WorkbookError(
        "protected",
        `Could not ${action}: the sheet or workbook is protected. Unprotect it (Review > Unprotect Sheet) and try again.`,
        options,
      );
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "PayloadTooLarge":
    case "RangeExceedsLimit":
    case "OperationCellsExceedLimit":
      return new WorkbookError(
        "too-large",
        `Could not ${action}: the request was larger than Excel accepts at once (${detail}). Select fewer columns or shorter texts.`,
        options,
      );
    case "InsertDeleteConflict":
    case "MergedRangeConflict":
    case "FilteredRangeConflict":
    case "PivotTableRangeConflict":
    case "ItemAlreadyExists":
      return new WorkbookError(
        "conflict",
        `Could not ${action}: something in the workbook is in the way (${detail}). Remove merged cells, filters or PivotTables there, or choose another place.`,
        options,
      );
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedOperation":
    case "UnsupportedFeature":
      return new WorkbookError(
        "unsupported",
        `Could not ${action}: this version of Excel lacks a feature Supply Segments needs (${detail}). Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.`,
        options,
      );
    default:
      return new WorkbookError(
        "failed",
        `Could not ${action}: ${detail}. Try again; if it keeps failing, save the workbook and reopen the add-in.`,
        options,
      );
  }
}

/** Raises the cancellation error when `signal` has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined, action: string): void {
  if (signal?.aborted) throw new WorkbookError("cancelled", `Cancelled: did not ${action}.`);
}
