/** Reading the definition argument (cache, registry) and the repeating features argument, in-process. */
import * as fs from "node:fs";
import * as path from "node:path";
import { isProblem } from "../../src/functions/cells";
import { cachedDefinitionCount, definitionFromText, readDefinition } from "../../src/functions/definitionArgument";
import { clearDefinitions, listDefinitions, registerDefinition, registeredDefinition, unregisterDefinition } from "../../src/functions/definitionRegistry";
import { flattenRepeating } from "../../src/functions/featureColumns";
import { SegmentError } from "../../src/engine/errors";

const text = JSON.stringify(JSON.parse(fs.readFileSync(path.resolve(__dirname, "../fixtures/definitions/chips-abc-xyz.json"), "utf8")));

afterEach(() => clearDefinitions());

test("a definition is parsed once per distinct text: a recalculation reuses it", () => {
  const first = definitionFromText(text);
  const count = cachedDefinitionCount();
  const again = readDefinition([[text]]);
  expect(again).toBe(first); // the same object, not a new parse
  expect(cachedDefinitionCount()).toBe(count);
});

test("the cache keeps the most recent sixteen texts", () => {
  for (let k = 0; k < 20; k++) definitionFromText(`{"n": ${k}}`);
  expect(cachedDefinitionCount()).toBe(16);
  expect(isProblem(definitionFromText('{"n": 19}'))).toBe(true);
});

test("the registry: names ignore case, re-registering replaces, invalid definitions are refused", () => {
  registerDefinition("Retail SKUs", text);
  registerDefinition("retail skus", JSON.parse(text));
  expect(listDefinitions()).toEqual(["retail skus"]);
  expect(registeredDefinition("RETAIL SKUS")?.id).toBe("chips-abc-xyz");
  expect(() => registerDefinition("Broken", { schemaVersion: 1 })).toThrow(SegmentError);
  expect(() => registerDefinition("{x}", text)).toThrow('a definition name cannot start with "{"');
  expect(listDefinitions()).toEqual(["retail skus"]);
  expect(unregisterDefinition("Retail SKUs")).toBe(true);
  expect(unregisterDefinition("Retail SKUs")).toBe(false);
});

test("repeating features arrive as one array of ranges (Excel) or spread; both read the same", () => {
  const a = [[1], [2]];
  const b = [[3], [4]];
  expect(flattenRepeating([[a, b]])).toEqual([a, b]); // Excel: one argument holding the ranges
  expect(flattenRepeating([a, b])).toEqual([a, b]); // spread
  expect(flattenRepeating([a])).toEqual([a]); // a single range is not taken for a list of ranges
  expect(flattenRepeating([[[[5]]]])).toEqual([[[5]]]);
});
