import { SegmentError } from "../engine/errors";
import { CellProblem, ProblemCode, isProblem, problem } from "./cells";

/**
 * Turning problems into Excel errors. Excel shows a custom message with #VALUE! and #N/A; #NUM!
 * keeps Excel's convention for a number outside a formula's domain (like NORM.S.INV(2)) and carries
 * the message too, for hosts that show it and for the task pane.
 */
export type ExcelError = CustomFunctions.Error;

function errorCode(code: ProblemCode): CustomFunctions.ErrorCode {
  switch (code) {
    case "#NUM!":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "#N/A":
      return CustomFunctions.ErrorCode.notAvailable;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

export function toExcelError(cellProblem: CellProblem): ExcelError {
  return new CustomFunctions.Error(errorCode(cellProblem.code), cellProblem.message);
}

/** What an engine error means in a cell. */
export function problemFromEngine(error: SegmentError, context?: string): CellProblem {
  const message = context ? `${context}: ${error.message}` : error.message;
  switch (error.kind) {
    case "out-of-range":
      return problem("#NUM!", message);
    case "not-found":
      return problem("#N/A", message);
    default:
      return problem("#VALUE!", message);
  }
}

/** Any thrown value as a problem: engine errors keep their meaning, anything else is a #VALUE!. */
export function problemFromThrown(thrown: unknown, context?: string): CellProblem {
  if (thrown instanceof SegmentError) return problemFromEngine(thrown, context);
  if (isProblem(thrown)) return thrown;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return problem("#VALUE!", context ? `${context}: ${detail}` : detail);
}

/**
 * Runs a function body so that it never throws into Excel: a problem or an exception becomes a
 * 1×1 error result with its message.
 */
export function guarded<T>(body: () => T[][] | CellProblem): (T | ExcelError)[][] {
  try {
    const result = body();
    return isProblem(result) ? [[toExcelError(result)]] : result;
  } catch (thrown) {
    return [[toExcelError(problemFromThrown(thrown))]];
  }
}
