/*
 * What the check refuses to open, decided from the zip's directory before anything is inflated: a book is never
 * loaded whole just to find out it is too big. The limits are documented in docs/cli.md (xvega check, Safety).
 */
import JSZip from "jszip";

/** A file bigger than this is refused unread. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** The parts of a book inflate to at most this in total. */
export const MAX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024;
/** One sheet's XML inflates to at most this (about 10 million filled cells). */
export const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
/** A part that inflates more than this many times its stored size (and past 10 MB) is a zip bomb, not a spreadsheet. */
export const MAX_COMPRESSION_RATIO = 200;
const RATIO_CHECK_MIN_BYTES = 10 * 1024 * 1024;

const MEGABYTE = 1024 * 1024;

/** The sizes jszip read from the zip directory (not public API, hence read defensively). */
function declaredSizes(file: JSZip.JSZipObject): { compressed: number; uncompressed: number } | null {
  const data = (file as unknown as { _data?: { compressedSize?: unknown; uncompressedSize?: unknown } })._data;
  if (typeof data?.compressedSize !== "number" || typeof data.uncompressedSize !== "number") return null;
  return { compressed: data.compressedSize, uncompressed: data.uncompressedSize };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / MEGABYTE).toLocaleString("en-US")} MB`;
}

/** Why the file is refused, or null when it may be loaded. Throws nothing: an unreadable zip is the loader's message. */
export async function findSizeProblem(bytes: Buffer): Promise<string | null> {
  if (bytes.length > MAX_FILE_BYTES) return `the file is ${megabytes(bytes.length)}: the check opens books of at most ${megabytes(MAX_FILE_BYTES)}`;
  const zip = await JSZip.loadAsync(bytes);
  let total = 0;
  for (const [name, file] of Object.entries(zip.files)) {
    const sizes = declaredSizes(file);
    if (sizes === null || file.dir) continue;
    total += sizes.uncompressed;
    if (sizes.uncompressed > RATIO_CHECK_MIN_BYTES && sizes.uncompressed > MAX_COMPRESSION_RATIO * Math.max(sizes.compressed, 1)) {
      return `${name} inflates ${Math.round(sizes.uncompressed / Math.max(sizes.compressed, 1))} times (${megabytes(sizes.uncompressed)}): refused as a zip bomb (a real sheet compresses at most ${MAX_COMPRESSION_RATIO} times)`;
    }
    if (/^xl\/worksheets\//.test(name) && sizes.uncompressed > MAX_SHEET_BYTES) {
      return `${name} is ${megabytes(sizes.uncompressed)} of XML: the check reads sheets of at most ${megabytes(MAX_SHEET_BYTES)}`;
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) return `the book inflates to ${megabytes(total)}: the check reads books of at most ${megabytes(MAX_UNCOMPRESSED_BYTES)} uncompressed`;
  return null;
}
