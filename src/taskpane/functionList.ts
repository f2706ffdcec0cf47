/*
 * The pane's list of functions, read from the functions.json the build generates, so the pane never drifts from the
 * functions Excel actually registers. Pure: no DOM, no Office.
 */

/** The namespace users type before each function; must equal Functions.Namespace in manifest.xml. */
export const FUNCTION_NAMESPACE = "XV";

export interface FunctionSummary {
  /** As typed in a cell: "XV.VEGA". */
  formulaName: string;
  /** "XV.VEGA(underlying, strike, years, vol, [rate], …)"; optional parameters in brackets as Excel shows them. */
  signature: string;
  /** First sentence of the description. */
  summary: string;
  /** Anchor in the function reference, when the function declares one. */
  helpUrl: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "First sentence. Rest" → "First sentence." (a period followed by a space ends it; "0.65" does not). */
export function firstSentence(text: string): string {
  const end = text.search(/\.\s/);
  return end === -1 ? text.trim() : text.slice(0, end + 1).trim();
}

function parameterLabel(parameter: unknown): string {
  if (!isRecord(parameter) || typeof parameter.name !== "string") return "?";
  return parameter.optional === true ? `[${parameter.name}]` : parameter.name;
}

/** Summaries of every function in a parsed functions.json; throws a TypeError naming what is malformed. */
export function summariseFunctions(metadata: unknown): FunctionSummary[] {
  if (!isRecord(metadata) || !Array.isArray(metadata.functions)) throw new TypeError("functions.json has no \"functions\" array");
  return metadata.functions.map((entry: unknown, index: number) => {
    if (!isRecord(entry) || typeof entry.name !== "string") throw new TypeError(`functions.json entry ${index} has no name`);
    const formulaName = `${FUNCTION_NAMESPACE}.${entry.name}`;
    const parameters = Array.isArray(entry.parameters) ? entry.parameters.map(parameterLabel) : [];
    return {
      formulaName,
      signature: `${formulaName}(${parameters.join(", ")})`,
      summary: typeof entry.description === "string" ? firstSentence(entry.description) : "",
      helpUrl: typeof entry.helpUrl === "string" ? entry.helpUrl : null,
    };
  });
}
