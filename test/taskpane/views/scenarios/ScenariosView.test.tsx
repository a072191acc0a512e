/**
 * @jest-environment jsdom
 *
 * The Scenarios view over real applied designs: the first 60,000 lines of Online Retail (see
 * appliedData.tsx) designed with ABC cutoffs 80%/95% ("Base") and 60%/90% ("Tight"). The numbers
 * the view shows are checked against counts and sums taken here from the two results' per-item
 * arrays (segmentIndex, policy.inventoryValue), not from the comparison the view makes.
 */
import "../../../support/dom";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ApplyResult } from "../../../../src/engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../../../src/engine/definition";
import { formatCount, formatNumber, formatShare } from "../../../../src/engine/definition/format";
import { DesignStateProvider, type DesignState } from "../../../../src/taskpane/design";
import { ServicesProvider } from "../../../../src/taskpane/services";
import ScenariosView from "../../../../src/taskpane/views/scenarios/ScenariosView";
import type { WorkbookGateway } from "../../../../src/taskpane/workbook/gateway";
import { fixedState, onlineRetail, scenarioOf, type AppliedData } from "./appliedData";

let retail: AppliedData;
let base: SegmentDefinition;
let tight: SegmentDefinition;
let baseResult: ApplyResult;
let tightResult: ApplyResult;

beforeAll(async () => {
  retail = await onlineRetail(60000);
  base = retail.design();
  tight = { ...retail.design({ abcCutoffs: [0.6, 0.9] }), name: "retail tight" };
  baseResult = retail.apply(base);
  tightResult = retail.apply(tight);
});

async function renderView(state: DesignState, workbook: WorkbookGateway | null = null) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={{ workbook, engine: null }}>
          <DesignStateProvider value={state}>
            <ScenariosView />
          </DesignStateProvider>
        </ServicesProvider>
      </FluentProvider>,
    );
  });
}

/** Items whose segment id differs, counted from the two segmentIndex arrays. */
function movedBetween(a: ApplyResult, b: ApplyResult): number {
  let moved = 0;
  for (let item = 0; item < a.segmentIndex.length; item++) {
    const from = a.segmentIndex[item] >= 0 ? a.definition.segments[a.segmentIndex[item]].id : null;
    const to = b.segmentIndex[item] >= 0 ? b.definition.segments[b.segmentIndex[item]].id : null;
    if (from !== to) moved++;
  }
  return moved;
}

/** Σ of the items' inventory value (NaN for items without a policy figure), straight from the policy columns. */
function inventoryOf(result: ApplyResult, segment?: number): number {
  let total = 0;
  result.policy.inventoryValue.forEach((value, item) => {
    if (value === value && (segment === undefined || result.segmentIndex[item] === segment)) total += value;
  });
  return total;
}

function cells(row: HTMLElement): string[] {
  return within(row).getAllByRole("cell").map((cell) => cell.textContent ?? "");
}

describe("comparing two scenarios", () => {
  it("shows the items that move, as counted from the two segment arrays, and the engine's totals", async () => {
    const state = fixedState({
      definition: tight,
      applied: tightResult,
      scenarios: [scenarioOf("Base", base, baseResult), scenarioOf("Tight", tight, tightResult)],
    });
    await renderView(state);
    const moved = movedBetween(baseResult, tightResult);
    const items = baseResult.aggregated.table.ids.length;
    expect(moved).toBeGreaterThan(200); // the list below is cut at 200
    // The two newest are compared by default.
    expect((screen.getByRole("combobox", { name: "Scenario A" }) as HTMLSelectElement).selectedOptions[0].textContent).toBe("Base");
    expect((screen.getByRole("combobox", { name: "Scenario B" }) as HTMLSelectElement).selectedOptions[0].textContent).toBe("Tight");
    expect(
      screen.getByText(`${formatCount(items)} items: ${formatCount(moved)} change segment (${formatShare(moved / items)}) from "Base" to "Tight".`),
    ).toBeTruthy();

    const totals = screen.getByRole("table", { name: "Totals of both scenarios" });
    const byMeasure = (measure: string) => cells(totals.querySelector(`tr[data-measure="${measure}"]`) as HTMLElement);
    expect(byMeasure("items")).toEqual(["Items", formatCount(items), formatCount(items), "0"]);
    const inventoryA = inventoryOf(baseResult);
    const inventoryB = inventoryOf(tightResult);
    const difference = formatNumber(inventoryB - inventoryA, 0);
    expect(byMeasure("inventoryValue")).toEqual([
      "Inventory",
      formatNumber(inventoryA, 0),
      formatNumber(inventoryB, 0),
      inventoryB > inventoryA ? `+${difference}` : difference,
    ]);
    // The engine's own totals, as applyDefinition measured them.
    const all = baseResult.measures[base.segments.length];
    expect(byMeasure("revenue")[1]).toBe(formatNumber(all.revenue, 0));
    expect(byMeasure("expectedFillRate")[1]).toBe(formatShare(all.weightedFill / all.fillWeight, 1));
    // No cost-to-serve column was mapped: not measured, never a made-up zero.
    expect(byMeasure("costToServe").slice(1)).toEqual(["n/a", "n/a", "n/a"]);

    // From/to matrix: all items once; the highlighted (off-diagonal) cells hold exactly the moved ones.
    const matrix = screen.getByRole("table", { name: 'Items by segment in Base (rows) and Tight (columns)' });
    const numbers = (list: Element[]) => list.reduce((sum, cell) => sum + Number((cell.textContent ?? "0").replace(/,/g, "")), 0);
    expect(numbers(within(matrix).getAllByRole("cell"))).toBe(items);
    const moving = Array.from(matrix.querySelectorAll('[data-moving="true"]'));
    expect(numbers(moving)).toBe(moved);
    expect(moving[0].getAttribute("aria-label")).toMatch(/^[\d,]+ items move from [A-C][X-Z] to [A-C][X-Z]$/);

    // The moved items: the first 200, with the count.
    expect(screen.getByTestId("moved-caption").textContent).toBe(`The first 200 of ${formatCount(moved)} items that change segment.`);
    const list = screen.getByRole("table", { name: "Items that change segment" });
    const rows = within(list).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(200);
    const first = cells(rows[0]);
    const item = baseResult.aggregated.table.ids.indexOf(first[0]);
    expect(first[1]).toBe(base.segments[baseResult.segmentIndex[item]].id);
    expect(first[2]).toBe(tight.segments[tightResult.segmentIndex[item]].id);
    expect(first[1]).not.toBe(first[2]);
  });

  it("shows one measure per segment at a time, with what moves out and in", async () => {
    const state = fixedState({ scenarios: [scenarioOf("Base", base, baseResult), scenarioOf("Tight", tight, tightResult)] });
    await renderView(state);
    const table = () => screen.getByRole("table", { name: /by segment in both scenarios$/ });
    const segmentRow = (id: string) => cells(table().querySelector(`tr[data-segment="${id}"]`) as HTMLElement);
    const ax = base.segments.findIndex((segment) => segment.id === "AX");
    const count = (result: ApplyResult, k: number) => result.segmentIndex.filter((s) => s === k).length;
    // Items of AX: A, B, B − A, moving out (AX in A, elsewhere in B), moving in (AX in B, elsewhere in A).
    let out = 0;
    let into = 0;
    baseResult.segmentIndex.forEach((s, item) => {
      if (s === ax && tightResult.segmentIndex[item] !== ax) out++;
      if (s !== ax && tightResult.segmentIndex[item] === ax) into++;
    });
    const [a, b] = [count(baseResult, ax), count(tightResult, ax)];
    expect(segmentRow("AX")).toEqual(["AXCore runners", formatCount(a), formatCount(b), b - a > 0 ? `+${b - a}` : formatCount(b - a), formatCount(out), formatCount(into)]);
    expect(b - a).toBe(into - out);

    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Inventory" }));
    });
    expect(table().getAttribute("aria-label")).toBe("Inventory investment by segment in both scenarios");
    expect(segmentRow("AX").slice(1, 3)).toEqual([formatNumber(inventoryOf(baseResult, ax), 0), formatNumber(inventoryOf(tightResult, ax), 0)]);
  });

  it("refuses to compare scenarios computed on different data, and says why", async () => {
    const shorter = await onlineRetail(30000);
    const other = shorter.apply(shorter.design());
    await renderView(fixedState({ scenarios: [scenarioOf("December", other.definition, other), scenarioOf("Base", base, baseResult)] }));
    const message = screen.getByText(/were computed on different data/);
    expect(message.textContent).toBe(
      `"December" and "Base" were computed on different data (${formatCount(other.aggregated.table.ids.length)} and ` +
        `${formatCount(baseResult.aggregated.table.ids.length)} items, not the same item list), so their segments can't be compared item by item. ` +
        "Apply both to the same data — choose the data, load or re-create each scenario, save it again — then compare.",
    );
    expect(screen.queryByRole("table", { name: "Totals of both scenarios" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Write comparison to sheet" })).toBeNull();
  });

  it("asks for two scenarios before comparing", async () => {
    await renderView(fixedState({ definition: base, applied: baseResult, scenarios: [scenarioOf("Base", base, baseResult)] }));
    expect(screen.getByText("Save at least two scenarios to compare them: one is saved so far.")).toBeTruthy();
  });
});

describe("while the design is applied again", () => {
  it("shows the progress and cancels", async () => {
    const cancel = jest.fn();
    await renderView(
      fixedState({ definition: base, applied: null, applyStatus: { kind: "running", progress: { done: 3, total: 4, message: "Assigning items" }, cancel } }),
    );
    const bar = screen.getByRole("progressbar", { name: "Applying the design to the data" });
    expect(bar.getAttribute("aria-valuenow")).toBe("0.75");
    expect(screen.getByText("Assigning items")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Save scenario" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    });
    expect(cancel).toHaveBeenCalledTimes(1);
  });
});
