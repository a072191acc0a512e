/**
 * Numbers in reasons, written the way a planner reads them in a report: thousands separators,
 * no more decimals than the size of the number needs ("revenue 12,340", "CoV 0.42", "share 81.3%").
 * Fixed to en-US grouping so that a reason reads the same in the cell, the command line and the store.
 */

function group(integerDigits: string): string {
  const length = integerDigits.length;
  if (length <= 3) return integerDigits;
  const head = length % 3 || 3;
  let grouped = integerDigits.slice(0, head);
  for (let at = head; at < length; at += 3) grouped += "," + integerDigits.slice(at, at + 3);
  return grouped;
}

/** A number with grouping and up to `maxDecimals` decimals (trailing zeros dropped); "n/a" for NaN. */
export function formatNumber(value: number, maxDecimals?: number): string {
  if (value !== value) return "n/a";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e21) return value < 0 ? `−${magnitude}` : String(magnitude);
  const decimals = maxDecimals ?? (magnitude >= 1000 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3);
  let text = magnitude.toFixed(decimals);
  if (decimals > 0) {
    // Drop trailing zeros, then a trailing point: "0.500" → "0.5", "2.00" → "2".
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end--;
    if (text.charCodeAt(end - 1) === 46) end--;
    text = text.slice(0, end);
  }
  const point = text.indexOf(".");
  const body = point < 0 ? group(text) : group(text.slice(0, point)) + text.slice(point);
  return value < 0 && text !== "0" ? `−${body}` : body;
}

/** A share as a percentage with one decimal: 0.8132 → "81.3%". */
export function formatShare(share: number, decimals = 1): string {
  if (share !== share) return "n/a";
  return `${formatNumber(share * 100, decimals)}%`;
}

/** A whole count with grouping: 4070 → "4,070". */
export function formatCount(count: number): string {
  return formatNumber(count, 0);
}

/** Quoted text for a message: "BY". */
export function quote(text: string): string {
  return JSON.stringify(text);
}

/** A short list for a message: at most `max` entries, then "and N more". */
export function listForMessage(names: readonly string[], max = 12): string {
  if (names.length === 0) return "none";
  const shown = names.slice(0, max).map(quote).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
