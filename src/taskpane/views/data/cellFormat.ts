/** Cells as the preview shows them: dates as dates, numbers without grouping (ids such as 71053 stay readable), texts as they are. */
import { cellText, type SheetColumn } from "../../../excel/columns";

/** An Excel date serial (1900 system) as "yyyy-mm-dd", with " hh:mm" when it has a time of day. */
export function serialToDateText(serial: number): string {
  const milliseconds = Math.round((serial - 25_569) * 86_400_000); // 25,569 = 1970-01-01
  const iso = new Date(milliseconds).toISOString();
  const time = iso.slice(11, 16);
  return time === "00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

export function previewCell(column: SheetColumn, row: number): string {
  const number = column.numbers[row];
  if (number === number) {
    if (column.isDate) return serialToDateText(number);
    return number.toLocaleString("en-US", { maximumFractionDigits: 4, useGrouping: false });
  }
  return cellText(column, row);
}
