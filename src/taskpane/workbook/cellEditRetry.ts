/*
 * A bounded retry for Excel batches refused because the user is typing in a cell. Excel rejects every batch while a
 * cell is in edit mode (error code "InvalidOperationInCellEditMode", Excel.ErrorCodes.invalidOperationInCellEditMode);
 * the user usually presses Enter within a second or two, so retry a few times with growing pauses, then say what to
 * do. Other errors pass straight through. (Excel.run's `delayForCellEdit` option would wait instead, but without bound,
 * and the reference names no requirement set to check it by.) No Office calls here: the operation is passed in.
 */

export const CELL_EDIT_MODE_CODE = "InvalidOperationInCellEditMode";
export const CELL_EDIT_MODE_MESSAGE = "Excel is in cell-edit mode: press Enter or Esc, then try again";

/** Thrown after the last attempt was refused for cell-edit mode. */
export class CellEditModeError extends Error {
  constructor(readonly attempts: number) {
    super(CELL_EDIT_MODE_MESSAGE);
    this.name = "CellEditModeError";
  }
}

export interface CellEditRetryOptions {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** Pause before the second attempt in ms (default 300); each later pause is `growth` times the previous (default 2). */
  firstDelayMs?: number;
  growth?: number;
  /** How to wait (tests pass one that does not). */
  sleep?: (milliseconds: number) => Promise<void>;
}

const DEFAULTS = { attempts: 5, firstDelayMs: 300, growth: 2 };

function waitFor(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Office.js puts the code on the error (OfficeExtension.Error.code) and again in debugInfo.code. */
export function isCellEditModeError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, debugInfo } = error as { code?: unknown; debugInfo?: { code?: unknown } };
  return code === CELL_EDIT_MODE_CODE || debugInfo?.code === CELL_EDIT_MODE_CODE;
}

export async function withCellEditRetry<T>(operation: () => Promise<T>, options: CellEditRetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts ?? DEFAULTS.attempts));
  const growth = options.growth ?? DEFAULTS.growth;
  const sleep = options.sleep ?? waitFor;
  let delay = options.firstDelayMs ?? DEFAULTS.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isCellEditModeError(error)) throw error;
      if (attempt >= attempts) throw new CellEditModeError(attempts);
    }
    await sleep(delay);
    delay *= growth;
  }
}
