/**
 * @jest-environment jsdom
 */
/**
 * A clusters proposal as the design job makes it (run in this thread on the real-data slice of
 * retailSheet.ts): the profile table, the scatter on the two most separating dimensions or the ones
 * picked, and the warning when other seeds give other segments.
 */
import "../../../support/dom";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { formatCount, formatShare } from "../../../../src/engine/definition/format";
import { chosenLines } from "../../../../src/taskpane/analysis/chosenLines";
import { runInThisThread } from "../../../../src/taskpane/analysis/runJob";
import { ClusterDetails, defaultAxes } from "../../../../src/taskpane/views/design/ClusterDetails";
import { designClustersJob, designItemsJob, type ClusterProposal } from "../../../../src/taskpane/worker/designJobs";
import { DEFAULT_LINE_RULES } from "../../../../src/engine/transactions/lineRules";
import { DEFAULT_THRESHOLDS } from "../../../../src/engine/readiness/readiness";
import { retailChoice } from "./retailSheet";

jest.setTimeout(60000);

let proposal: ClusterProposal;

beforeAll(async () => {
  const chosen = retailChoice(40);
  const sheet = chosenLines(chosen);
  const items = await runInThisThread(designItemsJob, {
    lines: sheet.lines,
    columns: sheet.columns,
    lineRules: DEFAULT_LINE_RULES,
    period: "month",
    costRatio: 1,
    thresholds: DEFAULT_THRESHOLDS,
  });
  proposal = await runInThisThread(designClustersJob, {
    items,
    options: {
      id: "Sales",
      name: "Sales clusters",
      author: "Planner",
      dataSource: "table Sales",
      rowCount: items.rowCount,
      createdAt: "2024-05-01T09:00:00Z",
      period: "month",
      clusters: 4,
      seed: 1,
      dimensions: [
        { name: "revenue", transform: "log1p", weight: 1 },
        { name: "quantity", transform: "log1p", weight: 1 },
        { name: "demandCv", transform: "none", weight: 1 },
      ],
    },
  });
});

function show(value: ClusterProposal) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ClusterDetails proposal={value} />
    </FluentProvider>,
  );
}

test("the two dimensions that separate the segments most are the default axes", () => {
  expect(defaultAxes([0.2, 0.9, 0.5])).toEqual([1, 2]);
  expect(defaultAxes([0.7, 0.1, 0.7])).toEqual([0, 2]);
  expect(defaultAxes([0.4])).toEqual([0, 0]);
});

test("profiles per segment, and a scatter of a sample of the placed items on the most separating pair", async () => {
  show(proposal);
  const { profile, scatter, definition } = proposal;
  expect(scatter.separation.every((share) => share >= 0 && share <= 1)).toBe(true);
  const rows = within(screen.getByRole("table", { name: /^Profile of each segment/ })).getAllByRole("row");
  expect(within(rows[0]).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual([
    "Segment", "Suggested name", "Items", "Revenue", "Median revenue", "Median quantity", "Median Demand CV",
  ]);
  rows.slice(1).forEach((row, j) => {
    const cells = within(row).getAllByRole("cell").map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual([definition.segments[j].id, profile[j].name, formatCount(profile[j].size), formatShare(profile[j].shareOfRevenue)]);
  });
  // The sizes add up to the items placed; 2,000 of them are plotted, each in its own segment's colour.
  expect(profile.reduce((sum, row) => sum + row.size, 0)).toBe(scatter.placed);
  expect(scatter.placed).toBeGreaterThan(2000);
  expect(scatter.segment.length).toBe(2000);
  const sampled = profile.map((_, j) => scatter.segment.filter((k) => k === j).length);
  sampled.forEach((count, j) => expect(count).toBeLessThanOrEqual(profile[j].size));
  expect(Array.from(document.querySelectorAll("path[data-group]"), (path) => Number(path.getAttribute("data-points")))).toEqual(sampled);
  const [ax, ay] = defaultAxes(scatter.separation);
  const names = ["revenue", "quantity", "Demand CV"];
  const chart = screen.getByRole("img", { name: new RegExp(`^Segments on ${names[ax]} and ${names[ay]}:`) });
  expect(chart.getAttribute("aria-label")).toContain(`2,000 of ${formatCount(scatter.placed)} items shown, a random sample.`);
  expect(screen.queryByText(/Other seeds give other segments/)).toBeNull();
});

test("the axes can be picked; a weak agreement between seeds is said in a sentence", async () => {
  show({ ...proposal, stability: { meanAgreement: 0.71, minimumAgreement: 0.52, verdict: "unstable", runs: 5 } });
  expect(
    screen.getByText(
      "Other seeds give other segments: 5 clusterings from different seeds agree 0.71 on average (adjusted Rand; 1 is identical, below 0.9 is unstable). Try fewer segments, or dimensions that separate the items more clearly.",
    ),
  ).toBeTruthy();
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox", { name: "Across" }));
  });
  await act(async () => {
    fireEvent.click(within(screen.getByRole("listbox")).getByRole("option", { name: "Demand CV" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("combobox", { name: "Up" }));
  });
  await act(async () => {
    fireEvent.click(within(screen.getByRole("listbox")).getByRole("option", { name: "Revenue" }));
  });
  expect(screen.getByRole("img", { name: /^Segments on Demand CV and revenue: Revenue \(log scale\) against Demand CV\./ })).toBeTruthy();
});
