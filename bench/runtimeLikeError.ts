/*
 * A stand-in for the CustomFunctions.Error class of Excel's real runtime, with the same construction cost. The
 * runtime's class (office-js dist/custom-functions-runtime.js, `CustomFunctionError`) is compiled to ES5: its
 * constructor calls `Error.call(this, message)`, which builds a new Error and captures a stack trace, then
 * `Object.setPrototypeOf` on it and sets seven properties. That costs microseconds per error, about 30× the test
 * stub's plain class, so a benchmark with the stub would hide exactly what makes a million errors slow in Excel.
 */

/** Excel's runtime class, construction as it does it (the fields the result serialiser reads, nothing else). */
function RuntimeLikeError(this: unknown, code: string, message?: string): object {
  const error = Error.call(this, message ?? "") as Error & Record<string, unknown>;
  error.type = "Error";
  error.basicType = "Error";
  Object.setPrototypeOf(error, RuntimeLikeError.prototype);
  error.code = code;
  error.basicValue = code;
  error.errorSubType = undefined;
  error.stack = undefined;
  return error;
}
RuntimeLikeError.prototype = Object.create(Error.prototype, { constructor: { value: RuntimeLikeError, writable: true, configurable: true } });

interface CustomFunctionsHolder {
  CustomFunctions: { Error: unknown };
}

/** Runs `body` with CustomFunctions.Error replaced by the runtime-like class, then puts the previous class back. */
export function withRuntimeLikeErrors<T>(body: () => T): T {
  const holder = globalThis as unknown as CustomFunctionsHolder;
  const previous = holder.CustomFunctions.Error;
  holder.CustomFunctions.Error = RuntimeLikeError;
  try {
    return body();
  } finally {
    holder.CustomFunctions.Error = previous;
  }
}
