/**
 * @jest-environment jsdom
 */
/**
 * The Policies view over a real applied definition (the first 150 products of UCI Online Retail,
 * designed ABC-XYZ and applied by the engine; see test/taskpane/apply/retailApplied.ts): the figures
 * it shows, how edits reprice them, how invalid entries are refused, the engine-worker path for
 * large assignments, and "Write to workbook" against office-addin-mock's Excel.
 */
import "../../../support/dom";
import * as v8 from "node:v8";
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SegmentDefinition } from "../../../../src/engine/definition/schema";
import type { ApplyResult } from "../../../../src/engine/apply/applyDefinition";
import { DatasetProvider } from "../../../../src/taskpane/dataset";
import { type DesignState, DesignStateProvider } from "../../../../src/taskpane/design";
import { type PaneServices, ServicesProvider } from "../../../../src/taskpane/services";
import PoliciesView, { PoliciesPanel } from "../../../../src/taskpane/views/policies/PoliciesView";
import { formatAmount, formatAmountChange } from "../../../../src/taskpane/views/policies/figureFormat";
import { JobClient } from "../../../../src/taskpane/worker/client";
import { defineJob } from "../../../../src/taskpane/worker/jobs";
import { ENGINE_JOBS, type EngineJobs } from "../../../../src/taskpane/worker/registry";
import { policyFiguresJob } from "../../../../src/taskpane/worker/resultsJob";
import { serveJobs } from "../../../../src/taskpane/worker/serve";
import { createExcelGateway } from "../../../../src/taskpane/workbook/excelGateway";
import { installExcelMock } from "../../../support/excel/excelMock";
import { WorkbookModel } from "../../../support/excel/workbookModel";
import { createFakeWorkerPair } from "../../../support/fakeWorker";
import { retailApplied } from "../../apply/retailApplied";

// Writing through the Excel stand-in and pricing in the worker stand-in take a moment on a busy machine.
configure({ asyncUtilTimeout: 8000 });

/** Φ⁻¹(0.99), the standard normal quantile (NIST/SEMATECH e-Handbook of Statistical Methods, normal table). */
const Z_99 = 2.3263478740408408;
/** Days in a month of the Gregorian calendar on average: 365.25 / 12. */
const MONTH_DAYS = 30.4375;

const { applied } = retailApplied();
const definition = applied.definition;
const segmentIndexOf = (id: string) => definition.segments.findIndex((segment) => segment.id === id);

/** The design state as DesignProvider keeps it for a policy-only edit: the same assignment, the new definition. */
function DesignHarness({ children, onSet }: { children: React.ReactNode; onSet(next: SegmentDefinition | null): void }) {
  // A fresh object per render of the pane: the view remembers unfinished edits by the definition they were typed over.
  const [state, setState] = React.useState<{ definition: SegmentDefinition | null; applied: ApplyResult | null }>(() => {
    const fresh = { ...definition };
    return { definition: fresh, applied: { ...applied, definition: fresh } };
  });
  const value: DesignState = {
    definition: state.definition,
    applied: state.applied,
    setDefinition: (next) => {
      onSet(next);
      setState((current) => ({ definition: next, applied: current.applied && next ? { ...current.applied, definition: next } : current.applied }));
    },
    applyStatus: { kind: "idle" },
    reapply: async () => state.applied,
    scenarios: [],
    saveScenario: () => null,
    removeScenario: () => undefined,
  };
  return <DesignStateProvider value={value}>{children}</DesignStateProvider>;
}

async function renderView(services: PaneServices = { workbook: null, engine: null }, view: React.ReactNode = <PoliciesView />) {
  const set: (SegmentDefinition | null)[] = [];
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={services}>
          <DatasetProvider>
            <DesignHarness onSet={(next) => set.push(next)}>{view}</DesignHarness>
          </DatasetProvider>
        </ServicesProvider>
      </FluentProvider>,
    );
  });
  await screen.findByRole("table", { name: "Inventory and fill rate by segment" });
  return { set, last: () => set.at(-1)! };
}

/** The figures row of a segment ("AY") or "All items": Items, Inventory, Change, Fill rate, Change. */
function figuresRow(label: string): string[] {
  const table = screen.getByRole("table", { name: "Inventory and fill rate by segment" });
  const row = within(table)
    .getAllByRole("row")
    .find((candidate) => (candidate.textContent ?? "").startsWith(label === "All items" ? "All items" : `${label} · `));
  if (!row) throw new Error(`no figures row for ${label}`);
  return within(row)
    .getAllByRole("cell")
    .slice(1)
    .map((cell) => cell.textContent ?? "");
}

async function openSegment(id: string): Promise<HTMLElement> {
  const segment = definition.segments[segmentIndexOf(id)];
  const name = `Policy of ${segment.id} ${segment.name}`;
  if (!screen.queryByRole("group", { name })) {
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: new RegExp(`^${segment.id} · `) }));
    });
  }
  return screen.getByRole("group", { name });
}

async function type(group: HTMLElement, label: string, text: string, role: "textbox" | "combobox" = "textbox") {
  await act(async () => {
    fireEvent.change(within(group).getByRole(role, { name: label }), { target: { value: text } });
  });
}

async function choose(group: HTMLElement, label: string, option: string) {
  await act(async () => {
    fireEvent.click(within(group).getByRole("combobox", { name: label }));
  });
  const listbox = await screen.findByRole("listbox");
  await act(async () => {
    fireEvent.click(within(listbox).getByRole("option", { name: option }));
  });
}

/** The message under a field, found from its control. */
function messageOf(group: HTMLElement, role: "textbox" | "combobox", label: string): string {
  const control = within(group).getByRole(role, { name: label });
  const field = control.closest(".fui-Field") as HTMLElement;
  return within(field).queryByRole("alert")?.textContent ?? field.querySelector(".fui-Field__validationMessage")?.textContent ?? "";
}

/** Inventory value of one segment's items by the textbook, given each item's safety stock. */
function textbookInventory(segment: number, safetyStockOf: (mean: number, sd: number) => number, reviewDays: number): number {
  const numbers = applied.aggregated.table.numbers;
  const mean = numbers.get("demandmean")!;
  const sd = numbers.get("demandstddev")!;
  const cost = numbers.get("unitcost")!;
  let value = 0;
  for (let item = 0; item < mean.length; item++) {
    if (applied.segmentIndex[item] !== segment || !(mean[item] > 0) || Number.isNaN(sd[item])) continue;
    // Cycle stock Q/2 with Q one review period of demand (no EOQ, no MOQ), plus safety stock, at unit cost.
    value += ((mean[item] * (reviewDays / MONTH_DAYS)) / 2 + safetyStockOf(mean[item], sd[item])) * cost[item];
  }
  return value;
}

describe("the Policies view's figures", () => {
  it("shows each segment's inventory and fill rate as the applied definition gives them, with no change before an edit", async () => {
    await renderView();
    const all = definition.segments.length;
    expect(figuresRow("All items").slice(0, 3)).toEqual([String(applied.aggregated.table.ids.length), formatAmount(applied.measures[all].inventoryValue), "no change"]);
    const ay = segmentIndexOf("AY");
    expect(figuresRow("AY")[1]).toBe(formatAmount(applied.measures[ay].inventoryValue));
    const status = screen.getByRole("status");
    expect(status.textContent).toContain(`Inventory investment${formatAmount(applied.measures[all].inventoryValue)}no change since last applied`);
    // The first segment is open, with its policy as the definition holds it (service level in percent).
    const ax = await openSegment("AX");
    expect((within(ax).getByRole("textbox", { name: "Service level (%)" }) as HTMLInputElement).value).toBe("98");
    expect((within(ax).getByRole("textbox", { name: "Review period (days)" }) as HTMLInputElement).value).toBe("7");
    expect(within(ax).getByRole("combobox", { name: "Service level means" }).textContent).toBe("Fill rate: share of demand met from stock");
  });

  it("a cycle service level of 99% reprices the segment at the textbook safety stock z·σ·√(L + R) (Chopra & Meindl ch. 12)", async () => {
    const { last } = await renderView();
    const ay = segmentIndexOf("AY");
    const group = await openSegment("AY");
    await choose(group, "Service level means", "Cycle service level: chance of no stockout per cycle");
    await type(group, "Service level (%)", "99");
    expect(last().segments[ay].policy).toMatchObject({ serviceType: "cycle", serviceLevel: 0.99 });

    const policy = definition.segments[ay].policy;
    const protection = (policy.leadTimeDays + policy.reviewPeriodDays) / MONTH_DAYS;
    const expected = textbookInventory(ay, (_mean, sd) => Z_99 * sd * Math.sqrt(protection), policy.reviewPeriodDays);
    await waitFor(() => expect(figuresRow("AY")[1]).toBe(formatAmount(expected)));
    expect(figuresRow("AY")[2]).toBe(formatAmountChange(expected - applied.measures[ay].inventoryValue));
    expect(figuresRow("AY")[2]).toMatch(/^[+−][\d,]+$/);
    const all = definition.segments.length;
    expect(figuresRow("All items")[2]).toBe(formatAmountChange(expected - applied.measures[ay].inventoryValue));
    expect(figuresRow("AX")[2]).toBe("no change");
    expect(screen.getByRole("status").textContent).toContain(formatAmount(applied.measures[all].inventoryValue + expected - applied.measures[ay].inventoryValue));
  });

  it("periods of cover asks for the cover, then holds that many months of mean demand as safety stock", async () => {
    const { last } = await renderView();
    const cz = segmentIndexOf("CZ");
    const group = await openSegment("CZ");
    await choose(group, "Safety stock", "Periods of cover");
    expect(messageOf(group, "textbox", "Safety stock cover (months)")).toBe(
      'Is required when safetyStockMethod is "periodsOfCover" (periods of mean demand held as safety stock).',
    );
    await type(group, "Safety stock cover (months)", "1.5");
    expect(messageOf(group, "textbox", "Safety stock cover (months)")).toBe("");
    expect(last().segments[cz].policy).toMatchObject({ safetyStockMethod: "periodsOfCover", safetyStockPeriods: 1.5 });
    const expected = textbookInventory(cz, (mean) => 1.5 * mean, definition.segments[cz].policy.reviewPeriodDays);
    await waitFor(() => expect(figuresRow("CZ")[1]).toBe(formatAmount(expected)));
  });
});

describe("invalid entries", () => {
  it("show the schema's message by the field, keep the text typed and the figures of the last valid policies", async () => {
    const { set, last } = await renderView({ workbook: createExcelGateway(), engine: null });
    const ax = segmentIndexOf("AX");
    const group = await openSegment("AX");
    const before = figuresRow("AX");

    await type(group, "Service level (%)", "120");
    expect(messageOf(group, "textbox", "Service level (%)")).toBe("Must be more than 0% and less than 100%; got 120%.");
    expect((within(group).getByRole("textbox", { name: "Service level (%)" }) as HTMLInputElement).value).toBe("120");
    await type(group, "Replenishment lead time (days)", "-3");
    expect(messageOf(group, "textbox", "Replenishment lead time (days)")).toBe("Must be 0 or more; got -3.");
    await type(group, "Minimum order quantity (MOQ) (units)", "ten");
    expect(messageOf(group, "textbox", "Minimum order quantity (MOQ) (units)")).toBe('Must be a number; got "ten".');
    await type(group, "Transport mode", "  ", "combobox");
    expect(messageOf(group, "combobox", "Transport mode")).toBe('Must not be empty; got "  ".');
    expect(set).toHaveLength(0);
    expect(screen.getByRole("button", { name: /^AX · Core runners/ }).textContent).toContain("4 fields to fix");
    expect(screen.getByRole("button", { name: "Write to workbook" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText(/^Fix the 4 fields marked in red first/)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(figuresRow("AX")).toEqual(before);

    // Fixed one by one: only when every field is valid does the definition change.
    await type(group, "Service level (%)", "97.5");
    expect(messageOf(group, "textbox", "Service level (%)")).toBe("");
    await type(group, "Replenishment lead time (days)", "21");
    await type(group, "Minimum order quantity (MOQ) (units)", "12");
    expect(set).toHaveLength(0);
    await type(group, "Transport mode", "air freight", "combobox");
    expect(set).toHaveLength(1);
    expect(last().segments[ax].policy).toMatchObject({ serviceLevel: 0.975, leadTimeDays: 21, moq: 12, transportMode: "air freight" });
    await waitFor(() => expect(figuresRow("AX")).not.toEqual(before));
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" }).hasAttribute("disabled")).toBe(false));
  });
});

it("prices large assignments in the engine worker, once per pause in typing", async () => {
  // jsdom has no structuredClone, which the worker protocol stand-in uses to copy messages as a browser does.
  const scope = globalThis as unknown as { structuredClone?: (value: unknown) => unknown };
  scope.structuredClone ??= (value) => v8.deserialize(v8.serialize(value));
  let runs = 0;
  const registry = {
    ...ENGINE_JOBS,
    "results.policyFigures": defineJob<Parameters<typeof policyFiguresJob.run>[0], Awaited<ReturnType<typeof policyFiguresJob.run>>>(
      "results.policyFigures",
      (input, context) => {
        runs++;
        return policyFiguresJob.run(input, context);
      },
    ),
  };
  const engine = new JobClient<EngineJobs>(() => {
    const pair = createFakeWorkerPair();
    serveJobs(pair.scope, registry, { progressIntervalMs: 0 });
    return pair.worker;
  });
  await renderView({ workbook: null, engine }, <PoliciesPanel workerFromItems={100} debounceMs={1500} />);
  expect(runs).toBe(1);
  const bz = segmentIndexOf("BZ");
  const group = await openSegment("BZ");
  const review = definition.segments[bz].policy.reviewPeriodDays;
  await choose(group, "Safety stock", "None (make to order)");
  await waitFor(() => expect(figuresRow("BZ")[1]).toBe(formatAmount(textbookInventory(bz, () => 0, review))));
  expect(runs).toBe(2);
  // Typing "21" is two edits in quick succession: one job prices both.
  await type(group, "Review period (days)", "2");
  await type(group, "Review period (days)", "21");
  await waitFor(() => expect(figuresRow("BZ")[1]).toBe(formatAmount(textbookInventory(bz, () => 0, 21))));
  expect(runs).toBe(3);
});

describe("Write to workbook", () => {
  function excel(userSheet = false) {
    const model = userSheet ? WorkbookModel.withSheet("Retail Assignments", [["my notes"]]) : WorkbookModel.withSheet("Transactions", [["x"]]);
    installExcelMock(model);
    return model;
  }

  async function write() {
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    });
  }

  it("writes the three tables and the definition, says which sheets; writing again updates them in place", async () => {
    const model = excel();
    await renderView({ workbook: createExcelGateway(), engine: null });
    const group = await openSegment("AX");
    await type(group, "Service level (%)", "99");
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" }).hasAttribute("disabled")).toBe(false));
    expect(screen.getByRole("status").textContent).not.toContain("no change since last applied");
    await write();
    const done = await screen.findByText("Written to the workbook");
    const message = done.closest(".fui-MessageBar")!.textContent;
    expect(message).toContain("“Retail Assignments” (150 rows, new), “Retail Summary” (10 rows, new), “Retail Policies” (150 rows, new)");
    expect(message).toContain("saved in the workbook as SegDef_Retail: cells can use =SEGMENT.ASSIGN(SegDef_Retail, …)");
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["Transactions", "SegmentDefinitions", "Retail Assignments", "Retail Summary", "Retail Policies"]);
    // What was written is now what changes are measured against.
    await waitFor(() => expect(figuresRow("All items")[2]).toBe("no change"));

    await write();
    await waitFor(() => expect(screen.getByText("Written to the workbook").closest(".fui-MessageBar")!.textContent).toContain("“Retail Assignments” (150 rows, updated in place)"));
    expect(model.sheets).toHaveLength(5);
  });

  it("asks when a sheet of the user's is in the way: 'Write as' writes beside it", async () => {
    const model = excel(true);
    await renderView({ workbook: createExcelGateway(), engine: null });
    await write();
    // Fluent's focus manager sometimes leaves aria-hidden on a just-opened dialog under jsdom (not in
    // chromium, where the browser tests click it): look past it, and check the dialog is modal.
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(within(dialog).getByText("A sheet is in the way")).toBeTruthy();
    expect(dialog.textContent).toContain(
      'A sheet named "Retail Assignments" already exists and was not created by Supply Segments. Replace its contents, or write the assignments to "Retail Assignments (2)"?',
    );
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Write as “Retail Assignments (2)”", hidden: true }));
    });
    const done = await screen.findByText("Written to the workbook");
    expect(done.closest(".fui-MessageBar")!.textContent).toContain("“Retail Assignments (2)” (150 rows, new)");
    await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull());
    expect(model.sheet("Retail Assignments")!.get(0, 0)).toBe("my notes");
  });

  it("'Replace' writes over the user's sheet once they agreed; 'Cancel' writes nothing over it", async () => {
    const model = excel(true);
    await renderView({ workbook: createExcelGateway(), engine: null });
    await write();
    let dialog = await screen.findByRole("alertdialog", { hidden: true });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    });
    expect(await screen.findByText("Stopped before the assignments")).toBeTruthy();
    expect(model.sheet("Retail Assignments")!.get(0, 0)).toBe("my notes");
    expect(model.sheet("Retail Summary")).toBeUndefined();

    await write();
    dialog = await screen.findByRole("alertdialog", { hidden: true });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    });
    expect(await screen.findByText("Written to the workbook")).toBeTruthy();
    expect(model.sheet("Retail Assignments")!.get(0, 0)).toBe("Item");
    expect(model.sheet("Retail Assignments")!.get(1, 1)).toBe(definition.segments[applied.segmentIndex[0]].id);
  });

  it("says what to do outside Excel", async () => {
    await renderView();
    expect(screen.getByRole("button", { name: "Write to workbook" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText("Open Supply Segments in Excel to write the results to a workbook.")).toBeTruthy();
  });
});
