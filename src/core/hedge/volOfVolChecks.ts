/*
 * Vol-of-vols that would make the hedge silently wrong, refused before the solve with the asset named.
 *
 * A target with vol-of-vol 0 has no variance, so its vega drops out of the hedge and out of the statistics without a
 * word (and Excel for the desktop sends a blank vol-of-vol cell as 0). A proxy with vol-of-vol 0 cannot hedge anything.
 * A vol-of-vol that is positive but implausibly small (1E-12, a subnormal 1E-310) is a blank, a unit slip or a stale
 * quote: it would surface as "linearly dependent proxies" or a hedge of 10¹² times the book, pointing the wrong way.
 */
import { HedgeInputError } from "./hedgeErrors";
import type { VolChangeScale } from "./hedgeTypes";

/**
 * Smallest plausible standard deviation of daily vol changes, in vol points (absolute changes) or log units (relative
 * changes, before scaling by the current vol): a millionth of a vol point a day is a vol that never moves.
 */
export const MIN_VOL_OF_VOL = 1e-6;

export interface VolOfVolCheck {
  changes: VolChangeScale;
  /** Display names of the involved assets (targets first). */
  assets: readonly string[];
  /** Net vega per involved asset (0 for a proxy that is not a target). */
  vegas: readonly number[];
  proxyIndices: readonly number[];
  /** The vol-of-vols as given, one per involved asset. */
  volOfVols: readonly number[];
  /** Current vols in vol points (relative changes only, else null). */
  currentVols: readonly number[] | null;
  /** Standard deviations of daily vol changes in vol points (= volOfVols for absolute changes, × current vol for relative). */
  deviations: readonly number[];
}

const UNITS: Record<VolChangeScale, string> = { absolute: "vol points per day", relative: "log units per day" };

function formatVega(vega: number): string {
  return Math.abs(vega) >= 1 ? Math.round(vega).toLocaleString("en-US") : vega.toPrecision(3);
}

/** Throws `HedgeInputError` (`invalidInput`) for the first asset whose vol-of-vol drops or distorts its risk. */
export function checkVolOfVols(check: VolOfVolCheck): void {
  const isProxy = new Set(check.proxyIndices);
  // A plain loop, no callback made per call (see hedgeInputs.ts, bookAndProxyAssets).
  for (let i = 0; i < check.assets.length; i++) {
    const asset = check.assets[i] as string;
    const vega = check.vegas[i] ?? 0;
    const proxy = isProxy.has(i);
    if (!proxy && vega === 0) continue; // a target netted to 0 carries no risk, whatever its vol-of-vol
    const volOfVol = check.volOfVols[i] ?? 0;
    const deviation = check.deviations[i] ?? 0;
    if (volOfVol >= MIN_VOL_OF_VOL && deviation >= MIN_VOL_OF_VOL) continue; // the messages are worded only when needed
    const role = proxy ? `proxy ${asset}` : `target ${asset}`;
    const fix = proxy ? `give ${asset}'s vol-of-vol (e.g. XV.VOLOFVOL) or drop it from the proxies` : `give ${asset}'s vol-of-vol (e.g. XV.VOLOFVOL) or leave its legs out`;
    if (volOfVol === 0) {
      const consequence = proxy ? `${asset} cannot hedge anything (its vol never moves)` : `its net vega of ${formatVega(vega)} would drop out of the hedge and its statistics`;
      throw new HedgeInputError("invalidInput", `vol-of-vol of ${role} is 0 (or blank: the desktop reads a blank cell as 0), so ${consequence}: ${fix}`);
    }
    if (volOfVol < MIN_VOL_OF_VOL) {
      throw new HedgeInputError(
        "invalidInput",
        `vol-of-vol of ${role} is ${volOfVol}: implausibly small (below ${MIN_VOL_OF_VOL.toExponential()} ${UNITS[check.changes]}), a blank, unit slip or stale quote rather than a vol that moves; ${fix}`,
      );
    }
    if (deviation < MIN_VOL_OF_VOL) {
      throw new HedgeInputError(
        "invalidInput",
        `vol-of-vol of ${role} (${volOfVol}) × its current vol (${check.currentVols?.[i] ?? "?"}) gives ${deviation} vol points per day, ` +
          `implausibly small (below ${MIN_VOL_OF_VOL.toExponential()}): check its current vol (in vol points, 65 for 65%) and vol-of-vol`,
      );
    }
  }
}
