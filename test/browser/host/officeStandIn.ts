/**
 * A stand-in for Office.js in the browser tests: served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js, it gives the page the parts of Office
 * the pane uses — Office.onReady, the theme, document settings, Excel.run over a workbook, and
 * CustomFunctions for the functions bundle that shares the page — backed by an in-page workbook
 * built from real data the test passes in (window.__STANDIN__). It is the same office-addin-mock
 * layer the jest tests use (test/support/excel), bundled for the page by esbuild.
 *
 * The test reads what happened through window.__standIn: the workbook model (cells, tables, names,
 * settings) and the log of every request with its size.
 */
import { installExcelMock } from "../../support/excel/excelMock";
import { installOfficeMock } from "../../support/excel/officeMock";
import { modelFromSpec, type WorkbookSpec } from "../../support/excel/workbookModel";

interface StandInOptions {
  workbook: WorkbookSpec;
  bodyBackgroundColor?: string;
}

const scope = window as unknown as {
  __STANDIN__?: StandInOptions;
  __standIn?: unknown;
  CustomFunctions?: unknown;
};
const options = scope.__STANDIN__;
if (!options) throw new Error("office stand-in: the test did not set window.__STANDIN__ before the page loaded");

const model = modelFromSpec(options.workbook);
const excel = installExcelMock(model);
installOfficeMock(model, { host: "Excel", bodyBackgroundColor: options.bodyBackgroundColor });

const associated: string[] = [];
class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
scope.CustomFunctions = {
  associate(id: string | Record<string, unknown>) {
    associated.push(...(typeof id === "string" ? [id] : Object.keys(id)));
  },
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
};

scope.__standIn = {
  model,
  associated,
  /** Every request so far (sizes, writes, whether calculation was suspended). */
  log: () => excel.log.map((record) => ({ ...record })),
  settings: () => Object.fromEntries(model.settings),
  /** Cells of a sheet as values ("" for blanks). */
  cells: (sheet: string, top: number, left: number, rows: number, columns: number) =>
    model.sheet(sheet)?.read({ top, left, rows, columns }) ?? null,
  sheetNames: () => model.sheets.map((sheet) => sheet.name),
  /** Tables: name, sheet, address, size (header row included in rows). */
  tables: () => model.tables.map((table) => ({ name: table.name, sheet: table.sheet.name, address: model.address(table.sheet, table.block), rows: table.block.rows, columns: table.block.columns })),
  /** Workbook names and what they refer to. */
  names: () => model.names.map((entry) => ({ name: entry.name, address: model.address(entry.sheet, entry.block) })),
  /** A table's cells, header first, up to `rows` rows. */
  tableCells: (name: string, rows: number) => {
    const table = model.table(name);
    if (!table) return null;
    return table.sheet.read({ ...table.block, rows: Math.min(rows, table.block.rows) });
  },
};
