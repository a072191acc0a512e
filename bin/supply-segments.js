#!/usr/bin/env node
// The supply-segments command: loads the bundle that `npm run build:cli` (or `npm run build`) writes.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const bundle = path.join(__dirname, "..", "build", "supply-segments.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write("supply-segments: error: the command line is not built yet; run `npm run build:cli` first\n");
  process.exit(1);
}
require(bundle)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
