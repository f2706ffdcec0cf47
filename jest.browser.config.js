/**
 * `npm run test:browser`: the built task pane (dist/) in Debian's Chromium via playwright-core, over a fake Excel host.
 * Separate from the unit config (jest.config.js ignores test/browser/): it needs a build and a browser.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // A cold Chromium start plus a page per test: generous, and one browser at a time.
  testTimeout: 120000,
  maxWorkers: 1,
  reporters: ["default", "<rootDir>/test/support/plainSummaryReporter.js"],
};
