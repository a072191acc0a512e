/** A result table built by the engine (src/engine/apply/resultTable.ts) written as a sheet, row by row. */
import type { ResultTable } from "../../engine/apply/resultTable";
import type { Cell, ColumnSpec, XlsxWriter } from "../io/xlsxWriter";

export function writeTableSheet(writer: XlsxWriter, name: string, table: ResultTable): Promise<number> {
  const { columns, rowCount } = table;
  const specs: ColumnSpec[] = columns.map(({ header, format, width }) => (format ? { header, format, width } : { header, width }));
  function* rows(): Generator<Cell[]> {
    const row: Cell[] = new Array(columns.length);
    for (let r = 0; r < rowCount; r++) {
      for (let c = 0; c < columns.length; c++) row[c] = columns[c].cell(r);
      yield row;
    }
  }
  return writer.addSheet(name, specs, rows());
}
