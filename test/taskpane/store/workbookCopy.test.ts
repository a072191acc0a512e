import * as fs from "node:fs";
import * as path from "node:path";
import { parseDefinition } from "../../../src/engine/definition";
import { compareWorkbookCopy, findWorkbookCopy, workbookCopyMessage } from "../../../src/taskpane/store/workbookCopy";
import { createExcelGateway } from "../../../src/taskpane/workbook/excelGateway";
import { installExcelMock } from "../../support/excel/excelMock";
import { WorkbookModel } from "../../support/excel/workbookModel";

function chips(version: number): Record<string, unknown> {
  const document = parseDefinition(fs.readFileSync(path.join(__dirname, "../../fixtures/definitions/chips-abc-xyz.json"), "utf8"));
  return JSON.parse(JSON.stringify({ ...document, version }));
}

describe("compareWorkbookCopy: this workbook's copy against the store's approved version", () => {
  it("up to date when the number and the content agree", () => {
    const status = compareWorkbookCopy({ name: "chips", document: chips(4) }, { version: 4, document: chips(4) });
    expect(status).toEqual({ kind: "up-to-date", version: 4 });
    expect(workbookCopyMessage(status)).toBe("Up to date: this workbook's copy is the store's approved version 4.");
  });

  it("behind: says both numbers and lists what updating changes", () => {
    const approved = chips(4);
    (approved.segments as { id: string; policy: { serviceLevel: number } }[]).find((s) => s.id === "AX")!.policy.serviceLevel = 0.99;
    const status = compareWorkbookCopy({ name: "chips", document: chips(3) }, { version: 4, document: approved });
    expect(workbookCopyMessage(status)).toBe("This workbook's copy is version 3; the store's approved version is 4.");
    expect(status.kind === "behind" && status.changes.map((c) => c.text)).toEqual(["Segment AX · service level: 98% → 99%"]);
  });

  it("differs: the same number, edited in the workbook after it was saved", () => {
    const edited = chips(4);
    edited.name = "Chips (edited)";
    const status = compareWorkbookCopy({ name: "chips", document: edited }, { version: 4, document: chips(4) });
    expect(status.kind).toBe("differs");
    expect(workbookCopyMessage(status)).toBe(
      "This workbook's copy says version 4 but was changed after it was saved: it differs from the store's approved version 4.",
    );
  });

  it("ahead, no copy, nothing approved", () => {
    expect(workbookCopyMessage(compareWorkbookCopy({ name: "chips", document: chips(5) }, { version: 4, document: chips(4) }))).toBe(
      "This workbook's copy is version 5, which is not approved; the store's approved version is 4.",
    );
    expect(workbookCopyMessage(compareWorkbookCopy(null, { version: 4, document: chips(4) }))).toBe(
      "This workbook keeps no copy of this definition; the store's approved version is 4.",
    );
    expect(workbookCopyMessage(compareWorkbookCopy({ name: "chips", document: chips(2) }, null))).toBe(
      "The store has no approved version of this definition yet; this workbook's copy is version 2.",
    );
  });
});

describe("findWorkbookCopy: the definition kept in the workbook with this id, whatever its name there", () => {
  it("reads the definitions sheet through the Excel gateway and skips what is not ours", async () => {
    const model = WorkbookModel.withSheet("Data", [["x"]]);
    installExcelMock(model);
    const workbook = createExcelGateway();
    await workbook.saveDefinition("Broken", "{ not json");
    await workbook.saveDefinition("Other", JSON.stringify({ ...chips(1), id: "other" }));
    await workbook.saveDefinition("Chips for planning", JSON.stringify(chips(3)));
    const copy = await findWorkbookCopy(workbook, "chips-abc-xyz");
    expect(copy?.name).toBe("Chips for planning");
    expect(copy?.document.version).toBe(3);
    expect(await findWorkbookCopy(workbook, "absent")).toBeNull();
  });
});
