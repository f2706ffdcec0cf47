/*
 * A stand-in for Excel's CustomFunctions global where there is none (tests, the benchmark, the command line):
 * the Error class and the ErrorCode values as the runtime defines them. Never installed over a real runtime.
 */

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class StubCustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export function installCustomFunctionsStub(target: typeof globalThis): void {
  const holder = target as unknown as { CustomFunctions?: unknown };
  if (holder.CustomFunctions !== undefined) return;
  holder.CustomFunctions = {
    Error: StubCustomFunctionsError,
    ErrorCode: ERROR_CODES,
    associate: () => undefined,
  };
}
