/**
 * One indicator across every report that uses its template: the rows of the
 * indicator page's table, year-over-year change, per-year summaries, who did
 * not report it, and where a consistency check concerning it failed.
 */
import type { Template } from "../catalog/index.ts";
import type { Check, Report } from "../schema/report.ts";
import { compareReports, prefectureOf, reportOwner } from "./corpus.ts";
import { failedChecksByIndicator, figureOf, type Figure } from "./figures.ts";

export interface SeriesRow {
  reportId: string;
  code: string;
  owner: string;
  prefecture: string;
  year: number;
  figure: Figure;
  value: number | null;
  /** value of the same owner's previous-year report, when there is one */
  previous: number | null;
  failedChecks: Check[];
}

export interface YearSummary {
  year: number;
  reports: number;
  withValue: number;
  total: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

function ownerKey(report: Report): string {
  return `${report.jurisdiction.id}/${report.department?.slug ?? ""}`;
}

/** Rows of every report whose template has the indicator (2019 and 2021 share most ids). */
export function seriesRows(reports: readonly Report[], templates: readonly Template[], indicator: string): SeriesRow[] {
  const ids = new Set(templates.map((t) => t.id));
  const relevant = reports.filter((r) => ids.has(r.template)).sort(compareReports);
  const byOwnerYear = new Map(relevant.map((r) => [`${ownerKey(r)}@${r.year}`, r]));
  return relevant.map((report) => {
    const figure = figureOf(report, indicator);
    const prior = byOwnerYear.get(`${ownerKey(report)}@${report.year - 1}`);
    const priorFigure = prior ? figureOf(prior, indicator) : null;
    return {
      reportId: report.id,
      code: report.jurisdiction.id,
      owner: reportOwner(report),
      prefecture: prefectureOf(report.jurisdiction)?.name ?? "",
      year: report.year,
      figure,
      value: figure.kind === "absent" ? null : figure.value,
      previous: !priorFigure || priorFigure.kind === "absent" ? null : priorFigure.value,
      failedChecks: failedChecksByIndicator(report).get(indicator) ?? [],
    };
  });
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function yearSummaries(rows: readonly SeriesRow[]): YearSummary[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const inYear = rows.filter((r) => r.year === year);
    const values = inYear.flatMap((r) => (r.value === null ? [] : [r.value])).sort((a, b) => a - b);
    return {
      year,
      reports: inYear.length,
      withValue: values.length,
      total: values.length ? values.reduce((a, b) => a + b, 0) : null,
      median: median(values),
      min: values[0] ?? null,
      max: values.at(-1) ?? null,
    };
  });
}

/** Compact rows for the client-side filter (JSON island or values.json). */
export interface CompactRow {
  /** report id */ r: string;
  /** jurisdiction code */ j: string;
  /** owner name */ n: string;
  /** prefecture */ p: string;
  y: number;
  /** value, null when not reported */ v: number | null;
  /** origin: "t" table, "x" prose, "d" derived, "" absent */ o: "t" | "x" | "d" | "";
  /** source line, 0 when absent */ l: number;
  /** previous-year value */ pv: number | null;
  /** a check concerning this figure failed */ f: 0 | 1;
  /** "value" = a number, "null" = printed without a readable number, "absent" = not in the report */ s: "value" | "null" | "absent";
}

export function compactRows(rows: readonly SeriesRow[]): CompactRow[] {
  return rows.map((row) => ({
    r: row.reportId,
    j: row.code,
    n: row.owner,
    p: row.prefecture,
    y: row.year,
    v: row.value,
    o: row.figure.kind === "statistic" ? (row.figure.statistic.origin === "table" ? "t" : "x") : row.figure.kind === "derived" ? "d" : "",
    l: row.figure.kind === "statistic" ? row.figure.statistic.line : 0,
    pv: row.previous,
    f: row.failedChecks.length ? 1 : 0,
    s: row.figure.kind === "absent" ? "absent" : row.figure.value === null ? "null" : "value",
  }));
}
