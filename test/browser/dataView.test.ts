/**
 * The built task pane in Debian's chromium, with a stand-in Excel holding real data (UCI Online
 * Retail, car parts): pick the table in the Data view, read it, check the guessed columns, keep the
 * choice; check what the pane read (in chunks, each under 5 MB) and wrote (the setting, no cells).
 * Screenshots at 320 and 500 px wide go to test-artifacts/.
 */
import type { Page } from "playwright-core";
import { openPane, screenshot, startSession, type PaneSession } from "./support/pane";
import { openView } from "./support/flow";
import { plannerWorkbookSpec } from "../support/excel/realWorkbooks";
import type { WorkbookSpec } from "../support/excel/workbookModel";
import type { RequestRecord } from "../support/excel/excelMock";

const RETAIL_LINES = 20_000;
let session: PaneSession;
let workbook: WorkbookSpec;

beforeAll(async () => {
  session = await startSession();
  workbook = plannerWorkbookSpec(RETAIL_LINES, 60);
});

afterAll(async () => {
  await session?.close();
});

interface StandInView {
  log(): RequestRecord[];
  settings(): Record<string, unknown>;
  sheetNames(): string[];
  associated: string[];
}

const standIn = <T>(page: Page, read: (view: StandInView) => T) =>
  page.evaluate((source) => {
    const view = (window as unknown as { __standIn: StandInView }).__standIn;
    return new Function("view", `return (${source})(view);`)(view) as T;
  }, read.toString());

async function pickSalesAndRead(page: Page): Promise<void> {
  const source = page.getByRole("combobox", { name: "Data to segment" });
  await source.click();
  await page.getByRole("option", { name: "Sales · table · 20,000 rows" }).click();
  await expectText(source, "Sales · table · 20,000 rows");
  await page.getByRole("button", { name: "Read data" }).click();
  await page.getByText(`20,000 rows · 8 columns · Transactions!A2:H${RETAIL_LINES + 1}`).waitFor();
}

async function expectText(locator: ReturnType<Page["getByRole"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).waitFor({ timeout: 10_000 });
  expect((await locator.textContent())?.trim()).toBe(text);
}

describe.each([320, 500])("the Data view at %i px", (width) => {
  it("picks the table, reads it in chunks under 5 MB, guesses the columns and keeps the choice", async () => {
    const { page, errors } = await openPane(session, { width, workbook });
    await page.getByRole("heading", { level: 1, name: "Supply Segments" }).waitFor();
    expect(await page.getByRole("tab", { name: "Data" }).getAttribute("aria-selected")).toBe("true");
    await pickSalesAndRead(page);

    const guesses: Record<string, string> = {
      "Item ID": "StockCode",
      "Item description": "Description",
      "Customer ID": "CustomerID",
      "Order ID": "InvoiceNo",
      Date: "InvoiceDate",
      Quantity: "Quantity",
      "Unit price": "UnitPrice",
      Location: "Country",
      Revenue: "Not in the data",
      "Lead time": "Not in the data",
    };
    for (const [role, header] of Object.entries(guesses)) await expectText(page.getByRole("combobox", { name: role, exact: true }), header);

    const firstRow = await page.getByRole("table", { name: "Preview of the data" }).getByRole("row").nth(1).getByRole("cell").allTextContents();
    expect(firstRow).toEqual(["85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "17850", "536365", "2010-12-01 08:26", "6", "2.55", "United Kingdom"]);
    await screenshot(page, `data-view-${width}px`);

    // What the pane read: the 20,000 lines (~1.7 MB of JSON) in more than one request, each under 5 MB; no cell written.
    const log = await standIn(page, (view) => view.log());
    expect(log.filter((record) => record.refused)).toEqual([]);
    expect(log.filter((record) => record.responseBytes > 200_000).length).toBeGreaterThanOrEqual(2);
    for (const record of log) {
      expect(record.responseBytes).toBeLessThan(5_000_000);
      expect(record.requestBytes).toBeLessThan(5_000_000);
      expect(record.writes).toBe(0);
    }

    await page.getByRole("button", { name: "Use these columns" }).click();
    await page.getByText("Saved with the workbook: the pane reopens on this data and these columns.").waitFor();
    const settings = await standIn(page, (view) => view.settings());
    expect(settings["supplySegments.dataChoice"]).toEqual({
      source: { kind: "table", name: "Sales" },
      roles: {
        orderId: "InvoiceNo",
        itemId: "StockCode",
        description: "Description",
        quantity: "Quantity",
        date: "InvoiceDate",
        price: "UnitPrice",
        customerId: "CustomerID",
        location: "Country",
      },
    });
    expect(await standIn(page, (view) => view.sheetNames())).toEqual(["Transactions", "Parts"]);
    // The functions bundle shares the page and registered its functions with the (stand-in) host.
    expect(await standIn(page, (view) => view.associated.length)).toBeGreaterThanOrEqual(8);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("moves between views from the keyboard; views load on demand, narrow panes list the rest under More", async () => {
    const { page, errors } = await openPane(session, { width, workbook });
    const dataTab = page.getByRole("tab", { name: "Data" });
    await dataTab.waitFor();
    await dataTab.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tab", { name: "Design" }).getAttribute("aria-selected")).toBe("true");
    await page.getByText("Choose the data to segment in the Data view first: the segments are designed on its items.").waitFor();
    await openView(page, "Functions");
    await page.getByRole("heading", { level: 2, name: "Functions" }).waitFor();
    expect(await page.getByRole("tab", { name: "Functions" }).getAttribute("aria-selected")).toBe("true");
    expect(await page.getByRole("listitem").count()).toBeGreaterThanOrEqual(8);
    await screenshot(page, `functions-view-${width}px`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

it("follows Office's dark theme", async () => {
  const { page, errors } = await openPane(session, { width: 320, workbook, bodyBackgroundColor: "#1f1f1f" });
  await page.getByRole("button", { name: "Read data" }).waitFor();
  await pickSalesAndRead(page);
  const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  await screenshot(page, "data-view-320px-dark");
  expect(errors).toEqual([]);
  await page.context().close();
});
