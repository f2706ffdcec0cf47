/*
 * The last line of defence against Infinity and NaN in what the command line prints: the engine should never return
 * them, but a number beyond double precision (vol levels of 1E200 squared, a vol-of-vol of 1E-310 divided into) must
 * never reach a file as "Infinity", nor JSON as null. The writers call `checkFinite` on every number; the command then
 * prints nothing and says where the value was (main.ts reports it like other data problems, exit 2).
 */

/** Thrown by the output writers for a number that is not finite; `where` names its place in the output. */
export class NonFiniteOutputError extends Error {
  override readonly name = "NonFiniteOutputError";
  readonly where: string;

  constructor(value: number, where: string) {
    super(`${describeNonFinite(value)} at ${where}`);
    this.where = where;
  }
}

/** Words for a value that is not finite, without the words Infinity and NaN, which no command prints. */
function describeNonFinite(value: number): string {
  return Number.isNaN(value) ? "an undefined value (such as 0/0)" : "a value beyond the range of numbers (about ±1.8E308)";
}

/** Throws NonFiniteOutputError for a number that is not finite; `where` is computed only then. */
export function checkFinite(value: unknown, where: () => string): void {
  if (typeof value === "number" && !Number.isFinite(value)) throw new NonFiniteOutputError(value, where());
}

/** The one-line message for a refused output, for the command's stderr. */
export function nonFiniteOutputMessage(error: NonFiniteOutputError): string {
  return (
    `nothing printed: the result holds ${error.message}. The inputs hold numbers too large or too small to compute ` +
    "with (a vol level of 1E200, a contract vega of 1E-320, …): check their units and magnitudes"
  );
}
