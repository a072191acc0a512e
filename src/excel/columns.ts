/**
 * Cells read from the workbook, one column at a time: numbers into a Float64Array (NaN where a cell
 * holds no number), and the text of every cell only for columns that hold any text, so a million
 * numeric rows cost 8 MB a column rather than a million strings. Counts say how complete a column
 * is and what it holds, for the data check.
 */

export interface CellCounts {
  blank: number;
  number: number;
  text: number;
  boolean: number;
  /** Cells showing an Excel error (#N/A, #VALUE!, ...). */
  error: number;
}

export interface SheetColumn {
  header: string;
  /** "number" when numbers are at least as many as texts (and there is at least one), else "text". */
  kind: "number" | "text";
  /** Per row: the cell's number; NaN for blanks, texts, booleans and errors. */
  numbers: Float64Array;
  /** Per row: the cell as text ("" for a blank), when the column holds any cell that is not a number; else null. */
  texts: string[] | null;
  counts: CellCounts;
  /** Excel's number format of the first data cell ("General", "m/d/yyyy", ...). */
  numberFormat: string;
  /** The number format shows dates: the numbers are Excel date serials. */
  isDate: boolean;
}

const ERROR_TEXTS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BUSY!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#PYTHON!",
]);

/** Excel's `values` give an error cell as its text. */
export function isErrorText(value: string): boolean {
  return value.length > 0 && value.charCodeAt(0) === 0x23 && ERROR_TEXTS.has(value);
}

/**
 * Whether a number format shows a date or time: it has d, m, y, h or s outside quoted text, escapes and
 * [colour]/[locale] brackets ("[$-409]d-mmm-yy" is a date, "0.00" and "\"days\" 0" are not). Elapsed-time
 * formats ("[h]:mm") count as time.
 */
export function isDateFormat(format: string): boolean {
  if (!format || format === "General" || format === "@") return false;
  const stripped = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
  return /[dmyhs]/i.test(stripped) && !/^[#0.,%E+\-\s]*$/i.test(stripped);
}

/** Accumulates one column's cells chunk by chunk. */
export class ColumnBuilder {
  private readonly numbers: Float64Array;
  private texts: string[] | null = null;
  private readonly counts: CellCounts = { blank: 0, number: 0, text: 0, boolean: 0, error: 0 };

  constructor(
    private readonly header: string,
    private readonly rowCount: number,
    private readonly numberFormat: string,
  ) {
    this.numbers = new Float64Array(rowCount);
  }

  /** Takes column `column` of `rows` as data rows `firstRow` … `firstRow + rows.length − 1`. */
  take(rows: readonly (readonly unknown[])[], column: number, firstRow: number): void {
    const numbers = this.numbers;
    const counts = this.counts;
    for (let r = 0; r < rows.length; r++) {
      const row = firstRow + r;
      const value = rows[r][column];
      if (typeof value === "number" && Number.isFinite(value)) {
        numbers[row] = value;
        counts.number++;
        if (this.texts !== null) this.texts[row] = String(value);
        continue;
      }
      numbers[row] = NaN;
      if (value === null || value === undefined || value === "") {
        counts.blank++;
        if (this.texts !== null) this.texts[row] = "";
        continue;
      }
      const texts = this.texts ?? this.startTexts(row);
      if (typeof value === "boolean") {
        counts.boolean++;
        texts[row] = value ? "TRUE" : "FALSE";
      } else {
        const text = String(value);
        if (isErrorText(text)) counts.error++;
        else counts.text++;
        texts[row] = text;
      }
    }
  }

  /** The first cell that is not a number: from here on every cell's text is kept; earlier cells are written out. */
  private startTexts(row: number): string[] {
    const texts = new Array<string>(this.rowCount);
    for (let earlier = 0; earlier < row; earlier++) {
      const number = this.numbers[earlier];
      texts[earlier] = number === number ? String(number) : "";
    }
    this.texts = texts;
    return texts;
  }

  finish(): SheetColumn {
    const counts = { ...this.counts };
    return {
      header: this.header,
      kind: counts.number > 0 && counts.number >= counts.text ? "number" : "text",
      numbers: this.numbers,
      texts: this.texts,
      counts,
      numberFormat: this.numberFormat,
      isDate: isDateFormat(this.numberFormat),
    };
  }
}

/** The cell at `row` as text, for previews: numbers as JavaScript writes them, "" for blanks. */
export function cellText(column: SheetColumn, row: number): string {
  if (column.texts !== null) return column.texts[row] ?? "";
  const number = column.numbers[row];
  return number === number ? String(number) : "";
}

/** Share of rows that hold a value (anything but a blank). */
export function filledShare(column: SheetColumn): number {
  const total = column.numbers.length;
  return total === 0 ? 0 : (total - column.counts.blank) / total;
}
