/**
 * A chart as data: categories on one axis, one or more series of values. The
 * same spec renders the always-present accessible table (server) and the
 * Chart.js canvas (browser), so the two cannot disagree.
 *
 * Every point has a state, so a chart can tell a reported 0 (a visible mark
 * on the baseline, labelled 0) from a figure the report leaves blank (未报告,
 * a grey cross) and from a year without any report (nothing drawn). Colours
 * are fixed per year and per series position, so a year looks the same in
 * every view of the site.
 */
import { formatNumber } from "./format.ts";

/**
 * value: a number was read (0 included); not_reported: printed blank, — or /;
 * uncertain: printed but unreadable; absent: the report has no such row;
 * not_in_format: the report's statistics-table format has no such figure;
 * none: there is no report for this point at all.
 */
export type PointState = "value" | "not_reported" | "uncertain" | "absent" | "not_in_format" | "none";

/** Chart.js point styles; one per statistics-table format (see series/templates.ts). */
export type PointShape = "circle" | "rectRot" | "triangle" | "rect" | "star" | "crossRot";

export interface ChartSeries {
  name: string;
  /** null wherever the state is not "value" */
  values: (number | null)[];
  /** true where there is no report at all for this point (older specs; `states` says the same and more) */
  missing?: boolean[];
  states?: PointState[];
  /** fill and line colour; the palette by series position when absent */
  colour?: string;
  /** point shape per point (the statistics-table format the figure comes from) */
  shapes?: (PointShape | null)[];
}

export interface ChartSpec {
  kind: "bar" | "line";
  unit: string;
  categories: string[];
  series: ChartSeries[];
  /** Lay bars out horizontally (long category names, many categories). */
  horizontal?: boolean;
}

/** Bars for one period, lines when the categories are a time axis with more than one point. */
export function chartKindFor(categoriesAreYears: boolean, categoryCount: number): ChartSpec["kind"] {
  return categoriesAreYears && categoryCount > 1 ? "line" : "bar";
}

/** The state of one point, from `states` when the spec has them, else from `missing` and the value. */
export function pointState(series: ChartSeries, index: number): PointState {
  const state = series.states?.[index];
  if (state) return state;
  if (series.missing?.[index]) return "none";
  return (series.values[index] ?? null) === null ? "not_reported" : "value";
}

/** What a point says in words: the number with its unit, or why there is none. */
export function pointText(series: ChartSeries, index: number, unit: string): string {
  const state = pointState(series, index);
  if (state === "value") return `${formatNumber(series.values[index] ?? null)}${unit ? ` ${unit}` : ""}`;
  return STATE_LABELS[state];
}

export const STATE_LABELS: Record<Exclude<PointState, "value">, string> = {
  not_reported: "未报告",
  uncertain: "无法确定",
  absent: "报告中没有这一项",
  not_in_format: "该格式无此项",
  none: "没有报告",
};

/** The mark drawn for a point that has no number (none and not_in_format draw nothing). */
export const STATE_SYMBOLS: Record<Exclude<PointState, "value" | "none" | "not_in_format">, string> = {
  not_reported: "×",
  uncertain: "?",
  absent: "×",
};

/**
 * Colour-blind-safe palette (Okabe–Ito, darkened so every colour has at least
 * 3:1 contrast on white, the WCAG level for graphics).
 */
export const PALETTE = ["#0b5fa5", "#c85200", "#007a5a", "#b4447f", "#7f6400", "#2f83b8", "#6b3fa0", "#4d4d4d", "#a3292d", "#3f7f2a"] as const;

/** Marks for points without a number: grey, a colour no series uses. */
export const NO_VALUE_COLOUR = "#6b7280";

/** The colour of a year, the same in every chart: no two years within ten of each other share one. */
export function yearColour(year: number): string {
  return PALETTE[((year % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** The colour of the series at this position of a stable list (the page's whole list, not the filtered one). */
export function seriesColour(position: number): string {
  return PALETTE[((position % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

/** True when some point of the spec is a number other than 0 (a chart of only zeros is said in words). */
export function hasNonZero(spec: ChartSpec): boolean {
  return spec.series.some((s) => s.values.some((v, i) => pointState(s, i) === "value" && v !== null && v !== 0));
}

/** True when some point of the spec is a number. */
export function hasNumbers(spec: ChartSpec): boolean {
  return spec.series.some((s) => s.values.some((_, i) => pointState(s, i) === "value"));
}

/** The states that occur in a spec, for the legend under a chart. */
export function statesIn(spec: ChartSpec): Set<PointState> {
  const states = new Set<PointState>();
  for (const s of spec.series) s.values.forEach((_, i) => states.add(pointState(s, i)));
  return states;
}
