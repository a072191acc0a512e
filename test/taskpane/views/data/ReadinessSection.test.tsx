/**
 * @jest-environment jsdom
 */
import "../../../support/dom";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_THRESHOLDS } from "../../../../src/engine/readiness/readiness";
import { WorkbookError } from "../../../../src/excel/errors";
import type { RowsLocation } from "../../../../src/excel/selectRows";
import { setReadinessThresholds } from "../../../../src/taskpane/analysis/readinessThresholds";
import DataView from "../../../../src/taskpane/views/data/DataView";
import { DatasetProvider } from "../../../../src/taskpane/dataset";
import { ServicesProvider, type PaneServices } from "../../../../src/taskpane/services";
import { JobClient, type WorkerLike } from "../../../../src/taskpane/worker/client";
import type { EngineJobs } from "../../../../src/taskpane/worker/registry";
import type { JobEvent, JobRequest } from "../../../../src/taskpane/worker/protocol";
import { createExcelGateway } from "../../../../src/taskpane/workbook/excelGateway";
import type { WorkbookGateway } from "../../../../src/taskpane/workbook/gateway";
import { readCsvHead, sharedDataFile } from "../../../support/dataFiles";
import { installExcelMock } from "../../../support/excel/excelMock";
import { installOfficeMock } from "../../../support/excel/officeMock";
import { plannerWorkbookSpec } from "../../../support/excel/realWorkbooks";
import { modelFromSpec } from "../../../support/excel/workbookModel";

const LINES = 300;
/** Sheet row 6 (data row 4) gets a quantity no reader can use. */
const BAD_ROW = 6;

/** The first 300 lines of UCI Online Retail as the table Sales, with one quantity spoilt; selectRows is a fake that records its calls. */
function retailGateway() {
  const model = modelFromSpec(plannerWorkbookSpec(LINES, 20));
  model.sheet("Transactions")!.put(BAD_ROW - 1, 3, [["x"]]);
  installExcelMock(model);
  installOfficeMock(model);
  const selectRows = jest.fn(async (_data: RowsLocation, rows: readonly number[]) => `Transactions!A${rows[0] + 2}:H${rows[rows.length - 1] + 2}`);
  const gateway: WorkbookGateway = { ...createExcelGateway(), selectRows };
  return { gateway, selectRows };
}

/** The same 300 lines straight from the CSV, for figures worked out without the pane. */
function retailRecords() {
  const { header, records } = readCsvHead(sharedDataFile("online-retail", "online_retail.csv.gz"), LINES);
  const column = (name: string) => header.indexOf(name);
  return { records, stockCode: column("StockCode"), date: column("InvoiceDate"), quantity: column("Quantity") };
}

async function renderData(gateway: WorkbookGateway, engine: PaneServices["engine"] = null) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={{ workbook: gateway, engine }}>
          <DatasetProvider>
            <DataView />
          </DatasetProvider>
        </ServicesProvider>
      </FluentProvider>,
    );
  });
  const source = await screen.findByRole("combobox", { name: "Data to segment" });
  await waitFor(() => expect(source.textContent).toBe("Sales · table · 300 rows"));
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Read data" }));
  });
  await screen.findByText(/^300 rows · 8 columns/);
}

async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

function checkItems(): string[] {
  return within(screen.getByRole("list", { name: "Readiness checks" }))
    .getAllByRole("listitem")
    .map((item) => item.getAttribute("aria-label") ?? "");
}

beforeEach(() => setReadinessThresholds(DEFAULT_THRESHOLDS));

describe("the Data view's readiness check", () => {
  it("passes and fails each check with its figures, lists the unreadable cell, and shows failing rows in the sheet", async () => {
    const { gateway, selectRows } = retailGateway();
    await renderData(gateway);
    await click(screen.getByRole("button", { name: "Check readiness" }));
    await screen.findByText("Not ready yet");

    // Worked out from the CSV: the items are the stock codes with a digit on a readable line (the spoilt row is not readable).
    const { records, stockCode, date } = retailRecords();
    const items = new Set(records.filter((_, i) => i !== BAD_ROW - 2).map((record) => record[stockCode].trim()).filter((code) => /\d/.test(code)));
    const days = records.map((record) => record[date].slice(0, 10)).sort();
    expect(
      screen.getByText(`1 of 5 checks fails. 300 rows · ${items.size} items · 1 month (${days[0]} to ${days[days.length - 1]}).`),
    ).toBeTruthy();
    expect(checkItems()).toEqual([
      "Pass: Item ID (StockCode) can be read",
      "Pass: Date (InvoiceDate) can be read",
      "Pass: Quantity (Quantity) can be read",
      "Pass: Unit price (UnitPrice) can be read",
      "Fail: Items with at least 12 months of history",
    ]);
    // 299 of 300 quantities readable: 99.67%, shown rounded down so it never reads as more than it is.
    expect(screen.getByText("99.6% of rows · needs 99%")).toBeTruthy();
    expect(screen.getByText("299 of 300 rows readable; 1 unreadable (see the rows below)")).toBeTruthy();
    expect(screen.getByText("0.0% of items · needs 95%")).toBeTruthy();
    expect(screen.getByText(`0 of ${items.size} items; the data spans only 1 month, so no item can have 12`)).toBeTruthy();

    const cells = screen.getByRole("table", { name: "Cells that can't be read" });
    const [, row] = within(cells).getAllByRole("row");
    expect(within(row).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([String(BAD_ROW), "Quantity", "x", '"x" is not a number', "Show in sheet"]);

    // The unreadable cell, one click away: data row 4 is sheet row 6.
    await click(within(row).getByRole("button", { name: `Show row ${BAD_ROW} in the sheet` }));
    expect(selectRows).toHaveBeenLastCalledWith(expect.objectContaining({ sheetName: "Transactions", address: "Transactions!A2:H301", rowCount: 300 }), [BAD_ROW - 2]);
    expect(await screen.findByText(`Selected row ${BAD_ROW} in the sheet: Transactions!A${BAD_ROW}:H${BAD_ROW}.`)).toBeTruthy();

    // The failing column's rows from its check.
    await click(screen.getByRole("button", { name: "Show the 1 row where Quantity can't be read in the sheet" }));
    expect(selectRows).toHaveBeenLastCalledWith(expect.anything(), [BAD_ROW - 2]);

    // An item short of history: every row of its lines.
    const shortItems = screen.getByRole("table", { name: "Items short of history" });
    const [, firstItem] = within(shortItems).getAllByRole("row");
    const id = within(firstItem).getAllByRole("cell")[0].textContent!;
    await click(within(firstItem).getByRole("button", { name: `Show the rows of item ${id} in the sheet` }));
    const itemDataRows = records.flatMap((record, i) => (record[stockCode].trim() === id ? [i] : []));
    expect(itemDataRows.length).toBeGreaterThan(0);
    expect(selectRows).toHaveBeenLastCalledWith(expect.anything(), itemDataRows);
  });

  it("takes the planner's thresholds: with 1 month of history asked for, the same data is ready", async () => {
    const { gateway } = retailGateway();
    await renderData(gateway);
    await click(screen.getByRole("button", { name: "Check readiness" }));
    await screen.findByText("Not ready yet");

    const months = screen.getByRole("spinbutton", { name: "Months of history" });
    await act(async () => {
      fireEvent.change(months, { target: { value: "1" } });
    });
    expect(screen.getByText("These findings are for the columns and thresholds of the last check. Check again to update them.")).toBeTruthy();
    await click(screen.getByRole("button", { name: "Check readiness" }));
    await screen.findByText("Ready to segment");
    expect(checkItems()[4]).toBe("Pass: Items with at least 1 month of history");
    expect(screen.queryByText(/These findings are for/)).toBeNull();

    // A threshold that can't be used is said so, and nothing runs on it.
    const completeness = screen.getByRole("spinbutton", { name: "Minimum completeness (%)" });
    await act(async () => {
      fireEvent.change(completeness, { target: { value: "150" } });
    });
    expect(screen.getByText("The minimum completeness must be from 0 to 100%; 150 is not.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Check readiness" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("says why rows could not be shown in the sheet", async () => {
    const { gateway, selectRows } = retailGateway();
    const message = "Could not select rows in Transactions: this needs Excel for Microsoft 365, Excel 2021 or later, or Excel on the web (ExcelApi 1.9).";
    selectRows.mockRejectedValueOnce(new WorkbookError("unsupported", message));
    await renderData(gateway);
    await click(screen.getByRole("button", { name: "Check readiness" }));
    await screen.findByText("Not ready yet");
    await click(screen.getByRole("button", { name: `Show row ${BAD_ROW} in the sheet` }));
    expect(await screen.findByText(message)).toBeTruthy();
  });

  it("asks for the columns it needs before checking", async () => {
    const { gateway } = retailGateway();
    await renderData(gateway);
    const date = screen.getByRole("combobox", { name: "Date" });
    await click(date);
    await click(within(await screen.findByRole("listbox")).getByRole("option", { name: "Not in the data" }));
    expect(screen.getByText("Map Date in Columns to check readiness.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Check readiness" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("runs in the engine worker with a progress bar, and Cancel stops it with nothing changed", async () => {
    const { gateway } = retailGateway();
    // A worker that starts the job, reports progress and then only answers a cancel.
    const requests: JobRequest[] = [];
    const engine = new JobClient<EngineJobs>(() => {
      const listeners: ((event: MessageEvent) => void)[] = [];
      const send = (event: JobEvent) => setTimeout(() => listeners.forEach((listener) => listener({ data: event } as MessageEvent)), 0);
      const worker: WorkerLike = {
        postMessage(message: unknown) {
          const request = message as JobRequest;
          requests.push(request);
          if (request.type === "run") send({ type: "progress", jobId: request.jobId, done: 0, total: 2, message: "Aggregating lines into items" });
          else send({ type: "error", jobId: request.jobId, cancelled: true, message: "Cancelled" });
        },
        addEventListener(type: string, listener: (event: never) => void) {
          if (type === "message") listeners.push(listener as (event: MessageEvent) => void);
        },
        terminate() {},
      };
      return worker;
    });
    await renderData(gateway, engine);
    await click(screen.getByRole("button", { name: "Check readiness" }));
    expect(await screen.findByText("Aggregating lines into items")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    const run = requests[0] as Extract<JobRequest, { type: "run" }>;
    expect(run.job).toBe("data.readiness");
    expect(run.input).toMatchObject({ thresholds: DEFAULT_THRESHOLDS, period: "month", rules: { returns: "exclude", nonProduct: { kind: "noDigit" } } });

    await click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("The readiness check was cancelled; nothing changed.")).toBeTruthy();
    expect(requests.map((request) => request.type)).toEqual(["run", "cancel"]);
    expect(screen.queryByRole("list", { name: "Readiness checks" })).toBeNull();
    engine.dispose();
  });
});
