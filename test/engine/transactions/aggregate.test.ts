/**
 * From transaction lines to item features, on a small hand-made ledger whose every figure is worked
 * out in the comments. Months: January to March 2011.
 */
import { classifyXyz } from "../../../src/engine/classify/xyz";
import { daysFromCivil } from "../../../src/engine/policy/periods";
import { aggregateTransactions, type AggregateOptions } from "../../../src/engine/transactions/aggregate";
import { detectExceptions } from "../../../src/engine/transactions/exceptions";
import {
  LINE_EXCEPTION,
  LINE_NEGATIVE_PRICE,
  LINE_NETTED_RETURN,
  LINE_NON_PRODUCT,
  LINE_RETURN,
  LINE_SALE,
  LINE_UNREADABLE,
  LINE_ZERO_PRICE,
  LINE_ZERO_QUANTITY,
  type TransactionLines,
} from "../../../src/engine/transactions/lines";

const codes = ["A1", "B2", "POST", "C3"];
const d = (month: number, day: number) => daysFromCivil(2011, month, day);
// [item, day, quantity, price]
const rows: [number, number, number, number][] = [
  [0, d(1, 5), 10, 2], // A1 January sale
  [0, d(2, 5), 20, 2], // A1 February sale
  [0, d(2, 9), -5, 2], // A1 return
  [0, d(3, 5), 30, 2], // A1 March sale
  [0, d(3, 6), 4, 0], // A1 free goods
  [1, d(1, 7), 1, 1], // B2: five sales lines, one of them 100 of the 104 units → a one-off
  [1, d(2, 7), 1, 1],
  [1, d(3, 7), 1, 1],
  [1, d(3, 8), 1, 1],
  [1, d(3, 9), 100, 1],
  [2, d(1, 9), 1, 5], // POST: not a product
  [3, d(3, 1), 0, 3], // C3 zero quantity
  [3, d(3, 2), 2, -1], // C3 negative price
  [-1, d(3, 3), 1, 1], // blank item
  [0, d(3, 4), NaN, 1], // unreadable quantity
];

function ledger(): TransactionLines {
  return {
    count: rows.length,
    itemCodes: codes,
    item: Int32Array.from(rows, (r) => r[0]),
    sourceRow: Int32Array.from(rows, (_, i) => i + 2),
    day: Float64Array.from(rows, (r) => r[1]),
    quantity: Float64Array.from(rows, (r) => r[2]),
    price: Float64Array.from(rows, (r) => r[3]),
    revenue: null,
  };
}

const asked: string[] = [];
const options: AggregateOptions = {
  period: "month",
  returns: "exclude",
  isNonProduct: (code) => {
    asked.push(code);
    return !/\d/.test(code);
  },
  exceptions: { maxLineShare: 0.5, minLines: 5, action: "exclude" },
  costRatio: 0.6,
};

test("each line gets one status by the stated rules, in order", () => {
  const result = aggregateTransactions(ledger(), options);
  expect(Array.from(result.lineStatus)).toEqual([
    LINE_SALE, LINE_SALE, LINE_RETURN, LINE_SALE, LINE_ZERO_PRICE,
    LINE_SALE, LINE_SALE, LINE_SALE, LINE_SALE, LINE_EXCEPTION,
    LINE_NON_PRODUCT, LINE_ZERO_QUANTITY, LINE_NEGATIVE_PRICE, LINE_UNREADABLE, LINE_UNREADABLE,
  ]);
  expect(asked.sort()).toEqual([...codes].sort()); // the non-product rule is asked once per code
  expect(result.byStatus[LINE_SALE]).toEqual({ lines: 7, quantity: 64, revenue: 124 });
  expect(result.byStatus[LINE_RETURN]).toEqual({ lines: 1, quantity: -5, revenue: -10 });
  expect(result.nonProductCodes).toEqual([{ code: "POST", lines: 1, quantity: 1, revenue: 5 }]);
  expect(result.exceptions).toEqual([{ line: 9, item: 1, quantity: 100, share: 100 / 104, itemLines: 5, excluded: true }]);
});

test("items are the product codes with a readable line, in order of first appearance", () => {
  const result = aggregateTransactions(ledger(), options);
  expect(result.table.ids).toEqual(["A1", "B2", "C3"]);
  expect(result.periodLabels).toEqual(["2011-01", "2011-02", "2011-03"]);
  expect(Array.from(result.history)).toEqual([10, 20, 30, 1, 1, 2, 0, 0, 0]);
  expect(Array.from(result.lineItem)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, -1, 2, 2, -1, -1]);
});

test("features: sums, demand statistics, history and unit value", () => {
  const t = aggregateTransactions(ledger(), options).table;
  const f = (name: string) => Array.from(t.numbers.get(name.toLowerCase())!);
  expect(f("revenue")).toEqual([120, 4, 0]);
  expect(f("quantity")).toEqual([60, 4, 0]);
  expect(f("orderLines")).toEqual([3, 4, 0]);
  // A1: 10, 20, 30 → mean 20, STDEV.S 10, CoV 0.5. B2: 1, 1, 2 → mean 4/3, STDEV.S 0.57735.
  expect(f("demandMean")).toEqual([20, 4 / 3, 0]);
  expect(f("demandStdDev")[0]).toBeCloseTo(10, 12);
  expect(f("demandStdDev")[1]).toBeCloseTo(Math.sqrt(1 / 3), 12);
  expect(f("demandCv")[0]).toBeCloseTo(0.5, 12);
  expect(f("demandCv")[2]).toBeNaN(); // no demand
  expect(f("historyPeriods")).toEqual([3, 3, 0]);
  expect(f("periodsWithDemand")).toEqual([3, 3, 0]);
  expect(f("unitPrice")).toEqual([2, 1, NaN]);
  expect(f("unitCost")).toEqual([1.2, 0.6, NaN]); // price × costRatio 0.6
});

test("demandCv is exactly classifyXyz's coefficient of variation of the history", () => {
  const result = aggregateTransactions(ledger(), options);
  const xyz = classifyXyz(result.history, 3, 3);
  expect(Array.from(result.table.numbers.get("demandcv")!)).toEqual(Array.from(xyz.coefficientOfVariation));
});

test("returns netted against sales in their month", () => {
  const result = aggregateTransactions(ledger(), { ...options, returns: "net" });
  expect(result.lineStatus[2]).toBe(LINE_NETTED_RETURN);
  expect(Array.from(result.history.slice(0, 3))).toEqual([10, 15, 30]);
  expect(result.table.numbers.get("revenue")![0]).toBe(110);
});

test("one-offs kept when the definition says keep: reported, and still demand", () => {
  const result = aggregateTransactions(ledger(), { ...options, exceptions: { maxLineShare: 0.5, minLines: 5, action: "keep" } });
  expect(result.exceptions).toHaveLength(1);
  expect(result.exceptions[0].excluded).toBe(false);
  expect(Array.from(result.history.slice(3, 6))).toEqual([1, 1, 102]);
});

test("a line revenue column stands instead of a unit price", () => {
  const lines = ledger();
  const withRevenue: TransactionLines = { ...lines, price: null, revenue: Float64Array.from(rows, (r) => r[2] * r[3]) };
  const result = aggregateTransactions(withRevenue, options);
  expect(Array.from(result.table.numbers.get("revenue")!)).toEqual([120, 4, 0]);
});

test("nothing readable at all is an error naming the likely cause", () => {
  const lines = { ...ledger(), day: new Float64Array(rows.length).fill(NaN) };
  expect(() => aggregateTransactions(lines, options)).toThrow("no line could be read: check the column mapping and the date format");
});

describe("detectExceptions", () => {
  const lines = (quantities: number[]): TransactionLines => ({
    count: quantities.length,
    itemCodes: ["X"],
    item: new Int32Array(quantities.length),
    sourceRow: Int32Array.from(quantities, (_, i) => i + 2),
    day: new Float64Array(quantities.length),
    quantity: Float64Array.from(quantities),
    price: new Float64Array(quantities.length).fill(1),
    revenue: null,
  });
  const run = (quantities: number[], minLines = 3) =>
    detectExceptions(lines(quantities), new Uint8Array(quantities.length), new Int32Array(quantities.length), 1, { maxLineShare: 0.5, minLines, action: "keep" });

  test("a share exactly on the threshold is not a one-off; just above it is", () => {
    expect(run([5, 3, 2])).toEqual([]); // 5 / 10 = 0.5
    expect(run([6, 3, 2]).map((e) => e.line)).toEqual([0]); // 6 / 11 > 0.5
  });

  test("items with fewer sales lines than minLines are not checked", () => {
    expect(run([9, 1], 3)).toEqual([]);
    expect(run([9, 1], 2).map((e) => e.share)).toEqual([0.9]);
  });
});
