/**
 * The built task pane in Debian's chromium: the browser, the dist/ server, Office.js replaced by the
 * stand-in (host/officeStandIn.ts, bundled here with esbuild), and screenshots into test-artifacts/.
 * Chromium or dist/ missing is a failure with a message, never a skip.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveFolder, type StaticServer } from "./staticServer";
import type { WorkbookSpec } from "../../support/excel/workbookModel";

export const CHROMIUM = "/usr/bin/chromium";
export const DIST = path.resolve(__dirname, "../../../dist");
export const ARTIFACTS = path.resolve(__dirname, "../../../test-artifacts");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export function requirePrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); the browser tests never skip.`);
  }
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`${DIST}/taskpane.html is missing: run \`npm run build\` first (npm test does).`);
  }
}

let standInScript: string | null = null;
/** The stand-in bundled for the page (once per test file). */
export function officeStandInScript(): string {
  if (standInScript === null) {
    const result = buildSync({
      entryPoints: [path.join(__dirname, "../host/officeStandIn.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2020",
      // office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see jest.config.js).
      alias: { "office-addin-manifest": path.resolve(__dirname, "../../../node_modules/office-addin-manifest/lib/officeApp.js") },
      logLevel: "silent",
    });
    standInScript = result.outputFiles[0].text;
  }
  return standInScript;
}

export interface PaneSession {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function startSession(): Promise<PaneSession> {
  requirePrerequisites();
  const server = await serveFolder(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface OpenPaneOptions {
  width: number;
  height?: number;
  workbook: WorkbookSpec;
  bodyBackgroundColor?: string;
}

/** Opens taskpane.html at a task pane's size, with the stand-in in place of Office.js. */
export async function openPane(session: PaneSession, options: OpenPaneOptions): Promise<{ page: Page; errors: string[] }> {
  const context = await session.browser.newContext({ viewport: { width: options.width, height: options.height ?? 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // Nothing leaves the machine: outside requests are refused (and show up as errors), except office.js,
  // answered by the stand-in. (Playwright tries the routes added last first.)
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: officeStandInScript() }));
  await page.addInitScript(
    ({ workbook, bodyBackgroundColor }) => {
      (window as unknown as { __STANDIN__: unknown }).__STANDIN__ = { workbook, bodyBackgroundColor };
    },
    { workbook: options.workbook, bodyBackgroundColor: options.bodyBackgroundColor },
  );
  await page.goto(`${session.server.origin}/taskpane.html`);
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
