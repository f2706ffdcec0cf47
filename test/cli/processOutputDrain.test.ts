import { EventEmitter } from "events";
import { guardedWriters } from "../../src/cli/processOutput";

/*
 * Issue 11 part 3: a streaming command waits for stdout to drain (stdoutDrained) when a write finds its buffer full,
 * so that a slow reader holds the command back instead of the output piling up in memory; a failed stdout never
 * leaves it waiting.
 */

class SlowStream extends EventEmitter {
  full = false;
  write(): boolean {
    return !this.full;
  }
}

function setUp() {
  const stdout = new SlowStream();
  const stderr = new SlowStream();
  const exits: number[] = [];
  const writers = guardedWriters(stdout, stderr, { writeErrorLine: () => undefined, exit: (code) => exits.push(code), currentStatus: () => 0 }, "xvega");
  return { stdout, writers, exits };
}

/** Whether the promise has settled after the pending callbacks ran. */
async function isSettled(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe("guardedWriters' stdoutDrained", () => {
  it("resolves at once while stdout takes everything", async () => {
    const { writers } = setUp();
    writers.stdout("rows\n");
    expect(await isSettled(writers.stdoutDrained())).toBe(true);
  });

  it("after a write that filled stdout's buffer, waits for its drain event", async () => {
    const { stdout, writers } = setUp();
    stdout.full = true;
    writers.stdout("rows\n");
    const drained = writers.stdoutDrained();
    expect(await isSettled(drained)).toBe(false);
    stdout.full = false;
    stdout.emit("drain");
    expect(await isSettled(drained)).toBe(true);
    expect(await isSettled(writers.stdoutDrained())).toBe(true);
  });

  it("does not wait forever when stdout fails instead (a closed pipe ends the process quietly)", async () => {
    const { stdout, writers, exits } = setUp();
    stdout.full = true;
    writers.stdout("rows\n");
    const drained = writers.stdoutDrained();
    stdout.emit("error", Object.assign(new Error("broken pipe"), { code: "EPIPE" }));
    expect(await isSettled(drained)).toBe(true);
    expect(exits).toEqual([0]);
  });
});
