import fc from "fast-check";
import { assetKey } from "../../../src/core/correlation";
import {
  addAsset,
  emptyConfig,
  moveAsset,
  removeAsset,
  renameAsset,
  setChanges,
  setCorrelation,
  setVolOfVol,
  type CorrelationConfig,
  type EditResult,
} from "../../../src/taskpane/correlation";
import { assetNameProblem } from "../../../src/taskpane/correlation/assetNameRules";
import { configOf, deepFreeze, NOW, symmetryViolations } from "./configTestUtils";

/** Mostly assets of a small set-up, sometimes positions that are none (−1, past the end, not whole). */
const position = fc.oneof({ weight: 9, arbitrary: fc.nat(4) }, { weight: 1, arbitrary: fc.constantFrom(-1, 8, 1.5, Number.NaN) });
const name = fc.oneof(fc.constantFrom("BTC", "ETH", "btc", " SOL ", "ALT", "=X", "", "A".repeat(41), "<b>x</b>"), fc.string({ maxLength: 12 }));
const typedNumber = fc.oneof(
  fc.double({ min: -1.5, max: 1.5, noNaN: true }).map(String),
  fc.integer({ min: -150, max: 150 }).map((percent) => `${percent}%`),
  fc.double({ min: -5, max: 1500, noNaN: true }).map((value) => ` ${value} `),
  fc.constantFrom("", "abc", "0,5", "−0.2", "1e400"),
);

type Edit = (config: CorrelationConfig) => EditResult | CorrelationConfig;
const edit: fc.Arbitrary<{ label: string; apply: Edit }> = fc.oneof(
  { weight: 3, arbitrary: name.map((text) => ({ label: `add ${JSON.stringify(text)}`, apply: (config: CorrelationConfig) => addAsset(config, text) })) },
  fc.tuple(position, name).map(([index, text]) => ({ label: `rename ${index} ${JSON.stringify(text)}`, apply: (config: CorrelationConfig) => renameAsset(config, index, text) })),
  position.map((index) => ({ label: `remove ${index}`, apply: (config: CorrelationConfig) => removeAsset(config, index) })),
  fc.tuple(position, position).map(([from, to]) => ({ label: `move ${from}→${to}`, apply: (config: CorrelationConfig) => moveAsset(config, from, to) })),
  {
    weight: 5,
    arbitrary: fc.tuple(position, position, typedNumber).map(([row, column, text]) => ({
      label: `set (${row}, ${column}) ${JSON.stringify(text)}`,
      apply: (config: CorrelationConfig) => setCorrelation(config, row, column, text),
    })),
  },
  fc.tuple(position, typedNumber).map(([index, text]) => ({ label: `vol-of-vol ${index} ${JSON.stringify(text)}`, apply: (config: CorrelationConfig) => setVolOfVol(config, index, text) })),
  fc.constantFrom("absolute" as const, "log" as const).map((kind) => ({ label: `changes ${kind}`, apply: (config: CorrelationConfig) => setChanges(config, kind) })),
);

function isEditResult(result: EditResult | CorrelationConfig): result is EditResult {
  return "ok" in result;
}

function expectWellFormed(config: CorrelationConfig): void {
  const violations = symmetryViolations(config);
  config.correlations.forEach((row) => row.forEach((value) => Math.abs(value) <= 1 || violations.push(`correlation ${value}`)));
  config.volOfVols.forEach((value) => value === null || (value >= 0 && value <= 1000) || violations.push(`vol-of-vol ${value}`));
  if (new Set(config.assets.map(assetKey)).size !== config.assets.length) violations.push(`repeated names ${config.assets.join(", ")}`);
  config.assets.forEach((asset, k) => {
    const problem = assetNameProblem(asset, config.assets, k);
    if (problem) violations.push(problem);
  });
  expect(violations).toEqual([]);
}

describe("any sequence of edits", () => {
  test("keeps the matrix symmetric with a unit diagonal, |ρ| ≤ 1, everything aligned and names valid; never mutates its input", () => {
    let acceptedCorrelations = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 5, maxLength: 60, size: "max" }), (edits) => {
        let config = deepFreeze(emptyConfig(NOW));
        for (const { apply } of edits) {
          const result = apply(config);
          if (isEditResult(result)) {
            if (!result.ok) {
              expect(typeof result.message).toBe("string");
              expect(result.message.length).toBeGreaterThan(10);
              continue;
            }
            if (result.config.correlations !== config.correlations && result.config.assets === config.assets) acceptedCorrelations++;
            config = deepFreeze(result.config);
          } else {
            config = deepFreeze(result);
          }
          expectWellFormed(config);
        }
      }),
      { numRuns: 300 },
    );
    // The sequences must reach the interesting cases, not only refusals.
    expect(acceptedCorrelations).toBeGreaterThan(100);
  });
});

/** Entry (i, j) of the test matrix names both assets: 0.ij for i < j, so a misplaced row or column shows. */
function code(i: number, j: number): number {
  return i === j ? 1 : (10 * Math.min(i, j) + Math.max(i, j)) / 100;
}

function labelledConfig(size: number): CorrelationConfig {
  const ids = Array.from({ length: size }, (_, k) => k);
  return deepFreeze(
    configOf(
      ids.map((k) => `A${k}`),
      ids.map((i) => ids.map((j) => code(i, j))),
      { volOfVols: ids.map((k) => k), metadata: { source: "history", method: "sample", repaired: true } },
    ),
  );
}

describe("moves and removals", () => {
  const structural = fc.oneof(
    fc.tuple(fc.nat(9), fc.nat(9)).map(([from, to]) => ({ kind: "move" as const, from, to })),
    fc.nat(9).map((index) => ({ kind: "remove" as const, index })),
  );

  test("keep each asset's row, column and vol-of-vol together, and the metadata as it was", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.array(structural, { maxLength: 20 }), (size, edits) => {
        const start = labelledConfig(size);
        let config = start;
        const expectedOrder = start.assets.map((_, k) => k);
        for (const step of edits) {
          const count = config.assets.length;
          if (step.kind === "move") {
            const result = moveAsset(config, step.from, step.to);
            expect(result.ok).toBe(step.from < count && step.to < count);
            if (!result.ok) continue;
            config = deepFreeze(result.config);
            expectedOrder.splice(step.to, 0, ...expectedOrder.splice(step.from, 1));
          } else {
            const result = removeAsset(config, step.index);
            expect(result.ok).toBe(step.index < count);
            if (!result.ok) continue;
            config = deepFreeze(result.config);
            expectedOrder.splice(step.index, 1);
          }
        }
        const ids = config.assets.map((asset) => Number(asset.slice(1)));
        expect(ids).toEqual(expectedOrder);
        expect(config.volOfVols).toEqual(ids);
        expect(config.correlations).toEqual(ids.map((i) => ids.map((j) => code(i, j))));
        expect(config.metadata).toEqual(start.metadata);
      }),
      { numRuns: 300 },
    );
  });
});
