/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { BarChart, barChartSummary, type BarDatum } from "../../../src/taskpane/charts/BarChart";

const data: BarDatum[] = [
  { label: "AX", name: "AX Core runners", value: 0.5, valueText: "50%", target: 0.9, targetText: "90%", tone: "danger", toneText: "escalate" },
  { label: "BY", value: 1, valueText: "100%", target: 0.95, targetText: "95%", tone: "good", toneText: "on target" },
  { label: "CZ", value: 0.25, valueText: "25%", tone: "warning", toneText: "off target" },
  { label: "DX", value: NaN, valueText: "n/a" },
];

function bars(container: HTMLElement) {
  return Array.from(container.querySelectorAll<SVGRectElement>("rect[data-value]"));
}

test("bar heights are proportional to the values, from a zero baseline, on the scale given", () => {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <BarChart title="Fill rate by segment" data={data} max={1} plotHeight={100} />
    </FluentProvider>,
  );
  const drawn = bars(container);
  // NaN draws no bar.
  expect(drawn.map((bar) => bar.closest("g")!.getAttribute("data-bar"))).toEqual(["AX", "BY", "CZ"]);
  const heights = drawn.map((bar) => Number(bar.getAttribute("height")));
  expect(heights).toEqual([50, 100, 25]);
  // Every bar stands on the same baseline: y + height is constant.
  const bottoms = drawn.map((bar) => Number(bar.getAttribute("y")) + Number(bar.getAttribute("height")));
  expect(new Set(bottoms).size).toBe(1);
  // The target of AX (0.9) is drawn 90 units above the baseline.
  const targets = Array.from(container.querySelectorAll("line[data-target]"));
  expect(targets).toHaveLength(2);
  expect(bottoms[0] - Number(targets[0].getAttribute("y1"))).toBeCloseTo(90, 10);
  // The missing value is written as n/a under the labels.
  expect(container.querySelector('g[data-bar="DX"]')!.textContent).toBe("n/aDX");
});

test("without a scale, the largest value or target is the top", () => {
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <BarChart
        title="Inventory turns by segment"
        data={[
          { label: "A", value: 2, valueText: "2", target: 8, targetText: "8" },
          { label: "B", value: 4, valueText: "4" },
        ]}
        plotHeight={80}
      />
    </FluentProvider>,
  );
  expect(bars(container).map((bar) => Number(bar.getAttribute("height")))).toEqual([20, 40]);
});

test("an image with a summary for screen readers; state shown by pattern as well as colour; legend in words", () => {
  const { container } = render(
    <FluentProvider theme={webDarkTheme}>
      <BarChart title="Fill rate by segment" data={data} max={1} />
    </FluentProvider>,
  );
  const image = screen.getByRole("img");
  expect(image.getAttribute("aria-label")).toBe(
    "Fill rate by segment: AX Core runners 50%, target 90%, escalate; BY 100%, target 95%, on target; CZ 25%, off target; DX no value.",
  );
  expect(image.getAttribute("aria-label")).toBe(barChartSummary("Fill rate by segment", data));
  expect(container.querySelector('g[data-bar="AX"] rect[data-pattern="hatched"]')).not.toBeNull();
  expect(container.querySelector('g[data-bar="CZ"] rect[data-pattern="dotted"]')).not.toBeNull();
  expect(container.querySelector('g[data-bar="BY"] rect[data-pattern]')).toBeNull();
  expect(screen.getByText("Fill rate by segment").tagName).toBe("FIGCAPTION");
  expect(screen.getByText("hatched: escalate")).toBeTruthy();
  expect(screen.getByText("dotted: off target")).toBeTruthy();
  expect(screen.getByText("target")).toBeTruthy();
  // Colours come from the theme's tokens, never hard-coded in the drawing.
  expect(container.querySelector("svg")!.innerHTML).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
});
