/**
 * SEGMENT.ASSIGN, EXPLAIN and POLICY through the BUILT bundle (dist/functions.js), called as Excel
 * calls them: every declared parameter passed (omitted ones as null), the repeating `features`
 * parameter as one array of ranges. The definition is the worked example of
 * test/fixtures/definitions/chips-abc-xyz.json (Heizer & Render's ABC example: A threshold 77,000,
 * B threshold 15,001, crossed with XYZ at CoV 0.5 and 1); expected segments are worked out in
 * test/engine/definition/assign.test.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { callAsExcel, FunctionMetadata, loadBuiltFunctions, readMetadata } from "../support/builtFunctions";
import { CustomFunctionsStandIn, StandInError } from "../support/customFunctions";
import { clearDefinitions, registerDefinition } from "../../src/functions/definitionRegistry";

const jsonText = fs.readFileSync(path.resolve(__dirname, "../fixtures/definitions/chips-abc-xyz.json"), "utf8");
const compact = JSON.stringify(JSON.parse(jsonText));

let metadata: { functions: FunctionMetadata[] };
let standIn: CustomFunctionsStandIn;

beforeAll(() => {
  metadata = readMetadata();
  standIn = loadBuiltFunctions();
});

const call = (id: string, ...args: unknown[]) => callAsExcel(standIn, metadata, id, ...args) as unknown[][];
const column = (...values: unknown[]) => values.map((v) => [v]);
const flat = (result: unknown[][]) => result.map((row) => row[0]);

function expectError(value: unknown, code: string, messagePart: RegExp | string) {
  expect(value).toBeInstanceOf(StandInError);
  expect((value as StandInError).code).toBe(code);
  if (typeof messagePart === "string") expect((value as StandInError).message).toContain(messagePart);
  else expect((value as StandInError).message).toMatch(messagePart);
}

// Rows: revenue, demand CoV, months of history.
const revenue = column(30000, 90000, 12500, 90000, 90000, "n/a");
const cv = column(0.42, 0.7, 1.3, 0.1, null, 0.2);
const history = column(12, 12, 12, 3, 12, 12);

describe("registration", () => {
  test("ASSIGN, EXPLAIN and POLICY are in functions.json with their public parameters", () => {
    const fn = (id: string) => metadata.functions.find((f) => f.id === id)!;
    expect(fn("ASSIGN").parameters.map((p) => p.name)).toEqual(["definition", "features"]);
    expect(fn("EXPLAIN").parameters.map((p) => p.name)).toEqual(["definition", "features"]);
    expect(fn("POLICY").parameters.map((p) => p.name)).toEqual(["definition", "segment", "field"]);
    const features = fn("ASSIGN").parameters[1] as { repeating?: boolean; optional?: boolean; dimensionality?: string };
    expect(features).toMatchObject({ repeating: true, optional: true, dimensionality: "matrix" });
    expect(standIn.registry.has("ASSIGN") && standIn.registry.has("EXPLAIN") && standIn.registry.has("POLICY")).toBe(true);
  });
});

describe("SEGMENT.ASSIGN", () => {
  test("one segment per row, features one column per dimension in the definition's order", () => {
    const out = flat(call("ASSIGN", [[compact]], [revenue, cv, history]));
    expect(out.slice(0, 5)).toEqual(["BX", "AY", "CZ", "BY", "CZ"]);
    expectError(out[5], "#VALUE!", 'row 6: revenue holds text "n/a"');
  });

  test("a definition split over several cells is read in reading order", () => {
    const third = Math.ceil(compact.length / 3);
    const range = [
      [compact.slice(0, third), compact.slice(third, 2 * third)],
      [compact.slice(2 * third), null],
    ];
    expect(flat(call("ASSIGN", range, [revenue, cv, history])).slice(0, 5)).toEqual(["BX", "AY", "CZ", "BY", "CZ"]);
  });

  test("one range holding several feature columns works like separate ranges", () => {
    const block = revenue.map((row, r) => [row[0], cv[r][0], history[r][0]]);
    expect(flat(call("ASSIGN", [[compact]], [block])).slice(0, 5)).toEqual(["BX", "AY", "CZ", "BY", "CZ"]);
  });

  test("columns headed with dimension names match by name, and an item column lets overrides apply", () => {
    const range = [
      ["historyPeriods", "Item", "DEMANDCV", "revenue"],
      [12, "#10572", 0.3, 150],
      [12, "#10500", 0.3, 12500],
    ];
    expect(flat(call("ASSIGN", [[compact]], [range]))).toEqual(["AX", "CX"]);
  });

  test("fewer columns than dimensions: the rest are missing, and the definition's fallbacks decide", () => {
    expect(flat(call("ASSIGN", [[compact]], [column(90000, 12500)]))).toEqual(["CZ", "CZ"]);
  });

  test("argument problems give one error that says what to fix", () => {
    expectError(call("ASSIGN", [[compact]], [revenue, cv, history, history])[0][0], "#VALUE!", "features have 4 columns but the definition has 3 dimensions");
    expectError(call("ASSIGN", [[compact]], [revenue, column(1, 2)])[0][0], "#VALUE!", "features range 2 has 2 rows but the first has 6");
    expectError(call("ASSIGN", [[compact]], null)[0][0], "#VALUE!", "features are required: one column per dimension");
    expectError(call("ASSIGN", null, [revenue])[0][0], "#VALUE!", "definition is required");
  });

  test("an invalid definition gives #VALUE! with the path of the problem", () => {
    const bad = JSON.parse(compact);
    bad.segments[2].policy.serviceLevel = 1.5;
    expectError(call("ASSIGN", [[JSON.stringify(bad)]], [revenue])[0][0], "#VALUE!", "segments[2].policy.serviceLevel: must be between 0 and 1");
    expectError(call("ASSIGN", [['{"schemaVersion": 1,']], [revenue])[0][0], "#VALUE!", "not valid JSON");
  });

  test("an unknown definition name gives #N/A saying what is loaded", () => {
    expectError(call("ASSIGN", [["Retail SKUs"]], [revenue])[0][0], "#N/A", 'no definition named "Retail SKUs", and none is loaded');
  });
});

describe("SEGMENT.EXPLAIN", () => {
  test("one explanation per row, in words", () => {
    const out = flat(call("EXPLAIN", [[compact]], [revenue, cv, history]));
    expect(out[0]).toBe(
      "revenue 30,000 ≥ B threshold 15,001 (95% cumulative share at design, rank 4 of 10) → B; demandCv 0.42 ≤ 0.5 → X; cell BX → BX (Mid, steady)",
    );
    expect(out[3]).toBe('fallback rule "new products" (new products are BY until 6 months of history): historyPeriods 3 < 6 → BY (Mid, variable)');
    expect(out[4]).toMatch(/^demandCv is missing → not classified; not classifiable → fallback for unclassifiable items "no measurable demand"/);
  });
});

describe("SEGMENT.POLICY", () => {
  test("a field of a segment; a column of segments spills a column", () => {
    expect(call("POLICY", [[compact]], [["AX"]], [["serviceLevel"]])).toEqual([[0.98]]);
    expect(call("POLICY", [[compact]], column("AX", "cz", "BY"), [["Service Level"]])).toEqual([[0.98], [0.85], [0.95]]);
    expect(call("POLICY", [[compact]], [["CZ"]], [["safetyStockMethod"]])).toEqual([["periodsOfCover"]]);
    expect(call("POLICY", [[compact]], [["AX"]], [["fillRateTarget"]])).toEqual([[0.98]]);
    expect(call("POLICY", [[compact]], [["AX"]], [["name"]])).toEqual([["Core runners"]]);
  });

  test("segments down and fields across spill a table", () => {
    expect(call("POLICY", [[compact]], column("AX", "BX"), [["leadTimeDays", "reviewPeriodDays", "transportMode"]])).toEqual([
      [14, 7, "road"],
      [14, 14, "road"],
    ]);
  });

  test("an unknown segment or field gives #N/A naming what exists", () => {
    const out = flat(call("POLICY", [[compact]], column("AX", "ZZ", null), [["moq"]]));
    expect(out[0]).toBe(0);
    expectError(out[1], "#N/A", '"Silicon Chips ABC-XYZ" has no segment "ZZ"; its segments are "AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"');
    expectError(out[2], "#N/A", "the segment cell is blank");
    expectError(call("POLICY", [[compact]], [["AX"]], [["colour"]])[0][0], "#N/A", /^no policy field "colour"; fields are "name", "description", "serviceLevel"/);
    expectError(call("POLICY", [[compact]], [["AX"]], [["orderCost"]])[0][0], "#N/A", "segment AX does not set orderCost");
  });
});

describe("definitions the task pane registered, by name (shared runtime: one realm)", () => {
  let sameRealm: CustomFunctionsStandIn;
  beforeAll(() => {
    sameRealm = loadBuiltFunctions("same-realm");
  });
  afterAll(() => clearDefinitions());
  const callSame = (id: string, ...args: unknown[]) => callAsExcel(sameRealm, metadata, id, ...args) as unknown[][];

  test("a registered name works like the JSON range; an unknown name lists the loaded ones", () => {
    registerDefinition("Chips", jsonText);
    expect(flat(callSame("ASSIGN", [["chips"]], [revenue, cv, history])).slice(0, 3)).toEqual(["BX", "AY", "CZ"]);
    expect(callSame("POLICY", [["Chips"]], [["BZ"]], [["serviceLevel"]])).toEqual([[0.92]]);
    expectError(callSame("ASSIGN", [["Retail"]], [revenue])[0][0], "#N/A", 'no definition named "Retail"; the loaded definitions are "Chips"');
  });
});
