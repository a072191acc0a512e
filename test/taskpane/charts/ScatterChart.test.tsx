/**
 * @jest-environment jsdom
 */
import "../../support/dom";
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { axisTicks, groupMarker, ScatterChart, symlog } from "../../../src/taskpane/charts/ScatterChart";

function draw(props: Partial<React.ComponentProps<typeof ScatterChart>> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ScatterChart
        title="Segments on revenue and demand CV"
        x={{ label: "Revenue", scale: "linear" }}
        y={{ label: "Demand CV", scale: "linear" }}
        xs={[0, 10, 20, 80, 90, 100]}
        ys={[0.2, 0.4, 0.3, 1.5, 1.2, 1]}
        group={[0, 0, 0, 1, 1, 1]}
        groups={[
          { name: "Low revenue", label: "S1", count: 300, centre: { x: 10, y: 0.3 } },
          { name: "High revenue", label: "S2", count: 30, centre: { x: 90, y: 1.2 } },
        ]}
        note="6 of 330 items shown"
        {...props}
      />
    </FluentProvider>,
  );
}

/** The (x, y) of every marker in a group's path: each circle starts "M{x − r} {y}a{r}". */
function points(path: Element): [number, number][] {
  return [...(path.getAttribute("d") ?? "").matchAll(/M([\d.-]+) ([\d.-]+)a([\d.]+)/g)].map((m) => [Number(m[1]) + Number(m[3]), Number(m[2])]);
}

test("each group's points in one path, where their values fall; centres labelled; the chart read out", () => {
  const { container } = draw();
  expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
    "Segments on revenue and demand CV: Demand CV against Revenue. 6 of 330 items shown. " +
      "Low revenue: 300 items, centre at Revenue 10, Demand CV 0.3; High revenue: 30 items, centre at Revenue 90, Demand CV 1.2.",
  );
  const first = container.querySelector("path[data-group='0']")!;
  expect(first.getAttribute("data-points")).toBe("3");
  expect(container.querySelector("path[data-group='1']")?.getAttribute("data-points")).toBe("3");
  // x ticks 0 … 100 by 25 span 44 … 288; y ticks 0 … 1.5 by 0.5 span 206 (0) … 10 (1.5), so
  // CV 0.2 is at 206 − 0.2/1.5 × 196 = 179.9.
  expect(points(first)).toEqual([
    [44, 179.9],
    [68.4, 153.7],
    [92.8, 166.8],
  ]);
  // Groups differ by shape as well as colour: the second group's markers are squares.
  expect(groupMarker(1).shape).toBe("square");
  expect(container.querySelector("path[data-group='1']")?.getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+h/);
  expect([...container.querySelectorAll("[data-centre] text")].map((t) => t.textContent)).toEqual(["S1", "S2"]);
  const legend = screen.getByRole("list", { name: "Legend of Segments on revenue and demand CV" });
  expect(within(legend).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["S1 Low revenue (300)", "S2 High revenue (30)"]);
});

test("a log axis spaces 0, 9 and 99 evenly (ln 1, ln 10, ln 100) and labels powers of ten", () => {
  const { container } = draw({ x: { label: "Revenue", scale: "log" }, xs: [0, 9, 99, 0, 9, 99] });
  const [a, b, c] = points(container.querySelector("path[data-group='0']")!);
  expect(b[0] - a[0]).toBeCloseTo(c[0] - b[0], 5);
  expect(screen.getByText("Revenue (log scale)")).toBeTruthy();
  expect(screen.getByRole("img").getAttribute("aria-label")).toContain("Demand CV against Revenue (log scale).");
  expect(axisTicks("log", 0, 12000)).toEqual([0, 1, 10, 100, 1000, 10000]);
  expect(axisTicks("log", -50, 500)).toEqual([-10, -1, 0, 1, 10, 100]);
  expect(axisTicks("log", 0, 5e6)).toEqual([0, 1, 100, 10000, 1000000]);
  expect(symlog(-9)).toBeCloseTo(-Math.log(10), 12);
});

test("points without a value or group are not drawn", () => {
  const { container } = draw({ xs: [0, NaN, 20, 80, 90, 100], group: [0, 0, 0, 1, 7, -1] });
  expect(container.querySelector("path[data-group='0']")?.getAttribute("data-points")).toBe("2");
  expect(container.querySelector("path[data-group='1']")?.getAttribute("data-points")).toBe("1");
});
