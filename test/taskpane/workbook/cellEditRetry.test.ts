import {
  CELL_EDIT_MODE_CODE,
  CELL_EDIT_MODE_MESSAGE,
  CellEditModeError,
  isCellEditModeError,
  withCellEditRetry,
} from "../../../src/taskpane/workbook/cellEditRetry";

/** As Office.js raises it: an OfficeExtension.Error whose code, and debugInfo.code, name the cause. */
function cellEditError(): Error {
  return Object.assign(new Error("The request cannot be processed while Excel is in cell-edit mode."), {
    code: CELL_EDIT_MODE_CODE,
    debugInfo: { code: CELL_EDIT_MODE_CODE },
  });
}

/** An operation refused for cell-edit mode `refusals` times, then answering "done". */
function refusedTimes(refusals: number): jest.Mock<Promise<string>, []> {
  let calls = 0;
  return jest.fn(async () => {
    calls++;
    if (calls <= refusals) throw cellEditError();
    return "done";
  });
}

function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

describe("withCellEditRetry", () => {
  it("retries after transient cell-edit refusals, pausing 300 ms then longer", async () => {
    const { sleep, delays } = recordingSleep();
    const operation = refusedTimes(2);
    await expect(withCellEditRetry(operation, { sleep })).resolves.toBe("done");
    expect(operation).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([300, 600]);
  });

  it("gives up after 5 attempts with a message saying what to do", async () => {
    const { sleep, delays } = recordingSleep();
    const operation = refusedTimes(Infinity);
    const outcome = withCellEditRetry(operation, { sleep });
    await expect(outcome).rejects.toThrow(CELL_EDIT_MODE_MESSAGE);
    await expect(outcome).rejects.toBeInstanceOf(CellEditModeError);
    expect(operation).toHaveBeenCalledTimes(5);
    expect(delays).toEqual([300, 600, 1200, 2400]);
  });

  it("passes any other error straight through, without retrying", async () => {
    const operation = jest.fn(async () => {
      throw Object.assign(new Error("no such sheet"), { code: "ItemNotFound" });
    });
    await expect(withCellEditRetry(operation, { sleep: async () => undefined })).rejects.toThrow("no such sheet");
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it("honours the attempt count and delays given", async () => {
    const { sleep, delays } = recordingSleep();
    await expect(withCellEditRetry(refusedTimes(Infinity), { attempts: 2, firstDelayMs: 50, growth: 3, sleep })).rejects.toThrow(CellEditModeError);
    expect(delays).toEqual([50]);
  });

  it("really waits with the default sleep (fake timers)", async () => {
    jest.useFakeTimers();
    try {
      const outcome = withCellEditRetry(refusedTimes(1));
      await jest.advanceTimersByTimeAsync(299);
      let settled = false;
      void outcome.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await expect(outcome).resolves.toBe("done");
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("isCellEditModeError", () => {
  it("reads the code on the error or in its debugInfo", () => {
    expect(isCellEditModeError(cellEditError())).toBe(true);
    expect(isCellEditModeError({ debugInfo: { code: CELL_EDIT_MODE_CODE } })).toBe(true);
    expect(isCellEditModeError({ code: "InvalidArgument" })).toBe(false);
    expect(isCellEditModeError(null)).toBe(false);
    expect(isCellEditModeError("InvalidOperationInCellEditMode")).toBe(false);
  });
});
