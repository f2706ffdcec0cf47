/*
 * Plausibility notes on a whole call: every leg expired, every expiry before the valuation date. One leg expiring is
 * normal; all of them at once usually means XV.YEARS got its arguments swapped or the valuation date is stale.
 */

/** "every leg has expired" for XV.VEGA and XV.TWVEGA: `legCount` legs that compute, `expiredCount` of them with years ≤ 0. */
export function everyLegExpiredNote(legCount: number, expiredCount: number, result: "vega" | "time-weighted vega"): string | null {
  if (legCount === 0 || expiredCount < legCount) return null;
  const every = legCount === 1 ? "the leg has" : `every leg (all ${legCount}) has`;
  return (
    `${every} expired (years ≤ 0), so every ${result} is 0: were the years computed with XV.YEARS's arguments swapped ` +
    "(XV.YEARS(expiry, valuation)), or from an old valuation date?"
  );
}

/** "arguments swapped?" for XV.YEARS: `legCount` legs that compute, `beforeCount` of them with expiry before valuation. */
export function swappedDatesNote(legCount: number, beforeCount: number): string | null {
  if (legCount === 0 || beforeCount < legCount) return null;
  const every = legCount === 1 ? "the expiry is" : `every expiry (all ${legCount}) is`;
  return `${every} before the valuation date, so every leg has expired: arguments swapped? The order is XV.YEARS(expiry, valuation)`;
}
