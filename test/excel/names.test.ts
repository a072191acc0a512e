import fc from "fast-check";
import {
  definitionFormulaName,
  isValidDefinedName,
  isValidSheetName,
  resultSheetName,
  resultTableName,
  RESULT_KINDS,
  sanitizeSheetText,
} from "../../src/excel/names";

describe("names of what the add-in creates", () => {
  it("result sheets are named after the definition", () => {
    expect(resultSheetName("Retail", "Assignments")).toBe("Retail Assignments");
    expect(resultSheetName("Retail", "Summary")).toBe("Retail Summary");
    expect(resultSheetName("Retail", "Policies", 2)).toBe("Retail Policies (2)");
  });

  it("long names are cut so the whole stays within 31 characters, keeping the kind", () => {
    const name = resultSheetName("European Retail Spare Parts 2025", "Assignments");
    expect(name).toBe("European Retail Spa Assignments");
    expect(name.length).toBeLessThanOrEqual(31);
    expect(resultSheetName("European Retail Spare Parts 2025", "Assignments", 12).length).toBeLessThanOrEqual(31);
  });

  it("characters Excel forbids in sheet names are replaced; apostrophes at the ends dropped", () => {
    expect(sanitizeSheetText("A/B: C*D?[E]\\F")).toBe("A B C D E F");
    expect(sanitizeSheetText("'quoted'")).toBe("quoted");
    expect(sanitizeSheetText("  []  ")).toBe("Segments");
    expect(resultSheetName("Q1/Q2 [draft]", "Summary")).toBe("Q1 Q2 draft Summary");
  });

  it("any definition name gives a valid sheet name for every kind", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 1, max: 99 }), (definition, attempt) =>
        RESULT_KINDS.every((kind) => isValidSheetName(resultSheetName(definition, kind, attempt))),
      ),
    );
  });

  it("tables and formula names use letters, digits and underscores, and are never cell references", () => {
    expect(resultTableName("Retail Europe", "Assignments")).toBe("Seg_Retail_Europe_Assignments");
    expect(resultTableName("Retail Europe", "Assignments", 3)).toBe("Seg_Retail_Europe_Assignments_3");
    expect(definitionFormulaName("Retail")).toBe("SegDef_Retail");
    expect(definitionFormulaName("Café – Nord (v2)")).toBe("SegDef_Cafe_Nord_v2");
    expect(definitionFormulaName("???")).toBe("SegDef_Definition");
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 99 }), (definition, attempt) =>
        isValidDefinedName(definitionFormulaName(definition, attempt)) &&
        RESULT_KINDS.every((kind) => isValidDefinedName(resultTableName(definition, kind, attempt))),
      ),
    );
  });

  it("the validity checks follow Excel's rules", () => {
    expect(isValidSheetName("History")).toBe(false);
    expect(isValidSheetName("a".repeat(32))).toBe(false);
    expect(isValidSheetName("'x")).toBe(false);
    expect(isValidDefinedName("A1")).toBe(false);
    expect(isValidDefinedName("XFD1048576")).toBe(false);
    expect(isValidDefinedName("R1C1")).toBe(false);
    expect(isValidDefinedName("C")).toBe(false);
    expect(isValidDefinedName("1abc")).toBe(false);
    expect(isValidDefinedName("SegDef_A1")).toBe(true);
  });
});
