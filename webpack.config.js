/* eslint-disable no-undef */
// Builds the add-in: the task pane page (React + Fluent UI), the custom functions script and
// functions.json (generated from the functions' JSDoc), the icons and the manifest.
//   npm run build          production build into dist/
//   npm start              development build served over HTTPS on https://localhost:3000
// ADDIN_ORIGIN (e.g. https://segments.example.com) sets the origin written into dist/manifest.xml.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { httpsServerOptions } = require("./scripts/dev-certs");

const DEV_ORIGIN = "https://localhost:3000";
// The modules whose JSDoc declares custom functions (one per family); src/functions/functions.ts imports them.
const FUNCTION_MODULES = [
  "./src/functions/classifyFunctions.ts",
  "./src/functions/policyFunctions.ts",
  "./src/functions/clusterFunctions.ts",
  "./src/functions/definitionFunctions.ts",
];
const DEV_PORT = 3000;

function productionOrigin() {
  const origin = (process.env.ADDIN_ORIGIN || DEV_ORIGIN).replace(/\/+$/, "");
  if (!/^https:\/\/[^/]+$/.test(origin)) {
    throw new Error(`ADDIN_ORIGIN must be an https origin such as https://segments.example.com; got "${origin}"`);
  }
  return origin;
}

async function devServerOptions() {
  // Locally generated certificates from office-addin-dev-certs (see scripts/dev-certs.js).
  const https = await httpsServerOptions();
  return {
    static: { directory: path.resolve(__dirname, "dist"), publicPath: "/" },
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } },
    port: process.env.PORT ? Number(process.env.PORT) : DEV_PORT,
    hot: false,
    liveReload: true,
    client: { overlay: { warnings: false } },
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const origin = dev ? DEV_ORIGIN : productionOrigin();
  const config = {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Views, shared libraries and the engine worker load on demand (React.lazy, new Worker(new URL(...))):
      // content-hashed names, so a new release never mixes with a cached chunk of the old one.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } },
        },
      ],
    },
    performance: {
      // The task pane bundle carries React and Fluent UI; the budget is checked in bench/, not here.
      hints: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: FUNCTION_MODULES,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also registers the custom functions.
        chunks: ["taskpane", "functions"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_ORIGIN).join(origin),
          },
        ],
      }),
    ],
  };
  if (env && env.WEBPACK_SERVE) config.devServer = await devServerOptions();
  return config;
};
