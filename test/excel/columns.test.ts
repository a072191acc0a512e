import { cellText, ColumnBuilder, filledShare, isDateFormat, isErrorText } from "../../src/excel/columns";

describe("columns from cells", () => {
  it("numbers go to a Float64Array; texts are kept only once a column holds text", () => {
    const builder = new ColumnBuilder("Qty", 6, "General");
    builder.take([[1], [""], [2.5]], 0, 0);
    builder.take([["n/a"], [true], ["#N/A"]], 0, 3);
    const column = builder.finish();
    expect(Array.from(column.numbers)).toEqual([1, NaN, 2.5, NaN, NaN, NaN]);
    expect(column.texts).toEqual(["1", "", "2.5", "n/a", "TRUE", "#N/A"]);
    expect(column.counts).toEqual({ blank: 1, number: 2, text: 1, boolean: 1, error: 1 });
    expect(column.kind).toBe("number");
    expect(filledShare(column)).toBeCloseTo(5 / 6, 12);
    expect(cellText(column, 3)).toBe("n/a");
  });

  it("an all-number column keeps no strings; an empty one is text with nothing filled", () => {
    const numbers = new ColumnBuilder("Revenue", 2, "0.00");
    numbers.take([[3, 9], [4, 9]], 0, 0);
    const column = numbers.finish();
    expect(column.texts).toBeNull();
    expect(cellText(column, 1)).toBe("4");
    const empty = new ColumnBuilder("Empty", 2, "General");
    empty.take([[""], [""]], 0, 0);
    expect(empty.finish()).toMatchObject({ kind: "text", counts: { blank: 2 } });
    expect(filledShare(empty.finish())).toBe(0);
  });

  it("recognises date and time formats, not numbers with letters in quotes", () => {
    for (const format of ["m/d/yyyy", "yyyy-mm-dd hh:mm", "[$-409]d-mmm-yy;@", "h:mm AM/PM", "[h]:mm:ss", "dddd"]) expect(isDateFormat(format)).toBe(true);
    for (const format of ["General", "@", "0.00", '0 "days"', "#,##0", "0.0%", "[Red]0.00", "\\d0", ""]) expect(isDateFormat(format)).toBe(false);
  });

  it("knows Excel's error texts", () => {
    expect(isErrorText("#N/A")).toBe(true);
    expect(isErrorText("#DIV/0!")).toBe(true);
    expect(isErrorText("#hashtag")).toBe(false);
  });
});
