// @ts-check
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-artifacts/", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // src/core is pure maths and src/ranges pure readers of Excel-shaped values: no Office host, no DOM, no Node,
    // no adapters.
    files: ["src/core/**/*.ts", "src/ranges/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window", "process", "globalThis"],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/functions/**", "**/taskpane/**", "**/commands/**", "**/cli/**"], message: "src/core and src/ranges must not depend on adapters." },
            { group: ["fs", "path", "child_process", "node:*", "office-*", "@microsoft/*"], message: "src/core and src/ranges are pure TypeScript." },
          ],
        },
      ],
    },
  },
);
