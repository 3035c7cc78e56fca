/**
 * The cells of the table every chart stands on: the number, or in words why
 * there is none — 未报告 (printed blank, or no such row), 无法确定 (printed but
 * unreadable), 无此项 (the report's format has no such figure), — (no report) —
 * and, when the points take a format's shape, that format.
 */
import { pointState, type ChartSeries, type PointState } from "../chart-spec.ts";
import { formatNumber, NOT_REPORTED } from "../format.ts";
import type { TemplateMark } from "./templates.ts";

export interface ChartTableCell {
  text: string;
  /** words for screen readers after the text, e.g. （没有报告） */
  note: string | null;
  /** the format of the point, when the series marks it */
  template: TemplateMark | null;
  muted: boolean;
}

const TEXTS: Record<Exclude<PointState, "value">, { text: string; note: string | null }> = {
  not_reported: { text: NOT_REPORTED, note: null },
  uncertain: { text: "无法确定", note: null },
  absent: { text: NOT_REPORTED, note: "（报告中没有这一项）" },
  not_in_format: { text: "无此项", note: "（该格式没有这一数字）" },
  none: { text: "—", note: "（没有报告）" },
};

export function chartTableCell(series: ChartSeries, index: number, templates: readonly TemplateMark[]): ChartTableCell {
  const state = pointState(series, index);
  const shape = series.shapes?.[index] ?? null;
  const template = shape === null ? null : (templates.find((t) => t.shape === shape) ?? null);
  if (state === "value") return { text: formatNumber(series.values[index] ?? null), note: null, template, muted: false };
  const { text, note } = TEXTS[state];
  return { text, note, template: state === "none" || state === "not_in_format" ? null : template, muted: true };
}

/** The notes under the table for the words it uses: only those that occur. */
export function chartTableNotes(series: readonly ChartSeries[]): string[] {
  const states = new Set(series.flatMap((s) => s.values.map((_, i) => pointState(s, i))));
  const notes: string[] = [];
  if (states.has("none")) notes.push("「—」：这一年度没有该地区的报告");
  if (states.has("not_reported") || states.has("absent")) notes.push("「未报告」：有报告，但没有给出这个数字");
  if (states.has("uncertain")) notes.push("「无法确定」：报告印了内容，但读不出是哪个数字");
  if (states.has("not_in_format")) notes.push("「无此项」：这一年报告所用的统计表格式没有这个数字");
  return notes;
}
