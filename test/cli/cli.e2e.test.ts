/**
 * The BUILT command line (build/supply-segments.cjs through bin/supply-segments.js, as `npm run
 * build` leaves it) run as a child process, the way the README runs it: design and apply on the real
 * UCI Online Retail file, then the workbook it wrote is opened with an independent reader (exceljs)
 * and its sheets and totals are checked against figures computed here from the CSV itself.
 * Failure paths run on small files: one line on stderr and a non-zero exit.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseDefinition } from "../../src/engine/definition/schema";
import { columnIndexes, forEachCsvRecord, readCsvText } from "../support/csv";
import { sharedDataFile } from "../support/dataFiles";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "supply-segments.js");
const MAPPING = ["--item", "StockCode", "--date", "InvoiceDate", "--quantity", "Quantity", "--price", "UnitPrice"];
const FIXTURE = path.join(ROOT, "test/fixtures/definitions/chips-abc-xyz.json");
const reference = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/online-retail-reclassification.reference.json"), "utf8"));

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  if (!fs.existsSync(path.join(ROOT, "build", "supply-segments.cjs"))) {
    throw new Error("build/supply-segments.cjs is missing: run `npm run build` first (npm test does)");
  }
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, unknown>;
function tableRows(sheet: ExcelJS.Worksheet): Row[] {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((name, k) => [name, values[k] ?? null])));
  });
  return rows;
}

describe("design and apply on UCI Online Retail, as the README runs them", () => {
  const data = sharedDataFile("online-retail", "online_retail.csv.gz");
  let design: ReturnType<typeof run>;
  let apply: ReturnType<typeof run>;
  let workbook: ExcelJS.Workbook;
  let definitionFile: string;
  let resultsFile: string;

  beforeAll(async () => {
    definitionFile = path.join(dir, "definition.json");
    resultsFile = path.join(dir, "results.xlsx");
    design = run("design", data, ...MAPPING, "--method", "abc-xyz", "--out", definitionFile);
    apply = run("apply", definitionFile, data, ...MAPPING, "--out", resultsFile);
    workbook = new ExcelJS.Workbook();
    if (fs.existsSync(resultsFile)) await workbook.xlsx.readFile(resultsFile);
  });

  test("both commands succeed and print a summary", () => {
    expect(design.stderr).toBe("");
    expect(design.status).toBe(0);
    expect(design.stdout).toContain('with 9 segments, designed on 4,057 items from 541,909 rows');
    expect(apply.stderr).toBe("");
    expect(apply.status).toBe(0);
    expect(apply.stdout).toContain("4,057 items from 541,909 rows");
    expect(apply.stdout).toContain("segments: AX 150, AY 365, AZ 256, BX 62, BY 856, BZ 443, CX 9, CY 344, CZ 1,572");
  });

  test("the definition file is a valid definition with its provenance", () => {
    const definition = parseDefinition(JSON.parse(fs.readFileSync(definitionFile, "utf8")));
    expect(definition.segments).toHaveLength(9);
    expect(definition.provenance).toMatchObject({ dataSource: "online_retail.csv.gz", rowCount: 541909, itemCount: 4057 });
    expect(definition.provenance.readiness?.passed).toBe(false);
  });

  test("the workbook has the sheets, each with a table and a frozen header", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Assignments", "Segments", "Policies", "KPIs", "Readiness", "Data issues", "Overrides", "Drift", "About",
    ]);
    for (const sheet of workbook.worksheets) {
      expect(Object.keys((sheet as unknown as { tables: object }).tables)).toHaveLength(1);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  test("Assignments: one row per item with segment, reasons and policy figures; counts match the independent reference", () => {
    const rows = tableRows(workbook.getWorksheet("Assignments")!);
    expect(rows).toHaveLength(4057);
    expect(new Set(rows.map((r) => r.Item)).size).toBe(4057);
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.Segment as string] = (counts[row.Segment as string] ?? 0) + 1;
    expect(Object.fromEntries(Object.entries(counts).sort())).toEqual(reference.computedSegments);
    const top = rows.find((r) => r.Item === "85123A")!;
    expect(top).toMatchObject({ Segment: "AX", "Segment name": "Core runners", "Assigned by": "method", "ABC class (revenue)": "A", "XYZ class (demandCv)": "X" });
    expect(top.Reasons).toMatch(/^revenue 104,519: rank 3 of 4,057, cumulative 4\.4% ≤ 80% → A; demandCv 0\.487 ≤ 0\.5 → X; cell AX → AX \(Core runners\)$/);
    for (const column of ["Safety stock", "Reorder point", "Inventory value", "Expected fill rate"]) expect(typeof top[column]).toBe("number");
    expect(rows.every((r) => typeof r.Reasons === "string" && (r.Reasons as string).length > 10)).toBe(true);
  });

  test("totals: Assignments revenue is the revenue of the sales lines computed here from the CSV", () => {
    // Independently: lines of product codes (with a digit) with quantity > 0 and price > 0, less the
    // one-off lines the workbook lists in Data issues by their row number.
    const text = readCsvText(data);
    let columns: Record<"StockCode" | "Quantity" | "UnitPrice", number> | undefined;
    const revenueByRow = new Map<number, number>();
    let salesMilli = 0;
    forEachCsvRecord(text, (fields, index) => {
      if (!columns) {
        columns = columnIndexes(fields, ["StockCode", "Quantity", "UnitPrice"]);
        return;
      }
      const quantity = Number(fields[columns.Quantity]);
      const priceMilli = Math.round(Number(fields[columns.UnitPrice]) * 1000);
      if (!/\d/.test(fields[columns.StockCode]) || quantity <= 0 || priceMilli <= 0) return;
      salesMilli += quantity * priceMilli;
      revenueByRow.set(index + 1, quantity * priceMilli);
    });
    const issues = tableRows(workbook.getWorksheet("Data issues")!);
    const oneOffs = issues.filter((r) => r.Issue === "one-off order line");
    expect(oneOffs).toHaveLength(107);
    const oneOffMilli = oneOffs.reduce((sum, r) => sum + revenueByRow.get(r.Row as number)!, 0);
    const assignments = tableRows(workbook.getWorksheet("Assignments")!);
    const revenue = assignments.reduce((sum, r) => sum + (r.Revenue as number), 0);
    expect(revenue).toBeCloseTo((salesMilli - oneOffMilli) / 1000, 2);

    const segments = tableRows(workbook.getWorksheet("Segments")!);
    const all = segments.find((r) => r.Segment === "All")!;
    expect(all.Items).toBe(4057);
    expect(all.Revenue as number).toBeCloseTo(revenue, 2);
    expect(segments.filter((r) => r.Segment !== "All").reduce((sum, r) => sum + (r.Items as number), 0)).toBe(4057);
    const inventory = assignments.reduce((sum, r) => sum + ((r["Inventory value"] as number) ?? 0), 0);
    expect(all["Inventory value"] as number).toBeCloseTo(inventory, 2);
  });

  test("Policies, KPIs and Readiness carry what the definition and the data say", () => {
    const policies = tableRows(workbook.getWorksheet("Policies")!);
    expect(policies.map((r) => r.Segment)).toEqual(["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"]);
    const kpis = tableRows(workbook.getWorksheet("KPIs")!);
    expect(kpis).toHaveLength(60);
    expect(kpis.find((r) => r.Segment === "AX" && r.KPI === "Fill rate")).toMatchObject({ Source: "expected from policy", Status: "on target" });
    expect(kpis.find((r) => r.Segment === "AX" && r.KPI === "On-time delivery")).toMatchObject({ Status: "not measured", "To measure, map": "--promised-date and --delivered-date" });
    const readiness = tableRows(workbook.getWorksheet("Readiness")!);
    expect(readiness[0]).toMatchObject({ Section: "overall", Result: "FAIL" });
    expect(readiness.find((r) => r["Check or rule"] === "return or cancellation")).toMatchObject({ Value: 10042 });
    expect(readiness.find((r) => r["Check or rule"] === "non-product codes found")!.Detail).toMatch(/^POST \(1,256\), DOT \(710\), M \(571\)/);
  });
});

describe("failures: one line on stderr and a non-zero exit", () => {
  const small = () => {
    const file = path.join(dir, "small.csv");
    const lines = ["sku,day,qty,amount"];
    for (let item = 0; item < 30; item++) {
      for (let month = 1; month <= 12; month++) {
        const quantity = 5 + ((item * 7 + month * 3) % 11) + (item < 5 ? 40 : 0);
        lines.push(`SKU${item},2023-${String(month).padStart(2, "0")}-15,${quantity},${(quantity * (1 + item / 10)).toFixed(2)}`);
      }
    }
    fs.writeFileSync(file, lines.join("\n"));
    return file;
  };
  const smallMapping = ["--item", "sku", "--date", "day", "--quantity", "qty", "--revenue", "amount"];

  test("a missing file", () => {
    const result = run("readiness", path.join(dir, "nope.csv"), ...smallMapping);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`supply-segments: error: file not found: ${path.join(dir, "nope.csv")}\n`);
  });

  test("a bad mapping", () => {
    const result = run("readiness", small(), "--item", "sku", "--date", "day", "--quantity", "units", "--revenue", "amount");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('supply-segments: error: column "units" (--quantity) is not in the header of small.csv; its columns are "sku", "day", "qty", "amount"\n');
  });

  test("a bad definition names the path of the problem", () => {
    const definition = path.join(dir, "bad.json");
    const valid = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
    valid.segments[2].policy.serviceLevel = 95;
    fs.writeFileSync(definition, JSON.stringify(valid));
    const result = run("apply", definition, small(), ...smallMapping, "--out", path.join(dir, "r.xlsx"));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "supply-segments: error: bad.json: invalid definition: segments[2].policy.serviceLevel: must be between 0 and 1 (write 95% as 0.95); got 95\n",
    );
    fs.writeFileSync(definition, "{ nope");
    expect(run("apply", definition, small(), ...smallMapping, "--out", path.join(dir, "r.xlsx")).stderr).toMatch(/^supply-segments: error: bad\.json is not valid JSON: /);
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
  });

  test("a bad option, and an output that would overwrite an input", () => {
    const data = small();
    const bad = run("readiness", data, ...smallMapping, "--min-share", "95");
    expect([bad.status, bad.stderr]).toEqual([1, 'supply-segments: error: --min-share must be a share between 0 and 1 (95% is 0.95); got "95"\n']);
    const overwrite = run("apply", FIXTURE, data, ...smallMapping, "--out", data);
    expect([overwrite.status, overwrite.stderr]).toEqual([1, `supply-segments: error: --out must name a .xlsx file; got ${data}\n`]);
    const missing = run("apply", "x.json", data);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("required option '--out <file>' not specified");
  });

  test("--help prints usage and exits 0 (every command's help is checked in main.test.ts)", () => {
    const result = run("apply", "--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: supply-segments apply [options] <definition> <data>");
  });

  test("readiness exits 0 when ready and 2 when not, and can write its workbook", async () => {
    const data = small();
    const ready = run("readiness", data, ...smallMapping, "--min-history", "12");
    expect([ready.status, ready.stdout.trim().split("\n").pop()]).toEqual([0, "READY"]);
    const out = path.join(dir, "readiness.xlsx");
    const notReady = run("readiness", data, ...smallMapping, "--min-history", "13", "--out", out);
    expect(notReady.status).toBe(2);
    expect(notReady.stdout).toContain("FAIL  items with at least 13 months of history: 0.0% (threshold 95.0%)");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Readiness", "Data issues"]);
  });

  test("compare writes a scenario workbook: moves, totals and side-by-side segments", async () => {
    const data = small();
    // Two definitions that differ in their ABC cutoffs: the worked example and a copy cut at 50% / 90%.
    const b = path.join(dir, "b.json");
    const changed = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
    changed.method.classifications[0].cutoffs = [0.5, 0.9];
    delete changed.method.classifications[0].design;
    changed.name = "Chips, tighter A";
    fs.writeFileSync(b, JSON.stringify(changed));
    const out = path.join(dir, "scenario.xlsx");
    const result = run("compare", FIXTURE, b, data, ...smallMapping, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Comparison", "Totals", "Moves", "Changed items", "Readiness", "About"]);
    const moves = tableRows(workbook.getWorksheet("Moves")!);
    expect(moves.reduce((sum, r) => sum + (r.Total as number), 0)).toBe(30);
    const from = Object.keys(moves[0]).find((k) => k.startsWith("From"))!;
    const offDiagonal = moves.reduce(
      (sum, r) => sum + Object.entries(r).filter(([k, v]) => k.startsWith("To ") && k.slice(3) !== r[from] && typeof v === "number").reduce((s, [, v]) => s + (v as number), 0),
      0,
    );
    const changedItems = tableRows(workbook.getWorksheet("Changed items")!);
    expect(changedItems).toHaveLength(offDiagonal);
    expect(changedItems.length).toBeGreaterThan(0);
    expect(result.stdout).toContain(`30 items, ${changedItems.length} change segment`);
  });
});
