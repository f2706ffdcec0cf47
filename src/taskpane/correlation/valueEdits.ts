/*
 * Edits of the numbers: a correlation (both halves of the symmetric pair at once), a vol-of-vol, the kind of changes.
 * Typed text is read by `readTypedNumber`; refusals say which value and what is expected. Metadata rules:
 * editProvenance.ts.
 */
import { assetPositionProblem } from "./assetNameRules";
import type { ChangeKind, CorrelationConfig, EditResult } from "./correlationConfig";
import { typedByHand } from "./editProvenance";
import { readTypedNumber } from "./typedNumber";

/** Above this a vol-of-vol is a units mistake (vol points per day, or log units per day), not a market. */
export const MAX_VOL_OF_VOL = 1000;

const CORRELATION_EXPECTED = "type a number from −1 to 1, such as 0.8 or 80%";

const refuse = (message: string): EditResult => ({ ok: false, message });

/**
 * Sets the correlation between assets `row` and `column` (0-based) from typed text, and its mirror (column, row), so
 * the matrix stays symmetric. Accepts "0.8", " -0.35 ", "80%" (0.8); refuses the diagonal, text that is not a number,
 * and values outside [−1, 1].
 */
export function setCorrelation(config: CorrelationConfig, row: number, column: number, text: string): EditResult {
  const size = config.assets.length;
  const positionProblem = assetPositionProblem(row, size) ?? assetPositionProblem(column, size);
  if (positionProblem) return refuse(positionProblem);
  const rowAsset = config.assets[row] as string;
  const columnAsset = config.assets[column] as string;
  if (row === column) return refuse(`that cell is ${rowAsset} with itself: the diagonal is always 1`);
  const pair = `between ${rowAsset} and ${columnAsset}`;
  const typed = readTypedNumber(text);
  if (typed.kind === "blank") return refuse(`the correlation ${pair} is blank: ${CORRELATION_EXPECTED}`);
  if (typed.kind === "notANumber") return refuse(`correlation "${typed.text}" ${pair} is not a number: ${CORRELATION_EXPECTED}`);
  const value = typed.value;
  if (!(value >= -1 && value <= 1)) return refuse(`correlation ${typed.text} ${pair} is outside −1 to 1: ${CORRELATION_EXPECTED}`);
  if (config.correlations[row]?.[column] === value && config.correlations[column]?.[row] === value) return { ok: true, config };
  const correlations = config.correlations.map((cells, i) => {
    if (i !== row && i !== column) return cells;
    const copy = [...cells];
    copy[i === row ? column : row] = value;
    return copy;
  });
  return { ok: true, config: { ...config, correlations, metadata: typedByHand(config.metadata, true) } };
}

function volOfVolUnits(config: CorrelationConfig, asset: string): string {
  return config.changes === "log"
    ? `log units per day, as a decimal (0.05: ${asset}'s implied vol moves about 5% of itself a day)`
    : `vol points per day (2.5: ${asset}'s implied vol moves about 2.5 points a day)`;
}

/**
 * Sets the vol-of-vol of asset `index` (0-based) from typed text; blank clears it (null). Refuses negatives, text that
 * is not a number, values above 1000, and a % sign: "3%" is ambiguous (3 vol points, or 0.03?), and that 100× slip is
 * the field's classic unit error, so the units are asked for instead.
 */
export function setVolOfVol(config: CorrelationConfig, index: number, text: string): EditResult {
  const positionProblem = assetPositionProblem(index, config.assets.length);
  if (positionProblem) return refuse(positionProblem);
  const asset = config.assets[index] as string;
  const typed = readTypedNumber(text);
  const expected = `type ${volOfVolUnits(config, asset)}, or leave it blank`;
  let value: number | null;
  if (typed.kind === "blank") value = null;
  else if (typed.kind === "notANumber") return refuse(`vol-of-vol "${typed.text}" for ${asset} is not a number: ${expected}`);
  else if (typed.percent) return refuse(`vol-of-vol ${typed.text} for ${asset}: type it without %, in ${volOfVolUnits(config, asset)}`);
  else if (typed.value < 0) return refuse(`vol-of-vol ${typed.text} for ${asset} is negative: it is a standard deviation, 0 or more; ${expected}`);
  else if (!(typed.value <= MAX_VOL_OF_VOL)) return refuse(`vol-of-vol ${typed.text} for ${asset} is above ${MAX_VOL_OF_VOL}: check the units; ${expected}`);
  else value = typed.value;
  if (config.volOfVols[index] === value) return { ok: true, config };
  const volOfVols = config.assets.map((_, k) => (k === index ? value : (config.volOfVols[k] ?? null)));
  return { ok: true, config: { ...config, volOfVols, metadata: typedByHand(config.metadata, false) } };
}

/**
 * Switches between absolute and log changes. Vol-of-vols are cleared when the kind changes: they are in vol points for
 * one and log units for the other (2.5 against 0.04), so keeping them would mislabel every one of them (DOMAIN.md §2:
 * never mix kinds). Correlations are kept (same scale either way) but are now declared by hand (metadata "typed").
 */
export function setChanges(config: CorrelationConfig, kind: ChangeKind): CorrelationConfig {
  if (config.changes === kind) return config;
  return {
    ...config,
    changes: kind,
    volOfVols: config.assets.map(() => null),
    metadata: typedByHand(config.metadata, false),
  };
}
