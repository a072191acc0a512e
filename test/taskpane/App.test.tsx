/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { FUNCTION_CATALOG } from "../../src/taskpane/catalog";
import { themeForBackground } from "../../src/taskpane/theme";

test("the pane lists every function with its signature and an example", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="Excel" />
    </FluentProvider>,
  );
  expect(screen.getByRole("heading", { level: 1, name: "Supply Segments" })).toBeTruthy();
  const list = screen.getByRole("list");
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(FUNCTION_CATALOG.length);
  for (const entry of FUNCTION_CATALOG) {
    const item = screen.getByRole("listitem", { name: entry.name });
    expect(within(item).getByText(entry.signature)).toBeTruthy();
    expect(within(item).getByText(entry.example)).toBeTruthy();
  }
  expect(screen.queryByText(/Not running inside Excel/)).toBeNull();
});

test("outside Excel the pane says so", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={null} />
    </FluentProvider>,
  );
  expect(screen.getByText(/Not running inside Excel/)).toBeTruthy();
});

test("the catalog covers every public function", () => {
  expect(FUNCTION_CATALOG.map((f) => f.name)).toEqual(
    expect.arrayContaining([
      "SEGMENT.ABC", "SEGMENT.XYZ", "SEGMENT.DEMANDPATTERN", "SEGMENT.SAFETYSTOCK", "SEGMENT.REORDERPOINT", "SEGMENT.FILLRATE", "SEGMENT.EOQ",
    ]),
  );
});

test("the Fluent theme follows Office's: dark backgrounds give the dark theme", () => {
  expect(themeForBackground("#1f1f1f")).toBe(webDarkTheme);
  expect(themeForBackground("#ffffff")).toBe(webLightTheme);
  expect(themeForBackground("#e6e6e6")).toBe(webLightTheme);
  expect(themeForBackground(undefined)).toBe(webLightTheme);
  expect(themeForBackground("not a colour")).toBe(webLightTheme);
});
