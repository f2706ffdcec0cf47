/* The backtest's dates from a history range (readHistory's rowDates): the date column's cells, or the row numbers. */
import { readHistory } from "../../src/ranges/historyReading";
import { dateLabelText } from "../../src/taskpane/pane/dateLabelText";

const datesOf = (values: unknown[][]): { rowDates: (number | string)[]; hasDateColumn: boolean } => {
  const { rowDates, hasDateColumn } = readHistory(values, "history", "absolute");
  return { rowDates, hasDateColumn };
};

describe("readHistory's row dates", () => {
  test("a date column (header 'Date') gives its cells: serials as numbers, text dates trimmed", () => {
    expect(datesOf([["Date", "BTC"], [45658, 60], [" 2025-01-02 ", 61], [45660, 62]])).toEqual({ rowDates: [45658, "2025-01-02", 45660], hasDateColumn: true });
  });

  test("a blank first header cell marks a date column too", () => {
    expect(datesOf([["", "BTC", "ETH"], [45658, 60, 70], [45659, 61, 71]])).toEqual({ rowDates: [45658, 45659], hasDateColumn: true });
  });

  test("without a date column each row is labelled by its number in the range, the names row being row 1", () => {
    expect(datesOf([["BTC", "ETH"], [60, 70], [61, 71], [62, 72]])).toEqual({ rowDates: [2, 3, 4], hasDateColumn: false });
  });

  test("a blank date cell falls back to its row number", () => {
    expect(datesOf([["date", "BTC"], [45658, 60], [null, 61], ["", 62]]).rowDates).toEqual([45658, 3, 4]);
  });

  test("a single column has no date column, whatever its header", () => {
    expect(datesOf([["Date"], [60], [61]])).toEqual({ rowDates: [2, 3], hasDateColumn: false });
  });
});

describe("dateLabelText", () => {
  test("a serial from a date column is an ISO date (Excel's 45658 is 2025-01-01); a row number says row", () => {
    expect(dateLabelText(45658, true)).toBe("2025-01-01");
    expect(dateLabelText(45658.5, true)).toBe("2025-01-01 12:00");
    expect(dateLabelText(45, false)).toBe("row 45");
    expect(dateLabelText("05/12/2025", true)).toBe("05/12/2025");
  });
});
