import { checkColumn, formatShare } from "../../../../src/taskpane/views/data/columnCheck";
import { previewCell, serialToDateText } from "../../../../src/taskpane/views/data/cellFormat";
import { ColumnBuilder } from "../../../../src/excel/columns";

function column(cells: unknown[], format = "General") {
  const builder = new ColumnBuilder("Header", cells.length, format);
  builder.take(cells.map((cell) => [cell]), 0, 0);
  return builder.finish();
}

describe("checking a column against its role", () => {
  it("numbers: text cells are counted, no numbers at all is an error", () => {
    expect(checkColumn("quantity", column([1, 2, "n/a", 4, "x"]))).toEqual({
      filled: 1,
      state: "warning",
      message: "2 cells hold text, not a number; those rows will be left out.",
    });
    expect(checkColumn("revenue", column(["a", "b"]))).toMatchObject({ state: "error", message: "No cell holds a number." });
    expect(checkColumn("price", column(["", ""]))).toMatchObject({ state: "error", message: "The column is empty." });
    expect(checkColumn("cost", column([1.5, "", 2]))).toEqual({ filled: 2 / 3, state: "none" });
  });

  it("dates: serials without a date format, or dates as text, are flagged", () => {
    expect(checkColumn("date", column([40000, 40001], "m/d/yyyy")).state).toBe("none");
    expect(checkColumn("date", column([40000, 40001])).message).toBe("Numbers without a date format: check that they are dates or periods.");
    expect(checkColumn("date", column(["2011-01-01", "2011-01-02"])).message).toMatch(/^Dates stored as text/);
  });

  it("ids: blanks are a warning; errors are reported", () => {
    expect(checkColumn("itemId", column(["A", "", "C"]))).toMatchObject({ state: "warning", message: "1 blank row has no Item ID." });
    expect(checkColumn("customerId", column(["A", "#N/A"]))).toMatchObject({ state: "warning", message: "1 cell shows an Excel error (#N/A, #VALUE!, ...)." });
  });

  it("formats shares and preview cells the way the pane shows them", () => {
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(0.99995)).toBe(">99.9%");
    expect(formatShare(0.75)).toBe("75.0%");
    expect(serialToDateText(40513.35138888889)).toBe("2010-12-01 08:26");
    expect(serialToDateText(40513)).toBe("2010-12-01");
    expect(previewCell(column([71053, 2.55]), 0)).toBe("71053");
    expect(previewCell(column([40513], "yyyy-mm-dd"), 0)).toBe("2010-12-01");
    expect(previewCell(column(["85123A"]), 0)).toBe("85123A");
  });
});
