/**
 * @jest-environment jsdom
 */
import "../../../support/dom";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import DataView from "../../../../src/taskpane/views/data/DataView";
import { DatasetProvider, useDataset } from "../../../../src/taskpane/dataset";
import { ServicesProvider } from "../../../../src/taskpane/services";
import { createExcelGateway, DATA_CHOICE_SETTING } from "../../../../src/taskpane/workbook/excelGateway";
import type { WorkbookGateway } from "../../../../src/taskpane/workbook/gateway";
import { WorkbookError } from "../../../../src/excel/errors";
import { installExcelMock } from "../../../support/excel/excelMock";
import { installOfficeMock } from "../../../support/excel/officeMock";
import { modelFromSpec, type WorkbookModel } from "../../../support/excel/workbookModel";
import { plannerWorkbookSpec } from "../../../support/excel/realWorkbooks";

let latest: ReturnType<typeof useDataset> | null = null;
function DatasetSpy() {
  latest = useDataset();
  return null;
}

async function renderDataView(workbook: WorkbookGateway) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <ServicesProvider services={{ workbook, engine: null }}>
          <DatasetProvider>
            <DataView />
            <DatasetSpy />
          </DatasetProvider>
        </ServicesProvider>
      </FluentProvider>,
    );
  });
}

/** The role's field: its dropdown and the field's hint and validation text. */
function roleField(label: string) {
  const combobox = screen.getByRole("combobox", { name: label });
  const field = combobox.closest(".fui-Field") as HTMLElement;
  return { combobox, text: field.textContent ?? "" };
}

async function choose(combobox: HTMLElement, option: string) {
  await act(async () => {
    fireEvent.click(combobox);
  });
  const listbox = await screen.findByRole("listbox");
  await act(async () => {
    fireEvent.click(within(listbox).getByRole("option", { name: option }));
  });
}

/** Waits for the sources to be listed and `label` chosen, then reads. */
async function readOnce(label = "Sales · table · 300 rows") {
  const source = await screen.findByRole("combobox", { name: "Data to segment" });
  await waitFor(() => expect(source.textContent).toBe(label));
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Read data" }));
  });
}

function retailWorkbook(): WorkbookModel {
  const model = modelFromSpec(plannerWorkbookSpec(300, 20));
  installExcelMock(model);
  installOfficeMock(model);
  return model;
}

describe("the Data view over a real workbook (Office.js through office-addin-mock)", () => {
  it("reads the table, guesses each column's role, previews and checks the columns", async () => {
    retailWorkbook();
    await renderDataView(createExcelGateway());
    // The only table is chosen for the planner.
    const source = await screen.findByRole("combobox", { name: "Data to segment" });
    await waitFor(() => expect((source as HTMLButtonElement).textContent).toBe("Sales · table · 300 rows"));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Read data" }));
    });
    await screen.findByText("300 rows · 8 columns · Transactions!A2:H301");

    expect(roleField("Item ID").combobox.textContent).toBe("StockCode");
    expect(roleField("Item ID").text).toContain("100% filled · guessed from the header");
    expect(roleField("Customer ID").combobox.textContent).toBe("CustomerID");
    expect(roleField("Date").combobox.textContent).toBe("InvoiceDate");
    expect(roleField("Quantity").combobox.textContent).toBe("Quantity");
    expect(roleField("Unit price").combobox.textContent).toBe("UnitPrice");
    expect(roleField("Revenue").combobox.textContent).toBe("Not in the data");

    const preview = screen.getByRole("table", { name: "Preview of the data" });
    const rows = within(preview).getAllByRole("row");
    expect(rows).toHaveLength(9);
    // First retail line: 536365, 85123A, WHITE HANGING HEART T-LIGHT HOLDER, 6, 2010-12-01 08:26, 2.55, 17850, United Kingdom.
    expect(within(rows[1]).getAllByRole("cell").map((cell) => cell.textContent)).toEqual([
      "85123A",
      "WHITE HANGING HEART T-LIGHT HOLDER",
      "17850",
      "536365",
      "2010-12-01 08:26",
      "6",
      "2.55",
      "United Kingdom",
    ]);
    expect(latest?.chosen?.data.rowCount).toBe(300);
    expect(latest?.chosen?.roles.itemId).toBe(1);
  });

  it("warns when a column doesn't hold what its role needs, and keeps the choice in the workbook", async () => {
    const model = retailWorkbook();
    await renderDataView(createExcelGateway());
    await readOnce();
    await screen.findByText(/^300 rows · 8 columns/);
    await choose(roleField("Quantity").combobox, "Description");
    expect(roleField("Quantity").text).toContain("No cell holds a number.");
    // Description moved to Quantity: the description role lost it.
    expect(roleField("Item description").combobox.textContent).toBe("Not in the data");
    expect(roleField("Quantity").text).not.toContain("guessed");

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Use these columns" }));
    });
    await screen.findByText("Saved with the workbook: the pane reopens on this data and these columns.");
    expect(model.settings.get(DATA_CHOICE_SETTING)).toEqual({
      source: { kind: "table", name: "Sales" },
      roles: {
        orderId: "InvoiceNo",
        itemId: "StockCode",
        quantity: "Description",
        date: "InvoiceDate",
        price: "UnitPrice",
        customerId: "CustomerID",
        location: "Country",
      },
    });
  });

  it("reopens on the saved choice: the saved roles win over the guesses", async () => {
    const model = retailWorkbook();
    model.settings.set(DATA_CHOICE_SETTING, {
      source: { kind: "namedRange", name: "PartsDemand" },
      roles: { itemId: "part", quantity: "1998-02" },
    });
    installOfficeMock(model);
    await renderDataView(createExcelGateway());
    const source = await screen.findByRole("combobox", { name: "Data to segment" });
    await waitFor(() => expect(source.textContent).toBe("PartsDemand · name · 20 rows"));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Read data" }));
    });
    await screen.findByText(/20 rows · 52 columns/);
    expect(roleField("Item ID").combobox.textContent).toBe("part");
    expect(roleField("Quantity").combobox.textContent).toBe("1998-02");
    expect(roleField("Item ID").text).not.toContain("guessed");
  });

  it("shows the workbook's failure as it is", async () => {
    retailWorkbook();
    const gateway = createExcelGateway();
    await renderDataView({
      ...gateway,
      readSource: () => Promise.reject(new WorkbookError("not-found", "There is no table named Sales any more. Refresh the list and pick the table again.")),
    });
    await readOnce();
    expect(await screen.findByText("There is no table named Sales any more. Refresh the list and pick the table again.")).toBeTruthy();
  });

  it("shows progress while reading and stops on Cancel", async () => {
    const model = retailWorkbook();
    const gateway = createExcelGateway();
    await renderDataView({
      ...gateway,
      readSource: (_source, options) =>
        new Promise((_resolve, reject) => {
          options?.onProgress?.(1_000, 20_000);
          options?.signal?.addEventListener("abort", () => reject(new WorkbookError("cancelled", "Cancelled: did not read the table Sales.")));
        }),
    });
    expect(model.tables).toHaveLength(1);
    await readOnce();
    expect(await screen.findByText("1,000 of 20,000 rows")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    });
    expect(await screen.findByText("Reading was cancelled; nothing changed.")).toBeTruthy();
  });

  it("says why the choice could not be kept", async () => {
    const model = retailWorkbook();
    installOfficeMock(model, { failSaveWith: "The document is read-only" });
    await renderDataView(createExcelGateway());
    await readOnce();
    await screen.findByText(/^300 rows · 8 columns/);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Use these columns" }));
    });
    expect(
      await screen.findByText(
        "Could not save the pane's settings in the workbook: The document is read-only. If the workbook is read-only, save a copy and try again.",
      ),
    ).toBeTruthy();
    expect(model.settings.size).toBe(0);
  });

  it("a workbook without tables or names asks for a selection", async () => {
    const model = retailWorkbook();
    model.tables.length = 0;
    model.names.length = 0;
    model.selection = null;
    await renderDataView(createExcelGateway());
    expect(await screen.findByText(/This workbook has no tables or named ranges/)).toBeTruthy();
  });
});
