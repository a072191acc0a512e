/** The workbook gateway over Office.js: src/excel, one Excel.run per request of the pane. */
import { listDefinitions, loadDefinition, saveDefinition } from "../../excel/definitionStore";
import { readSetting, writeSetting } from "../../excel/documentSettings";
import { readSource } from "../../excel/reader";
import { writeResultTable } from "../../excel/resultSheets";
import { runInWorkbook } from "../../excel/run";
import { selectRows } from "../../excel/selectRows";
import { describeSource, listSources } from "../../excel/sources";
import type { SavedDataChoice, WorkbookGateway } from "./gateway";

/** The document setting holding the pane's data choice. */
export const DATA_CHOICE_SETTING = "supplySegments.dataChoice";

export function createExcelGateway(): WorkbookGateway {
  return {
    listSources: () => runInWorkbook("list the tables and named ranges", (context) => listSources(context)),
    readSource: (source, options = {}) =>
      runInWorkbook(`read ${describeSource(source)}`, (context) => readSource(context, source, options)),
    savedDataChoice: () => readSetting<SavedDataChoice>(DATA_CHOICE_SETTING),
    saveDataChoice: (choice) => writeSetting(DATA_CHOICE_SETTING, choice),
    writeResultTable: (request) =>
      runInWorkbook(`write the ${request.kind.toLowerCase()} of ${request.definitionName}`, (context) => writeResultTable(context, request)),
    listDefinitions: () => runInWorkbook("list the definitions in this workbook", (context) => listDefinitions(context)),
    loadDefinition: (name) => runInWorkbook(`load the definition ${name}`, (context) => loadDefinition(context, name)),
    saveDefinition: (name, json) => runInWorkbook(`save the definition ${name} in the workbook`, (context) => saveDefinition(context, name, json)),
    selectRows: (data, rows) => runInWorkbook(`select rows in ${data.sheetName}`, (context) => selectRows(context, data, rows)),
  };
}
