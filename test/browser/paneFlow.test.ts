/**
 * The built pane in Debian's chromium, a planner's whole round on a real workbook (UCI Online Retail
 * lines as the table Sales, in the stand-in Excel): Data → Design → Policies → write to the workbook,
 * then what the workbook holds afterwards — the results tables on sheets named after the definition,
 * every assignment with a reason, the definition kept in the workbook for =SEGMENT.ASSIGN — and every
 * request under Excel's 5 MB limit. Screenshots of each view at 320 and 500 px go to test-artifacts/.
 */
import type { Page } from "playwright-core";
import { openPane, screenshot, startSession, type PaneSession } from "./support/pane";
import { designSegments, openView, readTable, standIn, writeResults } from "./support/flow";
import { plannerWorkbookSpec } from "../support/excel/realWorkbooks";
import type { WorkbookSpec } from "../support/excel/workbookModel";

const RETAIL_LINES = 20_000;
let session: PaneSession;
let workbook: WorkbookSpec;

beforeAll(async () => {
  session = await startSession();
  // Lines from the whole year (every 27th), so items have months of history.
  workbook = plannerWorkbookSpec(RETAIL_LINES, 60, { spread: true });
});

afterAll(async () => {
  await session?.close();
});

/** A pane never scrolls sideways: wide tables scroll in their own box. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // Name the widest culprits: elements reaching past the pane's right edge, outside scrolling boxes.
    return [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (/(auto|scroll|hidden)/.test(style.overflowX) && parent.getBoundingClientRect().right <= width + 0.5) return false;
        }
        return true;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(" ").slice(0, 2).join(".")} "${(element.textContent ?? "").slice(0, 40)}"`);
  });
  expect(wide).toEqual([]);
}

describe.each([
  [320, "Clusters", "light"],
  [500, "ABC-XYZ matrix", "light"],
  [320, "ABC-XYZ matrix", "dark"],
] as const)("at %i px, designed with %s, %s theme", (width, method, theme) => {
  it("reads, designs, prices and writes the results to the workbook; every view looks like a pane", async () => {
    const dark = theme === "dark";
    const { page, errors } = await openPane(session, { width, workbook, bodyBackgroundColor: dark ? "#1f1f1f" : undefined });
    const shot = (view: string) => screenshot(page, `${view}-view-${width}px${dark ? "-dark" : ""}`);
    await page.getByRole("heading", { level: 1, name: "Supply Segments" }).waitFor();
    await readTable(page, "Sales", RETAIL_LINES);

    const items = await designSegments(page, method);
    const itemCount = Number(/^([\d,]+) items/.exec(items)![1].replace(/,/g, ""));
    expect(itemCount).toBeGreaterThan(1000);
    await shot("design");
    await expectNoSidewaysScroll(page);

    const outcome = await writeResults(page);
    expect(outcome).toContain("Writing again updates these sheets in place.");
    await shot("policies");
    await expectNoSidewaysScroll(page);

    // The workbook now holds the results: one table per kind on sheets named after the definition.
    const tables = await standIn(page, (view) => view.tables());
    const byKind = (kind: string) => tables.find((table) => table.name !== "Sales" && table.name.endsWith(`_${kind}`));
    const assignments = byKind("Assignments");
    const summary = byKind("Summary");
    const policies = byKind("Policies");
    expect(assignments && summary && policies).toBeTruthy();
    expect(assignments!.sheet).toMatch(/ Assignments$/);
    // One row per item (the header row aside), every one with a segment and a reason.
    expect(assignments!.rows - 1).toBe(itemCount);
    const cells = await standIn(page, (view) => view.tableCells(view.tables().find((t) => t.name.endsWith("_Assignments"))!.name, 1_000_000));
    const header = cells![0].map(String);
    const reason = header.findIndex((name) => /reason/i.test(name));
    const segment = header.findIndex((name) => /^segment( id)?$/i.test(name));
    expect(reason).toBeGreaterThanOrEqual(0);
    expect(segment).toBeGreaterThanOrEqual(0);
    const rows = cells!.slice(1);
    expect(rows.filter((row) => String(row[segment]).trim() === "").length).toBe(0);
    expect(rows.filter((row) => String(row[reason]).trim().length < 5).length).toBe(0);
    expect(policies!.rows - 1).toBe(itemCount);

    // The definition is kept in the workbook, under a name formulas can use.
    expect(await standIn(page, (view) => view.sheetNames())).toContain("SegmentDefinitions");
    expect((await standIn(page, (view) => view.names())).some((entry) => /^SegDef_/.test(entry.name))).toBe(true);

    // Writing again updates the same tables in place: no new sheets.
    const sheetsBefore = await standIn(page, (view) => view.sheetNames());
    await writeResults(page);
    expect(await standIn(page, (view) => view.sheetNames())).toEqual(sheetsBefore);

    for (const record of await standIn(page, (view) => view.log())) {
      expect(record.requestBytes).toBeLessThan(5_000_000);
      expect(record.responseBytes).toBeLessThan(5_000_000);
    }

    for (const [label, file] of [
      ["Scenarios", "scenarios"],
      ["KPIs", "kpis"],
      ["Governance", "governance"],
      ["Data", "data-after"],
    ] as const) {
      await openView(page, label);
      await page.waitForTimeout(300);
      await shot(file);
      if (dark) {
        // Office's dark theme reaches every view: the pane's background is not white.
        const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
        expect(background).not.toBe("rgb(255, 255, 255)");
      }
      await expectNoSidewaysScroll(page);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
