/*
 * CSV files for the xvega commands, by what the file holds (positions, a history, a matrix, asset values), written
 * the way real files arrive: mostly clean, sometimes semicolon-separated (European Excel), UTF-16 (Excel's "Unicode
 * text"), with trailing commas, an unterminated quote, CRLF, a byte-order mark, blank or padded lines, and text that a
 * spreadsheet would run as a formula.
 */
import { HOSTILE_NUMBERS, HOSTILE_TEXTS } from "./hostileValues";
import {
  SeededRandom,
  dateSerials,
  disguiseName,
  historyLevels,
  matrixEntries,
  pickHistoryVariant,
  pickMatrixVariant,
  textDate,
} from "./seededCells";

export type FileKind = "positions" | "history" | "matrix" | "exposures" | "volvols" | "currentVols" | "estimate" | "any";

export interface FileUniverse {
  assets: string[];
  proxies: string[];
  rows: number;
  hostileRate: number;
}

/** A number as someone may write it in a CSV: plain, exponent, many digits, a percent, or padded. */
function numberText(random: SeededRandom, value: number, percentAllowed: boolean): string {
  const roll = random.next();
  if (roll < 0.6) return String(value);
  if (roll < 0.7) return value.toExponential(random.integer(0, 6));
  if (roll < 0.8) return value.toFixed(random.integer(0, 4));
  if (roll < 0.9 && percentAllowed) return `${value * 100}%`;
  return ` ${value} `;
}

function hostileField(random: SeededRandom): string {
  return random.chance(0.6) ? random.pick(HOSTILE_TEXTS) : String(random.pick(HOSTILE_NUMBERS));
}

function spoilField(random: SeededRandom, universe: FileUniverse, text: string): string {
  return universe.hostileRate > 0 && random.chance(universe.hostileRate) ? hostileField(random) : text;
}

function nameField(random: SeededRandom, universe: FileUniverse, name: string): string {
  if (universe.hostileRate > 0 && random.chance(universe.hostileRate)) return random.chance(0.6) ? disguiseName(random, name) : hostileField(random);
  return name;
}

/** One record as CSV: fields quoted when they need it. */
function csvLine(fields: readonly string[], separator = ","): string {
  return fields.map((field) => (/[",;\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(separator);
}

const POSITION_COLUMNS = ["underlying", "strike", "years", "vol", "model", "rate", "carry", "qty", "multiplier", "note", "vega", "position_vega", "error"] as const;

function positionsTable(random: SeededRandom, universe: FileUniverse): string[][] {
  const columns = POSITION_COLUMNS.filter((name) => (["underlying", "strike", "years", "vol"].includes(name) ? random.chance(0.95) : random.chance(0.4)));
  if (random.chance(0.3)) columns.sort(() => random.next() - 0.5);
  const header = columns.map((name) => (random.chance(0.1) ? ` ${name.toUpperCase()} ` : name));
  if (random.chance(0.03) && header.length > 0) header.push(header[0] as string);
  const rows = Array.from({ length: universe.rows }, () =>
    columns.map((name) => {
      const value = ((): string => {
        switch (name) {
          case "underlying":
          case "strike":
            return numberText(random, random.between({ low: 1, high: 100_000 }), false);
          case "years":
            return numberText(random, random.between({ low: -0.1, high: 5 }), false);
          case "vol":
            return numberText(random, random.between({ low: 0.01, high: 3 }), true);
          case "rate":
          case "carry":
            return random.chance(0.2) ? "" : numberText(random, random.between({ low: -0.05, high: 0.2 }), true);
          case "model":
            return random.pick(["bsm", "black76", "inverse", "", "BSM", " black76 "]);
          case "qty":
            return numberText(random, Math.round(random.between({ low: -50, high: 50 })), false);
          case "multiplier":
            return numberText(random, random.pick([1, 10, 100, 0.1]), false);
          case "note":
            return random.pick(["", "hedge", "=1+1", "+41 22", "-short", "@SUM(A1:A9)", "=cmd|' /C calc'!A0", "x,y", "a\"b"]);
          default:
            return random.chance(0.5) ? "" : "0.1";
        }
      })();
      return spoilField(random, universe, value);
    }),
  );
  return [header, ...rows];
}

function historyTable(random: SeededRandom, universe: FileUniverse): string[][] {
  const variant = pickHistoryVariant(random);
  const levels = historyLevels(random, universe.rows, universe.assets.length, variant);
  const dated = random.chance(0.7);
  const header = universe.assets.map((name) => nameField(random, universe, name));
  const serials = dateSerials(random, universe.rows, random.pick(["rising", "rising", "rising", "falling", "repeated", "shuffled"] as const));
  const layout = random.pick(["iso", "iso", "iso", "dmy", "mdy", "serial"] as const);
  const body = levels.map((row, index) => {
    const fields = row.map((level) => spoilField(random, universe, random.chance(0.03) ? random.pick(["", "#N/A", "NA", "NaN", "null", "n/a"]) : String(level)));
    if (!dated) return fields;
    const serial = serials[index] as number;
    return [layout === "serial" ? String(serial) : textDate(serial, layout), ...fields];
  });
  if (variant === "summaryRow" && body.length > 0) body.push([...(dated ? [random.pick(["Average", "Total"])] : []), ...universe.assets.map(() => "50")]);
  return [[...(dated ? [random.pick(["date", "", "Date (UTC)", "day", "when"])] : []), ...header], ...body];
}

function matrixTable(random: SeededRandom, universe: FileUniverse, changes: boolean): string[][] {
  const size = random.chance(0.2) ? random.integer(1, 10) : universe.assets.length;
  const variant = pickMatrixVariant(random);
  const entries = matrixEntries(random, size, variant).map((row) => row.map((entry) => spoilField(random, universe, String(entry))));
  const names = Array.from({ length: size }, (_, k) => nameField(random, universe, universe.assets[k] ?? `A${k}`));
  const layout = random.chance(0.85) ? "labelled" : random.pick(["headerOnly", "unlabelled"] as const);
  if (layout === "unlabelled") return entries;
  if (layout === "headerOnly") return [names, ...entries];
  const corner = changes ? random.pick(["", "abs", "log", "corr"]) : "";
  return [[corner, ...names], ...entries.map((row, index) => [random.chance(0.95) ? (names[index] ?? "") : "X", ...row])];
}

function assetValuesTable(random: SeededRandom, universe: FileUniverse, column: string, typicalHigh: number): string[][] {
  const names = universe.assets.filter(() => random.chance(0.95));
  const extra = column === "vega" && random.chance(0.2) ? ["position_vega"] : [];
  const header = ["asset", column, ...extra];
  if (random.chance(0.3)) header.reverse();
  const legs = random.chance(0.2) ? names.concat(names) : names;
  const rows = legs.map((name) => {
    const value = numberText(random, column === "vega" ? random.between({ low: -typicalHigh, high: typicalHigh }) : random.between({ low: 0.2, high: typicalHigh }), false);
    const byColumn: Record<string, string> = { asset: nameField(random, universe, name), [column]: spoilField(random, universe, value), position_vega: value };
    return header.map((name) => byColumn[name] ?? "");
  });
  return [header, ...rows];
}

/** The rows of a file of the given kind (before the dialect is applied). */
function tableFor(random: SeededRandom, universe: FileUniverse, kind: FileKind): string[][][] {
  switch (kind) {
    case "positions":
      return [positionsTable(random, universe)];
    case "history":
      return [historyTable(random, universe)];
    case "matrix":
      return [matrixTable(random, universe, true)];
    case "exposures":
      return [assetValuesTable(random, universe, "vega", 100_000)];
    case "volvols":
      return [assetValuesTable(random, universe, "volvol", 6)];
    case "currentVols":
      return [assetValuesTable(random, universe, "vol", 150)];
    case "estimate":
      // xvega volcorr's output: a matrix, a blank line, asset,volvol.
      return [matrixTable(random, universe, true), assetValuesTable(random, universe, "volvol", 6)];
    case "any":
      return tableFor(random, universe, random.pick(["positions", "history", "matrix", "exposures", "volvols", "estimate"] as const));
  }
}

export type Dialect = "clean" | "semicolon" | "trailingComma" | "unterminatedQuote" | "crlf" | "bom" | "utf16" | "blankLines" | "padded" | "tabs" | "truncated";

const DIALECTS: readonly Dialect[] = [
  "clean", "clean", "clean", "clean", "clean", "clean", "clean", "clean", "clean", "clean", "clean", "clean",
  "semicolon", "trailingComma", "unterminatedQuote", "crlf", "bom", "utf16", "blankLines", "padded", "tabs", "truncated",
];

/** A UTF-16LE file with its byte-order mark, as fs.readFileSync(path, "utf8") returns it. */
export function utf16AsReadByUtf8(text: string): string {
  return Buffer.from(`\uFEFF${text}`, "utf16le").toString("utf8");
}

/** The bytes of a UTF-16LE file with its byte-order mark (for the child-process runs, which read real files). */
export function utf16Bytes(text: string): Buffer {
  return Buffer.from(`\uFEFF${text}`, "utf16le");
}

export interface GeneratedFile {
  /** What the command reads (for UTF-16, the text a UTF-8 read makes of it). */
  text: string;
  /** The file's bytes on disk, for child-process runs. */
  bytes: Buffer;
  dialect: Dialect;
}

export function generateFile(random: SeededRandom, universe: FileUniverse, kind: FileKind): GeneratedFile {
  const tables = tableFor(random, universe, kind);
  const dialect = random.pick(DIALECTS);
  const separator = dialect === "semicolon" ? ";" : dialect === "tabs" ? "\t" : ",";
  const newline = dialect === "crlf" ? "\r\n" : "\n";
  const lines = tables.map((table) =>
    table.map((fields) => {
      let line = csvLine(fields, separator);
      if (dialect === "trailingComma" && random.chance(0.5)) line += ",";
      if (dialect === "padded" && random.chance(0.3)) line += ",,,";
      return line;
    }),
  );
  let text = lines.map((table) => table.join(newline)).join(`${newline}${newline}`) + (random.chance(0.8) ? newline : "");
  if (dialect === "blankLines") text = text.replace(/\n/g, () => (random.chance(0.2) ? "\n\n" : "\n")) + ",,,\n";
  if (dialect === "unterminatedQuote") {
    const positions = [...text.matchAll(/(^|[,\n])/g)].map((match) => (match.index ?? 0) + match[0].length);
    const at = positions.length > 0 ? random.pick(positions) : 0;
    text = `${text.slice(0, at)}"${text.slice(at)}`;
  }
  if (dialect === "truncated") text = text.slice(0, random.integer(0, text.length));
  if (dialect === "bom") text = `\uFEFF${text}`;
  if (dialect === "utf16") return { text: utf16AsReadByUtf8(text), bytes: utf16Bytes(text), dialect };
  return { text, bytes: Buffer.from(text, "utf8"), dialect };
}
