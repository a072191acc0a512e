/**
 * @jest-environment jsdom
 *
 * The KPIs view over a real applied design: the SCMS delivery history (USAID; all 10,324 lines,
 * see ../scenarios/appliedData.tsx) with scheduled and delivered dates, PO/SO numbers and freight
 * cost, designed ABC-XYZ by quarter. On-time delivery is counted here from the lines' own dates and
 * the segment of each line's item, not taken from the engine's measures.
 */
import "../../../support/dom";
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ApplyResult } from "../../../../src/engine/apply/applyDefinition";
import type { SegmentDefinition } from "../../../../src/engine/definition";
import { formatShare } from "../../../../src/engine/definition/format";
import { LINE_EXCEPTION, LINE_SALE } from "../../../../src/engine/transactions/lines";
import { DesignStateProvider, type DesignState } from "../../../../src/taskpane/design";
import { ServicesProvider } from "../../../../src/taskpane/services";
import KpisView from "../../../../src/taskpane/views/kpis/KpisView";
import { createExcelGateway } from "../../../../src/taskpane/workbook/excelGateway";
import type { WorkbookGateway } from "../../../../src/taskpane/workbook/gateway";
import { installExcelMock } from "../../../support/excel/excelMock";
import { installOfficeMock } from "../../../support/excel/officeMock";
import { WorkbookModel } from "../../../support/excel/workbookModel";
import { fixedState, live, LiveDesign, scmsDeliveries, type AppliedData } from "../scenarios/appliedData";

configure({ asyncUtilTimeout: 5000 });

let scms: AppliedData;
let definition: SegmentDefinition;
let applied: ApplyResult;

beforeAll(async () => {
  scms = await scmsDeliveries();
  definition = scms.design();
  applied = scms.apply(definition);
});

async function renderView(content: (children: React.ReactNode) => React.ReactNode, workbook: WorkbookGateway | null = null) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={{ workbook, engine: null }}>{content(<KpisView />)}</ServicesProvider>
      </FluentProvider>,
    );
  });
}

const fixed = (state: DesignState) => (children: React.ReactNode) => <DesignStateProvider value={state}>{children}</DesignStateProvider>;

/** On-time share of a segment's order lines: delivered on or before the scheduled date, over lines with both dates. */
function onTimeOf(segment: string): number {
  const k = definition.segments.findIndex((entry) => entry.id === segment);
  const { lines } = scms;
  let dated = 0;
  let onTime = 0;
  for (let i = 0; i < lines.count; i++) {
    const status = applied.aggregated.lineStatus[i];
    if (status !== LINE_SALE && status !== LINE_EXCEPTION) continue;
    if (applied.segmentIndex[applied.aggregated.lineItem[i]] !== k) continue;
    const promised = lines.promisedDay![i];
    const delivered = lines.deliveredDay![i];
    if (promised !== promised || delivered !== delivered) continue;
    dated++;
    if (delivered <= promised) onTime++;
  }
  return onTime / dated;
}

const ORDER = ["escalate", "off target", "on target", "no target", "not measured"];

describe("the KPIs of each segment against target", () => {
  it("lists the segments to escalate first, with what is off, and sorts the table escalations first, in words", async () => {
    await renderView(fixed(fixedState({ definition, applied })));
    const withItems = new Set(definition.segments.filter((_, k) => applied.measures[k].items > 0).map((segment) => segment.id));
    const escalated = definition.segments.filter((segment) => applied.kpis.some((row) => row.segment === segment.id && row.escalate)).map((segment) => segment.id);
    expect(escalated.length).toBeGreaterThan(0);

    const list = screen.getByRole("list", { name: "Segments to escalate" });
    expect(screen.getByText(escalated.length === 1 ? "1 segment to escalate" : `${escalated.length} segments to escalate`)).toBeTruthy();
    const entries = within(list).getAllByRole("listitem");
    expect(entries.map((entry) => entry.getAttribute("aria-label")!.split(" ")[0])).toEqual(escalated);
    // AY's on-time delivery is below its escalation threshold of 90% (target 95%).
    const ay = onTimeOf("AY");
    expect(ay).toBeLessThan(0.9);
    const ayEntry = entries.find((entry) => entry.getAttribute("aria-label")!.startsWith("AY "))!;
    expect(ayEntry.textContent).toContain(`On-time delivery ${formatShare(ay, 1)}, below the escalation threshold 90% (target 95%)`);

    const table = screen.getByRole("table", { name: "KPIs by segment against target, escalations first" });
    const rows = Array.from(table.querySelectorAll("tbody tr[data-status]")) as HTMLElement[];
    const statuses = rows.map((row) => row.getAttribute("data-status")!);
    expect(statuses[0]).toBe("escalate");
    expect(statuses.map((status) => ORDER.indexOf(status))).toEqual([...statuses.map((status) => ORDER.indexOf(status))].sort((x, y) => x - y));
    const engineEscalations = applied.kpis.filter((row) => row.escalate && withItems.has(row.segment)).length;
    expect(statuses.filter((status) => status === "escalate")).toHaveLength(engineEscalations);
    for (const row of rows.filter((entry) => entry.getAttribute("data-status") === "escalate")) expect(within(row).getByText("Escalate")).toBeTruthy();
    const ayOnTime = table.querySelector('tr[data-segment="AY"][data-kpi="onTimeDelivery"]') as HTMLElement;
    expect(within(ayOnTime).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "On-time deliveryAY Core, variableEscalate",
      expect.stringMatching(new RegExp(`^${formatShare(ay, 1).replace(".", "\\.")}[\\d,]+ lines$`)),
      "95%escalate below 90%",
      "",
    ]);
    // Segments without items are named once, not as rows of "not measured".
    const empty = definition.segments.filter((segment) => !withItems.has(segment.id)).map((segment) => segment.id);
    expect(screen.getByText(`No items, so nothing to measure, in: ${empty.join(", ")}.`)).toBeTruthy();
    expect(table.querySelector(`tr[data-segment="${empty[0]}"]`)).toBeNull();
    // No shipped quantity is mapped: perfect order is measured nowhere, and the view says what to map.
    expect(screen.getByText(/^Not measured in any segment:/).textContent).toBe(
      "Not measured in any segment: Perfect order rate (to measure it, map the order ID, the quantity shipped and the promised and delivered dates).",
    );
  });

  it("draws a bar chart per KPI with the target marked, read out for screen readers", async () => {
    await renderView(fixed(fixedState({ definition, applied })));
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Charts" }));
    });
    const charts = screen.getAllByRole("img");
    const measuredKpis = new Set(applied.kpis.filter((row) => row.segment !== "All" && row.status !== "not measured").map((row) => row.kpi));
    expect(charts).toHaveLength(measuredKpis.size);
    const onTime = screen.getByRole("img", { name: /^On-time delivery by segment: / });
    expect(onTime.getAttribute("aria-label")).toContain(`AY Core, variable ${formatShare(onTimeOf("AY"), 1)}, target 95%, escalate`);
    const bar = onTime.querySelector('g[data-bar="AY"] rect[data-value]')!;
    expect(Number(bar.getAttribute("height"))).toBeCloseTo(onTimeOf("AY") * 112, 9);
    expect(onTime.querySelector('g[data-bar="AY"] rect[data-pattern="hatched"]')).not.toBeNull();
  });
});

describe("editing a target", () => {
  it("re-evaluates the statuses at once, and keeps what was typed when it needs fixing", async () => {
    await renderView((children) => (
      <LiveDesign data={scms} initial={definition}>
        {children}
      </LiveDesign>
    ));
    const row = () => document.querySelector('tr[data-segment="CZ"][data-kpi="costToServe"]') as HTMLElement;
    expect(row().getAttribute("data-status")).toBe("escalate");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Edit the Cost-to-serve (share of revenue) target of CZ" }));
    });
    const dialog = await screen.findByRole("dialog", { hidden: true });
    const target = within(dialog).getByRole("textbox", { name: "Cost-to-serve (share of revenue) target of CZ, % of revenue", hidden: true }) as HTMLInputElement;
    const escalation = within(dialog).getByRole("textbox", { name: "Cost-to-serve (share of revenue) escalation threshold of CZ, % of revenue", hidden: true }) as HTMLInputElement;
    expect([target.value, escalation.value]).toEqual(["12", "18"]);
    await act(async () => {
      fireEvent.change(escalation, { target: { value: "10" } });
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Save target", hidden: true }));
    });
    expect(within(dialog).getByText("Escalation is the worse threshold: enter at least the target (12%).")).toBeTruthy();
    expect(escalation.value).toBe("10");
    await act(async () => {
      fireEvent.change(escalation, { target: { value: "25" } });
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Save target", hidden: true }));
    });
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(live.state!.definition!.segments.find((segment) => segment.id === "CZ")!.targets.costToServe).toEqual({ target: 0.12, escalateAbove: 0.25 });
    // Cost-to-serve of CZ is above the 12% target but within 25%: off target now.
    expect(row().getAttribute("data-status")).toBe("off target");
    expect(within(row()).getByText("Off target")).toBeTruthy();
    expect(within(row()).getByText("escalate above 25%")).toBeTruthy();
    expect(screen.getByText("Saved the Cost-to-serve (share of revenue) target of CZ; the statuses are evaluated again.")).toBeTruthy();
    const czEntry = within(screen.getByRole("list", { name: "Segments to escalate" })).queryByRole("listitem", { name: /^CZ / });
    expect(czEntry?.textContent ?? "").not.toContain("Cost-to-serve");
  });
});

describe("writing the KPIs to a sheet", () => {
  it("writes one row per segment and KPI to '<definition> KPIs'", async () => {
    const model = WorkbookModel.withSheet("Shipments", [["ID"]]);
    installExcelMock(model);
    installOfficeMock(model);
    await renderView(fixed(fixedState({ definition, applied })), createExcelGateway());
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write KPIs to sheet" }));
    });
    await screen.findByText(`Written to the sheet "scms KPIs": table Seg_scms_KPIs, ${applied.kpis.length} rows.`);
    const sheet = model.sheet("scms KPIs")!;
    const headers = Array.from({ length: 12 }, (_, c) => sheet.get(0, c));
    expect(headers).toEqual(["Segment", "Name", "KPI", "Value", "Unit", "Source", "Measured on", "Target", "Escalation threshold", "Status", "Escalate", "To measure"]);
    const r = 1 + applied.kpis.findIndex((row) => row.segment === "AY" && row.kpi === "onTimeDelivery");
    expect([sheet.get(r, 0), sheet.get(r, 2), sheet.get(r, 7), sheet.get(r, 8), sheet.get(r, 9), sheet.get(r, 10)]).toEqual([
      "AY",
      "On-time delivery",
      0.95,
      0.9,
      "escalate",
      "yes",
    ]);
    expect(sheet.get(r, 3)).toBeCloseTo(onTimeOf("AY"), 12);
  });
});
