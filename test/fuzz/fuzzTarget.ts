/*
 * What the runner needs from a thing to fuzz (an XV function, an xvega command): inputs, one call that reports what
 * went wrong, and a readable form of an input for the failure report.
 */
import type fc from "fast-check";
import type { Violation } from "./violations";

export interface CallOutcome {
  /**
   * Functions: "value" (no error cell), "error" (thrown, or every cell an error), "mixed" (some cells errors).
   * Commands: "exit 0", "exit 1", "exit 2" (or another status, itself a violation).
   */
  outcome: string;
  durationMs: number;
  violations: Violation[];
}

export interface FuzzTarget<Input> {
  /** "XV.VEGA", "xvega vega", as a user knows it. */
  name: string;
  arbitrary: fc.Arbitrary<Input>;
  execute: (input: Input) => CallOutcome;
  /** The input as a user would retype it (long ranges shortened). */
  describe: (input: Input) => string;
}
