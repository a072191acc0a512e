/**
 * @jest-environment jsdom
 */
import "../support/dom";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { FUNCTION_CATALOG } from "../../src/taskpane/catalog";
import { readMetadata } from "../support/builtFunctions";
import { ServicesProvider } from "../../src/taskpane/services";
import { themeForBackground } from "../../src/taskpane/theme";
import { VIEWS, type ViewId } from "../../src/taskpane/views";

/** Renders the pane and lets the lazily loaded view arrive inside act(). */
async function renderPane(host: string | null, initialView?: ViewId) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={{ workbook: null, engine: null }}>
          <App host={host} initialView={initialView} />
        </ServicesProvider>
      </FluentProvider>,
    );
  });
}

test("the shell: a title, a labelled list of views with Data first, and the open view's panel", async () => {
  await renderPane("Excel");
  expect(screen.getByRole("heading", { level: 1, name: "Supply Segments" })).toBeTruthy();
  const nav = screen.getByRole("navigation", { name: "Views" });
  const tabs = within(nav).getAllByRole("tab");
  expect(tabs).toEqual(["Data", "Design", "Policies", "Scenarios", "KPIs", "Governance", "Functions"].map((name) => within(nav).getByRole("tab", { name })));
  expect(tabs[0].getAttribute("aria-selected")).toBe("true");
  const panel = screen.getByRole("tabpanel");
  expect(panel.getAttribute("aria-labelledby")).toBe(tabs[0].id);
  expect(tabs[0].getAttribute("aria-controls")).toBe(panel.id);
  // The order of work: data, design, policies, scenarios, KPIs, sign-off; the function list last.
  expect(VIEWS.map((view) => view.id)).toEqual(["data", "design", "policies", "scenarios", "kpis", "governance", "functions"]);
});

test("the Functions view lists every function with its signature and an example", async () => {
  await renderPane("Excel");
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
  });
  expect(await screen.findByRole("heading", { level: 2, name: "Functions" })).toBeTruthy();
  expect(screen.getByRole("tab", { name: "Functions" }).getAttribute("aria-selected")).toBe("true");
  const items = within(screen.getByRole("list")).getAllByRole("listitem");
  expect(items).toHaveLength(FUNCTION_CATALOG.length);
  for (const entry of FUNCTION_CATALOG) {
    const item = screen.getByRole("listitem", { name: entry.name });
    expect(within(item).getByText(entry.signature)).toBeTruthy();
    expect(within(item).getByText(entry.example)).toBeTruthy();
  }
  expect(screen.queryByText(/Not running inside Excel/)).toBeNull();
});

test("outside Excel the pane says so, and the Data view says where to open it", async () => {
  await renderPane(null);
  expect(screen.getByText(/Not running inside Excel/)).toBeTruthy();
  expect(await screen.findByText("Open Supply Segments in Excel to choose data from your workbook.")).toBeTruthy();
});

test("the catalog covers every public function, in the built functions.json", () => {
  const ids = readMetadata().functions.map((entry: { id: string }) => `SEGMENT.${entry.id}`);
  expect(FUNCTION_CATALOG.map((f) => f.name).sort()).toEqual([...ids].sort());
});

test("the Fluent theme follows Office's: dark backgrounds give the dark theme", () => {
  expect(themeForBackground("#1f1f1f")).toBe(webDarkTheme);
  expect(themeForBackground("#ffffff")).toBe(webLightTheme);
  expect(themeForBackground("#e6e6e6")).toBe(webLightTheme);
  expect(themeForBackground(undefined)).toBe(webLightTheme);
  expect(themeForBackground("not a colour")).toBe(webLightTheme);
});
