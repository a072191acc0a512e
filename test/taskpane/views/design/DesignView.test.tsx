/**
 * @jest-environment jsdom
 */
/**
 * The Design view on a real-data slice (every 40th line of UCI Online Retail, see retailSheet.ts), with
 * the engine jobs served in this process by the worker protocol (test/support/fakeWorker.ts). The
 * definition the view hands to setDefinition must be the one the engine's design functions give for
 * the same items and options; the figures over k must be SEGMENT.KSELECT's (the engine's selectK); the
 * segments table's counts must be the applied result's.
 */
import "../../../support/dom";
import * as v8 from "node:v8";
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { applyDefinition, type ApplyResult } from "../../../../src/engine/apply/applyDefinition";
import { prepareFeatures } from "../../../../src/engine/cluster/prepare";
import { selectK } from "../../../../src/engine/cluster/kselect";
import { DESIGN_EXCEPTIONS, designAbcXyz, type DesignOptions } from "../../../../src/engine/definition/design";
import { designChosenClusters } from "../../../../src/engine/definition/designChosenClusters";
import { designClusters } from "../../../../src/engine/definition/designClusters";
import { designDemandPatterns } from "../../../../src/engine/definition/designPatterns";
import { designRules } from "../../../../src/engine/definition/designRules";
import { formatShare } from "../../../../src/engine/definition/format";
import type { SegmentDefinition } from "../../../../src/engine/definition/schema";
import { assessReadiness, DEFAULT_THRESHOLDS } from "../../../../src/engine/readiness/readiness";
import { aggregateTransactions } from "../../../../src/engine/transactions/aggregate";
import { DEFAULT_LINE_RULES, lineRulesOf } from "../../../../src/engine/transactions/lineRules";
import { linesFromSheet } from "../../../../src/taskpane/analysis/sheetLines";
import { type ChosenData, DatasetProvider, useDataset } from "../../../../src/taskpane/dataset";
import { type DesignState, DesignStateProvider } from "../../../../src/taskpane/design";
import { ServicesProvider } from "../../../../src/taskpane/services";
import DesignView from "../../../../src/taskpane/views/design/DesignView";
import { resetDesignStore } from "../../../../src/taskpane/views/design/designStore";
import { JobClient } from "../../../../src/taskpane/worker/client";
import { ENGINE_JOBS, type EngineJobs } from "../../../../src/taskpane/worker/registry";
import { serveJobs } from "../../../../src/taskpane/worker/serve";
import { createFakeWorkerPair } from "../../../support/fakeWorker";
import { retailChoice } from "./retailSheet";

configure({ asyncUtilTimeout: 30000 });
// jsdom has no structuredClone, which the worker stand-in uses to copy messages as a browser does.
const scope = globalThis as unknown as { structuredClone?: (value: unknown) => unknown };
scope.structuredClone ??= (value) => v8.deserialize(v8.serialize(value));
jest.setTimeout(120000);

const chosen = retailChoice(40);
const sheet = linesFromSheet(chosen.data, chosen.roles);
const aggregated = aggregateTransactions(sheet.lines, { ...lineRulesOf(DEFAULT_LINE_RULES), period: "month", exceptions: DESIGN_EXCEPTIONS, costRatio: 1 });
const table = aggregated.table;
const readiness = assessReadiness({
  columns: sheet.columns,
  ids: table.ids,
  historyPeriods: table.numbers.get("historyperiods")!,
  periodCount: aggregated.periodCount,
  period: "month",
  thresholds: DEFAULT_THRESHOLDS,
});

/** The options the view states for this data with its defaults (the creation time is the view's). */
function baseOptions(createdAt: string): DesignOptions {
  return {
    id: "Sales",
    name: "Sales ABC-XYZ",
    author: "Planner",
    dataSource: `table Sales (Transactions!A1:H${chosen.data.rowCount + 1})`,
    rowCount: sheet.lines.count,
    createdAt,
    period: "month",
    newItemPeriods: 6,
    leadTimeDays: 14,
    costRatio: 1,
    readiness: { passed: readiness.passed, summary: readiness.summary },
    entity: "product",
  };
}

function engine(): JobClient<EngineJobs> {
  return new JobClient<EngineJobs>(() => {
    const pair = createFakeWorkerPair();
    serveJobs(pair.scope, ENGINE_JOBS);
    return pair.worker;
  });
}

function Choose({ data }: { data: ChosenData | null }) {
  const { choose } = useDataset();
  React.useEffect(() => choose(data), [choose, data]);
  return null;
}

/** The shared design state as DesignProvider keeps it, applying each new definition with the engine's applyDefinition. */
function DesignHarness({ children, onSet, apply }: { children: React.ReactNode; onSet(next: SegmentDefinition | null): void; apply: boolean }) {
  const [definition, setDefinition] = React.useState<SegmentDefinition | null>(null);
  const applied = React.useMemo<ApplyResult | null>(
    () => (apply && definition ? applyDefinition(definition, sheet.lines, { ...lineRulesOf(DEFAULT_LINE_RULES), thresholds: DEFAULT_THRESHOLDS, columns: sheet.columns }) : null),
    [apply, definition],
  );
  const value: DesignState = {
    definition,
    applied,
    setDefinition: (next) => {
      onSet(next);
      setDefinition(next);
    },
    applyStatus: { kind: "idle" },
    reapply: async () => applied,
    scenarios: [],
    saveScenario: () => null,
    removeScenario: () => undefined,
  };
  return <DesignStateProvider value={value}>{children}</DesignStateProvider>;
}

function renderView({ data = chosen, apply = false }: { data?: ChosenData | null; apply?: boolean } = {}) {
  const set: (SegmentDefinition | null)[] = [];
  const client = engine();
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={{ workbook: null, engine: client }}>
        <DatasetProvider>
          <Choose data={data} />
          <DesignHarness onSet={(next) => set.push(next)} apply={apply}>
            <DesignView />
          </DesignHarness>
        </DatasetProvider>
      </ServicesProvider>
    </FluentProvider>,
  );
  return { ...utils, set, client };
}

async function itemsReady() {
  await screen.findByText(new RegExp(`^${table.ids.length.toLocaleString("en-US")} items from ${sheet.lines.count.toLocaleString("en-US")} rows`));
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByRole("textbox", { name: label }), { target: { value } });
}

async function click(name: string | RegExp, role: "button" | "radio" | "checkbox" = "button") {
  await act(async () => {
    fireEvent.click(screen.getByRole(role, { name }));
  });
}

/** Opens a Fluent dropdown with the keyboard and picks `option` with arrows and Enter. */
async function chooseByKeyboard(combobox: HTMLElement, option: string) {
  combobox.focus();
  await act(async () => {
    fireEvent.keyDown(combobox, { key: "ArrowDown" });
  });
  const listbox = await screen.findByRole("listbox");
  const options = within(listbox).getAllByRole("option");
  const target = options.findIndex((entry) => entry.textContent === option);
  const active = () => options.findIndex((entry) => entry.id === combobox.getAttribute("aria-activedescendant"));
  for (let guard = 0; active() !== target && guard < options.length * 2; guard++) {
    await act(async () => {
      fireEvent.keyDown(combobox, { key: active() < target ? "ArrowDown" : "ArrowUp" });
    });
  }
  await act(async () => {
    fireEvent.keyDown(combobox, { key: "Enter" });
  });
}

beforeEach(() => resetDesignStore());
afterEach(() => resetDesignStore());

describe("the Design view", () => {
  it("asks for data first, and for the columns it needs", async () => {
    renderView({ data: null });
    expect(await screen.findByText("Choose the data to segment in the Data view first: the segments are designed on its items.")).toBeTruthy();
    resetDesignStore();
    document.body.innerHTML = "";
    renderView({ data: { data: chosen.data, roles: { itemId: 1, quantity: 3 } } });
    expect(await screen.findByText("Map Date and Revenue or Unit price in the Data view's Columns to design segments.")).toBeTruthy();
  });

  it("ABC-XYZ: the definition it uses is designAbcXyz's for the same items and options", async () => {
    const { set } = renderView();
    await itemsReady();
    expect(screen.getByText(/· 13 months · readiness/)).toBeTruthy();

    type("A items: first", "120");
    expect(screen.getByText("Enter the share of revenue the A items make up, between 0 and 100 (80 means 80%).")).toBeTruthy();
    await click("Design segments");
    expect(screen.getByText(/^Fix the fields marked in red first: Enter the share of revenue/)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /^Proposed/ })).toBeNull();

    type("A items: first", "70");
    type("Y items: CV up to", "1.2");
    await click("Design segments");
    await screen.findByRole("heading", { name: "Proposed: Sales ABC-XYZ" });
    const proposed = screen.getByRole("table", { name: /^Proposed segments/ });
    const rows = within(proposed).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0].textContent)).toEqual(["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"]);
    const counted = rows.reduce((sum, row) => sum + Number(within(row).getAllByRole("cell")[2].textContent!.replace(/,/g, "")), 0);
    expect(counted).toBe(table.ids.length);

    await click("Use this design");
    expect(set).toHaveLength(1);
    const used = set[0]!;
    expect(used).toEqual(designAbcXyz(table, { ...baseOptions(used.provenance.createdAt), abcDimension: "revenue", abcCutoffs: [0.7, 0.95], xyzCutoffs: [0.5, 1.2] }));
    expect(await screen.findByText("In use: Policies, Scenarios and KPIs work on this design.")).toBeTruthy();
  });

  it("clusters: the figures over k are selectK's, and the defaults give designClusters' segments", async () => {
    const { set, container } = renderView();
    await itemsReady();
    await click(/^Clusters/, "radio");
    expect(screen.getByRole("checkbox", { name: "Revenue" })).toHaveProperty("checked", true);
    expect(screen.getByRole("checkbox", { name: "Order lines" })).toHaveProperty("checked", true);
    expect(screen.getByRole("checkbox", { name: "Demand CV" })).toHaveProperty("checked", true);
    expect(screen.getByRole("checkbox", { name: "Quantity" })).toHaveProperty("checked", false);

    await click("Compare numbers of segments");
    const inertiaChart = await screen.findByRole("img", { name: /^Inertia by k/ });
    // SEGMENT.KSELECT's figures on the same items: log revenue, log order lines, CV, z-scores, 4 starts, seed 1.
    const n = table.ids.length;
    const values = new Float64Array(n * 3);
    ["revenue", "orderlines", "demandcv"].forEach((name, t) => table.numbers.get(name)!.forEach((v, i) => (values[i * 3 + t] = v)));
    const prepared = prepareFeatures(values, n, 3, { transforms: ["log1p", "log1p", "none"] });
    const expected = selectK(prepared.values, prepared.itemCount, 3, { kMin: 2, kMax: 8, seed: 1, restarts: 4 });
    const inertia = [...inertiaChart.querySelectorAll("path[data-x]")].map((marker) => [Number(marker.getAttribute("data-x")), Number(marker.getAttribute("data-y"))]);
    expect(inertia).toEqual(expected.rows.map((row) => [row.k, row.inertia]));
    const silhouette = screen.getByRole("img", { name: /^Mean silhouette by k/ });
    expect([...silhouette.querySelectorAll("path[data-x]")].map((marker) => Number(marker.getAttribute("data-y")))).toEqual(expected.rows.map((row) => row.silhouette));
    expect(screen.getByText(`Recommended: ${expected.recommended} segments.`)).toBeTruthy();
    expect(screen.getByRole("table", { name: /^Inertia, silhouette/ })).toBeTruthy();
    const k = expected.recommended;
    if (k !== 5) await click(`Use k = ${k}`);
    expect(screen.getByRole("textbox", { name: "Number of segments (k)" })).toHaveProperty("value", String(k));

    await click("Design segments");
    await screen.findByRole("heading", { name: "Proposed: Sales clusters" });
    expect(screen.getByRole("table", { name: /^Profile of each segment/ })).toBeTruthy();
    const scatter = screen.getByRole("img", { name: /^Segments on / });
    expect(container.querySelectorAll("path[data-group]")).toHaveLength(k);
    const plotted = [...scatter.querySelectorAll("path[data-group]")].reduce((sum, path) => sum + Number(path.getAttribute("data-points")), 0);
    expect(plotted).toBe(Math.min(2000, n - countMissing(["revenue", "orderlines", "demandcv"])));

    await click("Use this design");
    const used = set[0]!;
    const options = { ...baseOptions(used.provenance.createdAt), name: "Sales clusters" };
    const cli = designClusters(table, { ...options, clusters: k, seed: 1 });
    expect(used.method).toEqual(cli.method);
    expect(used.segments.map(({ id, name, policy, targets }) => ({ id, name, policy, targets }))).toEqual(
      cli.segments.map(({ id, name, policy, targets }) => ({ id, name, policy, targets })),
    );
    expect(used).toEqual(
      designChosenClusters(table, {
        ...options,
        clusters: k,
        seed: 1,
        scaling: "zscore",
        dimensions: [
          { name: "revenue", transform: "log1p", weight: 1 },
          { name: "orderLines", transform: "log1p", weight: 1 },
          { name: "demandCv", transform: "none", weight: 1 },
        ],
      }).definition,
    );
  });

  it("clusters on chosen dimensions, weights, transforms, scaling and seed, set with keyboard and pointer", async () => {
    const { set } = renderView();
    await itemsReady();
    await click(/^Clusters/, "radio");
    await click("Order lines", "checkbox");
    await click("Quantity", "checkbox");
    type("Weight of Revenue", "2");
    await chooseByKeyboard(screen.getByRole("combobox", { name: "Transform of Demand CV" }), "Rank");
    expect(screen.getByRole("combobox", { name: "Transform of Demand CV" }).textContent).toBe("Rank");
    await chooseByKeyboard(screen.getByRole("combobox", { name: "Scaling" }), "Robust (median, IQR)");
    type("Seed", "7");
    type("Number of segments (k)", "3");
    await click("Design segments");
    await screen.findByRole("heading", { name: "Proposed: Sales clusters" });
    await click("Use this design");
    const used = set[0]!;
    expect(used).toEqual(
      designChosenClusters(table, {
        ...baseOptions(used.provenance.createdAt),
        name: "Sales clusters",
        clusters: 3,
        seed: 7,
        scaling: "robust",
        dimensions: [
          { name: "revenue", transform: "log1p", weight: 2 },
          { name: "quantity", transform: "log1p", weight: 1 },
          { name: "demandCv", transform: "rank", weight: 1 },
        ],
      }).definition,
    );
    type("Weight of Revenue", "0");
    expect(screen.getByText("Enter a weight above 0 (1 is normal, 2 counts double); untick the dimension to leave it out.")).toBeTruthy();
  });

  it("demand patterns: the definition it uses is designDemandPatterns' for the same options", async () => {
    const { set } = renderView();
    await itemsReady();
    await click(/^Demand patterns/, "radio");
    type("ADI cutoff", "1.5");
    await click("Split each pattern by ABC class (12 segments)", "checkbox");
    type("B items: up to", "90");
    await click("Design segments");
    await screen.findByRole("heading", { name: "Proposed: Sales demand patterns" });
    await click("Use this design");
    const used = set[0]!;
    expect(used).toEqual(
      designDemandPatterns(table, {
        ...baseOptions(used.provenance.createdAt),
        name: "Sales demand patterns",
        withAbc: true,
        abcDimension: "revenue",
        abcCutoffs: [0.8, 0.9],
        adiCutoff: 1.5,
        cv2Cutoff: 0.49,
      }),
    );
  });

  it("rules: prefilled from the data, edited with keyboard and buttons; the definition is designRules'", async () => {
    const { set } = renderView();
    await itemsReady();
    await click(/^Rules/, "radio");
    // The second starting rule takes the top quarter by revenue: the third quartile (Excel's QUARTILE.INC) to two figures.
    const revenue = Array.from(table.numbers.get("revenue")!).filter((v) => v === v).sort((a, b) => a - b);
    const h = (revenue.length - 1) * 0.75;
    const q3 = revenue[Math.floor(h)] + (h - Math.floor(h)) * (revenue[Math.ceil(h)] - revenue[Math.floor(h)]);
    const threshold = Number(q3.toPrecision(2));
    expect(screen.getByRole("textbox", { name: "Value of rule 2, condition 1" })).toHaveProperty("value", String(threshold));
    expect(screen.getByRole("combobox", { name: "Feature of rule 1, condition 1" }).textContent).toBe("History");

    const rule2 = screen.getByRole("listitem", { name: "Rule 2" });
    await act(async () => {
      fireEvent.click(within(rule2).getByRole("button", { name: "Add condition" }));
    });
    await chooseByKeyboard(screen.getByRole("combobox", { name: "Feature of rule 2, condition 2" }), "Order lines");
    await chooseByKeyboard(screen.getByRole("combobox", { name: "Comparison of rule 2, condition 2" }), ">");
    type("Value of rule 2, condition 2", "x");
    expect(screen.getByText("Enter a number to compare order lines with.")).toBeTruthy();
    type("Value of rule 2, condition 2", "4");
    await click("Move rule 2 up");
    expect(screen.getByRole("listitem", { name: "Rule 1" }).querySelector("input")?.value).toBe("Top sellers");
    type("Items no rule takes go to", "Tail");
    await click("Design segments");
    await screen.findByRole("heading", { name: "Proposed: Sales rules" });
    await click("Use this design");
    const used = set[0]!;
    expect(used).toEqual(
      designRules(table, {
        ...baseOptions(used.provenance.createdAt),
        name: "Sales rules",
        rules: [
          { segment: "Top sellers", when: [{ field: "revenue", op: ">=", value: threshold }, { field: "orderLines", op: ">", value: 4 }] },
          { segment: "New items", when: [{ field: "historyPeriods", op: "<", value: 6 }] },
        ],
        otherwise: "Tail",
      }),
    );
  });

  it("names the segments in use: counts from the applied result, suggested names prefilled, duplicates refused", async () => {
    const { set } = renderView({ apply: true });
    await itemsReady();
    await click("Design segments");
    await screen.findByRole("heading", { name: "Proposed: Sales ABC-XYZ" });
    await click("Use this design");
    await screen.findByRole("heading", { name: "Segments in use: Sales ABC-XYZ" });
    const used = set[0]!;
    const applied = applyDefinition(used, sheet.lines, { ...lineRulesOf(DEFAULT_LINE_RULES), thresholds: DEFAULT_THRESHOLDS, columns: sheet.columns });
    const inUse = screen.getByRole("table", { name: /^Segments in use/ });
    const rows = within(inUse).getAllByRole("row").slice(1);
    const total = applied.measures[used.segments.length];
    rows.forEach((row, k) => {
      const cells = within(row).getAllByRole("cell");
      expect(cells[0].textContent).toBe(used.segments[k].id);
      expect(within(cells[1]).getByRole("textbox")).toHaveProperty("value", used.segments[k].name);
      expect(cells[2].textContent).toBe(applied.measures[k].items.toLocaleString("en-US"));
      expect(cells[3].textContent).toBe(formatShare(applied.measures[k].revenue / total.revenue));
    });
    expect(applied.measures.slice(0, -1).reduce((sum, m) => sum + m.items, 0)).toBe(total.items);

    type("Name of segment AY", " core runners ");
    expect(screen.getByText('Segment AX is also named "core runners": give each segment its own name.')).toBeTruthy();
    await click("Save names");
    expect(set).toHaveLength(1);
    type("Name of segment AY", "");
    expect(screen.getByText("Give segment AY a name.")).toBeTruthy();

    type("Name of segment AY", "Core, seasonal");
    await act(async () => {
      fireEvent.submit(screen.getByRole("form", { name: "Segment names" }));
    });
    expect(set).toHaveLength(2);
    expect(set[1]).toEqual({ ...used, segments: used.segments.map((segment) => (segment.id === "AY" ? { ...segment, name: "Core, seasonal" } : segment)) });
    expect(await screen.findByText("Names saved; every item keeps its segment.")).toBeTruthy();
    expect(within(screen.getByRole("table", { name: /^Segments in use/ })).getAllByRole("row")[2].textContent).toContain(applied.measures[1].items.toLocaleString("en-US"));
  });

  it("the method is a radio group and the main controls are reachable by keyboard", async () => {
    renderView();
    await itemsReady();
    const radios = screen.getAllByRole("radio");
    expect(radios.map((radio) => radio.getAttribute("name"))).toEqual(radios.map(() => radios[0].getAttribute("name")));
    expect(screen.getByRole("radiogroup", { name: "Method" })).toBeTruthy();
    await chooseByKeyboard(screen.getByRole("combobox", { name: "Demand period" }), "Week");
    await screen.findByText(/ weeks · readiness/);
    for (const control of [screen.getByRole("radio", { name: /^ABC-XYZ/ }), screen.getByRole("button", { name: "Design segments" }), screen.getByRole("textbox", { name: "A items: first" })]) {
      control.focus();
      expect(document.activeElement).toBe(control);
    }
  });

  it("remembers the choices and the proposal while another view is open", async () => {
    const first = renderView();
    await itemsReady();
    type("A items: first", "75");
    await click("Design segments");
    await screen.findByRole("heading", { name: "Proposed: Sales ABC-XYZ" });
    first.unmount();
    renderView();
    expect(await screen.findByRole("heading", { name: "Proposed: Sales ABC-XYZ" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "A items: first" })).toHaveProperty("value", "75");
  });

  it("stops a design on Cancel and says nothing changed", async () => {
    renderView();
    await itemsReady();
    await click(/^Clusters/, "radio");
    type("Number of segments (k)", "12");
    await click("Design segments");
    expect(screen.getByRole("progressbar", { name: "Designing the segments" })).toBeTruthy();
    await click("Cancel");
    expect(await screen.findByText("Designing the segments was cancelled; nothing changed.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /^Proposed/ })).toBeNull();
  });
});

/** Items missing a value in any of these features (left out of the clustering). */
function countMissing(features: string[]): number {
  let missing = 0;
  for (let item = 0; item < table.ids.length; item++) if (features.some((name) => !(table.numbers.get(name)![item] === table.numbers.get(name)![item]))) missing++;
  return missing;
}
