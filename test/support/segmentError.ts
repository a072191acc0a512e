import { SegmentError } from "../../src/engine/errors";

/** The SegmentError `run` raises; fails the test if it raises nothing or something else. */
export function errorOf(run: () => unknown): SegmentError {
  try {
    run();
  } catch (error) {
    if (error instanceof SegmentError) return error;
    throw error;
  }
  throw new Error("expected a SegmentError");
}

/** `action` raises a SegmentError of this kind whose message mentions `mentions`. */
export function expectSegmentError(action: () => unknown, kind: SegmentError["kind"], mentions: string): void {
  const error = errorOf(action);
  expect(error.kind).toBe(kind);
  expect(error.message).toContain(mentions);
}
