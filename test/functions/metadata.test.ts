/** functions.json, as generated from the JSDoc in src/functions/functions.ts by the build. */
import { readMetadata } from "../support/builtFunctions";

const { functions } = readMetadata();

test("there are functions", () => {
  expect(functions.length).toBeGreaterThanOrEqual(7);
});

test("ids are unique and upper case, and names match them", () => {
  const ids = functions.map((f) => f.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const fn of functions) {
    expect(fn.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
    expect(fn.name).toBe(fn.id);
  }
});

test.each(functions.map((f) => [f.id, f] as const))("%s: the function and every parameter have a description", (_id, fn) => {
  expect(fn.description?.trim().length ?? 0).toBeGreaterThan(20);
  for (const parameter of fn.parameters) {
    expect({ parameter: parameter.name, description: parameter.description?.trim() ?? "" }).toEqual({
      parameter: parameter.name,
      description: expect.stringMatching(/\S{3,}/),
    });
  }
});

test("no function is volatile or streaming, so none recalculates on every edit", () => {
  for (const fn of functions) {
    expect(fn.options?.volatile ?? false).toBe(false);
    expect(fn.options?.stream ?? false).toBe(false);
  }
});

test("optional parameters come after required ones", () => {
  for (const fn of functions) {
    const firstOptional = fn.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(fn.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
  }
});
