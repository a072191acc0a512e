import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { createCustomFunctionsStandIn, CustomFunctionsStandIn, Registered } from "./customFunctions";

export const DIST = path.resolve(__dirname, "../../dist");

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export function readMetadata(): { functions: FunctionMetadata[] } {
  const file = path.join(DIST, "functions.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/**
 * Loads dist/functions.js the way Excel does — a script evaluated in a global scope that has
 * CustomFunctions — and returns the stand-in holding what it registered.
 *
 * "isolated" (the default) evaluates it in a fresh global scope holding only CustomFunctions and
 * console, which proves the bundle needs nothing else. "same-realm" evaluates it in the caller's
 * realm, as in Excel, where the arguments and the function share one JavaScript realm; benchmarks
 * use it because V8 reads arrays from another realm more slowly.
 */
export function loadBuiltFunctions(realm: "isolated" | "same-realm" = "isolated"): CustomFunctionsStandIn {
  const file = path.join(DIST, "functions.js");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  const code = fs.readFileSync(file, "utf8");
  const standIn = createCustomFunctionsStandIn();
  if (realm === "isolated") {
    vm.runInContext(code, vm.createContext({ CustomFunctions: standIn, console }), { filename: file });
  } else {
    new Function("CustomFunctions", "console", code)(standIn, console);
  }
  return standIn;
}

/**
 * Calls a registered function by its metadata id with Excel's conventions: every declared
 * parameter is passed, omitted ones as null (Excel never passes undefined).
 */
export function callAsExcel(
  standIn: CustomFunctionsStandIn,
  metadata: { functions: FunctionMetadata[] },
  id: string,
  ...args: unknown[]
): unknown {
  const fn = metadata.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`no function with id ${id} in functions.json`);
  const handler: Registered | undefined = standIn.registry.get(id);
  if (!handler) throw new Error(`functions.js did not associate ${id}`);
  if (args.length > fn.parameters.length) throw new Error(`${id} takes ${fn.parameters.length} arguments`);
  const full = fn.parameters.map((p, i) => {
    if (i < args.length && args[i] !== undefined) return args[i];
    if (!p.optional) throw new Error(`${id}: required argument ${p.name} missing in test call`);
    return null;
  });
  return handler(...full);
}
