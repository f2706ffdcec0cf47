/*
 * Inputs for an XV function, built from its arguments' kinds (argumentKinds.ts), so that every function in the
 * registry is fuzzed the same way. Two modes, mixed:
 * - coherent: one "universe" (assets, legs, proxies, a call shape, a history length) shared by all arguments, so the
 *   call gets past the readers into the maths; then hostile cells at a drawn rate, and a few targeted mutations
 *   (a hostile cell, a transposed or truncated range, an omitted optional) that fast-check can shrink away;
 * - chaos: every argument an independent small grid of hostile cells.
 * Rarely the universe is huge (100,000-cell columns, 100,000 legs, 10,000-row histories) to check bounded time.
 */
import fc from "fast-check";
import { ArgumentKind, ResolvedArgument } from "./argumentKinds";
import { isShrinkingOutOfTime } from "./callTiming";
import { hostileCell } from "./hostileValues";
import {
  ASSET_NAME_POOL,
  SeededRandom,
  dateSerials,
  disguiseName,
  historyLevels,
  hostileCellFrom,
  matrixEntries,
  pickHistoryVariant,
  pickMatrixVariant,
  seededRandom,
  textDate,
} from "./seededCells";

export type Grid = unknown[][];
/** The arguments of one call, as Excel passes them: a grid per argument, null for an omitted optional. */
export type FunctionArguments = (Grid | null)[];

type CallShape = "single" | "column" | "row" | "block";

interface Universe {
  assets: string[];
  proxies: string[];
  /** Index into assets of each leg. */
  legAssets: number[];
  shape: { rows: number; columns: number };
  historyRows: number;
  /** Probability that a cell is replaced by a hostile one. */
  hostileRate: number;
  seed: number;
}

interface UniverseParameters {
  assetCount: number;
  proxyCount: number;
  legCount: number;
  callShape: CallShape;
  length: number;
  historyRows: number;
  hostileRate: number;
  huge: boolean;
  seed: number;
}

/** Huge inputs: the sizes a real book or history reaches, and beyond. */
export const HUGE_CELLS = 100_000;
export const HUGE_HISTORY_ROWS = 10_000;

const universeParameters: fc.Arbitrary<UniverseParameters> = fc.record({
  assetCount: fc.integer({ min: 1, max: 6 }),
  proxyCount: fc.integer({ min: 1, max: 3 }),
  legCount: fc.integer({ min: 1, max: 8 }),
  callShape: fc.constantFrom<CallShape>("single", "column", "column", "row", "block"),
  length: fc.integer({ min: 1, max: 8 }),
  historyRows: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }) }),
  hostileRate: fc.constantFrom(0, 0, 0, 0, 0, 0, 0.01, 0.05, 0.2, 1),
  huge: fc.oneof({ weight: 10_000, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  seed: fc.integer(),
});

function universeFrom(parameters: UniverseParameters): Universe {
  const random = seededRandom(parameters.seed);
  const pool = [...ASSET_NAME_POOL].sort(() => random.next() - 0.5);
  const assets = pool.slice(0, parameters.assetCount);
  const proxies = assets.slice(0, Math.min(parameters.proxyCount, assets.length));
  const legCount = parameters.huge ? HUGE_CELLS : parameters.legCount;
  const legAssets = Array.from({ length: legCount }, () => random.integer(0, assets.length - 1));
  const length = parameters.huge ? HUGE_CELLS : parameters.length;
  const shape =
    parameters.callShape === "single"
      ? { rows: 1, columns: 1 }
      : parameters.callShape === "column"
        ? { rows: length, columns: 1 }
        : parameters.callShape === "row"
          ? { rows: 1, columns: Math.min(length, 16_384) }
          : { rows: parameters.huge ? HUGE_CELLS / 4 : length, columns: parameters.huge ? 4 : random.integer(2, 4) };
  return {
    assets,
    proxies,
    legAssets,
    shape,
    historyRows: parameters.huge ? HUGE_HISTORY_ROWS : parameters.historyRows,
    hostileRate: parameters.hostileRate,
    seed: parameters.seed,
  };
}

function spoil(random: SeededRandom, universe: Universe, value: unknown): unknown {
  return universe.hostileRate > 0 && random.chance(universe.hostileRate) ? hostileCellFrom(random) : value;
}

function grid(rows: number, columns: number, cell: (row: number, column: number) => unknown): Grid {
  const result: Grid = new Array(rows);
  for (let row = 0; row < rows; row++) {
    const cells = new Array(columns);
    for (let column = 0; column < columns; column++) cells[column] = cell(row, column);
    result[row] = cells;
  }
  return result;
}

/** A list laid out as a column (mostly) or a row. */
function list(random: SeededRandom, values: readonly unknown[]): Grid {
  return random.chance(0.8) ? values.map((value) => [value]) : [values.slice()];
}

function nameOf(random: SeededRandom, universe: Universe, name: string): unknown {
  if (universe.hostileRate > 0 && random.chance(universe.hostileRate)) return random.chance(0.6) ? disguiseName(random, name) : hostileCellFrom(random);
  return name;
}

function matrixArgument(random: SeededRandom, universe: Universe, labels: "always" | "maybe"): Grid {
  let size = universe.assets.length;
  if (universe.historyRows === HUGE_HISTORY_ROWS) size = 40;
  else if (labels === "maybe" && random.chance(0.3)) size = random.integer(1, 12);
  const variant = pickMatrixVariant(random);
  const entries = matrixEntries(random, size, variant).map((row) => row.map((entry) => spoil(random, universe, entry)));
  const labelled = labels === "always" ? random.chance(0.97) : random.chance(0.5);
  if (!labelled) return entries;
  const names = Array.from({ length: size }, (_, k) => universe.assets[k] ?? `A${k}`);
  if (random.chance(0.1) && names.length > 1) names[names.length - 1] = names[0]?.toLowerCase() ?? "a";
  const rowNames = names.map((name) => nameOf(random, universe, name));
  const columnNames = random.chance(0.9) ? rowNames : names.map((name) => nameOf(random, universe, name));
  const corner = random.chance(0.95) ? random.pick<unknown>(["", "", 0, null, "abs", "corr"]) : random.pick<unknown>(["log", "relative", "ρ", "=A1"]);
  const width = (entries[0]?.length ?? size) + 1;
  const header = [corner, ...columnNames];
  while (header.length < width) header.push(`X${header.length}`);
  return [header, ...entries.map((row, i) => [rowNames[i], ...row])];
}

function assetValuesArgument(random: SeededRandom, universe: Universe, kind: Extract<ArgumentKind, { kind: "assetValues" }>): Grid {
  const names = universe.assets.filter(() => random.chance(0.95));
  const pairs = names.map((name) => [nameOf(random, universe, name), spoil(random, universe, random.between(kind.typical))]);
  if (random.chance(0.05) && pairs.length > 0) (pairs[0] as unknown[])[1] = 0;
  if (random.chance(0.2)) pairs.unshift(["asset", "volvol"]);
  if (random.chance(0.1)) pairs.push(["", ""], [0, 0]);
  if (pairs.length === 0) pairs.push(["", ""]);
  if (random.chance(0.7)) return pairs;
  return [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])];
}

function historyArgument(random: SeededRandom, universe: Universe, columns: "universe" | "single"): Grid {
  const variant = pickHistoryVariant(random);
  const assets = columns === "single" ? [universe.assets[0] ?? "BTC"] : universe.assets;
  const rows = universe.historyRows;
  const levels = historyLevels(random, rows, assets.length, variant).map((row) => row.map((level) => spoil(random, universe, level) as unknown));
  const header: unknown[] = assets.map((name) => nameOf(random, universe, name));
  let body: unknown[][] = levels;
  const dated = columns === "universe" && random.chance(0.5);
  if (dated) {
    const serials = dateSerials(random, rows, random.pick(["rising", "rising", "rising", "falling", "repeated", "shuffled"] as const));
    const layout = random.pick(["serial", "serial", "serial", "dmy", "mdy", "iso"] as const);
    header.unshift(random.pick<unknown>(["", "date", "Date", 0, null, "Date (UTC)", "as of"]));
    body = levels.map((row, index) => {
      const serial = serials[index] as number;
      return [layout === "serial" ? serial : textDate(serial, layout), ...row];
    });
  }
  if (variant === "summaryRow" && body.length > 0) {
    const label = random.pick(["Average", "Total", "Mean", "Sum"]);
    const averages = assets.map((_, column) => body.reduce((sum, row) => sum + Number(row[(dated ? 1 : 0) + column] ?? 0), 0) / body.length);
    body = [...body, dated ? [label, ...averages] : [...averages]];
  }
  const hasHeader = columns === "universe" || random.chance(0.6);
  return hasHeader ? [header, ...body] : body;
}

function namesArgument(random: SeededRandom, universe: Universe, role: "legs" | "proxies"): Grid {
  if (role === "proxies") return list(random, universe.proxies.map((name) => nameOf(random, universe, name)));
  const names = universe.legAssets.map((index) => nameOf(random, universe, universe.assets[index] ?? "BTC"));
  return names.map((name) => [name]);
}

function perNameArgument(random: SeededRandom, universe: Universe, kind: Extract<ArgumentKind, { kind: "perName" }>): Grid {
  if (kind.role === "proxies") {
    if (random.chance(0.2)) return [[spoil(random, universe, random.between(kind.typical))]];
    return list(random, universe.proxies.map(() => spoil(random, universe, random.between(kind.typical))));
  }
  return universe.legAssets.map(() => [spoil(random, universe, random.between(kind.typical))]);
}

function broadcastArgument(random: SeededRandom, universe: Universe, value: () => unknown): Grid {
  const { rows, columns } = random.chance(0.3) ? { rows: 1, columns: 1 } : universe.shape;
  if (universe.hostileRate === 0) return grid(rows, columns, value);
  return grid(rows, columns, () => spoil(random, universe, value()));
}

function choiceWord(random: SeededRandom, words: readonly string[]): unknown {
  const word = random.pick(words);
  const roll = random.next();
  if (roll < 0.8) return word;
  if (roll < 0.9) return word.toUpperCase();
  return random.pick<unknown>(["", null, ` ${word} `]);
}

function anyGrid(random: SeededRandom): Grid {
  return grid(random.integer(1, 4), random.integer(1, 4), () => hostileCellFrom(random));
}

function argumentFor(random: SeededRandom, universe: Universe, argument: ResolvedArgument): Grid | null {
  const kind = argument.kind;
  switch (kind.kind) {
    case "number":
      return broadcastArgument(random, universe, () => random.between(kind.typical));
    case "choice":
      return broadcastArgument(random, universe, () => choiceWord(random, kind.words));
    case "scalar":
      return [[spoil(random, universe, random.chance(0.1) ? random.pick<unknown>([0, "", null]) : random.between(kind.typical))]];
    case "names":
      return namesArgument(random, universe, kind.role);
    case "perName":
      return perNameArgument(random, universe, kind);
    case "matrix":
      return matrixArgument(random, universe, kind.labels);
    case "assetValues":
      return assetValuesArgument(random, universe, kind);
    case "history":
      return historyArgument(random, universe, kind.columns);
    case "any":
      return anyGrid(random);
  }
}

type Mutation =
  | { type: "cell"; argument: number; row: number; column: number; value: unknown }
  | { type: "transpose" | "dropRow" | "dropColumn" | "single" | "omit" | "addRow"; argument: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant("cell" as const), argument: fc.nat(), row: fc.nat(), column: fc.nat(), value: hostileCell }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constantFrom("transpose" as const, "dropRow" as const, "dropColumn" as const, "single" as const, "omit" as const, "addRow" as const), argument: fc.nat() }),
  },
);

function applyMutation(args: FunctionArguments, resolved: readonly ResolvedArgument[], change: Mutation): void {
  if (args.length === 0) return;
  const index = change.argument % args.length;
  const target = args[index];
  if (change.type === "omit") {
    args[index] = resolved[index]?.optional ? null : [[null]];
    return;
  }
  if (target === null || target === undefined || target.length === 0) return;
  const width = target[0]?.length ?? 0;
  switch (change.type) {
    case "cell": {
      const row = target[change.row % target.length];
      if (row && row.length > 0) row[change.column % row.length] = change.value;
      return;
    }
    case "transpose":
      args[index] = Array.from({ length: width }, (_, column) => target.map((row) => row[column]));
      return;
    case "dropRow":
      if (target.length > 1) args[index] = target.slice(0, -1);
      return;
    case "dropColumn":
      if (width > 1) args[index] = target.map((row) => row.slice(0, -1));
      return;
    case "single":
      args[index] = [[target[0]?.[0] ?? null]];
      return;
    case "addRow":
      args[index] = [...target, Array.from({ length: width }, () => "")];
      return;
  }
}

function coherentArguments(resolved: readonly ResolvedArgument[]): fc.Arbitrary<FunctionArguments> {
  return fc.tuple(universeParameters, fc.array(mutation, { maxLength: 3 })).map(([parameters, mutations]) => {
    if (isShrinkingOutOfTime()) return resolved.map(() => null);
    const universe = universeFrom(parameters);
    const random = seededRandom(universe.seed ^ 0x5bd1e995);
    // Users omit trailing optional arguments (Excel then passes null), now and then one in the middle.
    const cut = random.integer(0, resolved.length);
    const args = resolved.map((argument, index) =>
      argument.optional && (index >= cut || random.chance(0.05)) ? null : argumentFor(random, universe, argument),
    );
    for (const change of mutations) applyMutation(args, resolved, change);
    return args;
  });
}

const chaosGrid: fc.Arbitrary<Grid> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) => fc.array(fc.array(hostileCell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

function chaosArguments(resolved: readonly ResolvedArgument[]): fc.Arbitrary<FunctionArguments> {
  return fc.tuple(...resolved.map((argument) => (argument.optional ? fc.option(chaosGrid, { nil: null, freq: 3 }) : chaosGrid)));
}

/** Every input the fuzzer gives one function: mostly coherent calls, some chaos. */
export function functionArguments(resolved: readonly ResolvedArgument[]): fc.Arbitrary<FunctionArguments> {
  return fc.oneof({ weight: 6, arbitrary: coherentArguments(resolved) }, { weight: 1, arbitrary: chaosArguments(resolved) });
}

/** The arguments of a call for the universe of the given parameters, at a given size: for the timing checks. */
export function scaledArguments(resolved: readonly ResolvedArgument[], cells: number, hostileRate: number, seed: number): FunctionArguments {
  const random = seededRandom(seed);
  const universe: Universe = {
    assets: ["BTC", "ETH", "SOL"],
    proxies: ["BTC"],
    legAssets: Array.from({ length: cells }, () => random.integer(0, 2)),
    shape: { rows: cells, columns: 1 },
    historyRows: cells,
    hostileRate,
    seed,
  };
  const hasHistory = resolved.some((argument) => argument.kind.kind === "history");
  return resolved.map((argument) => {
    const kind = argument.kind;
    // Every range of the call at full size (no single cells), so that the time measured is that of `cells` cells;
    // options (and the choices of a history function) left out, or one cell when required.
    if (kind.kind === "number") return grid(cells, 1, () => spoil(random, universe, random.between(kind.typical)));
    if (kind.kind === "choice" && !hasHistory) return grid(cells, 1, () => spoil(random, universe, kind.words[0]));
    if (kind.kind === "choice" || kind.kind === "scalar") return argument.optional ? null : [[kind.kind === "choice" ? kind.words[0] : kind.typical.high]];
    if (kind.kind === "history") {
      const names = kind.columns === "single" ? ["BTC"] : ["BTC", "ETH", "SOL"];
      const levels = historyLevels(random, cells, names.length, "walk").map((row) => row.map((level) => spoil(random, universe, level)));
      return [names, ...levels];
    }
    return argumentFor(random, { ...universe, hostileRate: 0 }, { ...argument, optional: false });
  });
}
