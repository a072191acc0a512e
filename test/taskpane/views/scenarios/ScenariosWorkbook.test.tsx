/**
 * @jest-environment jsdom
 *
 * The Scenarios view with the workbook: Office.js through office-addin-mock over a workbook model
 * (test/support/excel), the first 60,000 lines of Online Retail applied with ABC cutoffs 80%/95%
 * ("Base") and 60%/90% ("Tight"). Writing the comparison (and the dialog when a user's sheet is in
 * the way), saving scenarios in the workbook and loading them back, and making a variant.
 */
import "../../../support/dom";
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ApplyResult } from "../../../../src/engine/apply/applyDefinition";
import { parseDefinition, type SegmentDefinition } from "../../../../src/engine/definition";
import { formatNumber } from "../../../../src/engine/definition/format";
import { DEFINITIONS_SHEET } from "../../../../src/excel/definitionStore";
import { DesignStateProvider, type DesignState } from "../../../../src/taskpane/design";
import { ServicesProvider } from "../../../../src/taskpane/services";
import ScenariosView from "../../../../src/taskpane/views/scenarios/ScenariosView";
import { createExcelGateway } from "../../../../src/taskpane/workbook/excelGateway";
import { installExcelMock } from "../../../support/excel/excelMock";
import { installOfficeMock } from "../../../support/excel/officeMock";
import { WorkbookModel, type ModelSheet } from "../../../support/excel/workbookModel";
import { fixedState, live, LiveDesign, onlineRetail, scenarioOf, type AppliedData } from "./appliedData";

// Rendering the comparison's tables in jsdom takes a few hundred milliseconds on a busy machine.
configure({ asyncUtilTimeout: 5000 });

let retail: AppliedData;
let base: SegmentDefinition;
let tight: SegmentDefinition;
let baseResult: ApplyResult;
let tightResult: ApplyResult;

beforeAll(async () => {
  retail = await onlineRetail(60000);
  base = retail.design();
  tight = retail.design({ abcCutoffs: [0.6, 0.9] });
  baseResult = retail.apply(base);
  tightResult = retail.apply(tight);
});

function workbook(): WorkbookModel {
  const model = WorkbookModel.withSheet("Sales", [["StockCode", "Quantity"]]);
  installExcelMock(model);
  installOfficeMock(model);
  return model;
}

async function renderWith(children: React.ReactNode) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={{ workbook: createExcelGateway(), engine: null }}>{children}</ServicesProvider>
      </FluentProvider>,
    );
  });
}

function comparisonState(): DesignState {
  return fixedState({ scenarios: [scenarioOf("Base", base, baseResult), scenarioOf("Tight", tight, tightResult)] });
}

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
}

/**
 * The conflict dialog. In jsdom, Fluent's focus manager (tabster) sometimes leaves aria-hidden on a
 * modal surface after it has taken focus, so the dialog and its buttons are found including hidden
 * ones; that it is open, modal and focused is checked here instead.
 */
async function conflictDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  expect(dialog.getAttribute("aria-modal")).toBe("true");
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  return dialog;
}

/** Clicks a button of the dialog once it has rendered its actions. */
async function choose(dialog: HTMLElement, name: string) {
  const button = await within(dialog).findByRole("button", { name, hidden: true });
  await act(async () => {
    fireEvent.click(button);
  });
}

/** The header row and the rows of a result sheet's table as objects. */
function tableRows(sheet: ModelSheet): Record<string, unknown>[] {
  const headers: string[] = [];
  for (let c = 0; sheet.get(0, c) !== undefined; c++) headers.push(String(sheet.get(0, c)));
  const rows: Record<string, unknown>[] = [];
  for (let r = 1; sheet.get(r, 0) !== undefined; r++) rows.push(Object.fromEntries(headers.map((h, c) => [h, sheet.get(r, c)])));
  return rows;
}

function movedBetween(a: ApplyResult, b: ApplyResult): number {
  let moved = 0;
  for (let item = 0; item < a.segmentIndex.length; item++) {
    if (a.definition.segments[a.segmentIndex[item]]?.id !== b.definition.segments[b.segmentIndex[item]]?.id) moved++;
  }
  return moved;
}

describe("writing the comparison to a sheet", () => {
  it("asks when a user's sheet has the name, and writes under the free name offered", async () => {
    const model = workbook();
    model.addSheet("Base vs Tight Comparison").put(0, 0, [["my notes"]]);
    await renderWith(
      <DesignStateProvider value={comparisonState()}>
        <ScenariosView />
      </DesignStateProvider>,
    );
    await click("Write comparison to sheet");
    const dialog = await conflictDialog();
    expect(within(dialog).getByText(
      'A sheet named "Base vs Tight Comparison" already exists and was not created by Supply Segments. Replace its contents, or write the comparison to "Base vs Tight Comparison (2)"?',
    )).toBeTruthy();
    await choose(dialog, 'Write as "Base vs Tight Comparison (2)"');
    await screen.findByText(/^Written to the sheet "Base vs Tight Comparison \(2\)"/);
    expect(model.sheet("Base vs Tight Comparison")!.get(0, 0)).toBe("my notes");

    const rows = tableRows(model.sheet("Base vs Tight Comparison (2)")!);
    const segments = new Set([...base.segments, ...tight.segments].map((segment) => segment.id));
    expect(rows).toHaveLength(segments.size + 1);
    const all = rows[rows.length - 1];
    const items = baseResult.aggregated.table.ids.length;
    expect(all).toMatchObject({ Segment: "All", Name: "All items", "Items A": items, "Items B": items, "Items B − A": 0 });
    expect(all["Items moving out"]).toBe(movedBetween(baseResult, tightResult));
    // Totals as the engine measured them when it applied each definition.
    const totalA = baseResult.measures[base.segments.length];
    const totalB = tightResult.measures[tight.segments.length];
    expect(all["Inventory investment A"]).toBeCloseTo(totalA.inventoryValue, 6);
    expect(all["Inventory investment B − A"]).toBeCloseTo(totalB.inventoryValue - totalA.inventoryValue, 6);
    expect(all["Revenue A"]).toBeCloseTo(totalA.revenue, 6);
    expect(all["Expected fill rate B"]).toBeCloseTo(totalB.weightedFill / totalB.fillWeight, 12);
    expect(all["Cost-to-serve A"]).toBeUndefined(); // not measured: a blank cell, not 0
    const ax = rows.find((row) => row.Segment === "AX")!;
    expect(ax["Items A"]).toBe(baseResult.segmentIndex.filter((k) => base.segments[k]?.id === "AX").length);

    // Again: the sheet is ours now, so it is updated in place without asking.
    await click("Write comparison to sheet");
    await screen.findByText(/^Updated the sheet "Base vs Tight Comparison \(2\)"/);
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
  });

  it("replaces the user's sheet when asked to, and leaves it alone on Cancel", async () => {
    const model = workbook();
    model.addSheet("Base vs Tight Comparison").put(0, 0, [["my notes"]]);
    await renderWith(
      <DesignStateProvider value={comparisonState()}>
        <ScenariosView />
      </DesignStateProvider>,
    );
    await click("Write comparison to sheet");
    let dialog = await conflictDialog();
    await choose(dialog, "Cancel");
    expect(await screen.findByText("Nothing was written; the sheet in the way is as it was.")).toBeTruthy();
    expect(model.sheet("Base vs Tight Comparison")!.get(0, 0)).toBe("my notes");

    await click("Write comparison to sheet");
    dialog = await conflictDialog();
    await choose(dialog, "Replace");
    await screen.findByText(/^Written to the sheet "Base vs Tight Comparison"/);
    expect(model.sheet("Base vs Tight Comparison")!.get(0, 0)).toBe("Segment");
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["Sales", "Base vs Tight Comparison"]);
  });
});

describe("scenarios kept in the workbook", () => {
  it("saves a scenario in the session and the workbook, then loads it back in a new session", async () => {
    const model = workbook();
    await renderWith(
      <LiveDesign data={retail} initial={base}>
        <ScenariosView />
      </LiveDesign>,
    );
    await act(async () => {
      fireEvent.change(screen.getByRole("textbox", { name: "Scenario name" }), { target: { value: "Base" } });
    });
    await click("Save scenario");
    await screen.findByText('Saved "Base", and kept it in this workbook as "Scenario Base".');
    expect(live.state!.scenarios.map((scenario) => scenario.name)).toEqual(["Base"]);
    expect(model.sheet(DEFINITIONS_SHEET)!.get(1, 0)).toBe("Scenario Base");
    // A second one under the same name is refused, and the name typed stays.
    await act(async () => {
      fireEvent.change(screen.getByRole("textbox", { name: "Scenario name" }), { target: { value: "base" } });
    });
    await click("Save scenario");
    expect(screen.getByText('A scenario named "base" is already saved. Choose another name, or remove that scenario first.')).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Scenario name" }) as HTMLInputElement).value).toBe("base");
    expect(live.state!.scenarios).toHaveLength(1);
  });

  it("loads a kept scenario: it becomes the working design, is applied, and is saved as a scenario", async () => {
    const model = workbook();
    await createExcelGateway().saveDefinition("Scenario Tight", JSON.stringify(tight));
    expect(model.sheet(DEFINITIONS_SHEET)).toBeDefined();
    await renderWith(
      <LiveDesign data={retail} initial={base}>
        <ScenariosView />
      </LiveDesign>,
    );
    const kept = await screen.findByRole("list", { name: "Scenarios kept in this workbook" });
    expect(within(kept).getAllByRole("listitem").map((item) => item.textContent)).toEqual([expect.stringMatching(/^Tightkept /)]);
    await act(async () => {
      fireEvent.click(within(kept).getByRole("button", { name: "Load the scenario Tight from the workbook" }));
    });
    await screen.findByText(
      'Loaded "Tight" from the workbook and applied it to the data; it is the working design now. The design you were working on is saved as "Before loading Tight".',
    );
    const state = live.state!;
    expect(state.scenarios.map((scenario) => scenario.name)).toEqual(["Before loading Tight", "Tight"]);
    expect(state.definition).toEqual(parseDefinition(JSON.stringify(tight)));
    expect(Array.from(state.scenarios[1].applied.segmentIndex)).toEqual(Array.from(tightResult.segmentIndex));
    // Both are in the session, so the comparison is there: Before loading Tight (A) vs Tight (B).
    expect(screen.getByText(new RegExp(`: ${movedBetween(baseResult, tightResult).toLocaleString("en-US")} change segment`))).toBeTruthy();
  });
});

describe("making a variant", () => {
  it("applies other ABC cutoffs; saved as a scenario it compares with the first", async () => {
    workbook();
    await renderWith(
      <LiveDesign data={retail} initial={base} scenarios={[scenarioOf("Base", base, baseResult)]}>
        <ScenariosView />
      </LiveDesign>,
    );
    const first = screen.getByRole("textbox", { name: "A up to, cumulative share of revenue in percent" });
    const second = screen.getByRole("textbox", { name: "B up to, cumulative share of revenue in percent" });
    expect([(first as HTMLInputElement).value, (second as HTMLInputElement).value]).toEqual(["80", "95"]);
    // Out of order: refused with the reason, the text kept.
    await act(async () => {
      fireEvent.change(first, { target: { value: "96" } });
    });
    await click("Apply changes");
    expect(screen.getByText("Must be above the previous cutoff (96%).")).toBeTruthy();
    expect((first as HTMLInputElement).value).toBe("96");
    expect(live.state!.definition).toBe(base);

    await act(async () => {
      fireEvent.change(first, { target: { value: "60" } });
      fireEvent.change(second, { target: { value: "90" } });
    });
    await click("Apply changes");
    const variant = live.state!.definition!;
    expect(variant.method).toMatchObject({ type: "matrix", classifications: [{ kind: "abc", cutoffs: [0.6, 0.9] }, { kind: "xyz", cutoffs: [0.5, 1] }] });
    // The same segments as designing with those cutoffs gives.
    expect(Array.from(live.state!.applied!.segmentIndex)).toEqual(Array.from(tightResult.segmentIndex));

    await act(async () => {
      fireEvent.change(screen.getByRole("textbox", { name: "Scenario name" }), { target: { value: "Tight" } });
    });
    await click("Save scenario");
    await screen.findByText('Saved "Tight", and kept it in this workbook as "Scenario Tight".');
    expect(screen.getByText(new RegExp(`: ${movedBetween(baseResult, tightResult).toLocaleString("en-US")} change segment`))).toBeTruthy();
  });

  it("a higher service level: the comparison prices the scenario with its own policy", async () => {
    workbook();
    await renderWith(
      <LiveDesign data={retail} initial={base} scenarios={[scenarioOf("Base", base, baseResult)]}>
        <ScenariosView />
      </LiveDesign>,
    );
    const ay = screen.getByRole("textbox", { name: "Service level of AY (Core, variable), fill rate in percent" });
    expect((ay as HTMLInputElement).value).toBe("97");
    await act(async () => {
      fireEvent.change(ay, { target: { value: "99.5" } });
    });
    const before = live.state!.applied!.policy;
    await click("Apply changes");
    // Only a policy changed: the assignment (and the result object's policy figures) were kept.
    expect(live.state!.applied!.policy).toBe(before);
    await act(async () => {
      fireEvent.change(screen.getByRole("textbox", { name: "Scenario name" }), { target: { value: "More service" } });
    });
    await click("Save scenario");
    await screen.findByText(/^Saved "More service"/);
    // Applying the edited definition from scratch is the independent reference for its inventory.
    const reference = retail.apply(live.state!.definition!);
    const k = base.segments.findIndex((segment) => segment.id === "AY");
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Inventory" }));
    });
    const row = screen.getByRole("table", { name: "Inventory investment by segment in both scenarios" }).querySelector('tr[data-segment="AY"]')!;
    const shown = within(row as HTMLElement).getAllByRole("cell").map((cell) => cell.textContent);
    expect(shown[1]).toBe(formatNumber(baseResult.measures[k].inventoryValue, 0));
    expect(shown[2]).toBe(formatNumber(reference.measures[k].inventoryValue, 0));
    expect(reference.measures[k].inventoryValue).toBeGreaterThan(baseResult.measures[k].inventoryValue);
    await waitFor(() => expect(screen.getByText(/: 0 change segment/)).toBeTruthy());
  });
});
