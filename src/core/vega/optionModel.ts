/**
 * How the `underlying` price of a leg is read and in which currency vega comes out.
 * - `bsm`: underlying is the spot; carry q is the dividend / borrow / foreign rate. Vega in the premium currency.
 * - `black76`: underlying is the forward or futures price for the expiry. Vega in the premium currency.
 * - `inverse`: coin-settled option (Deribit style): Black-76 on the forward, vega in coin (= USD vega / forward).
 */
export type OptionModel = "bsm" | "black76" | "inverse";

export const OPTION_MODELS: readonly OptionModel[] = ["bsm", "black76", "inverse"];

export const DEFAULT_OPTION_MODEL: OptionModel = "bsm";

/** Reads a model name typed by a user (trimmed, any case); null when it is not one of OPTION_MODELS. */
export function parseOptionModel(text: string): OptionModel | null {
  const normalised = text.trim().toLowerCase();
  return (OPTION_MODELS as readonly string[]).includes(normalised) ? (normalised as OptionModel) : null;
}
