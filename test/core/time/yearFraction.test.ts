import { findSerialProblem, yearsBetweenSerials } from "../../../src/core/time/yearFraction";
import { expectClose } from "../tolerance";

// Excel serial date-times count days since 1899-12-30 (46016 = 2025-12-25); the fraction is the time of day.
const CHRISTMAS_2025 = 46016;
const EIGHT_AM = 8 / 24;

describe("years between Excel date-times, ACT/365 with fractional days", () => {
  test("a 08:00 UTC crypto expiry 12 hours away is half a day: 0.5/365 years", () => {
    const expiry = CHRISTMAS_2025 + EIGHT_AM;
    const valuation = CHRISTMAS_2025 - 1 + 20 / 24; // 20:00 the evening before
    expectClose(yearsBetweenSerials(expiry, valuation), 0.5 / 365, { relative: 1e-9 });
  });

  test("365 days is one year whatever the calendar (ACT/365, not ACT/ACT); a leap year's 366 days is 366/365", () => {
    expect(yearsBetweenSerials(CHRISTMAS_2025 + 365, CHRISTMAS_2025)).toBe(1);
    const firstOf2028 = 46753; // 2028-01-01; 2028 is a leap year
    expectClose(yearsBetweenSerials(firstOf2028 + 366, firstOf2028), 366 / 365, { relative: 1e-15 });
  });

  test("an expired leg gives negative years", () => {
    expect(yearsBetweenSerials(CHRISTMAS_2025, CHRISTMAS_2025 + 1)).toBeLessThan(0);
  });

  test("serials that are not dates are refused with the argument's name", () => {
    expect(findSerialProblem("expiry", -3)).toMatch(/expiry -3 is not an Excel date-time/);
    expect(findSerialProblem("valuation", 3e6)).toMatch(/valuation 3000000 is not an Excel date-time/);
    expect(findSerialProblem("expiry", CHRISTMAS_2025)).toBeNull();
  });
});
