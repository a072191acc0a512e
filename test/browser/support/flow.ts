/**
 * What a planner does in the pane, step by step, for the browser tests and the pane benchmark:
 * open a view (from its tab, or the More menu when the pane is too narrow for every tab), read a
 * table in the Data view, design segments, write the results to the workbook. Each step waits for
 * what the user would wait for, so a step's time is the user's wait.
 */
import type { Page } from "playwright-core";
import type { RequestRecord } from "../../support/excel/excelMock";

export interface StandInTable {
  name: string;
  sheet: string;
  address: string;
  rows: number;
  columns: number;
}

export interface StandInView {
  log(): RequestRecord[];
  settings(): Record<string, unknown>;
  sheetNames(): string[];
  tables(): StandInTable[];
  names(): { name: string; address: string }[];
  tableCells(name: string, rows: number): (string | number | boolean)[][] | null;
  associated: string[];
}

/** Runs `read` against window.__standIn in the page (a function's source crosses, not a closure). */
export const standIn = <T>(page: Page, read: (view: StandInView) => T): Promise<T> =>
  page.evaluate((source) => {
    const view = (window as unknown as { __standIn: StandInView }).__standIn;
    return new Function("view", `return (${source})(view);`)(view) as T;
  }, read.toString());

/** Opens a view by its tab, or through "More" when its tab is hidden for want of width. */
export async function openView(page: Page, label: string): Promise<void> {
  const tab = page.getByRole("tab", { name: label, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
  } else {
    await page.getByRole("button", { name: /more views?$/ }).click();
    await page.getByRole("menuitem", { name: label, exact: true }).click();
  }
  await page.locator(`[role="tabpanel"][id="panel-${label.toLowerCase()}"]`).waitFor();
}

const count = (n: number) => n.toLocaleString("en-US");

/** Data: pick the table, read it, keep the guessed columns. */
export async function readTable(page: Page, table: string, rows: number, timeout = 120_000): Promise<void> {
  const source = page.getByRole("combobox", { name: "Data to segment" });
  await source.click();
  await page.getByRole("option", { name: `${table} · table · ${count(rows)} rows` }).click();
  await page.getByRole("button", { name: "Read data" }).click();
  await page.getByText(new RegExp(`^${count(rows)} rows · \\d+ columns`)).waitFor({ timeout });
  await page.getByRole("button", { name: "Use these columns" }).click();
  await page.getByText("Saved with the workbook: the pane reopens on this data and these columns.").waitFor({ timeout });
}

/** Design: wait for the items, pick the method, design, use the design; returns the caption of items. */
export async function designSegments(
  page: Page,
  method: "ABC-XYZ matrix" | "Clusters",
  options: { dimensions?: Record<string, boolean>; timeout?: number } = {},
): Promise<string> {
  const timeout = options.timeout ?? 120_000;
  await openView(page, "Design");
  const itemsCaption = page.getByText(/ items from [\d,]+ rows · /);
  await itemsCaption.waitFor({ timeout });
  await page.getByRole("radio", { name: new RegExp(`^${method}`) }).check();
  for (const [dimension, on] of Object.entries(options.dimensions ?? {})) {
    await page.getByRole("checkbox", { name: dimension, exact: true }).setChecked(on);
  }
  await page.getByRole("button", { name: "Design segments" }).click();
  const use = page.getByRole("button", { name: "Use this design" });
  const problem = page.locator(".fui-MessageBar[data-intent='error'], .fui-MessageBar").filter({ hasText: /fix|could not|failed|error/i });
  await use.or(problem.first()).waitFor({ timeout });
  if (!(await use.isVisible())) throw new Error(`Design segments did not give a design: ${await problem.first().textContent()}`);
  await use.click();
  await page.getByText("In use: Policies, Scenarios and KPIs work on this design.").waitFor({ timeout });
  return (await itemsCaption.textContent()) ?? "";
}

/** Policies: wait for the applied figures, then write the results and the definition to the workbook. */
export async function writeResults(page: Page, timeout = 120_000): Promise<string> {
  await openView(page, "Policies");
  const write = page.getByRole("button", { name: "Write to workbook" });
  await write.waitFor({ timeout });
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll("button")].find((element) => element.textContent?.trim() === "Write to workbook");
    return button !== undefined && !button.disabled && button.getAttribute("aria-disabled") !== "true";
  }, undefined, { timeout });
  await write.click();
  const title = page.getByText("Written to the workbook", { exact: true });
  await title.waitFor({ timeout });
  return (await title.locator("xpath=..").textContent()) ?? "";
}
