/**
 * SEGMENT.CLUSTER, SEGMENT.KSELECT and SEGMENT.PROFILE through the BUILT bundle (dist/functions.js),
 * called as Excel calls them: looked up by functions.json id, every declared parameter passed (omitted
 * ones as null), single values for range parameters as 1×1 arrays.
 */
import { callAsExcel, FunctionMetadata, loadBuiltFunctions, readMetadata } from "../support/builtFunctions";
import { CustomFunctionsStandIn, StandInError } from "../support/customFunctions";

let standIn: CustomFunctionsStandIn;
let metadata: { functions: FunctionMetadata[] };

beforeAll(() => {
  metadata = readMetadata();
  standIn = loadBuiltFunctions();
});

function call(id: string, ...args: unknown[]): unknown[][] {
  const fn = metadata.functions.find((f) => f.id === id)!;
  const wrapped = args.map((arg, i) =>
    arg !== null && arg !== undefined && !Array.isArray(arg) && fn.parameters[i]?.dimensionality === "matrix" ? [[arg]] : arg,
  );
  const result = callAsExcel(standIn, metadata, id, ...wrapped);
  expect(Array.isArray(result)).toBe(true);
  return result as unknown[][];
}

function expectError(value: unknown, code: string | null, messagePart?: RegExp) {
  expect(value).toBeInstanceOf(StandInError);
  const error = value as StandInError;
  if (code !== null) expect(error.code).toBe(code);
  expect(error.message).toBeTruthy();
  if (messagePart) expect(error.message).toMatch(messagePart);
}

// Customers: revenue, orders, margin. Three clear groups: big accounts, mid-size, small occasional.
const header = ["Revenue", "Orders", "Margin"];
const customers = [
  [52000, 48, 0.12], [61000, 52, 0.1], [58000, 45, 0.11], [55000, 50, 0.13],
  [9000, 20, 0.3], [11000, 24, 0.28], [10500, 22, 0.32], [9500, 18, 0.31],
  [800, 2, 0.45], [650, 3, 0.5], [900, 1, 0.48], [700, 2, 0.47],
];

describe("registration", () => {
  test("the three functions are registered with their public parameter names, in order", () => {
    const params = (id: string) => metadata.functions.find((f) => f.id === id)!.parameters.map((p) => p.name);
    expect(params("CLUSTER")).toEqual(["features", "k", "weights", "seed", "scaling"]);
    expect(params("KSELECT")).toEqual(["features", "kMin", "kMax"]);
    expect(params("PROFILE")).toEqual(["features", "segments"]);
    for (const id of ["CLUSTER", "KSELECT", "PROFILE"]) {
      const fn = metadata.functions.find((f) => f.id === id)!;
      expect(fn.result.dimensionality).toBe("matrix");
      for (const p of fn.parameters) expect(p.description).toBeTruthy();
      expect(standIn.registry.has(id)).toBe(true);
    }
  });
});

describe("SEGMENT.CLUSTER", () => {
  test("one segment per row, under a header when features has one; the groups are found", () => {
    const out = call("CLUSTER", [header, ...customers], 3);
    expect(out).toHaveLength(13);
    expect(out[0]).toEqual(["segment"]);
    const segments = out.slice(1).map((row) => row[0]);
    expect(new Set(segments.slice(0, 4)).size).toBe(1);
    expect(new Set(segments.slice(4, 8)).size).toBe(1);
    expect(new Set(segments.slice(8)).size).toBe(1);
    expect(new Set(segments).size).toBe(3);
    for (const s of segments) expect([1, 2, 3]).toContain(s);
  });

  test("without headers: no header row; the same seed gives the same answer; scaling and weights are read", () => {
    const first = call("CLUSTER", customers, 2, null, 7);
    expect(first).toHaveLength(12);
    expect(call("CLUSTER", customers, 2, null, 7)).toEqual(first);
    for (const scaling of ["zscore", "robust", "minmax", "none", "ROBUST"]) expect(call("CLUSTER", customers, 3, null, null, scaling)).toHaveLength(12);
    expect(call("CLUSTER", customers, 3, [[1, 1, 2]])).toHaveLength(12);
  });

  test("a row with a blank, text or error cell gets its own error and is left out; the others are clustered", () => {
    const rows = [header, ...customers.slice(0, 8), [800, null, 0.45], [650, "n/a", 0.5], [900, 1, new StandInError("#DIV/0!")], [700, 2, 0.47]];
    const out = call("CLUSTER", rows, 2).map((row) => row[0]);
    expectError(out[9], "#N/A", /row 10, Orders of features is blank/);
    expectError(out[10], "#VALUE!", /row 11, Orders of features holds text "n\/a"/);
    expectError(out[11], "#VALUE!", /#DIV\/0!/);
    expect(typeof out[12]).toBe("number");
  });

  test("bad arguments give one error that says what to fix", () => {
    expectError(call("CLUSTER", null, 3)[0][0], "#VALUE!", /features is required/);
    expectError(call("CLUSTER", customers, null)[0][0], "#VALUE!", /k is required/);
    expectError(call("CLUSTER", customers, 0)[0][0], "#NUM!", /k must be at least 1/);
    expectError(call("CLUSTER", customers, 2.5)[0][0], "#NUM!", /whole number/);
    expectError(call("CLUSTER", customers, 13)[0][0], "#NUM!", /k = 13 segments need at least 13 complete rows/);
    expectError(call("CLUSTER", customers, "three")[0][0], "#VALUE!", /k holds text/);
    expectError(call("CLUSTER", customers, 2, [[1, 2]])[0][0], "#VALUE!", /one weight per dimension: features has 3 columns, weights has 2/);
    expectError(call("CLUSTER", customers, 2, [[1, -1, 1]])[0][0], "#NUM!", /weight 2 is -1/);
    expectError(call("CLUSTER", customers, 2, null, 1.5)[0][0], "#NUM!", /seed must be a whole number/);
    expectError(call("CLUSTER", customers, 2, null, null, "log")[0][0], "#VALUE!", /scaling must be "zscore", "robust", "minmax", "none"/);
    expectError(call("CLUSTER", [header, [1, 2, null], [3, 4, null]], 1)[0][0], "#VALUE!", /the Margin column of features holds no numbers/);
    expectError(call("CLUSTER", [header], 1)[0][0], "#VALUE!", /no items below it/);
    expectError(call("CLUSTER", [[1, 1], [1, 1], [1, 1]], 2)[0][0], "#VALUE!", /only 1 distinct point/);
    expectError(call("CLUSTER", [["a", "a"], [1, 2], [3, 4]], 1)[0][0], "#VALUE!", /two columns headed "a"/);
  });
});

describe("SEGMENT.KSELECT", () => {
  test("a table over k with a header row, and the recommendation on the recommended k", () => {
    const out = call("KSELECT", [header, ...customers], 2, 5);
    expect(out[0]).toEqual(["k", "inertia", "silhouette", "marginal gain", "stability", "recommendation"]);
    expect(out.slice(1).map((row) => row[0])).toEqual([2, 3, 4, 5]);
    const recommended = out.slice(1).filter((row) => row[5] !== "");
    expect(recommended).toHaveLength(1);
    expect(recommended[0][0]).toBe(3);
    expect(recommended[0][5]).toMatch(/^recommended: k = 3: highest mean silhouette 0\.\d\d/);
    for (const row of out.slice(1)) {
      expect(typeof row[1]).toBe("number");
      expect(typeof row[3]).toBe("number");
    }
    expect(out[2][3] as number).toBeGreaterThan(0);
  });

  test("defaults: k from 2 to 8 at most, capped by the rows; left-out rows are mentioned", () => {
    const out = call("KSELECT", [...customers, [1, null, 2]]);
    expect(out.slice(1).map((row) => row[0])).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(out.slice(1).find((row) => row[5] !== "")![5]).toMatch(/1 row\(s\) left out for blank or bad cells/);
    expect(call("KSELECT", customers.slice(0, 5)).slice(1).map((row) => row[0])).toEqual([2, 3, 4]);
  });

  test("bad arguments", () => {
    expectError(call("KSELECT", customers, 1)[0][0], "#NUM!", /kMin must be at least 2/);
    expectError(call("KSELECT", customers, 5, 3)[0][0], "#NUM!", /kMax \(3\) must be at least kMin \(5\)/);
    expectError(call("KSELECT", customers, 2, 12)[0][0], "#NUM!", /kMax = 12 needs at least 13 complete rows/);
    expectError(call("KSELECT", customers.slice(0, 2))[0][0], "#VALUE!", /at least 3 complete rows/);
    expectError(call("KSELECT", [["x", "y"], [null, "a"]])[0][0], "#VALUE!", /holds no numbers/);
  });
});

describe("SEGMENT.PROFILE", () => {
  test("a profile per segment with a business name, shares and means in original units", () => {
    const features = [header, ...customers];
    const segments = call("CLUSTER", features, 3);
    const out = call("PROFILE", features, segments);
    expect(out[0]).toEqual(["segment", "name", "items", "share of items", "share of revenue", "mean Revenue", "mean Orders", "mean Margin"]);
    expect(out).toHaveLength(4);
    const byName = Object.fromEntries(out.slice(1).map((row) => [row[1], row]));
    const big = byName["Very high revenue · very frequent · very low margin"] ?? byName["High revenue · frequent · low margin"];
    expect(big).toBeDefined();
    expect(big[2]).toBe(4);
    expect(big[3]).toBeCloseTo(1 / 3, 12);
    expect(big[4]).toBeCloseTo(226000 / (226000 + 40000 + 3050), 12);
    expect(big[5]).toBeCloseTo(56500, 9);
    expect(big[6]).toBeCloseTo(48.75, 9);
    const total = out.slice(1).reduce((sum, row) => sum + (row[4] as number), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  test("any labels work; rows with a blank or error segment are left out; no revenue column leaves its share blank", () => {
    const out = call("PROFILE", [["Volume", "CV"], [100, 0.2], [120, 0.3], [5, 1.5], [7, 1.2], [50, 0.5]], [["segment"], ["A"], ["A"], ["B"], ["B"], [new StandInError("#N/A")]]);
    expect(out.slice(1).map((row) => [row[0], row[1], row[2], row[4]])).toEqual([
      ["A", "High volume · stable", 2, ""],
      ["B", "Low volume · volatile", 2, ""],
    ]);
    expect(call("PROFILE", customers, [[1], [1], [1], [1], [2], [2], [2], [2], [3], [3], [3], [3]]).slice(1).map((row) => row[0])).toEqual([1, 2, 3]);
  });

  test("bad arguments", () => {
    expectError(call("PROFILE", customers, null)[0][0], "#VALUE!", /segments is required/);
    expectError(call("PROFILE", customers, [[1], [2]])[0][0], "#VALUE!", /segments has 2 rows but features has 12 items/);
    expectError(call("PROFILE", customers, customers)[0][0], "#VALUE!", /single column/);
    expectError(call("PROFILE", [[1, 2], ["x", 3]], [[1], [1]])[0][0], "#VALUE!", /row 2, column 1 of features holds text "x"/);
    expectError(call("PROFILE", customers, customers.map(() => [null]))[0][0], "#N/A", /no row has a segment/);
  });
});

describe("no function throws", () => {
  const junk: unknown[] = [null, "", "text", true, 0, -1, NaN, [[]], [["a", 1], [null, true]], new StandInError("#REF!")];
  test.each(["CLUSTER", "KSELECT", "PROFILE"])("%s", (id) => {
    const fn = metadata.functions.find((f) => f.id === id)!;
    for (const value of junk) {
      const args = fn.parameters.map(() => value);
      expect(() => callAsExcel(standIn, metadata, id, ...args)).not.toThrow();
    }
  });
});
