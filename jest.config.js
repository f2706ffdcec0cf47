/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/setup/customFunctionsStub.ts"],
  // office-addin-mock pulls office-addin-manifest, whose ESM-only dependency Jest cannot require (PLATFORM.md).
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/stubs/officeAddinManifest.ts" },
  testPathIgnorePatterns: ["/node_modules/", "/test/browser/"],
  reporters: ["default", "<rootDir>/test/support/plainSummaryReporter.js"],
};
