/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // jose's error classes use class fields that break when ts-jest lowers them: esbuild keeps them.
    "/node_modules/jose/.+\\.js$": "<rootDir>/test/store/support/esbuildTransform.js",
    "^.+\\.(t|j)sx?$": [
      "ts-jest",
      {
        // Type checking is done once by `tsc --noEmit` in `npm test`; here we only transpile.
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node10",
          isolatedModules: true,
          allowJs: true,
          jsx: "react-jsx",
          esModuleInterop: true,
        },
        diagnostics: false,
      },
    ],
  },
  // mljs, a few small helpers, jose and the cookie package nested in light-my-request (Fastify's
  // inject) ship ESM only: let them through the transform.
  transformIgnorePatterns: ["/node_modules/(?!(ml-[^/]+|is-any-array|median-quickselect|num-sort|jose|cookie)/)(?!.*/node_modules/cookie/)"],
  // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose main module loads
  // ESM-only dependencies jest can't require; point it at the one CommonJS file that holds the enum.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
