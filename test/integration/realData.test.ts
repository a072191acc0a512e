/**
 * The classifiers on real data, against counts computed independently by the pure-Python scripts in
 * scripts/reference (standard library only, exact decimal/rational arithmetic, a separate implementation
 * of the same rules). Their printed output is kept in test/fixtures/*.reference.json; the counts below are
 * copied from it. Re-run a script after changing a rule and update both.
 *
 * Data: the shared data folder beside the repository (../shared/data), see each data set's SOURCE.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { classifyAbc, type AbcResult } from "../../src/engine/classify/abc";
import { classifyXyz, type XyzResult } from "../../src/engine/classify/xyz";
import { classifyDemandPattern, type DemandPatternResult } from "../../src/engine/classify/demandPattern";
import { crossAbcXyz } from "../../src/engine/classify/matrix";
import { columnIndexes, forEachCsvRecord, parseCsv, readCsvText } from "../support/csv";

const DATA = path.resolve(__dirname, "../../../shared/data");

function dataFile(...segments: string[]): string {
  const file = path.join(DATA, ...segments);
  if (!fs.existsSync(file)) {
    throw new Error(
      `Real-data file not found: ${file}. These tests read the shared data folder cloned beside the repository ` +
        `(<repo>/../shared/data); fetch it there rather than skipping the tests.`,
    );
  }
  return file;
}

function countsByLabel(labels: readonly string[], counts: Int32Array): Record<string, number> {
  return Object.fromEntries(labels.map((label, k) => [label, counts[k]]));
}

describe("the CSV reader used here", () => {
  it("reads RFC 4180 quoting, CRLF and a byte-order mark", () => {
    const text = '\ufeffcode,name,qty\r\n1,"WHITE, METAL",3\r\n2,"say ""hi""\nthere",\r\n3,,"x"';
    expect(parseCsv(text)).toEqual([
      ["code", "name", "qty"],
      ["1", "WHITE, METAL", "3"],
      ["2", 'say "hi"\nthere', ""],
      ["3", "", "x"],
    ]);
    expect(parseCsv("a,b\n1,2\n")).toEqual([["a", "b"], ["1", "2"]]);
    expect(() => parseCsv('a,"b\n1,2')).toThrow("CSV record 1: a quoted field is never closed");
    expect(() => parseCsv('"a"b,c')).toThrow("CSV record 1: text after the closing quote of field 1");
  });
});

/**
 * UCI "Online Retail" (../shared/data/online-retail, 541,909 lines, 2010-12-01 … 2011-12-09). Rules:
 * - An item is a StockCode exactly as written (case-sensitive): 4,070 items, in order of first appearance.
 * - ABC on revenue = Σ Quantity × UnitPrice over all of the item's lines, net of returns and cancellations
 *   (negative quantities), computed exactly in thousandths of a pound (prices have at most 3 decimals) so
 *   that an item whose sales and returns cancel is exactly 0, not ±1e-13 (summing floating-point pounds
 *   happens to give the same classes on this file; exact sums make that a certainty). Default cutoffs
 *   80% / 95%.
 * - XYZ on monthly demand = Σ Quantity per calendar month of InvoiceDate, 2010-12 … 2011-12 (13 months,
 *   both partial), a month with no line = 0. A month with net negative quantity (returns exceed sales)
 *   makes the item "negative demand" and unclassified, as the engine requires. Default cutoffs 0.5 / 1.0,
 *   sample standard deviation.
 * Expected counts: scripts/reference/online_retail_abc_xyz.py (test/fixtures/online-retail-abc-xyz.reference.json).
 */
describe("real data: online retail, ABC by revenue × XYZ by monthly quantity", () => {
  const FIRST_MONTH = 2010 * 12 + 11; // December 2010, counting months from year 0
  const MONTHS = 13;
  let lines = 0;
  let itemCount = 0;
  let quantityTotal = 0;
  let revenueMilliTotal = 0;
  let abc: AbcResult;
  let xyz: XyzResult;

  beforeAll(() => {
    const text = readCsvText(dataFile("online-retail", "online_retail.csv.gz"));
    const itemOf = new Map<string, number>();
    const revenueMilli: number[] = [];
    const monthly: number[] = [];
    let column: Record<"StockCode" | "Quantity" | "InvoiceDate" | "UnitPrice", number> | undefined;

    forEachCsvRecord(text, (fields, recordIndex) => {
      if (column === undefined) {
        column = columnIndexes(fields, ["StockCode", "Quantity", "InvoiceDate", "UnitPrice"]);
        return;
      }
      lines++;
      const code = fields[column.StockCode];
      const quantity = Number(fields[column.Quantity]);
      const priceMilli = Math.round(Number(fields[column.UnitPrice]) * 1000);
      const date = fields[column.InvoiceDate];
      const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - FIRST_MONTH;
      if (!Number.isInteger(quantity) || !Number.isFinite(priceMilli) || !(month >= 0 && month < MONTHS)) {
        throw new Error(`online_retail.csv.gz record ${recordIndex + 1}: unexpected ${fields.join(",")}`);
      }
      let item = itemOf.get(code);
      if (item === undefined) {
        item = itemOf.size;
        itemOf.set(code, item);
        revenueMilli.push(0);
        for (let m = 0; m < MONTHS; m++) monthly.push(0);
      }
      revenueMilli[item] += quantity * priceMilli; // integers far below 2^53: exact
      monthly[item * MONTHS + month] += quantity;
      quantityTotal += quantity;
      revenueMilliTotal += quantity * priceMilli;
    });

    itemCount = itemOf.size;
    abc = classifyAbc(Float64Array.from(revenueMilli, (milli) => milli / 1000));
    xyz = classifyXyz(Float64Array.from(monthly), itemCount, MONTHS);
  });

  it("reads the file as its SOURCE.md describes it", () => {
    expect(lines).toBe(541_909);
    expect(itemCount).toBe(4_070);
    expect(quantityTotal).toBe(5_176_450);
    expect(Math.round(revenueMilliTotal / 10) / 100).toBe(9_747_747.93);
  });

  it("ABC counts match the reference script: A 823, B 981, C 2,266", () => {
    expect(countsByLabel(abc.labels, abc.counts)).toEqual({ A: 823, B: 981, C: 2266 });
    expect(abc.report.items).toBe(4070);
    expect(abc.report.missing).toBe(0);
    expect(abc.report.nonPositive).toBe(162);
    expect(abc.report.total).toBeCloseTo(10_073_173.903, 3);
  });

  it("XYZ counts match the reference script: X 204, Y 930, Z 2,039; 894 with a net-negative month", () => {
    expect(countsByLabel(xyz.labels, xyz.counts)).toEqual({ X: 204, Y: 930, Z: 2039 });
    expect(xyz.report).toEqual({ items: 4070, classified: 3173, tooFewPeriods: 0, noDemand: 3, negativeDemand: 894 });
  });

  it("the ABC × XYZ matrix matches the reference script", () => {
    const matrix = crossAbcXyz(abc, xyz);
    expect(countsByLabel(matrix.labels, matrix.counts)).toEqual({
      AX: 139, AY: 326, AZ: 264,
      BX: 57, BY: 319, BZ: 445,
      CX: 8, CY: 285, CZ: 1330,
    });
  });
});

/**
 * Hyndman's "carparts" (../shared/data/carparts/carparts_wide.csv): 2,674 parts × 51 months, Jan 1998 …
 * Mar 2002; an empty cell is NA, a month after the series stopped, and is skipped (not read as 0).
 * Syntetos–Boylan–Croston patterns with the engine's conventions: ADI = observed months ÷ months with
 * demand; CV² from the population variance (divisor n, the default) of the non-zero demands.
 * Expected counts: scripts/reference/carparts_patterns.py (test/fixtures/carparts-patterns.reference.json).
 *
 * For the 2,509 series with no NA these are SOURCE.md's published numbers: 0 smooth, 0 erratic,
 * 2,146 intermittent, 337 lumpy, 26 with fewer than 2 non-zero months. The last test checks the
 * `deviation: "sample"` option (divisor n − 1) against the script's sample-variance counts.
 */
describe("real data: carparts demand patterns", () => {
  const PARTS = 2_674;
  const MONTHS = 51;
  let history: Float64Array;
  let result: DemandPatternResult;
  let fullHistory: boolean[];
  let missingCells = 0;
  let zeroCells = 0;

  beforeAll(() => {
    const records = parseCsv(readCsvText(dataFile("carparts", "carparts_wide.csv")));
    const [header, ...rows] = records;
    if (header[0] !== "part" || header.length !== MONTHS + 1 || rows.length !== PARTS) {
      throw new Error(`carparts_wide.csv: expected "part" and ${MONTHS} months for ${PARTS} parts`);
    }
    history = new Float64Array(PARTS * MONTHS);
    fullHistory = rows.map((row, part) => {
      let complete = true;
      for (let month = 0; month < MONTHS; month++) {
        const cell = row[month + 1];
        const demand = cell === "" ? NaN : Number(cell);
        if (cell === "") {
          complete = false;
          missingCells++;
        } else if (demand === 0) {
          zeroCells++;
        }
        history[part * MONTHS + month] = demand;
      }
      return complete;
    });
    result = classifyDemandPattern(history, PARTS, MONTHS);
  });

  it("reads the file as its SOURCE.md describes it", () => {
    expect(missingCells).toBe(6_122);
    expect(zeroCells).toBe(97_398);
    expect(fullHistory.filter(Boolean).length).toBe(2_509);
  });

  it("all 2,674 parts: counts per pattern and per status match the reference script", () => {
    expect(Array.from(result.counts)).toEqual([3, 0, 2294, 347]); // smooth, erratic, intermittent, lumpy
    expect(result.report).toEqual({
      items: 2674,
      classified: 2644,
      tooFewPeriods: 0,
      noDemand: 0,
      negativeDemand: 0,
      tooFewDemands: 30,
    });
  });

  function fullHistoryCounts(patterns: Int8Array): { counts: number[]; unclassified: number } {
    const counts = [0, 0, 0, 0];
    let unclassified = 0;
    fullHistory.forEach((complete, part) => {
      if (!complete) return;
      if (patterns[part] < 0) unclassified++;
      else counts[patterns[part]]++;
    });
    return { counts, unclassified };
  }

  it("the 2,509 full-history parts: SOURCE.md's 0 smooth, 0 erratic, 2,146 intermittent, 337 lumpy, 26 unclassified", () => {
    expect(fullHistoryCounts(result.pattern)).toEqual({ counts: [0, 0, 2146, 337], unclassified: 26 });
  });

  it('with deviation "sample" the counts match the script\'s sample-variance variant', () => {
    const sample = classifyDemandPattern(history, PARTS, MONTHS, { deviation: "sample" });
    expect(Array.from(sample.counts)).toEqual([2, 1, 2206, 435]);
    expect(sample.report).toEqual(result.report);
    expect(Array.from(sample.adi)).toEqual(Array.from(result.adi));
    expect(fullHistoryCounts(sample.pattern)).toEqual({ counts: [0, 0, 2067, 416], unclassified: 26 });
  });
});
