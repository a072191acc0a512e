import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";
import { SegmentError } from "../../../src/engine/errors";
import { definitionJsonSchema, parseDefinition, SCHEMA_VERSION } from "../../../src/engine/definition/schema";

const FIXTURE = path.resolve(__dirname, "../../fixtures/definitions/chips-abc-xyz.json");
const fixture = () => JSON.parse(fs.readFileSync(FIXTURE, "utf8"));

function problemOf(json: unknown): string {
  try {
    parseDefinition(json);
  } catch (error) {
    expect(error).toBeInstanceOf(SegmentError);
    expect((error as SegmentError).kind).toBe("invalid-input");
    return (error as SegmentError).message;
  }
  throw new Error("expected the definition to be refused");
}

describe("parseDefinition", () => {
  test("accepts the worked-example definition and fills in the documented defaults", () => {
    const definition = parseDefinition(fixture());
    expect(definition.schemaVersion).toBe(SCHEMA_VERSION);
    expect(definition.segments).toHaveLength(9);
    expect(definition.dimensions[0]).toEqual({ name: "revenue", description: "annual dollar volume", kind: "number", transform: "none", weight: 1 });
    expect(definition.segments[0].policy.leadTimeStdDevDays).toBe(0);
    expect(definition.valuation).toEqual({ costRatio: 1 });
    expect(definition.method.type === "matrix" && definition.method.separator).toBe("");
  });

  test("reads JSON text too, and says when it is not JSON", () => {
    expect(parseDefinition(JSON.stringify(fixture())).id).toBe("chips-abc-xyz");
    expect(problemOf("{ not json")).toMatch(/^the definition is not valid JSON/);
    expect(problemOf([1, 2])).toMatch(/must be a JSON object/);
  });

  test("names the path of a bad policy field: segments[2].policy.serviceLevel", () => {
    const json = fixture();
    json.segments[2].policy.serviceLevel = 95;
    expect(problemOf(json)).toBe("invalid definition: segments[2].policy.serviceLevel: must be between 0 and 1 (write 95% as 0.95); got 95");
  });

  test("refuses unknown fields, so a misspelt field cannot pass silently", () => {
    const json = fixture();
    json.segments[0].policy.serviceLevl = 0.9;
    json.extra = true;
    const message = problemOf(json);
    expect(message).toContain("segments[0].policy.serviceLevl: is not a field of this object");
    expect(message).toContain("extra: is not a field of this object");
  });

  test("requires fields, and reports every problem at once", () => {
    const json = fixture();
    delete json.provenance.author;
    json.version = 0;
    json.scope.entity = "warehouse";
    const message = problemOf(json);
    expect(message).toContain("provenance.author: is required");
    expect(message).toContain("version: must be 1 or more; got 0");
    expect(message).toContain('scope.entity: must be one of "product", "customer", "channel", "product-location"; got "warehouse"');
  });

  test("checks references: segments, dimensions and matrix cells must exist", () => {
    const json = fixture();
    json.fallback.rules[0].segment = "NEW";
    json.fallback.rules[0].when[0].field = "age";
    json.overrides[0].segment = "ZZ";
    const message = problemOf(json);
    expect(message).toContain('fallback.rules[0].segment: names segment "NEW", which the definition does not have (segments: "AX", "AY"');
    expect(message).toContain('fallback.rules[0].when[0].field: names dimension "age", which is not declared in dimensions ("revenue", "demandCv", "historyPeriods")');
    expect(message).toContain('overrides[0].segment: names segment "ZZ"');

    const missingCell = fixture();
    missingCell.segments = missingCell.segments.filter((s: { id: string }) => s.id !== "CZ");
    missingCell.fallback.unclassified.segment = "CY";
    expect(problemOf(missingCell)).toContain('method.cells: is omitted, so every matrix cell must be a segment id, but "CZ" is not');
  });

  test("cells can map several matrix cells to one segment, and must cover every cell", () => {
    const json = fixture();
    json.method.cells = Object.fromEntries(["AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY"].map((cell) => [cell, cell]));
    expect(problemOf(json)).toContain('method.cells: has no segment for cell "CZ"');
    json.method.cells.CZ = "CY";
    expect(parseDefinition(json).method).toMatchObject({ cells: { CZ: "CY" } });
  });

  test("checks ids and names are unique, and one override per item", () => {
    const json = fixture();
    json.segments[1].id = "AX";
    json.overrides.push({ ...json.overrides[0] });
    const message = problemOf(json);
    expect(message).toContain('segments[1].id: "AX" is used by two segments');
    expect(message).toContain('overrides[1].item: item "#10572" is overridden twice');
  });

  test("checks the condition language", () => {
    const json = fixture();
    json.fallback.rules[0].when = [
      { field: "historyPeriods", op: "between", value: [6, 1] },
      { field: "historyPeriods", op: "missing", value: 3 },
      { field: "historyPeriods", op: "<", value: "six" },
      { field: "historyPeriods", op: "~", value: 1 },
    ];
    const message = problemOf(json);
    expect(message).toContain("fallback.rules[0].when[0].value: must be [low, high] with low ≤ high; got [6, 1]");
    expect(message).toContain('fallback.rules[0].when[1].value: takes no value with "missing"');
    expect(message).toContain('fallback.rules[0].when[2].value: must be a number with "<"');
    expect(message).toContain("fallback.rules[0].when[3].op: must be one of");
  });

  test("checks policies: a method's own fields, and targets whose escalation is past the target", () => {
    const json = fixture();
    json.segments[0].policy.safetyStockMethod = "periodsOfCover";
    json.segments[1].policy.orderCost = 25;
    json.segments[2].targets.fillRate = { target: 0.9, escalateBelow: 0.95 };
    const message = problemOf(json);
    expect(message).toContain('segments[0].policy.safetyStockPeriods: is required when safetyStockMethod is "periodsOfCover"');
    expect(message).toContain("segments[1].policy.holdingRate: orderCost and holdingRate go together");
    expect(message).toContain("segments[2].targets.fillRate.escalateBelow: must not be above target");
  });

  test("checks ABC: labels one more than cutoffs, boundaries one per cutoff and falling", () => {
    const json = fixture();
    json.method.classifications[0].labels = ["A", "B"];
    json.method.classifications[0].design.boundaries[1].threshold = 99000;
    const message = problemOf(json);
    expect(message).toContain("method.classifications[0].labels: must name one class more than there are cutoffs: 2 cutoffs make 3 classes, got 2");
    expect(message).toContain("method.classifications[0].design.boundaries[1].threshold: must not exceed the threshold of the class before it");
  });

  test("refuses a method it does not know, and a clusters method without a usable model", () => {
    const json = fixture();
    json.method = { type: "kmeans", k: 4 };
    expect(problemOf(json)).toContain('method.type: must be "matrix", "rules" or "clusters"; got "kmeans"');
    json.method = { type: "clusters", model: { format: "other" }, segments: ["AX"] };
    expect(problemOf(json)).toContain('method.model: not a cluster model: format must be "supply-segments/cluster-model"');
  });

  test("refuses another schema version", () => {
    const json = fixture();
    json.schemaVersion = 2;
    expect(problemOf(json)).toContain("schemaVersion: must be 1 (the version this tool reads)");
  });

  test("a parsed definition is a fixed point: JSON out and in again gives the same document", () => {
    const once = parseDefinition(fixture());
    expect(parseDefinition(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  test("property: any service level outside (0, 1) is refused at its path, any inside accepted", () => {
    const base = fixture();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.double({ noNaN: true, min: -5, max: 5 }), (segment, level) => {
        const json = structuredClone(base);
        json.segments[segment].policy.serviceLevel = level;
        const ok = level > 0 && level < 1;
        if (ok) return parseDefinition(json).segments[segment].policy.serviceLevel === level;
        return problemOf(json).includes(`segments[${segment}].policy.serviceLevel: must be between 0 and 1`);
      }),
    );
  });
});

describe("definitionJsonSchema", () => {
  const schema = definitionJsonSchema() as {
    $schema: string;
    type: string;
    required: string[];
    additionalProperties: boolean;
    properties: Record<string, { const?: number; type?: string }>;
  };

  test("is a draft 2020-12 JSON Schema of a strict object with the required parts", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(["schemaVersion", "id", "name", "version", "scope", "dimensions", "method", "segments", "provenance"]));
    expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
  });

  test("is plain JSON (serialisable for the store's routes)", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe("docs/definition.md", () => {
  test("its example is a valid definition", () => {
    const doc = fs.readFileSync(path.resolve(__dirname, "../../../docs/definition.md"), "utf8");
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1];
    const definition = parseDefinition(JSON.parse(example));
    expect(definition.segments.map((s) => s.id)).toEqual(["core", "mid", "tail"]);
    expect(definition.method).toMatchObject({ type: "matrix", cells: { CZ: "tail" } });
  });
});
