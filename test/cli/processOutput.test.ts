import { EventEmitter } from "events";
import { OutputStream, guardedWriters } from "../../src/cli/processOutput";

/*
 * Issue 8 item 13, command-line part: a write that fails (a full disk, a closed pipe) ends the process with one line
 * or quietly, never with a stack trace. The streams here are fakes that fail on demand; bin.test.ts does the same with
 * a real pipe and a real /dev/full.
 */

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

class FakeStream extends EventEmitter implements OutputStream {
  written = "";
  failure: NodeJS.ErrnoException | null = null;
  /** How a failure is reported: thrown by write(), or emitted later as an "error" event like Node's streams do. */
  throwOnWrite = false;

  write(text: string): boolean {
    if (this.failure === null) {
      this.written += text;
      return true;
    }
    if (this.throwOnWrite) throw this.failure;
    this.emit("error", this.failure);
    return false;
  }
}

function setUp(status = 0) {
  const stdout = new FakeStream();
  const stderr = new FakeStream();
  const exits: number[] = [];
  const errorLines: string[] = [];
  const writers = guardedWriters(
    stdout,
    stderr,
    { writeErrorLine: (line) => errorLines.push(line), exit: (code) => exits.push(code), currentStatus: () => status },
    "xvega",
  );
  return { stdout, stderr, exits, errorLines, writers };
}

describe("guardedWriters", () => {
  it.each([[false], [true]])("a full disk (ENOSPC; thrown: %s): one line on stderr, exit 1, nothing more written", (thrown) => {
    const { stdout, exits, errorLines, writers } = setUp();
    writers.stdout("header\n");
    stdout.failure = errno("ENOSPC", "ENOSPC: no space left on device, write");
    stdout.throwOnWrite = thrown;
    writers.stdout("row 1\n");
    writers.stdout("row 2\n");
    writers.stderr("a note\n");
    expect(errorLines).toEqual(["xvega: cannot write the output (ENOSPC): no space left on device: free some space, or write the output elsewhere\n"]);
    expect(exits).toEqual([1]);
    expect(stdout.written).toBe("header\n");
  });

  it("a closed pipe (EPIPE): no word, and the exit status the command reached", () => {
    const { stdout, exits, errorLines, writers } = setUp(2);
    stdout.failure = errno("EPIPE", "write EPIPE");
    writers.stdout("rows\n");
    expect(errorLines).toEqual([]);
    expect(exits).toEqual([2]);
  });

  it("another failure: its code and first line", () => {
    const { stdout, exits, errorLines, writers } = setUp();
    stdout.failure = errno("EWHATEVER", "EWHATEVER: something odd\n    at a stack frame");
    writers.stdout("rows\n");
    expect(errorLines).toEqual(["xvega: cannot write the output (EWHATEVER): EWHATEVER: something odd\n"]);
    expect(exits).toEqual([1]);
  });

  it("a failing stderr ends quietly too", () => {
    const { stderr, exits, errorLines, writers } = setUp();
    stderr.failure = errno("EPIPE", "write EPIPE");
    stderr.throwOnWrite = true;
    writers.stderr("a warning\n");
    expect(errorLines).toEqual([]);
    expect(exits).toEqual([0]);
  });
});
