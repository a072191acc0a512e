/**
 * The public contract of the SEGMENT.* functions, exercised on the BUILT bundle (dist/functions.js)
 * the way Excel calls it: the script is evaluated with a CustomFunctions stand-in, each function is
 * looked up by its functions.json id, every declared parameter is passed (omitted ones as null),
 * and single values for range parameters arrive as 1×1 arrays.
 *
 * Expected numbers are textbook values recomputed independently (Python's statistics.NormalDist):
 * Chopra & Meindl, Supply Chain Management (6th ed.), ch. 12 (safety stock for a CSL, with lead-time
 * uncertainty, and the fill rate of a given safety stock) and ch. 11 (EOQ, Best Buy example).
 */
import { callAsExcel, FunctionMetadata, loadBuiltFunctions, readMetadata } from "../support/builtFunctions";
import { CustomFunctionsStandIn, StandInError } from "../support/customFunctions";

let standIn: CustomFunctionsStandIn;
let metadata: { functions: FunctionMetadata[] };

beforeAll(() => {
  metadata = readMetadata();
  standIn = loadBuiltFunctions();
});

/** Calls like Excel: a bare value for a matrix parameter arrives as [[value]]. */
function call(id: string, ...args: unknown[]): unknown[][] {
  const fn = metadata.functions.find((f) => f.id === id)!;
  const wrapped = args.map((arg, i) =>
    arg !== null && arg !== undefined && !Array.isArray(arg) && fn.parameters[i]?.dimensionality === "matrix" ? [[arg]] : arg,
  );
  const result = callAsExcel(standIn, metadata, id, ...wrapped);
  expect(Array.isArray(result)).toBe(true);
  return result as unknown[][];
}

const column = (...values: unknown[]) => values.map((v) => [v]);
const flat = (result: unknown[][]) => result.map((row) => row[0]);

function expectError(value: unknown, code: string | null, messagePart?: RegExp) {
  expect(value).toBeInstanceOf(StandInError);
  const error = value as StandInError;
  if (code !== null) expect(error.code).toBe(code);
  expect(error.message).toBeTruthy();
  if (messagePart) expect(error.message).toMatch(messagePart);
}

describe("registration", () => {
  test("every function in functions.json is associated, and nothing else", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect([...standIn.registry.keys()].sort()).toEqual(ids);
    expect(ids).toEqual(
      expect.arrayContaining(["ABC", "XYZ", "DEMANDPATTERN", "SAFETYSTOCK", "REORDERPOINT", "FILLRATE", "EOQ"]),
    );
  });

  test("parameter names and order are the public contract", () => {
    const params = (id: string) => metadata.functions.find((f) => f.id === id)!.parameters.map((p) => p.name);
    expect(params("ABC")).toEqual(["values", "cutoffs", "labels"]);
    expect(params("XYZ").slice(0, 2)).toEqual(["history", "cutoffs"]);
    expect(params("DEMANDPATTERN")).toEqual(["history", "adiCutoff", "cv2Cutoff"]);
    const replenishment = [
      "serviceLevel", "demandMean", "demandStdDev", "leadTime", "leadTimeStdDev", "reviewPeriod", "serviceType", "orderQuantity",
    ];
    expect(params("SAFETYSTOCK")).toEqual(replenishment);
    expect(params("REORDERPOINT")).toEqual(replenishment);
    expect(params("FILLRATE")).toEqual(["safetyStock", "demandMean", "demandStdDev", "leadTime", "orderQuantity", "leadTimeStdDev"]);
    expect(params("EOQ")).toEqual(["annualDemand", "orderCost", "annualHoldingCostPerUnit"]);
  });
});

describe("SEGMENT.ABC", () => {
  test("classes by cumulative share, in the input's order", () => {
    // total 200: 20 → 1.0 C, 100 → 0.5 A, 30 → 0.9 B, 50 → 0.75 A
    expect(flat(call("ABC", column(20, 100, 30, 50)))).toEqual(["C", "A", "B", "A"]);
  });

  test("a row spills across; a single cell is one item", () => {
    expect(call("ABC", [[100, 50, 30, 20]])).toEqual([["A", "A", "B", "C"]]);
    // One item holds 100% of the total, above the last cutoff: the inclusive rule makes it the last class.
    expect(call("ABC", 42)).toEqual([["C"]]);
  });

  test("custom cutoffs and labels; more cutoffs make more classes", () => {
    const values = column(50, 30, 10, 6, 4);
    expect(flat(call("ABC", values, [[0.5, 0.9]], [["Top", "Core", "Tail"]]))).toEqual(["Top", "Core", "Core", "Tail", "Tail"]);
    expect(flat(call("ABC", values, [[0.5], [0.8], [0.95]]))).toEqual(["A", "B", "C", "D", "D"]);
  });

  test("blank, text, numbers stored as text, booleans and error cells give a per-row error", () => {
    const out = flat(call("ABC", column(100, null, "n/a", "12", true, new StandInError("#N/A"), 50, "")));
    expect(out[0]).toBe("A");
    expectError(out[1], "#N/A", /row 2 of values is blank/);
    expectError(out[2], "#VALUE!", /row 3 of values holds text "n\/a"/);
    expectError(out[3], "#VALUE!", /stored as text/);
    expectError(out[4], "#VALUE!", /TRUE/);
    expectError(out[5], "#N/A", /#N\/A/);
    expect(out[6]).toBe("C");
    expectError(out[7], "#N/A", /blank/);
  });

  test("zero and negative values rank last and take the last class", () => {
    expect(flat(call("ABC", column(-5, 0, 80, 20)))).toEqual(["C", "C", "A", "C"]);
  });

  test("bad arguments give one error that says what to fix", () => {
    expectError(call("ABC", [[1, 2], [3, 4]])[0][0], "#VALUE!", /single column or a single row/);
    expectError(call("ABC", column(1, 2), [[0.95, 0.8]])[0][0], null, /cutoffs/);
    expectError(call("ABC", column(1, 2), null, [["A", "B"]])[0][0], null, /labels/);
    expectError(call("ABC", column(1, 2), [["x", 0.9]])[0][0], "#VALUE!", /cutoffs/);
    expectError(call("ABC", null)[0][0], "#VALUE!", /values is required/);
  });
});

describe("SEGMENT.XYZ", () => {
  const history = [
    [10, 10, 10, 10], // CV 0 → X
    [5, 15, 5, 15], // mean 10, STDEV.S 5.7735 → CV 0.577 → Y
    [0, 20, 0, 20], // mean 10, STDEV.S 11.547 → CV 1.155 → Z
    [0, 0, 0, 0], // no demand
    [7, null, null, null], // one period with data
    [5, "x", 5, 5],
    [5, -2, 5, 5],
  ];

  test("coefficient of variation classes with Excel STDEV.S, and a clear answer for every row", () => {
    const out = flat(call("XYZ", history));
    expect(out.slice(0, 3)).toEqual(["X", "Y", "Z"]);
    expectError(out[3], "#N/A", /no demand/);
    expectError(out[4], "#N/A", /1 period\(s\) with data/);
    expectError(out[5], "#VALUE!", /row 6, period 2/);
    expectError(out[6], "#VALUE!", /negative demand in period 2/);
  });

  test("cutoffs, labels and minPeriods", () => {
    expect(flat(call("XYZ", history.slice(0, 3), [[0.6, 2]]))).toEqual(["X", "X", "Y"]);
    expect(flat(call("XYZ", history.slice(0, 3), [[0.6]], [["stable", "variable"]]))).toEqual(["stable", "stable", "variable"]);
    expectError(call("XYZ", history.slice(0, 3), [[0.6]])[0][0], "#VALUE!", /give 2 labels/);
    expectError(flat(call("XYZ", [[1, 2, 3, null]], null, null, 4))[0], "#N/A", /at least 4/);
    expectError(call("XYZ", history, null, null, 1.5)[0][0], "#NUM!", /minPeriods/);
  });
});

describe("SEGMENT.DEMANDPATTERN", () => {
  test("the four Syntetos-Boylan classes", () => {
    const out = flat(
      call("DEMANDPATTERN", [
        [10, 12, 11, 9, 10, 10, 11, 9, 10, 12, 11, 10], // ADI 1, CV² (population) 0.0084 → smooth
        [1, 50, 2, 60, 1, 70, 2, 55, 1, 65, 2, 60], // ADI 1, CV² 0.927 → erratic
        [0, 0, 10, 0, 0, 12, 0, 0, 11, 0, 0, 9], // ADI 3, CV² of 10, 12, 11, 9 = 0.0113 → intermittent
        [0, 0, 1, 0, 0, 50, 0, 0, 2, 0, 0, 90], // ADI 3, CV² of 1, 50, 2, 90 = 1.074 → lumpy
        [0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0], // one demand
      ]),
    );
    expect(out.slice(0, 4)).toEqual(["smooth", "erratic", "intermittent", "lumpy"]);
    expectError(out[4], "#N/A", /fewer than 2 periods with demand/);
  });

  test("configurable cutoffs, validated", () => {
    const row = [[0, 0, 10, 0, 0, 12, 0, 0, 11, 0, 0, 9]];
    expect(call("DEMANDPATTERN", row, 4)).toEqual([["smooth"]]);
    expectError(call("DEMANDPATTERN", row, -1)[0][0], "#NUM!", /adiCutoff/);
    expectError(call("DEMANDPATTERN", row, null, "high")[0][0], "#VALUE!", /cv2Cutoff/);
  });
});

describe("SEGMENT.SAFETYSTOCK and SEGMENT.REORDERPOINT", () => {
  test("cycle service level, demand variability only (Chopra & Meindl: 2,500 ± 500 per week, L = 2, CSL 0.90)", () => {
    expect(call("SAFETYSTOCK", 0.9, 2500, 500, 2)[0][0]).toBeCloseTo(906.1938024368236, 6);
    expect(call("REORDERPOINT", 0.9, 2500, 500, 2)[0][0]).toBeCloseTo(5906.193802436824, 6);
  });

  test("with lead-time variability (Chopra & Meindl: D 2,500 ± 500 per day, L 7 ± 7 days, CSL 0.90)", () => {
    expect(call("SAFETYSTOCK", 0.9, 2500, 500, 7, 7)[0][0]).toBeCloseTo(22491.138696520986, 4);
  });

  test("periodic review protects over review period plus lead time; REORDERPOINT is then the order-up-to level", () => {
    // σ over R + L = 20·√3, z(0.95) = 1.6448536
    expect(call("SAFETYSTOCK", 0.95, 100, 20, 2, 0, 1)[0][0]).toBeCloseTo(56.97940105787786, 6);
    expect(call("REORDERPOINT", 0.95, 100, 20, 2, 0, 1)[0][0]).toBeCloseTo(356.97940105787786, 6);
  });

  test("fill-rate target: the safety stock that gives that fill rate", () => {
    const ss = call("SAFETYSTOCK", 0.99, 2500, 500, 2, 0, 0, "fill", 10000)[0][0] as number;
    expect(typeof ss).toBe("number");
    expect(call("FILLRATE", ss, 2500, 500, 2, 10000)[0][0]).toBeCloseTo(0.99, 9);
    expect(call("SAFETYSTOCK", 0.99, 2500, 500, 2, null, null, "FILL", 10000)[0][0]).toBeCloseTo(ss, 9);
  });

  test("one call per column: ranges broadcast against single values", () => {
    const out = call("SAFETYSTOCK", 0.9, column(2500, 100, "x"), column(500, 20, 5), 2);
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(906.1938024368236, 6);
    expect(out[1][0]).toBeCloseTo(1.2815515655446008 * 20 * Math.SQRT2, 9);
    expectError(out[2][0], "#VALUE!", /demandMean \(row 3\)/);
  });

  test("bad inputs give an error naming the argument", () => {
    expectError(call("SAFETYSTOCK", 95, 100, 20, 2)[0][0], "#NUM!", /serviceLevel.*0\.95/);
    expectError(call("SAFETYSTOCK", 1, 100, 20, 2)[0][0], "#NUM!", /serviceLevel/);
    expectError(call("SAFETYSTOCK", 0.9, 100, -20, 2)[0][0], "#NUM!", /demandStdDev/);
    expectError(call("SAFETYSTOCK", 0.9, 100, 20, 2, null, null, "fill")[0][0], "#VALUE!", /orderQuantity/);
    expectError(call("SAFETYSTOCK", 0.9, 100, 20, 2, null, null, "weekly")[0][0], "#VALUE!", /serviceType/);
    expectError(call("SAFETYSTOCK", 0.9, "", 20, 2)[0][0], "#VALUE!", /demandMean is blank/);
    expectError(call("SAFETYSTOCK", 0.9, true, 20, 2)[0][0], "#VALUE!", /demandMean/);
    expectError(call("SAFETYSTOCK", new StandInError("#DIV/0!"), 100, 20, 2)[0][0], "#VALUE!", /#DIV\/0!/);
    expectError(call("SAFETYSTOCK", 0.9, column(1, 2, 3), column(1, 2), 2)[0][0], "#VALUE!", /same size/);
    expectError(call("SAFETYSTOCK", 0.9, null, 20, 2)[0][0], "#VALUE!", /demandMean is required/);
  });
});

describe("SEGMENT.FILLRATE and SEGMENT.EOQ", () => {
  test("fill rate of a safety stock (Chopra & Meindl: Q 10,000, ss 1,000, σ_L = 500·√2)", () => {
    expect(call("FILLRATE", 1000, 2500, 500, 2, 10000)[0][0]).toBeCloseTo(0.9974872729169993, 9);
  });

  test("EOQ (Chopra & Meindl, Best Buy: D 12,000, S $4,000, h $100)", () => {
    expect(call("EOQ", 12000, 4000, 100)[0][0]).toBeCloseTo(979.7958971132713, 9);
    expect(flat(call("EOQ", column(12000, 3000), 4000, 100))[1]).toBeCloseTo(489.89794855663564, 9);
  });

  test("bad inputs", () => {
    expectError(call("FILLRATE", 1000, 2500, 500, 2, 0)[0][0], "#NUM!", /orderQuantity/);
    expectError(call("EOQ", 12000, 4000, 0)[0][0], "#NUM!", /annualHoldingCostPerUnit/);
    expectError(call("EOQ", "lots", 4000, 100)[0][0], "#VALUE!", /annualDemand/);
  });
});

describe("no function throws", () => {
  const junk: unknown[] = [null, "", "text", true, 0, -1, NaN, [[]], [["a", 1], [null, true]], new StandInError("#REF!")];
  test.each(["ABC", "XYZ", "DEMANDPATTERN", "ABCXYZ", "SAFETYSTOCK", "REORDERPOINT", "FILLRATE", "EOQ"])("%s", (id) => {
    const fn = metadata.functions.find((f) => f.id === id)!;
    for (const value of junk) {
      const args = fn.parameters.map(() => value);
      expect(() => callAsExcel(standIn, metadata, id, ...args)).not.toThrow();
    }
  });
});
