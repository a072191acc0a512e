// Builds the command line into one CommonJS file, build/supply-segments.cjs, which
// bin/supply-segments.js loads. `npm run build` runs this after the add-in build.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));

await build({
  entryPoints: [resolve(root, "src/cli/main.ts")],
  outfile: resolve(root, "build/supply-segments.cjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  define: { SUPPLY_SEGMENTS_VERSION: JSON.stringify(version) },
  // The store's database drivers stay in node_modules: better-sqlite3 is a native addon, and pg
  // optionally requires pg-native.
  external: ["better-sqlite3", "pg", "pg-native"],
});
