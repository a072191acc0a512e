/** The workbook gateway over Office.js: src/excel, one Excel.run per request of the pane. */
import { readSetting, writeSetting } from "../../excel/documentSettings";
import { readSource } from "../../excel/reader";
import { runInWorkbook } from "../../excel/run";
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
  };
}
