/**
 * The words under a chart for what its marks mean: the shape of each
 * statistics-table format its points come from, how a reported 0 and a blank
 * figure are drawn, and what a dashed line stands for. Only the marks the
 * chart actually draws are explained.
 */
import { pointState, statesIn, type ChartSpec } from "../chart-spec.ts";
import type { TemplateMark } from "./templates.ts";

export interface LegendItem {
  symbol: string;
  text: string;
  /** for styling: a format's shape, or a mark for a figure's state */
  kind: "template" | "zero" | "blank" | "uncertain" | "gap";
}

export function chartLegend(spec: ChartSpec, templates: readonly TemplateMark[]): LegendItem[] {
  const items: LegendItem[] = [];
  if (spec.kind === "line") {
    const shapes = new Set(spec.series.flatMap((s) => (s.shapes ?? []).filter((x, i) => x !== null && pointState(s, i) === "value")));
    for (const mark of templates) if (shapes.has(mark.shape)) items.push({ symbol: mark.symbol, text: mark.short, kind: "template" });
  }
  const states = statesIn(spec);
  const zero = spec.series.some((s) => s.values.some((v, i) => v === 0 && pointState(s, i) === "value"));
  if (zero && spec.kind === "bar") items.push({ symbol: "▁", text: "0：基线上的粗短线，标着 0", kind: "zero" });
  if (states.has("not_reported") || states.has("absent")) items.push({ symbol: "×", text: "未报告：基线上的灰色虚线框", kind: "blank" });
  if (states.has("uncertain")) items.push({ symbol: "?", text: "无法确定：报告印了内容，但读不出数字", kind: "uncertain" });
  if (spec.kind === "line" && spec.series.some((s) => hasGap(s.values.map((_, i) => pointState(s, i) === "value")))) {
    items.push({ symbol: "┄", text: "虚线：跨过没有数字的年度", kind: "gap" });
  }
  return items;
}

/** A false between two trues: the line spans a gap there. */
function hasGap(flags: readonly boolean[]): boolean {
  const first = flags.indexOf(true);
  const last = flags.lastIndexOf(true);
  return first >= 0 && flags.slice(first, last + 1).includes(false);
}
