/**
 * The readiness thresholds the planner set in the Data view, kept for the session: the Data view
 * shows them again when it is reopened, and applying a definition judges readiness by them.
 * Default: the command line's (99% completeness, 12 months of history for 95% of items).
 */
import { checkThresholds, DEFAULT_THRESHOLDS, type ReadinessThresholds } from "../../engine/readiness/readiness";

let current: ReadinessThresholds = { ...DEFAULT_THRESHOLDS };
const listeners = new Set<() => void>();

export function readinessThresholds(): ReadinessThresholds {
  return current;
}

/** Sets the thresholds; invalid ones raise a SegmentError saying which and why. */
export function setReadinessThresholds(next: ReadinessThresholds): void {
  checkThresholds(next);
  current = { ...next };
  for (const listener of listeners) listener();
}

export function subscribeReadinessThresholds(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
