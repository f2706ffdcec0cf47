/*
 * The Stability tab's three charts (chart.js 4, MIT, bundled: only the line controller, its elements, two scales, the
 * legend and the tooltip are registered, so the rest is tree-shaken away). Every colour comes from the pane's CSS
 * variables (--chart-*, taskpane.css), which have dark values under prefers-color-scheme: dark; the charts are redrawn
 * when the scheme changes. No animation: a 1,000-day history draws at once.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type ChartDataset } from "chart.js";
import type { CorrelationStressResult } from "../../core/backtest";
import { formatAmount, formatPercent } from "./format";
import { dateLabelText } from "./historyRowLabels";
import { cumulativePnl, hedgeSeries, stressPointsByShift } from "./stabilityStatistics";
import type { BacktestOutcome } from "./stabilityRun";

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

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

type LineConfiguration = ChartConfiguration<"line", (number | { x: number; y: number })[], string>;

function line(label: string, colour: string, data: LineConfiguration["data"]["datasets"][number]["data"], extra: Partial<Omit<ChartDataset<"line">, "data">> = {}): LineConfiguration["data"]["datasets"][number] {
  return { label, data, borderColor: colour, backgroundColor: colour, borderWidth: 2, pointRadius: 0, pointHoverRadius: 3, ...extra };
}

/** What the three charts share: no animation, the pane's colours and font, a legend on top, a tooltip per x. */
function baseOptions(palette: ChartPalette, yFormat: (value: number) => string, xTitle: string): LineConfiguration["options"] {
  const axis = { ticks: { color: palette.text }, grid: { color: palette.grid }, border: { color: palette.grid } };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    normalized: true,
    interaction: { mode: "index", intersect: false },
    font: { family: palette.font },
    plugins: {
      legend: { position: "top", labels: { color: palette.text, boxWidth: 12, font: { family: palette.font } } },
      tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${yFormat(item.parsed.y ?? 0)}` } },
    },
    scales: {
      x: { ...axis, title: { display: true, text: xTitle, color: palette.text }, ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 12 } },
      y: { ...axis, ticks: { color: palette.text, callback: (value) => yFormat(Number(value)) } },
    },
  } as LineConfiguration["options"];
}

function pnlChart(backtest: BacktestOutcome, palette: ChartPalette): LineConfiguration {
  const { result, datesFromDateColumn } = backtest;
  const totals = cumulativePnl(result);
  return {
    type: "line",
    data: {
      labels: result.days.map((day) => dateLabelText(day.date, datesFromDateColumn)),
      datasets: [line("Unhedged", palette.unhedged, totals.unhedged), line("Hedged", palette.hedged, totals.hedged)],
    },
    options: baseOptions(palette, formatAmount, datesFromDateColumn ? "date" : "row of the history"),
  };
}

function hedgeChart(backtest: BacktestOutcome, palette: ChartPalette): LineConfiguration {
  const { result, datesFromDateColumn } = backtest;
  return {
    type: "line",
    data: {
      labels: result.days.map((day) => dateLabelText(day.date, datesFromDateColumn)),
      // Stepped: a hedge is held between rebalances.
      datasets: hedgeSeries(result).map(({ proxy, vegas }, p) => line(`Hedge ${proxy}`, palette.series[p % palette.series.length] as string, vegas, { stepped: true })),
    },
    options: baseOptions(palette, formatAmount, datesFromDateColumn ? "date" : "row of the history"),
  };
}

function stressChart(stress: CorrelationStressResult, palette: ChartPalette): LineConfiguration {
  const rows = stressPointsByShift(stress);
  const options = baseOptions(palette, formatPercent, "shift of the target–proxy correlations");
  const scales = options?.scales ?? {};
  return {
    type: "line",
    data: {
      datasets: [
        line("Held (today's hedge)", palette.held, rows.map((row) => ({ x: row.shift, y: row.heldEffectiveness })), { pointRadius: 3 }),
        line("Re-optimised", palette.reoptimised, rows.map((row) => ({ x: row.shift, y: row.reoptimisedEffectiveness })), { pointRadius: 3, borderDash: [6, 3] }),
      ],
    },
    options: { ...options, scales: { ...scales, x: { ...scales.x, type: "linear" } } } as LineConfiguration["options"],
  };
}

export interface ChartCanvases {
  pnl: HTMLCanvasElement;
  hedge: HTMLCanvasElement;
  stress: HTMLCanvasElement;
}

/** Draws the charts of the last run into the three canvases; redraws them when the colour scheme changes. */
export class StabilityCharts {
  private charts: Chart<"line", (number | { x: number; y: number })[], string>[] = [];
  private backtest: BacktestOutcome | null = null;
  private stress: CorrelationStressResult | null = null;

  constructor(private readonly canvases: ChartCanvases) {
    window.matchMedia?.("(prefers-color-scheme: dark)").addEventListener?.("change", () => this.redraw());
  }

  show(backtest: BacktestOutcome | null, stress: CorrelationStressResult | null): void {
    this.backtest = backtest;
    this.stress = stress;
    this.redraw();
  }

  private redraw(): void {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    const palette = chartPalette();
    if (this.backtest) {
      this.charts.push(new Chart(this.canvases.pnl, pnlChart(this.backtest, palette)));
      this.charts.push(new Chart(this.canvases.hedge, hedgeChart(this.backtest, palette)));
    }
    if (this.stress) this.charts.push(new Chart(this.canvases.stress, stressChart(this.stress, palette)));
  }
}
