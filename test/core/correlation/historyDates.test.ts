import { historyOrderFromDates, isDateHeader } from "../../../src/core/correlation/historyDates";

describe("the date column of a history", () => {
  test.each(["Date", " date ", "Dates", "Date (UTC)", "timestamp", "As of", "day"])("%p marks a date column", (header) => {
    expect(isDateHeader(header)).toBe(true);
  });

  test.each(["BTC", "ETH DVOL", "update", ""])("%p does not", (header) => {
    expect(isDateHeader(header)).toBe(false);
  });

  const rows = <Key extends number | string>(...dates: Key[]) => dates.map((date, index) => ({ position: index + 2, date }));

  test("rising dates read oldest first, falling ones newest first, serials and ISO texts alike", () => {
    expect(historyOrderFromDates(rows(46000, 46001, 46004))).toEqual({ order: "oldestFirst", problem: null });
    expect(historyOrderFromDates(rows("2025-12-03", "2025-12-02", "2025-12-01"))).toEqual({ order: "newestFirst", problem: null });
    expect(historyOrderFromDates(rows(46000)).order).toBe("oldestFirst");
  });

  test("a repeated date or a turn is a problem naming both rows", () => {
    expect(historyOrderFromDates(rows(46000, 46001, 46001)).problem).toEqual({
      kind: "repeated",
      before: { position: 3, date: 46001 },
      after: { position: 4, date: 46001 },
    });
    expect(historyOrderFromDates(rows("2025-12-01", "2025-12-03", "2025-12-02")).problem).toMatchObject({
      kind: "outOfOrder",
      before: { position: 3 },
      after: { position: 4 },
    });
  });
});
