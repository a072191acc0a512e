/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
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
  // mljs and a few small helpers ship ESM only: let them through the transform.
  transformIgnorePatterns: ["/node_modules/(?!(ml-[^/]+|is-any-array|median-quickselect|num-sort)/)"],
  testTimeout: 60000,
};
