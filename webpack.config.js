/*
 * Builds the add-in into dist/: taskpane.html (loads the taskpane and functions bundles: one shared runtime),
 * functions.js + functions.json, commands.html, help/functions.html, assets/ and manifest.xml.
 * `npm run build` for production, `npm run dev-server` for https://localhost:3000.
 */
"use strict";

/** Files whose JSDoc declares custom functions: functions.json is generated from them. Add new function files here. */
const CUSTOM_FUNCTION_FILES = [
  "./src/functions/vegaFunctions.ts",
  "./src/functions/hedgeFunctions.ts",
  "./src/functions/correlationFunctions.ts",
  "./src/functions/impliedVolFunctions.ts",
  "./src/functions/greeksFunctions.ts",
  "./src/functions/backtestFunctions.ts",
];

const path = require("path");
const { DefinePlugin } = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { HelpPagePlugin } = require("./scripts/helpPagePlugin");
const { PublicUrlPlugin, normalisePublicUrl } = require("./scripts/publicUrlPlugin");
const packageJson = require("./package.json");

const DEV_SERVER_PORT = 3000;

module.exports = async (env, argv) => {
  const serving = Boolean(env.WEBPACK_SERVE);
  const publicUrl = normalisePublicUrl(process.env.XVEGA_PUBLIC_URL);
  const config = {
    mode: argv.mode ?? "production",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/index.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Stable names: the manifest points at functions.js, and Office caches by URL anyway.
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type checking is `tsc --noEmit` in `npm run lint`; here only transpile, which keeps builds fast.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "es2020" } } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: CUSTOM_FUNCTION_FILES }),
      new DefinePlugin({ XVEGA_VERSION: JSON.stringify(packageJson.version) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the pane page is also the functions' page, so it loads both bundles.
        chunks: ["taskpane", "functions"],
      }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/*.xlsx", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
      new HelpPagePlugin({ markdownFile: "docs/functions.md", outputFile: "help/functions.html" }),
      new PublicUrlPlugin({ publicUrl, files: ["manifest.xml", "functions.json"] }),
    ],
    performance: { hints: false },
    optimization: {
      // webpack's default terser options (passes: 2), but no single-use function inlined into its caller: terser
      // would turn the column spills (columnReading.ts) into function expressions created anew on every call, which
      // V8 then compiled again on every call (seen with --trace-opt on the built bundle).
      minimizeOptions: { javascript: { compress: { passes: 2, reduce_funcs: false } } },
    },
  };
  if (serving) {
    // Required lazily: only the dev server needs certificates, and the fallback may print instructions.
    const { getHttpsOptions } = require("./scripts/devCerts");
    config.devServer = {
      // Excel on the web fetches functions.json and the bundles from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port) || DEV_SERVER_PORT,
      static: false,
    };
  }
  return config;
};

module.exports.CUSTOM_FUNCTION_FILES = CUSTOM_FUNCTION_FILES;
