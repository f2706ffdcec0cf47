/*
 * Reading a CSV file for a row-by-row command (vega, iv, greeks): the header, then the data records in batches, each
 * batch's output written before the next is read. With `io.openFile` (the real process), the file is read in chunks
 * and memory stays flat however long it is; without it (tests, through `io.readFile`), the whole text is one chunk and
 * the command runs synchronously. Both give the same output, messages and exit statuses as reading the whole file with
 * csv-parse did: the checks of inputTextChecks.ts, then csv-parse's errors for text that is not CSV.
 *
 * A file is read twice when streamed. The first pass only checks it (NUL bytes, quotes that csv-parse would refuse,
 * the first lines), so that unusable input still prints nothing, as the exit status 1 promises, even when the fault is
 * on its last line. The second pass parses, computes and writes.
 */
import { parse as parseCsvStream } from "csv-parse";
import { CsvChunkParser, RecordCutter, RecordDelimiterText } from "./csvChunkParser";
import { UnclosedQuoteFinder, describeCsvParseError } from "./csvParseErrors";
import { CSV_PARSE_OPTIONS, describeReadFailure, parseCsvTable, readInputFile } from "./csvTable";
import { checkFileKind, checkTextLayout, headDecidesLayout, nulBytesError } from "./inputTextChecks";
import { CliIo, UnusableInputError } from "./subcommand";

/** What a command does with the records: told the header first, then batches of data records, then the end. */
export interface RecordTransform {
  /** The header (names trimmed); returns the first output text. Throws UnusableInputError for a header it cannot use. */
  begin(header: readonly string[]): string;
  /** The output text for a batch of data records (each exactly as written, fields not trimmed). */
  transform(records: readonly (readonly string[])[]): string;
  /** The last output text. */
  end(): string;
  /** Optional: for a streamed file of at least `minimumBytes`, batches of whole records handed to worker threads. */
  parallel?: { minimumBytes: number; start(delimiter: RecordDelimiterText): BatchProcessor };
}

/** Processes runs of whole records elsewhere (worker threads); the thunks it resolves to run in file order. */
export interface BatchProcessor {
  /** The batch's output, as a function run when every earlier batch's output is written (it returns the text). */
  process(text: string): Promise<() => string>;
  close(): Promise<void>;
}

/** Batches out for processing at once, per worker: enough to keep each busy, few enough to keep memory flat. */
const BATCHES_IN_FLIGHT_PER_WORKER = 3;

/** How much of a file's start is kept for the checks of its first lines; their lines end far sooner in any CSV. */
const MAX_HEAD_LENGTH = 1 << 20;

function noHeaderRow(path: string): UnusableInputError {
  return new UnusableInputError(`${path} has no header row (it holds no CSV records)`);
}

/** Feeds parsed records to `transform`: the first record is the header, the rest are data. */
class RecordRouter {
  private headerSeen = false;

  /** Whether the header has been read (the data records follow). */
  get started(): boolean {
    return this.headerSeen;
  }

  constructor(private readonly transform: RecordTransform) {}

  take(records: string[][]): string {
    if (records.length === 0) return "";
    if (this.headerSeen) return this.transform.transform(records);
    this.headerSeen = true;
    const [header = [], ...data] = records;
    const start = this.transform.begin(header.map((name) => name.trim()));
    return data.length === 0 ? start : start + this.transform.transform(data);
  }

  finish(path: string): string {
    if (!this.headerSeen) throw noHeaderRow(path);
    return this.transform.end();
  }
}

/** The whole file through `io.readFile`, in one piece; everything is written with one call to io.stdout, at the end. */
function transformWholeFile(io: CliIo, path: string, transform: RecordTransform): void {
  const text = readInputFile(io, path);
  const parser = new CsvChunkParser();
  const records = parser.push(text, true);
  if (parser.firstIrregularity !== null) throwCsvParseError(text, path);
  const router = new RecordRouter(transform);
  const output = router.take(records) + router.finish(path);
  io.stdout(output);
}

/** csv-parse's own error for text the chunk parser found irregular (parseCsvTable reads it with csv-parse). */
function throwCsvParseError(text: string, path: string): never {
  parseCsvTable(text, path);
  throw new Error(`the CSV parsers disagree on ${path}: csv-parse reads it, the chunk parser does not`);
}

type StreamingIo = CliIo & { openFile: NonNullable<CliIo["openFile"]> };

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * The file's bytes in chunks; a read failure becomes UnusableInputError naming the file. `opened` is the first
 * opening (the probe of transformCsvFile), used once; later passes open the file again.
 */
async function* byteChunks(io: StreamingIo, path: string, opened: AsyncIterable<Uint8Array> | null = null): AsyncGenerator<Buffer> {
  const chunks = opened ?? io.openFile(path);
  // A regular file when probed, something else now: it was replaced while being read.
  if (chunks === null) throw new UnusableInputError(`${path} changed while it was read: run the command again`);
  try {
    for await (const chunk of chunks) yield asBuffer(chunk);
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    throw new UnusableInputError(`cannot read ${path}: ${describeReadFailure(error)}`);
  }
}

/** The file's text in pieces (a UTF-8 character never split), the last one marked. */
async function* textChunks(io: StreamingIo, path: string): AsyncGenerator<[string, boolean]> {
  // ignoreBOM keeps a byte-order mark in the text, as readFileSync does; the parser drops it like csv-parse.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  for await (const chunk of byteChunks(io, path)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield [text, false];
  }
  yield [decoder.decode(), true];
}

/**
 * The position, in characters of the UTF-8 text, of the byte at `byteOffset`: the file is read once more up to it
 * (only for a message about a NUL byte, which must name the character as the whole-text check does).
 */
async function characterIndexOfByte(io: StreamingIo, path: string, byteOffset: number): Promise<number> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let bytesBefore = 0;
  let characters = 0;
  for await (const chunk of byteChunks(io, path)) {
    if (bytesBefore + chunk.length > byteOffset) {
      // Up to and including the byte: what it ends is decoded, and it is the last character.
      return characters + decoder.decode(chunk.subarray(0, byteOffset - bytesBefore + 1), { stream: true }).length - 1;
    }
    characters += decoder.decode(chunk, { stream: true }).length;
    bytesBefore += chunk.length;
  }
  return characters;
}

/**
 * First pass over a streamed file: the checks readInputFile and csv-parse make on a whole text, in the same order
 * (what the file is, NUL bytes, the first lines, then CSV quoting). Reads Latin-1 for speed: the quoting is judged on
 * commas, quotes and line breaks, which are single bytes in UTF-8; only the first lines are decoded as UTF-8.
 */
async function checkStreamedFile(io: StreamingIo, path: string, opened: AsyncIterable<Uint8Array>): Promise<number> {
  const scanner = new CsvChunkParser(false);
  const headDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let head = "";
  let headComplete = false;
  let bytes = 0;
  let firstNulByte = -1;
  for await (const chunk of byteChunks(io, path, opened)) {
    if (!headComplete) {
      head += headDecoder.decode(chunk, { stream: true });
      headComplete = head.length >= MAX_HEAD_LENGTH || headDecidesLayout(head);
    }
    if (firstNulByte === -1) {
      const nul = chunk.indexOf(0);
      if (nul !== -1) firstNulByte = bytes + nul;
    }
    bytes += chunk.length;
    scanner.push(chunk.toString("latin1"), false);
  }
  if (!headComplete) head += headDecoder.decode();
  scanner.push("", true);
  checkFileKind(head, path);
  if (firstNulByte !== -1) throw nulBytesError(path, await characterIndexOfByte(io, path, firstNulByte));
  checkTextLayout(head, path);
  if (scanner.firstIrregularity !== null) await throwStreamedCsvParseError(io, path);
  return bytes;
}

/** csv-parse's own error for a streamed file the chunk parser found irregular, read once more. */
async function throwStreamedCsvParseError(io: StreamingIo, path: string): Promise<never> {
  const quotes = new UnclosedQuoteFinder();
  const parser = parseCsvStream(CSV_PARSE_OPTIONS);
  let failure: unknown = null;
  parser.on("error", (error: unknown) => {
    failure ??= error;
  });
  // Records are not needed, only the error: read them away so that the parser never waits.
  parser.on("data", () => undefined);
  const ended = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("close", resolve);
  });
  for await (const [text, last] of textChunks(io, path)) {
    quotes.push(text, last);
    if (failure === null && text.length > 0) parser.write(text);
  }
  if (failure === null) parser.end();
  await ended;
  if (failure !== null) throw new UnusableInputError(describeCsvParseError(failure, () => quotes.result(), path));
  throw new Error(`the CSV parsers disagree on ${path}: csv-parse reads it, the chunk parser does not`);
}

/** Second pass: parse, transform and write chunk by chunk, waiting for stdout to drain between chunks. */
async function transformStreamedFile(io: StreamingIo, path: string, opened: AsyncIterable<Uint8Array>, transform: RecordTransform): Promise<void> {
  const bytes = await checkStreamedFile(io, path, opened);
  const parallel = transform.parallel;
  if (parallel !== undefined && bytes >= parallel.minimumBytes) {
    await transformInParallel(io, path, transform, parallel);
    return;
  }
  const parser = new CsvChunkParser();
  const router = new RecordRouter(transform);
  for await (const [text, last] of textChunks(io, path)) {
    const records = parser.push(text, last);
    if (parser.firstIrregularity !== null) throw new UnusableInputError(`${path} changed while it was read: run the command again`);
    const output = router.take(records);
    if (output !== "") {
      io.stdout(output);
      if (io.stdoutDrained) await io.stdoutDrained();
    }
  }
  const output = router.finish(path);
  if (output !== "") io.stdout(output);
}

/**
 * Second pass with worker threads: the text is cut into runs of whole records (RecordCutter); the first runs, up to
 * and including the header, are read here (a byte-order mark, the header's columns), the rest by the workers, and
 * their output is written in file order, waiting for stdout to drain.
 */
async function transformInParallel(
  io: StreamingIo,
  path: string,
  transform: RecordTransform,
  parallel: NonNullable<RecordTransform["parallel"]>,
): Promise<void> {
  const cutter = new RecordCutter();
  const router = new RecordRouter(transform);
  let atFileStart = true;
  let processor: BatchProcessor | null = null;
  const inFlight: Promise<() => string>[] = [];
  let workers = 0;
  const write = async (output: string): Promise<void> => {
    if (output === "") return;
    io.stdout(output);
    if (io.stdoutDrained) await io.stdoutDrained();
  };
  const writeOldest = async (): Promise<void> => {
    const oldest = inFlight.shift() as Promise<() => string>;
    await write((await oldest)());
  };
  try {
    for await (const [text, last] of textChunks(io, path)) {
      const batch = cutter.take(text, last);
      if (batch === "") continue;
      if (processor === null) {
        const parser: CsvChunkParser = atFileStart ? new CsvChunkParser() : new CsvChunkParser(true, cutter.delimiter);
        atFileStart = false;
        const records = parser.push(batch, true);
        if (parser.firstIrregularity !== null) throw new UnusableInputError(`${path} changed while it was read: run the command again`);
        await write(router.take(records));
        const delimiter = cutter.delimiter;
        if (router.started && delimiter !== null) {
          processor = parallel.start(delimiter);
          workers = io.rowWorkers?.count ?? 1;
        }
        continue;
      }
      const result = processor.process(batch);
      // Awaited in order below; a failure is reported there, not as an unhandled rejection.
      result.catch(() => undefined);
      inFlight.push(result);
      while (inFlight.length >= BATCHES_IN_FLIGHT_PER_WORKER * workers) await writeOldest();
    }
    while (inFlight.length > 0) await writeOldest();
  } finally {
    await processor?.close();
  }
  await write(router.finish(path));
}

/**
 * Reads the CSV file at `path` through `transform`, writing its output to io.stdout. Synchronous when `io` has no
 * openFile, or openFile gives null (a pipe, read once: the whole file through readFile); otherwise a promise, the
 * file streamed. Throws (or rejects with)
 * UnusableInputError for a file that cannot be read or is not CSV, before anything is written.
 */
export function transformCsvFile(io: CliIo, path: string, transform: RecordTransform): void | Promise<void> {
  const openFile = io.openFile;
  const opened = openFile === undefined ? null : openFile(path);
  if (openFile === undefined || opened === null) {
    transformWholeFile(io, path, transform);
    return;
  }
  return transformStreamedFile({ ...io, openFile }, path, opened, transform);
}
