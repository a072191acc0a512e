/**
 * A Jest transform for ESM-only packages whose code must keep its ES2022 class fields (jose's
 * error classes break when ts-jest lowers them): esbuild turns the modules into CommonJS and
 * leaves everything else as written.
 */
const crypto = require("node:crypto");
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const { code } = transformSync(source, { loader: "js", format: "cjs", target: "node20", sourcefile: filename });
    return { code };
  },
  getCacheKey(source, filename) {
    return crypto.createHash("sha256").update("esbuild-cjs-node20-v1\0").update(filename).update("\0").update(source).digest("hex");
  },
};
