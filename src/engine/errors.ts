/**
 * The one error class the engine raises. The edges translate it: a cell shows an Excel error
 * (`invalid-input` → #VALUE!, `out-of-range` → #NUM!, `not-found` → #N/A), the store a 4xx.
 * Messages are written for the person who has to fix the input.
 */
export type SegmentErrorKind =
  /** Wrong type or shape: text where a number belongs, a missing required value, ranges that don't line up. */
  | "invalid-input"
  /** A number outside the domain of the formula: a service level of 1.2, a negative standard deviation. */
  | "out-of-range"
  /** Something named does not exist, or there is nothing to compute from (no demand at all). */
  | "not-found";

export class SegmentError extends Error {
  readonly kind: SegmentErrorKind;

  constructor(kind: SegmentErrorKind, message: string) {
    super(message);
    this.name = "SegmentError";
    this.kind = kind;
  }
}

export function invalidInput(message: string): SegmentError {
  return new SegmentError("invalid-input", message);
}

export function outOfRange(message: string): SegmentError {
  return new SegmentError("out-of-range", message);
}

export function notFound(message: string): SegmentError {
  return new SegmentError("not-found", message);
}
