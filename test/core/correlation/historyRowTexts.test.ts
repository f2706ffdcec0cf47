import { isSummaryLabel, readDateTexts } from "../../../src/core/correlation/historyRowTexts";

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("isSummaryLabel (issue 8 item 11)", () => {
  test.each(["Average", " average ", "AVG", "Mean", "Total", "Totals", "Sum", "Median", "Min", "Max", "Std dev", "StDev", "Count", "Average (30d)"])("%j is a summary row", (text) => {
    expect(isSummaryLabel(text)).toBe(true);
  });
  test.each(["2025-12-05", "Summer", "Date", "BTC", "Monday", "", "Totally"])("%j is not", (text) => {
    expect(isSummaryLabel(text)).toBe(false);
  });
});

describe("readDateTexts (issue 8 item 11)", () => {
  test("ISO, with or without a time", () => {
    expect(readDateTexts(["2025-12-05", "2025-12-06T08:00:00Z"])).toEqual({ days: [day("2025-12-05"), day("2025-12-06")], format: "ISO", uncheckable: null });
  });

  test("d-Mon-yyyy, any case, with spaces or dashes", () => {
    expect(readDateTexts(["5-Dec-2025", "06 dec 2025", "7-December-2025"]).days).toEqual([day("2025-12-05"), day("2025-12-06"), day("2025-12-07")]);
  });

  test("numeric dates: the column settles day/month (a day above 12) or month/day (a second part above 12)", () => {
    expect(readDateTexts(["05/12/2025", "13/12/2025"])).toMatchObject({ format: "day/month/year", days: [day("2025-12-05"), day("2025-12-13")] });
    expect(readDateTexts(["12/05/2025", "12/13/2025"])).toMatchObject({ format: "month/day/year", days: [day("2025-12-05"), day("2025-12-13")] });
    expect(readDateTexts(["13/12/2025", "12/13/2025"]).uncheckable).toBe("the date texts put the day first in some rows and the month first in others");
  });

  test("every text ambiguous: checked when both readings run the same way, else uncheckable", () => {
    expect(readDateTexts(["05/12/2025", "06/12/2025", "07/12/2025"]).uncheckable).toBeNull();
    expect(readDateTexts(["01/02/2025", "03/04/2025", "02/03/2025"]).uncheckable).toMatch(/the two readings order the rows differently/);
  });

  test("texts that are no date, impossible dates and mixed formats are uncheckable, saying why", () => {
    expect(readDateTexts(["2025-12-05", "yesterday"]).uncheckable).toBe('the date text "yesterday" is not a date this reader knows (2025-12-05, 05/12/2025, 5-Dec-2025)');
    expect(readDateTexts(["2025-02-30", "2025-03-01"]).uncheckable).toBe('the date text "2025-02-30" is no calendar date (read as ISO)');
    expect(readDateTexts(["2025-12-05", "6-Dec-2025"]).uncheckable).toBe("the date texts mix formats (ISO, day-Mon-year, day/month/year)");
  });
});
