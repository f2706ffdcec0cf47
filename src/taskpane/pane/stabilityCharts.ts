/*
 * The Stability tab's three charts (chart.js 4, MIT, bundled: only the line controller, its elements, two scales, the
 * legend and the tooltip are registered, so the rest is tree-shaken away). Every colour comes from the pane's CSS
 * variables (--chart-*, taskpane.css), which have dark values under prefers-color-scheme: dark; the charts are redrawn
 * when the scheme changes. Cheap enough for a long history: no animation, points given as numbers {x, y} on linear
 * axes (no parsing, no category labels to measure; the date of day x is looked up for ticks and tooltips).
 */
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type ChartDataset } from "chart.js";
import type { CorrelationStressResult } from "../../core/backtest";
import { formatAmount, formatPercent, formatStatistic } from "./format";
import { dateLabelText } from "./dateLabelText";
import { cumulativePnl, hedgeSeries, stressPointsByShift } from "./stabilityStatistics";
import type { BacktestOutcome } from "./stabilityRun";

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** The CSS variables the charts read, and what each colours. */
const SERIES_VARIABLES = ["--chart-series-1", "--chart-series-2", "--chart-series-3", "--chart-series-4", "--chart-series-5"] as const;

interface ChartPalette {
  unhedged: string;
  hedged: string;
  held: string;
  reoptimised: string;
  series: string[];
  text: string;
  grid: string;
  font: string;
}

function cssVariable(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function chartPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  return {
    unhedged: cssVariable(style, "--chart-unhedged", "#ca5010"),
    hedged: cssVariable(style, "--chart-hedged", "#0f6cbd"),
    held: cssVariable(style, "--chart-held", "#0f6cbd"),
    reoptimised: cssVariable(style, "--chart-reoptimised", "#107c10"),
    series: SERIES_VARIABLES.map((name) => cssVariable(style, name, "#616161")),
    text: cssVariable(style, "--chart-text", "#616161"),
    grid: cssVariable(style, "--chart-grid", "#e0e0e0"),
    font: getComputedStyle(document.body).fontFamily,
  };
}

type Point = { x: number; y: number };
type LineConfiguration = ChartConfiguration<"line", Point[], string>;

function line(label: string, colour: string, data: Point[], extra: Partial<Omit<ChartDataset<"line">, "data">> = {}): LineConfiguration["data"]["datasets"][number] {
  return { label, data, borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 0, pointHoverRadius: 3, clip: 4, ...extra };
}

/**
 * What the three charts share: no animation, no parsing, linear axes in the pane's colours and font, a legend on top, a
 * tooltip per x. `xText` writes an x value (a day's date, a shift) for the ticks and the tooltip's title.
 */
function baseOptions(
  palette: ChartPalette,
  yFormat: (value: number) => string,
  xTitle: string,
  xText: (x: number) => string,
  xRange: { min: number; max: number; whole: boolean },
): LineConfiguration["options"] {
  const axis = { type: "linear" as const, grid: { color: palette.grid }, border: { color: palette.grid } };
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    // Room for the last point's marker and the last date at the right edge.
    layout: { padding: { right: 8 } },
    interaction: { mode: "nearest", axis: "x", intersect: false },
    font: { family: palette.font },
    plugins: {
      legend: { position: "top", labels: { color: palette.text, boxWidth: 12, font: { family: palette.font } } },
      tooltip: {
        callbacks: {
          title: (items) => (items[0] ? xText(items[0].parsed.x ?? 0) : ""),
          label: (item) => `${item.dataset.label ?? ""}: ${yFormat(item.parsed.y ?? 0)}`,
        },
      },
    },
    scales: {
      x: {
        ...axis,
        // The axis spans the data exactly (no rounded-out end with no date to show).
        min: xRange.min,
        max: xRange.max,
        title: { display: true, text: xTitle, color: palette.text },
        // Days are whole numbers: a tick between two days would have no date.
        ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 16, maxTicksLimit: 5, ...(xRange.whole ? { precision: 0 } : {}), callback: (value) => xText(Number(value)) },
      },
      y: { ...axis, ticks: { color: palette.text, maxTicksLimit: 7, callback: (value) => yFormat(Number(value)) } },
    },
  } as LineConfiguration["options"];
}

/** Day k of the backtest as the axis shows it: its date, or nothing between days. */
function dayText(backtest: BacktestOutcome): (x: number) => string {
  const days = backtest.result.days;
  return (x) => {
    const day = Number.isInteger(x) ? days[x] : undefined;
    return day === undefined ? "" : dateLabelText(day.date, backtest.datesFromDateColumn);
  };
}

function dayRange(backtest: BacktestOutcome): { min: number; max: number; whole: boolean } {
  return { min: 0, max: Math.max(backtest.result.days.length - 1, 0), whole: true };
}

function timeAxisTitle(backtest: BacktestOutcome): string {
  return backtest.datesFromDateColumn ? "date" : "row of the history";
}

function pnlChart(backtest: BacktestOutcome, palette: ChartPalette): LineConfiguration {
  const totals = cumulativePnl(backtest.result);
  const points = (values: number[]): Point[] => values.map((y, x) => ({ x, y }));
  return {
    type: "line",
    data: { datasets: [line("Unhedged", palette.unhedged, points(totals.unhedged)), line("Hedged", palette.hedged, points(totals.hedged))] },
    options: baseOptions(palette, formatAmount, timeAxisTitle(backtest), dayText(backtest), dayRange(backtest)),
  };
}

function hedgeChart(backtest: BacktestOutcome, palette: ChartPalette): LineConfiguration {
  return {
    type: "line",
    data: {
      // Stepped: a hedge is held between rebalances.
      datasets: hedgeSeries(backtest.result).map(({ proxy, vegas }, p) =>
        line(`Hedge ${proxy}`, palette.series[p % palette.series.length] as string, vegas.map((y, x) => ({ x, y })), { stepped: true }),
      ),
    },
    options: baseOptions(palette, formatAmount, timeAxisTitle(backtest), dayText(backtest), dayRange(backtest)),
  };
}

function stressChart(stress: CorrelationStressResult, palette: ChartPalette): LineConfiguration {
  const rows = stressPointsByShift(stress);
  return {
    type: "line",
    data: {
      datasets: [
        line("Held (today's hedge)", palette.held, rows.map((row) => ({ x: row.shift, y: row.heldEffectiveness })), { pointRadius: 3 }),
        line("Re-optimised", palette.reoptimised, rows.map((row) => ({ x: row.shift, y: row.reoptimisedEffectiveness })), { pointRadius: 3, borderDash: [6, 3] }),
      ],
    },
    options: baseOptions(palette, formatPercent, "shift of the target–proxy correlations", formatStatistic, {
      min: rows[0]?.shift ?? 0,
      max: rows[rows.length - 1]?.shift ?? 0,
      whole: false,
    }),
  };
}

export interface ChartCanvases {
  pnl: HTMLCanvasElement;
  hedge: HTMLCanvasElement;
  stress: HTMLCanvasElement;
}

/** The colour scheme the page is drawn in now. */
function colourScheme(): "dark" | "light" {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/**
 * Draws the charts of the last run into the three canvases, one per task so that the pane stays responsive while a
 * long history is drawn; redraws them when the colour scheme changes. Each canvas says when it is drawn, and in which
 * scheme (data-drawn="light" or "dark"; removed while it waits).
 */
export class StabilityCharts {
  private charts: Chart<"line", Point[], string>[] = [];
  private backtest: BacktestOutcome | null = null;
  private stress: CorrelationStressResult | null = null;
  /** Bumped by every redraw: a drawing scheduled by an older one is dropped. */
  private generation = 0;

  constructor(private readonly canvases: ChartCanvases) {
    window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => this.redraw());
  }

  show(backtest: BacktestOutcome | null, stress: CorrelationStressResult | null): void {
    this.backtest = backtest;
    this.stress = stress;
    this.redraw();
  }

  private redraw(): void {
    this.generation += 1;
    const generation = this.generation;
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    for (const canvas of [this.canvases.pnl, this.canvases.hedge, this.canvases.stress]) {
      canvas.removeAttribute("data-drawn");
      canvas.closest("figure")?.querySelectorAll(".chart-failure").forEach((failure) => failure.remove());
    }
    const palette = chartPalette();
    const scheme = colourScheme();
    const backtest = this.backtest;
    const stress = this.stress;
    const drawings: [HTMLCanvasElement, () => LineConfiguration][] = [
      ...(backtest
        ? ([
            [this.canvases.pnl, () => pnlChart(backtest, palette)],
            [this.canvases.hedge, () => hedgeChart(backtest, palette)],
          ] as [HTMLCanvasElement, () => LineConfiguration][])
        : []),
      ...(stress ? ([[this.canvases.stress, () => stressChart(stress, palette)]] as [HTMLCanvasElement, () => LineConfiguration][]) : []),
    ];
    const drawNext = (index: number): void => {
      const drawing = drawings[index];
      if (generation !== this.generation || drawing === undefined) return;
      const [canvas, configuration] = drawing;
      try {
        this.charts.push(new Chart(canvas, configuration()));
        canvas.setAttribute("data-drawn", scheme);
      } catch (error) {
        // A chart that cannot be drawn says so in place of its picture; the figures beside it still stand.
        canvas.setAttribute("data-drawn", "failed");
        const failure = document.createElement("p");
        failure.className = "field-message chart-failure";
        failure.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
        canvas.closest("figure")?.append(failure);
      }
      setTimeout(() => drawNext(index + 1), 0);
    };
    setTimeout(() => drawNext(0), 0);
  }
}
