/**
 * @jest-environment jsdom
 */
import "../../support/dom";
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { LineChart, lineChartSummary, markerPath, niceTicks } from "../../../src/taskpane/charts/LineChart";

const inertia = [
  { x: 2, y: 100 },
  { x: 3, y: 60 },
  { x: 4, y: 40 },
];

function draw(props: Partial<React.ComponentProps<typeof LineChart>> = {}, theme = webLightTheme) {
  return render(
    <FluentProvider theme={theme}>
      <LineChart title="Inertia by k" xLabel="k" yLabel="inertia" series={[{ name: "inertia", points: inertia }]} highlightX={3} highlightLabel="recommended" {...props} />
    </FluentProvider>,
  );
}

/** The centre of a circle marker from its path ("M{x − r} {y}a…"), and its radius from the arc. */
function circleAt(path: Element): { x: number; y: number; r: number } {
  const match = /^M([\d.-]+) ([\d.-]+)a([\d.]+)/.exec(path.getAttribute("d") ?? "")!;
  const r = Number(match[3]);
  return { x: Number(match[1]) + r, y: Number(match[2]), r };
}

test("round ticks that cover the values", () => {
  expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
  expect(niceTicks(0, 97)).toEqual([0, 25, 50, 75, 100]);
  expect(niceTicks(0, 0.62)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  expect(niceTicks(0.3, 0.9, 3)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  expect(niceTicks(-3, 7)).toEqual([-5, -2.5, 0, 2.5, 5, 7.5]);
  expect(niceTicks(5, 5)).toEqual([5]);
});

test("one marker per point where its x and y fall, the marked x larger, and the points read out", () => {
  const { container } = draw();
  const chart = screen.getByRole("img");
  expect(chart.getAttribute("aria-label")).toBe("Inertia by k (inertia by k): k 2: 100, k 3: 60, k 4: 40. recommended: k 3.");
  const markers = [...container.querySelectorAll("[data-series='inertia'] path[data-x]")];
  expect(markers.map((m) => [m.getAttribute("data-x"), m.getAttribute("data-y")])).toEqual([
    ["2", "100"],
    ["3", "60"],
    ["4", "40"],
  ]);
  // Plot area: x from 44 to 288 (300 wide, margins 44 and 12), y from 14 (value 100) down to 136 (value 0).
  const [first, second, third] = markers.map(circleAt);
  expect(first).toEqual({ x: 44, y: 14, r: 3 });
  expect(second).toEqual({ x: 166, y: 62.8, r: 4.5 });
  expect(third.x).toBe(288);
  expect(third.y).toBeCloseTo(14 + 122 * 0.6, 1);
  // The line joins the points in x order.
  expect(container.querySelector("[data-series='inertia'] > path:not([data-x])")?.getAttribute("d")).toBe("M44.0 14.0L166.0 62.8L288.0 87.2");
  const texts = [...container.querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toEqual(expect.arrayContaining(["0", "25", "50", "75", "100", "2", "3", "4", "k", "inertia", "recommended"]));
  expect(container.querySelector("[data-highlight='3'] line")?.getAttribute("x1")).toBe("166");
  expect(screen.getByText("Inertia by k")).toBeTruthy();
});

test("a missing value breaks the line and is read as no value; several series get a legend", () => {
  const { container } = draw({
    series: [
      { name: "inertia", points: [{ x: 2, y: 10 }, { x: 3, y: NaN }, { x: 4, y: 5 }] },
      { name: "silhouette", points: [{ x: 2, y: 0.4 }, { x: 3, y: 0.5 }, { x: 4, y: 0.3 }] },
    ],
    highlightX: undefined,
    formatY: (y) => y.toFixed(2),
  });
  expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
    "Inertia by k (inertia by k): inertia: k 2: 10.00, k 3: no value, k 4: 5.00; silhouette: k 2: 0.40, k 3: 0.50, k 4: 0.30.",
  );
  expect(container.querySelectorAll("[data-series='inertia'] path[data-x]")).toHaveLength(2);
  expect(container.querySelector("[data-series='inertia'] > path:not([data-x])")?.getAttribute("d")).toMatch(/^M44\.0 [\d.]+M288\.0 [\d.]+$/);
  // The second series is dashed and drawn with squares, so it differs without colour.
  const second = container.querySelector("[data-series='silhouette'] > path:not([data-x])") as SVGPathElement;
  expect(second.style.strokeDasharray).toBe("5 3");
  expect(container.querySelector("[data-series='silhouette'] path[data-x]")?.getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+h/);
  expect(screen.getByText("silhouette")).toBeTruthy();
});

test("colours come from theme tokens, so the dark theme recolours the chart", () => {
  const { container } = draw({}, webDarkTheme);
  const line = container.querySelector("[data-series='inertia'] > path") as SVGPathElement;
  expect(line.style.stroke).toBe("var(--colorBrandForeground1)");
});

test("marker shapes: a square is a closed box around the point", () => {
  expect(markerPath("square", 10, 20, 3)).toBe("M7 17h6v6h-6Z");
  expect(lineChartSummary({ title: "T", xLabel: "k", yLabel: "y", series: [{ name: "s", points: [] }] })).toBe("T (y by k): .");
});
