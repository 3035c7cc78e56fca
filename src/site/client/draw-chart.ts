/**
 * Browser side of the charts: draw a ChartSpec on a canvas with Chart.js.
 * Only the pieces we use are registered, so the bundle stays small; Astro
 * bundles this only into pages that contain a chart.
 *
 * Beyond Chart.js's own drawing, a plugin marks every point in words and
 * shapes: each bar and (when there is room) each point carries its value; a
 * reported 0 is a thick stub on the baseline labelled 0; a figure the report
 * leaves blank is a grey dashed box with × (? when printed but unreadable) on
 * the baseline, labelled 未报告 where it fits; a year without a report draws
 * nothing. What it drew is written to the canvas's data-marks attribute (kind
 * and position of each mark), so tests can find the marks on the canvas.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from "chart.js";
import {
  NO_VALUE_COLOUR,
  STATE_LABELS,
  STATE_SYMBOLS,
  pointState,
  pointText,
  seriesColour,
  type ChartSpec,
  type PointState,
} from "../chart-spec.ts";
import { formatNumber } from "../format.ts";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const INK = "#1b1f24";
const LABEL_FONT = `11px ${FONT}`;
/** Line charts label their points up to this many; beyond, the tooltip and the table give the numbers. */
const MAX_LINE_LABELS = 40;
/** Height of the box marking a blank figure on the baseline. */
const BLANK_BOX = 14;
const TRANSPARENT = "rgba(0, 0, 0, 0)";
/** Thickness of the stub that draws a reported 0 on the baseline. */
const ZERO_STUB = 4;

export interface DrawnMark {
  series: number;
  index: number;
  state: PointState;
  /** "zero" for a reported 0, "value" for another number, "blank" for a figure without one */
  mark: "zero" | "value" | "blank";
  /** centre of the mark in CSS pixels of the canvas */
  x: number;
  y: number;
}

const charts = new WeakMap<HTMLCanvasElement, Chart>();

function colourOf(spec: ChartSpec, index: number): string {
  return spec.series[index]?.colour ?? seriesColour(index);
}

/** Bars of a figure without a number get a zero-height bar, so the chart lays out their place; they are never filled. */
function barData(spec: ChartSpec, seriesIndex: number): (number | null)[] {
  const series = spec.series[seriesIndex]!;
  return series.values.map((value, i) => {
    const state = pointState(series, i);
    if (state === "value") return value;
    return state === "none" || state === "not_in_format" ? null : 0;
  });
}

function marksPlugin(spec: ChartSpec, drawn: DrawnMark[]): Plugin<"bar" | "line"> {
  return {
    id: "valueMarks",
    afterDatasetsDraw(chart) {
      drawn.length = 0;
      const { ctx } = chart;
      const horizontal = spec.kind === "bar" && spec.horizontal === true;
      const valueScale = chart.scales[horizontal ? "x" : "y"]!;
      const baseline = valueScale.getPixelForValue(0);
      const pointCount = spec.series.reduce((n, s) => n + s.values.filter((_, i) => pointState(s, i) === "value").length, 0);
      ctx.save();
      ctx.font = LABEL_FONT;
      spec.series.forEach((series, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        const colour = colourOf(spec, d);
        series.values.forEach((value, i) => {
          const state = pointState(series, i);
          if (state === "none" || state === "not_in_format") return;
          const element = meta.data[i] as unknown as { x: number; y: number; base?: number; width?: number; height?: number } | undefined;
          if (!element) return;
          if (spec.kind === "bar") {
            const thickness = (horizontal ? element.height : element.width) ?? 12;
            const centre = horizontal ? element.y : element.x;
            const end = horizontal ? element.x : element.y;
            if (state === "value") {
              const text = formatNumber(value);
              if (value === 0) {
                ctx.fillStyle = colour;
                if (horizontal) ctx.fillRect(baseline, centre - thickness / 2, ZERO_STUB, thickness);
                else ctx.fillRect(centre - thickness / 2, baseline - ZERO_STUB, thickness, ZERO_STUB);
              }
              drawLabel(ctx, text, horizontal, centre, value === 0 ? (horizontal ? baseline + ZERO_STUB : baseline - ZERO_STUB) : end, thickness, INK);
              drawn.push({ series: d, index: i, state, mark: value === 0 ? "zero" : "value", x: horizontal ? baseline + ZERO_STUB / 2 : centre, y: horizontal ? centre : baseline - ZERO_STUB / 2 });
              return;
            }
            const box = Math.max(6, Math.min(thickness, 28));
            ctx.strokeStyle = NO_VALUE_COLOUR;
            ctx.fillStyle = NO_VALUE_COLOUR;
            ctx.lineWidth = 1.5;
            ctx.setLineDash([3, 2]);
            const symbol = STATE_SYMBOLS[state];
            let cx: number;
            let cy: number;
            if (horizontal) {
              ctx.strokeRect(baseline + 1, centre - box / 2, BLANK_BOX, box);
              cx = baseline + 1 + BLANK_BOX / 2;
              cy = centre;
            } else {
              ctx.strokeRect(centre - box / 2, baseline - BLANK_BOX - 1, box, BLANK_BOX);
              cx = centre;
              cy = baseline - 1 - BLANK_BOX / 2;
            }
            ctx.setLineDash([]);
            ctx.textAlign = "center";
            ctx.textBaseline = "middle";
            ctx.font = `bold 12px ${FONT}`;
            ctx.fillText(symbol, cx, cy);
            ctx.font = LABEL_FONT;
            const label = STATE_LABELS[state === "absent" ? "not_reported" : state];
            drawLabel(ctx, label, horizontal, centre, horizontal ? baseline + BLANK_BOX + 2 : baseline - BLANK_BOX - 2, thickness, NO_VALUE_COLOUR);
            drawn.push({ series: d, index: i, state, mark: "blank", x: cx, y: cy });
            return;
          }
          // Line chart.
          const x = Number.isFinite(element.x) ? element.x : chart.scales.x!.getPixelForValue(i);
          if (state === "value") {
            if (pointCount <= MAX_LINE_LABELS) {
              ctx.fillStyle = INK;
              ctx.textAlign = "center";
              ctx.textBaseline = "bottom";
              ctx.fillText(formatNumber(value), x, element.y - 7);
            }
            drawn.push({ series: d, index: i, state, mark: value === 0 ? "zero" : "value", x, y: element.y });
            return;
          }
          const y = baseline - 8;
          ctx.fillStyle = "#ffffff";
          ctx.fillRect(x - 7, y - 7, 14, 14);
          ctx.strokeStyle = NO_VALUE_COLOUR;
          ctx.lineWidth = 1.5;
          ctx.setLineDash([3, 2]);
          ctx.strokeRect(x - 7, y - 7, 14, 14);
          ctx.setLineDash([]);
          ctx.fillStyle = NO_VALUE_COLOUR;
          ctx.textAlign = "center";
          ctx.textBaseline = "middle";
          ctx.font = `bold 12px ${FONT}`;
          ctx.fillText(STATE_SYMBOLS[state], x, y);
          ctx.font = LABEL_FONT;
          drawn.push({ series: d, index: i, state, mark: "blank", x, y });
        });
      });
      ctx.restore();
      chart.canvas.dataset.marks = JSON.stringify(drawn.map((m) => ({ ...m, x: Math.round(m.x * 10) / 10, y: Math.round(m.y * 10) / 10 })));
    },
  };
}

/** A label past the end of a bar (above it, or right of it), when it fits its place. */
function drawLabel(ctx: CanvasRenderingContext2D, text: string, horizontal: boolean, centre: number, end: number, thickness: number, colour: string): void {
  const width = ctx.measureText(text).width;
  ctx.fillStyle = colour;
  if (horizontal) {
    if (thickness < 9) return;
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    ctx.fillText(text, end + 4, centre);
    return;
  }
  // Side by side bars leave a gap between groups; beyond about 1.8 bar widths a label runs into its neighbour's.
  if (width > Math.max(thickness * 1.8, 16)) return;
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  ctx.fillText(text, centre, end - 3);
}

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  charts.get(canvas)?.destroy();
  Chart.defaults.font.family = FONT;
  Chart.defaults.color = "#3b4350";
  const numberFormat = new Intl.NumberFormat("zh-CN");
  const horizontal = spec.horizontal === true && spec.kind === "bar";
  const integers = spec.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
  const drawn: DrawnMark[] = [];
  const chart = new Chart<"bar" | "line">(canvas, {
    type: spec.kind,
    data: {
      labels: spec.categories,
      datasets: spec.series.map((series, index) => {
        const colour = colourOf(spec, index);
        if (spec.kind === "bar") {
          return {
            label: series.name,
            data: barData(spec, index),
            backgroundColor: series.values.map((_, i) => (pointState(series, i) === "value" ? colour : TRANSPARENT)),
            borderColor: colour,
            borderWidth: 0,
            maxBarThickness: 42,
            minBarLength: 0,
          };
        }
        return {
          label: series.name,
          data: series.values.map((v, i) => (pointState(series, i) === "value" ? v : null)),
          backgroundColor: colour,
          borderColor: colour,
          borderWidth: 2,
          pointStyle: series.values.map((_, i) => series.shapes?.[i] ?? "circle"),
          pointRadius: series.values.map((_, i) => (pointState(series, i) === "value" ? 5 : 0)),
          pointHoverRadius: 7,
          spanGaps: true,
          // A line across a year without a figure is dashed: the trend continues, the gap shows.
          segment: { borderDash: (ctx: { p0DataIndex: number; p1DataIndex: number }) => (ctx.p1DataIndex - ctx.p0DataIndex > 1 ? [5, 4] : undefined) },
        };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? "y" : "x",
      layout: { padding: horizontal ? { right: 48 } : { top: 18 } },
      plugins: {
        legend: { display: spec.series.length > 1, position: "bottom", labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ""}：${pointText(spec.series[item.datasetIndex]!, item.dataIndex, spec.unit)}`,
          },
        },
      },
      scales: {
        [horizontal ? "x" : "y"]: {
          beginAtZero: true,
          suggestedMax: 1,
          ticks: { callback: (value: string | number) => numberFormat.format(Number(value)), ...(integers ? { precision: 0 } : {}) },
          title: { display: true, text: spec.unit },
        },
        [horizontal ? "y" : "x"]: { ticks: { autoSkip: !horizontal } },
      },
    },
    plugins: [marksPlugin(spec, drawn)],
  });
  charts.set(canvas, chart);
  return chart as unknown as Chart;
}

/** Draw every static chart on the page: <figure data-chart> with a JSON island holding its spec. */
export function drawStaticCharts(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>("figure[data-chart]")) {
    const canvas = figure.querySelector("canvas");
    const island = figure.querySelector('script[type="application/json"]');
    if (!canvas || !island?.textContent) continue;
    drawChart(canvas, JSON.parse(island.textContent) as ChartSpec);
    // The picture is up: fold the table (it stays one click away) unless the page wants it open.
    const details = figure.querySelector("details");
    if (details && !figure.hasAttribute("data-table-open")) details.open = false;
  }
}
