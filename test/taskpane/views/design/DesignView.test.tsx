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
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { applyDefinition, type ApplyResult } from "../../../../src/engine/apply/applyDefinition";
import { prepareFeatures } from "../../../../src/engine/cluster/prepare";
import { selectK } from "../../../../src/engine/cluster/kselect";
import { DESIGN_EXCEPTIONS, designAbcXyz, type DesignOptions } from "../../../../src/engine/definition/design";
import { designChosenClusters } from "../../../../src/engine/definition/designChosenClusters";
import { designClusters } from "../../../../src/engine/definition/designClusters";
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
    serveJobs(pair.scope, ENGINE_JOBS, { progressIntervalMs: 0 });
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
    expect(screen.getByRole("progressbar", { name: "Designing the segments: progress" })).toBeTruthy();
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
