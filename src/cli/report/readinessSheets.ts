/**
 * The Readiness sheet (checks, column completeness and the line rules applied) and the Data issues
 * sheet (the rows and items behind them: unreadable fields, short histories, non-product codes,
 * one-off lines).
 */
import { formatCount, formatNumber } from "../../engine/definition/format";
import { isoDate } from "../../engine/policy/periods";
import type { ReadinessReport } from "../../engine/readiness/readiness";
import type { ColumnCompleteness } from "../../engine/readiness/readiness";
import type { AggregatedItems } from "../../engine/transactions/aggregate";
import {
  LINE_EXCEPTION,
  LINE_NEGATIVE_PRICE,
  LINE_NETTED_RETURN,
  LINE_NON_PRODUCT,
  LINE_RETURN,
  LINE_SALE,
  LINE_STATUS_NAMES,
  LINE_UNREADABLE,
  LINE_ZERO_PRICE,
  LINE_ZERO_QUANTITY,
  type TransactionLines,
} from "../../engine/transactions/lines";
import type { Cell, ColumnSpec, XlsxWriter } from "../io/xlsxWriter";

export interface ReadinessContext {
  readiness: ReadinessReport;
  aggregated: AggregatedItems;
  lines: TransactionLines;
  columns: readonly ColumnCompleteness[];
  returns: "exclude" | "net";
  nonProductRule: string;
  exceptionsRule: string;
}

const TREATMENT: Record<number, (context: ReadinessContext) => string> = {
  [LINE_SALE]: () => "counted: demand and revenue",
  [LINE_UNREADABLE]: () => "left out: a mapped field could not be read (rows in Data issues)",
  [LINE_NON_PRODUCT]: (c) => `left out, and not items: ${c.nonProductRule}`,
  [LINE_RETURN]: () => "left out of demand and revenue (--returns exclude); demand is what customers ordered",
  [LINE_NETTED_RETURN]: () => "netted against sales in their period (--returns net)",
  [LINE_ZERO_QUANTITY]: () => "left out: no quantity",
  [LINE_ZERO_PRICE]: () => "left out: no revenue (free goods, adjustments)",
  [LINE_NEGATIVE_PRICE]: () => "left out: negative price (bad-debt and accounting adjustments)",
  [LINE_EXCEPTION]: (c) => `left out of classification: ${c.exceptionsRule}`,
};

export async function writeReadinessSheet(writer: XlsxWriter, context: ReadinessContext): Promise<void> {
  const { readiness, aggregated } = context;
  const columns: ColumnSpec[] = [
    { header: "Section", width: 12 },
    { header: "Check or rule", width: 44 },
    { header: "Value", width: 12 },
    { header: "Threshold", width: 10 },
    { header: "Result", width: 8 },
    { header: "Detail", width: 90 },
  ];
  const rows: Cell[][] = [];
  rows.push(["overall", "readiness", null, null, readiness.passed ? "PASS" : "FAIL", readiness.summary]);
  for (const check of readiness.checks) {
    rows.push([
      "check",
      check.check,
      { value: check.value, format: "percent" },
      { value: check.threshold, format: "percent" },
      check.passed ? "PASS" : "FAIL",
      check.detail,
    ]);
  }
  for (const column of context.columns) {
    if (column.required) continue;
    rows.push([
      "column",
      `completeness of ${column.role} (${column.header}), optional`,
      { value: column.rows > 0 ? column.readable / column.rows : NaN, format: "percent" },
      null,
      "info",
      `${formatCount(column.readable)} of ${formatCount(column.rows)} rows readable`,
    ]);
  }
  rows.push([
    "data",
    "period covered",
    { value: aggregated.periodCount, format: "integer" },
    null,
    "info",
    `${isoDate(aggregated.firstDay)} to ${isoDate(aggregated.lastDay)}: ${aggregated.periodCount} ${aggregated.period}s (${aggregated.periodLabels[0]} … ${aggregated.periodLabels[aggregated.periodCount - 1]}; the first and last may be partial)`,
  ]);
  rows.push(["data", "items", { value: aggregated.table.ids.length, format: "integer" }, null, "info", "product codes with at least one readable line"]);
  aggregated.byStatus.forEach((totals, status) => {
    if (totals.lines === 0 && status !== LINE_SALE) return;
    const money = status === LINE_UNREADABLE ? "" : `, ${formatNumber(totals.quantity)} units, revenue ${formatNumber(totals.revenue)}`;
    rows.push([
      "line rule",
      LINE_STATUS_NAMES[status],
      { value: totals.lines, format: "integer" },
      null,
      "info",
      `${formatCount(totals.lines)} lines${money}: ${TREATMENT[status](context)}`,
    ]);
  });
  if (aggregated.nonProductCodes.length > 0) {
    rows.push([
      "line rule",
      "non-product codes found",
      { value: aggregated.nonProductCodes.length, format: "integer" },
      null,
      "info",
      aggregated.nonProductCodes.map((code) => `${code.code} (${formatCount(code.lines)})`).join(", "),
    ]);
  }
  await writer.addSheet("Readiness", columns, rows, { wrapColumns: [5] });
}

export async function writeDataIssuesSheet(writer: XlsxWriter, context: ReadinessContext): Promise<void> {
  const { readiness, aggregated, lines } = context;
  const columns: ColumnSpec[] = [
    { header: "Issue", width: 22 },
    { header: "Row", format: "integer", width: 9 },
    { header: "Item", width: 14 },
    { header: "Column", width: 14 },
    { header: "Value", width: 22 },
    { header: "Reason", width: 80 },
  ];
  function* rows(): Generator<Cell[]> {
    for (const column of context.columns) {
      for (const problem of column.problems) {
        yield ["unreadable field", problem.row, "", problem.column, problem.value, problem.reason];
      }
      if (column.problemCount > column.problems.length) {
        yield ["unreadable field", null, "", column.header, "", `and ${formatCount(column.problemCount - column.problems.length)} more rows like these in this column`];
      }
    }
    const minimum = readiness.checks[readiness.checks.length - 1].check;
    for (const item of readiness.shortHistory) {
      yield ["short history", null, item.id, "", { value: item.periods, format: "integer" }, `${item.periods} ${aggregated.period}(s) of history; the check asks for ${minimum.replace("items with ", "")}`];
    }
    for (const code of aggregated.nonProductCodes) {
      yield ["non-product code", null, code.code, "", { value: code.lines, format: "integer" }, `${formatCount(code.lines)} lines, revenue ${formatNumber(code.revenue)}: left out (${context.nonProductRule})`];
    }
    for (const exception of aggregated.exceptions) {
      const i = exception.line;
      yield [
        "one-off order line",
        lines.sourceRow[i],
        aggregated.table.ids[exception.item],
        "",
        { value: exception.quantity, format: "integer" },
        `${formatNumber(exception.share * 100, 1)}% of the item's sales quantity on ${isoDate(lines.day[i])}; ${exception.excluded ? "excluded from classification" : "kept"} (${context.exceptionsRule})`,
      ];
    }
  }
  await writer.addSheet("Data issues", columns, rows(), { tableName: "tblDataIssues" });
}
