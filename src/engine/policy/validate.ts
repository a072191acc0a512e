/**
 * Argument checks shared by the policy formulas. Each names the argument the way the planner sees
 * it, says what is allowed and echoes what was given. They allocate nothing unless they throw.
 */
import { invalidInput, outOfRange } from "../errors";

export function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}

/** Rejects anything but a finite number (text, blanks, NaN, ±Infinity) as invalid-input. */
export function requireFinite(value: number, name: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidInput(`${name} must be a finite number; got ${describe(value)}`);
  }
}

export function requireNonNegative(value: number, name: string): void {
  requireFinite(value, name);
  if (value < 0) throw outOfRange(`${name} must be 0 or more; got ${value}`);
}

export function requirePositive(value: number, name: string): void {
  requireFinite(value, name);
  if (!(value > 0)) throw outOfRange(`${name} must be greater than 0; got ${value}`);
}

/** A service level is a probability strictly inside (0, 1): 1 would need unlimited safety stock. */
export function requireServiceLevel(value: number, label: string): void {
  requireFinite(value, label);
  if (!(value > 0 && value < 1)) {
    const hint = value === 1 ? " (100% would need unlimited safety stock)" : value > 1 ? " (write 95% as 0.95)" : "";
    throw outOfRange(`${label} must be between 0 and 1 (exclusive); got ${value}${hint}`);
  }
}

/** The fill-rate formulas divide by the order quantity, so it is required and must be positive. */
export function requireOrderQuantity(value: number | undefined): asserts value is number {
  if (value === undefined) {
    throw invalidInput(
      "orderQuantity is required for a fill-rate service level: the fill rate depends on how many units each replenishment brings",
    );
  }
  requirePositive(value, "orderQuantity");
}
