/**
 * Everything the indicator pages need, computed once per build: for each of
 * the catalog's indicators its template, definition links and series rows.
 */
import { allIndicators, childrenOf, type Indicator, type Template, sectionsOf } from "../catalog/index.ts";
import type { Report } from "../schema/report.ts";
import { compactRows, seriesRows, yearSummaries, type CompactRow, type SeriesRow, type YearSummary } from "./indicator-series.ts";

/** Rows per static page of the no-JS table; keeps each page small at 10,000 reports. */
export const PAGE_SIZE = 200;
/**
 * Up to this many rows the data for the filter is embedded in the page; above it
 * the browser fetches values.json. No larger than a page: a paged table would
 * otherwise repeat the whole island on each of its pages (quadratic in the corpus).
 */
export const ISLAND_LIMIT = PAGE_SIZE;

export interface IndicatorPageData {
  template: Template;
  indicator: Indicator;
  parent: Indicator | null;
  children: Indicator[];
  sectionLabel: string;
  rows: SeriesRow[];
  compact: CompactRow[];
  summaries: YearSummary[];
  /** Rows without a readable figure (absent or null), for the coverage list. */
  gaps: SeriesRow[];
  /** Rows with a failed check concerning this indicator. */
  failed: SeriesRow[];
}

const memo = new WeakMap<readonly Report[], IndicatorPageData[]>();

/** Memoised per reports array: the pages and values.json endpoints share one computation. */
export function indicatorPageData(reports: readonly Report[]): IndicatorPageData[] {
  const cached = memo.get(reports);
  if (cached) return cached;
  const data = buildIndicatorPageData(reports);
  memo.set(reports, data);
  return data;
}

function buildIndicatorPageData(reports: readonly Report[]): IndicatorPageData[] {
  return allIndicators().map(({ template, indicator, templates }) => {
    const rows = seriesRows(reports, templates, indicator.id);
    return {
      template,
      indicator,
      parent: template.indicators.find((i) => i.id === indicator.parent) ?? null,
      children: childrenOf(template, indicator.id),
      sectionLabel: sectionsOf(template).find((s) => s.id === indicator.section)?.label ?? indicator.section,
      rows,
      compact: compactRows(rows),
      summaries: yearSummaries(rows),
      gaps: rows.filter((r) => r.value === null),
      failed: rows.filter((r) => r.failedChecks.length > 0),
    };
  });
}

export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / PAGE_SIZE));
}
