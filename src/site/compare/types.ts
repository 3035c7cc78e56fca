/**
 * The data the comparison view runs on, as the build writes it under
 * /compare/data/ and the browser reads it back: one index (reports, owners,
 * measures) and one column of values per concept or indicator. Rates are not
 * written: the view computes them from their operands' columns.
 *
 * Shared by the build (./data.ts) and the browser (../client/compare.ts), so
 * nothing here imports the catalog.
 */

/** c = a concept (comparable across formats), i = a printed indicator of a format, r = a rate. */
export type MeasureKind = "c" | "i" | "r";

export interface RateDefinition {
  kind: "ratio" | "per_report";
  /** Measure key of the numerator (a concept). */
  numerator: string;
  /** Measure key of the denominator (a concept); null for a rate per report. */
  denominator: string | null;
  /** 100 for a percentage; 1 per report. */
  scale: number;
  /** Decimal places, the same in table, chart and downloads. */
  digits: number;
}

export interface MeasureMeta {
  /** `<kind>.<id>`, e.g. c.requests_received, i.proactive_total, r.share_denied: unique, and what the URL carries. */
  key: string;
  kind: MeasureKind;
  id: string;
  label: string;
  nameEn: string;
  unit: string;
  /** Ids of the formats (templates) that have this figure. */
  templates: string[];
  /** A concept's caveat per format (Chinese, then English after " / "); empty for indicators and rates. */
  caveats: Record<string, string>;
  /** A rate's definition (Chinese, then English after " / "); null otherwise. */
  note: string | null;
  rate: RateDefinition | null;
}

export interface IndexOwner {
  /** The report owner: jurisdiction id, or `<jurisdiction id>/<department slug>` for a department's reports. */
  key: string;
  jurisdiction: string;
  /** 平潭综合实验区, 沭阳县发展和改革局 */
  name: string;
  /** province + prefecture + name (+ department) */
  fullName: string;
  prefecture: string | null;
  province: string | null;
  /**
   * Owner keys this owner lies within: the government of a department, the
   * prefecture of a county, the province. A summary never adds an owner to
   * one of these when both are in the view for the same year.
   */
  within: string[];
}

export interface IndexTemplate {
  id: string;
  /** 2008年全国格式, 福建省格式 */
  short: string;
  name: string;
}

/** One report: [report id, owner index, year, template index]. */
export type IndexReport = [string, number, number, number];

export interface CompareIndex {
  /** The build date (UTC calendar date) the citation names. */
  buildDate: string;
  license: { name: string; url: string };
  templates: IndexTemplate[];
  /** Sorted by key. */
  owners: IndexOwner[];
  /** Every report, by owner then year. */
  reports: IndexReport[];
  /** Concepts, then rates, then indicators in catalog order. */
  measures: MeasureMeta[];
  /** The measures of the default view, in order: the featured rates' operands, then the featured rates. */
  defaults: string[];
}

/**
 * A report's status for one figure:
 * r reported (a number) · n not reported (printed blank, —, /) · u uncertain (printed, cannot be settled) ·
 * a absent (the format has the figure, the report does not give it) · f the report's format has no such figure.
 */
export type ColumnStatus = "r" | "n" | "u" | "a" | "f";

export interface MeasureColumn {
  key: string;
  /** Aligned with CompareIndex.reports. */
  values: (number | null)[];
  /** One ColumnStatus character per report. */
  status: string;
  /** [start, end) of the figure's exact place in the source text the report's source page shows; 0 when it is not one place. */
  spans: ([number, number] | 0)[];
}
