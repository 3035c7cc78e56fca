/**
 * A chart as data: categories on one axis, one or more series of values. The
 * same spec renders the always-present accessible table (server) and the
 * Chart.js canvas (browser), so the two cannot disagree.
 */
export interface ChartSeries {
  name: string;
  /** null = the report does not give the figure (未报告) */
  values: (number | null)[];
  /** true where there is no report at all for this point (shown as —, not 未报告) */
  missing?: boolean[];
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
