/**
 * Browser side of the charts: draw a ChartSpec on a canvas with Chart.js.
 * Only the pieces we use are registered, so the bundle stays small; Astro
 * bundles this only into pages that contain a chart.
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
} from "chart.js";
import type { ChartSpec } from "../chart-spec.ts";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Colour-blind-safe palette (Okabe–Ito, darkened for contrast on white). */
const PALETTE = ["#0b5fa5", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#6b3fa0", "#444444"];

const FONT = '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

const charts = new WeakMap<HTMLCanvasElement, Chart>();

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  charts.get(canvas)?.destroy();
  Chart.defaults.font.family = FONT;
  Chart.defaults.color = "#3b4350";
  const numberFormat = new Intl.NumberFormat("zh-CN");
  const horizontal = spec.horizontal === true && spec.kind === "bar";
  const chart = new Chart(canvas, {
    type: spec.kind,
    data: {
      labels: spec.categories,
      datasets: spec.series.map((series, index) => {
        const colour = PALETTE[index % PALETTE.length] as string;
        return {
          label: series.name,
          data: series.values,
          backgroundColor: colour,
          borderColor: colour,
          borderWidth: spec.kind === "line" ? 2 : 0,
          pointRadius: spec.kind === "line" ? 3 : 0,
          spanGaps: false,
          maxBarThickness: 42,
        };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? "y" : "x",
      plugins: {
        legend: { display: spec.series.length > 1, position: "bottom", labels: { boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const missing = spec.series[item.datasetIndex]?.missing?.[item.dataIndex] === true;
              const text = missing ? "没有报告" : item.raw === null ? "未报告" : `${numberFormat.format(Number(item.raw))} ${spec.unit}`;
              return `${item.dataset.label ?? ""}：${text}`;
            },
          },
        },
      },
      scales: {
        [horizontal ? "x" : "y"]: {
          beginAtZero: true,
          ticks: { callback: (value: string | number) => numberFormat.format(Number(value)) },
          title: { display: true, text: spec.unit },
        },
        [horizontal ? "y" : "x"]: { ticks: { autoSkip: !horizontal } },
      },
    },
  });
  charts.set(canvas, chart);
  return chart;
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
