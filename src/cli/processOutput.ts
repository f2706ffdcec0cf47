/*
 * The real stdout and stderr of `xvega`, and what happens when writing to them fails. A reader that stops early
 * (`xvega vega big.csv | head -1`) closes the pipe (EPIPE): like Unix tools, end quietly, without a word. Any other
 * failure (a full disk, ENOSPC, when stdout is redirected to a file): one line on stderr, exit status 1. Never a stack
 * trace.
 */

/** The part of a Node stream used here (process.stdout, process.stderr, or a fake in tests). */
export interface OutputStream {
  /** Returns false when the stream's buffer is full: wait for "drain" before writing more. */
  write(text: string): unknown;
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
  once?(event: "drain", listener: () => void): unknown;
}

/** What the process does on a failed write: print a line on stderr (when it still can), and exit. */
export interface OutputFailureHandling {
  /** Writes a line to stderr directly; may throw. */
  writeErrorLine: (line: string) => void;
  exit: (status: number) => void;
  /** The exit status the command has reached so far (0 while it runs). */
  currentStatus: () => number;
}

const EXIT_WRITE_FAILED = 1;

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on device: free some space, or write the output elsewhere",
  EDQUOT: "disk quota exceeded: free some space, or write the output elsewhere",
  EFBIG: "the output file is too large for the file system: write it elsewhere",
  EIO: "input/output error on the device",
  EBADF: "standard output is closed",
};

/** "cannot write the output: no space left on device (ENOSPC): …", one line. */
export function describeWriteFailure(error: NodeJS.ErrnoException): string {
  const code = typeof error.code === "string" ? error.code : "";
  const reason = WRITE_FAILURES[code] ?? (error.message || "unknown error").split("\n")[0];
  return `cannot write the output${code === "" ? "" : ` (${code})`}: ${reason}`;
}

/** Whether the reader went away (a closed pipe or socket): nothing to report, no one is listening. */
function isClosedReader(error: NodeJS.ErrnoException): boolean {
  return error.code === "EPIPE" || error.code === "ECONNRESET" || error.code === "ERR_STREAM_DESTROYED";
}

/**
 * Writers for stdout and stderr that never throw, and handlers on both streams for errors reported later: a closed
 * reader ends the process quietly with the status reached so far; another stdout failure prints one line and exits 1.
 * A failure of stderr itself ends the process quietly (there is nowhere left to say anything).
 */
export function guardedWriters(
  stdout: OutputStream,
  stderr: OutputStream,
  handling: OutputFailureHandling,
  programName: string,
): { stdout: (text: string) => void; stderr: (text: string) => void; stdoutDrained: () => Promise<void> } {
  let failed = false;
  /** Set while stdout's buffer is full; resolved by its next "drain" (or a failure: nothing more is written then). */
  let draining: Promise<void> | null = null;
  let endDraining: (() => void) | null = null;
  const stdoutFailed = (error: NodeJS.ErrnoException): void => {
    if (failed) return;
    failed = true;
    endDraining?.();
    if (isClosedReader(error)) {
      handling.exit(handling.currentStatus());
      return;
    }
    try {
      handling.writeErrorLine(`${programName}: ${describeWriteFailure(error)}\n`);
    } catch {
      // stderr is gone too: the exit status is all that is left.
    }
    handling.exit(EXIT_WRITE_FAILED);
  };
  const stderrFailed = (): void => {
    if (failed) return;
    failed = true;
    handling.exit(handling.currentStatus());
  };
  stdout.on("error", stdoutFailed);
  stderr.on("error", stderrFailed);
  return {
    stdout: (text) => {
      if (failed) return;
      try {
        if (stdout.write(text) === false && draining === null && stdout.once !== undefined) {
          draining = new Promise<void>((resolve) => {
            endDraining = () => {
              draining = null;
              endDraining = null;
              resolve();
            };
          });
          stdout.once("drain", () => endDraining?.());
        }
      } catch (error) {
        stdoutFailed(error as NodeJS.ErrnoException);
      }
    },
    stdoutDrained: () => draining ?? Promise.resolve(),
    stderr: (text) => {
      if (failed) return;
      try {
        stderr.write(text);
      } catch {
        stderrFailed();
      }
    },
  };
}
