/**
 * Everything the indicator pages need, computed once per build: one page per
 * indicator id a report can carry — every printed figure of every format, and
 * every figure the catalog derives (a group row such as 2019's （三）不予公开,
 * which reports carry as a sum) — with its definition, the concepts that use
 * it, and its series. An id two formats share is one page whose series
 * covers both.
 */
import {
  CONCEPTS,
  TEMPLATES,
  allIndicators,
  childrenOf,
  indicatorFor,
  sectionsOf,
  type Concept,
  type SectionOf,
  type DerivedIndicator,
  type Indicator,
  type Template,
} from "../catalog/index.ts";
import type { Report } from "../schema/report.ts";
import { compactRows, indicatorSummaries, seriesRows, type CompactRow, type SeriesRow, type YearSummary } from "./indicator-series.ts";

/** Rows per static page of the no-JS table; keeps each page small at 10,000 reports. */
export const PAGE_SIZE = 200;
/**
 * Up to this many rows the data for the filter is embedded in the page; above it
 * the browser fetches values.json. No larger than a page: a paged table would
 * otherwise repeat the whole island on each of its pages (quadratic in the corpus).
 */
export const ISLAND_LIMIT = PAGE_SIZE;

export interface IndicatorEntry {
  /** the template whose definition stands (the newest national one that has the id) */
  template: Template;
  indicator: Indicator;
  /** every template that has the id, oldest first */
  templates: Template[];
  /** set when no format prints the id: the catalog's sum that defines it */
  derived: DerivedIndicator | null;
}

/**
 * Every indicator id once: the printed ones in catalog order (allIndicators),
 * then the ids only derived, in template then catalog order.
 */
export function indicatorEntries(): IndicatorEntry[] {
  const printed: IndicatorEntry[] = allIndicators().map((e) => ({ ...e, derived: null }));
  const known = new Set(printed.map((e) => e.indicator.id));
  const derivedOnly = new Map<string, IndicatorEntry>();
  for (const template of TEMPLATES) {
    for (const d of template.derived) {
      if (known.has(d.id)) continue;
      const entry = derivedOnly.get(d.id);
      const indicator = indicatorFor(template, d.id)!;
      if (!entry) {
        derivedOnly.set(d.id, { template, indicator, templates: [template], derived: d });
      } else {
        entry.templates.push(template);
        if (template.scope === "national" || entry.template.scope !== "national") {
          entry.template = template;
          entry.indicator = { ...indicator, order: entry.indicator.order };
          entry.derived = d;
        }
      }
    }
  }
  return [...printed, ...derivedOnly.values()];
}

export interface IndicatorPageData extends IndicatorEntry {
  parent: Indicator | null;
  children: Indicator[];
  sectionLabel: string;
  /** concepts that take this id in some format */
  concepts: Concept[];
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
  const data = indicatorEntries().map((entry) => pageData(reports, entry));
  memo.set(reports, data);
  return data;
}

/** The children of an id in its template: printed rows and derived sums whose parent it is. */
function childrenIn(template: Template, id: string): Indicator[] {
  const derived = template.derived.filter((d) => d.parent === id).map((d) => indicatorFor(template, d.id)!);
  return [...childrenOf(template, id), ...derived];
}

function pageData(reports: readonly Report[], entry: IndicatorEntry): IndicatorPageData {
  const { template, indicator } = entry;
  const rows = seriesRows(reports, entry.templates, indicator.id);
  const section = sectionsOf(template).find((s) => s.id === indicator.section);
  return {
    ...entry,
    parent: indicator.parent ? (indicatorFor(template, indicator.parent) ?? null) : null,
    children: childrenIn(template, indicator.id),
    sectionLabel: section?.label ?? (entry.derived ? "派生指标" : indicator.section),
    concepts: CONCEPTS.filter((c) => Object.values(c.templates).some((m) => m.sumOf.includes(indicator.id))),
    rows,
    compact: compactRows(rows),
    summaries: indicatorSummaries(rows),
    gaps: rows.filter((r) => r.value === null),
    failed: rows.filter((r) => r.failedChecks.length > 0),
  };
}

export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / PAGE_SIZE));
}

export interface CatalogSection {
  section: SectionOf;
  /** printed indicators in table order, then the sums the catalog derives in this part of the table */
  members: { indicator: Indicator; derived: boolean }[];
}

/**
 * A template's indicators under its sections, for the indicator catalog. A
 * derived sum sits in the table of what it adds up (2019's 行政诉讼 totals,
 * which belong to no table of their own, under 表四).
 */
export function catalogSections(template: Template): CatalogSection[] {
  const tableOf = (d: DerivedIndicator): string | null => d.table ?? (d.sumOf[0] ? (indicatorFor(template, d.sumOf[0])?.table ?? null) : null);
  return sectionsOf(template).map((section) => {
    const printed = template.indicators.filter((i) => i.section === section.id).sort((a, b) => a.order - b.order);
    // A rows table has sections of its own; the derived sums of a later format belong to a whole table.
    const derived = template.derived.filter((d) => section.id === section.table && tableOf(d) === section.table).map((d) => indicatorFor(template, d.id)!);
    return {
      section,
      members: [...printed.map((indicator) => ({ indicator, derived: false })), ...derived.map((indicator) => ({ indicator, derived: true }))],
    };
  });
}
