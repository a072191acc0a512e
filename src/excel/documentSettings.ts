/**
 * Small pieces of add-in state kept in the document's settings (Office.context.document.settings),
 * which are saved inside the workbook: the pane's last data source and column mapping, so it opens
 * where the planner left it, on any computer. Not for data: settings are loaded whole with the
 * add-in, so keep each value to a few kilobytes.
 */
import { WorkbookError } from "./errors";

/* global Office */

function settings(): Office.Settings | null {
  if (typeof Office === "undefined") return null;
  return Office.context?.document?.settings ?? null;
}

/** The value saved under `key`, or null when there is none (or no document). */
export function readSetting<T>(key: string): T | null {
  const store = settings();
  if (store === null) return null;
  const value = store.get(key) as T | null | undefined;
  return value ?? null;
}

/** Saves `value` under `key` in the workbook; null removes it. */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  const store = settings();
  if (store === null) {
    throw new WorkbookError("unsupported", "Could not save the pane's settings: the workbook is only reachable inside Excel.");
  }
  if (value === null) store.remove(key);
  else store.set(key, value);
  await new Promise<void>((resolve, reject) => {
    store.saveAsync((result) => {
      // Office.AsyncResultStatus.Failed is "failed"; compared as text so no Office enum is needed at run time.
      if (String(result.status) === "failed") {
        reject(
          new WorkbookError(
            "failed",
            `Could not save the pane's settings in the workbook: ${result.error?.message ?? "Excel gave no reason"}. If the workbook is read-only, save a copy and try again.`,
            { officeCode: result.error?.code !== undefined ? String(result.error.code) : undefined },
          ),
        );
      } else resolve();
    });
  });
}
