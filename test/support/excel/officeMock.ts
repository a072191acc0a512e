/**
 * The common Office API the pane uses besides Excel — Office.onReady, the Office theme and the
 * document settings — as an office-addin-mock object over a WorkbookModel (settings are saved into
 * `model.settings`), installed as the global Office.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { WorkbookModel } from "./workbookModel";

export interface OfficeMockOptions {
  host?: "Excel" | null;
  /** Office's body background colour: "#ffffff" light (default), "#1f1f1f" dark. */
  bodyBackgroundColor?: string;
  /** Make settings.saveAsync fail with this message (a read-only workbook, say). */
  failSaveWith?: string;
}

export function installOfficeMock(model: WorkbookModel, options: OfficeMockOptions = {}): OfficeMockObject {
  const pending = new Map<string, unknown>(model.settings);
  const host = options.host === undefined ? "Excel" : options.host;
  const office = new OfficeMockObject({
    onReady: (callback?: (info: { host: string | null; platform: string | null }) => void) => {
      const info = { host, platform: host ? "OfficeOnline" : null };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      officeTheme: {
        bodyBackgroundColor: options.bodyBackgroundColor ?? "#ffffff",
      },
      document: {
        settings: {
          get: (name: string) => (pending.has(name) ? JSON.parse(JSON.stringify(pending.get(name))) : null),
          set: (name: string, value: unknown) => void pending.set(name, JSON.parse(JSON.stringify(value))),
          remove: (name: string) => void pending.delete(name),
          saveAsync: (callback?: (result: { status: string; error?: { code: number; message: string } }) => void) => {
            setTimeout(() => {
              if (options.failSaveWith) {
                callback?.({ status: "failed", error: { code: 5001, message: options.failSaveWith } });
                return;
              }
              model.settings.clear();
              for (const [key, value] of pending) model.settings.set(key, JSON.parse(JSON.stringify(value)));
              callback?.({ status: "succeeded" });
            }, 0);
          },
        },
      },
      requirements: { isSetSupported: () => true },
    },
  });
  // OfficeMockObject hides plain properties until loaded (Excel's rule); Office's common API has no
  // load, so the theme colour is set where the pane reads it.
  office.context.officeTheme.bodyBackgroundColor = options.bodyBackgroundColor ?? "#ffffff";
  (globalThis as unknown as { Office: unknown }).Office = office;
  return office;
}
