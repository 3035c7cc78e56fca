/**
 * One indicator across every report whose format has it: the rows of the
 * indicator page's table, year-over-year change, per-year summaries within one
 * level of government, who did not report it, and where a consistency check
 * concerning it failed. An id two formats share (most of 2019 and 2021) is one
 * series, each row naming its format.
 */
import type { Template } from "../catalog/index.ts";
import { compareText } from "../report/compare-text.ts";
import { ownerKey } from "../report/owner.ts";
import type { Check, JurisdictionLevel, Report } from "../schema/report.ts";
import { compareReports, prefectureOf, reportOwner } from "./corpus.ts";
import { failedChecksByIndicator, figureOf, type Figure } from "./figures.ts";
import { yearSummaries, type YearSummary } from "./series/summaries.ts";

export type { YearSummary } from "./series/summaries.ts";

export interface SeriesRow {
  reportId: string;
  /** the jurisdiction's id (division code, or x + 12 hex digits outside GB/T 2260) */
  code: string;
  jurisdictionName: string;
  owner: string;
  ownerKey: string;
  level: JurisdictionLevel;
  department: boolean;
  /** the department's own name (发展和改革局) for a department's report */
  departmentName: string | null;
  prefecture: string;
  year: number;
  template: string;
  figure: Figure;
  value: number | null;
  /** value of the same owner's previous-year report, when there is one */
  previous: number | null;
  failedChecks: Check[];
}

/** Rows of every report whose template has the indicator, oldest year first. */
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
      jurisdictionName: report.jurisdiction.name,
      owner: reportOwner(report),
      ownerKey: ownerKey(report),
      level: report.jurisdiction.level,
      department: report.department !== null,
      departmentName: report.department?.name ?? null,
      prefecture: prefectureOf(report.jurisdiction)?.name ?? "",
      year: report.year,
      template: report.template,
      figure,
      value: figure.kind === "absent" ? null : figure.value,
      previous: !priorFigure || priorFigure.kind === "absent" ? null : priorFigure.value,
      failedChecks: failedChecksByIndicator(report).get(indicator) ?? [],
    };
  });
}

/** Per year and level of government (departments apart): never a city added to its own districts. */
export function indicatorSummaries(rows: readonly SeriesRow[]): YearSummary[] {
  return yearSummaries(rows.map((r) => ({ year: r.year, level: r.level, department: r.department, value: r.value })));
}

/**
 * The jurisdictions a view can choose, in id order: its name, and the
 * departments whose reports it also selects (平潭综合实验区（含地方税务局）;
 * 沭阳县（发展和改革局） when only a department's report is in the corpus).
 */
export function jurisdictionChoices(rows: readonly SeriesRow[]): { id: string; label: string }[] {
  const byId = new Map<string, { name: string; own: boolean; departments: Set<string> }>();
  for (const row of rows) {
    const entry = byId.get(row.code) ?? { name: row.jurisdictionName, own: false, departments: new Set<string>() };
    if (row.departmentName === null) entry.own = true;
    else entry.departments.add(row.departmentName);
    byId.set(row.code, entry);
  }
  return [...byId.entries()]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([id, { name, own, departments }]) => {
      const list = [...departments].sort(compareText).join("、");
      return { id, label: departments.size === 0 ? name : own ? `${name}（含${list}）` : `${name}（${list}）` };
    });
}

export type RowStatus = "value" | "not_reported" | "uncertain" | "absent";

/** Compact rows for the client-side view (JSON island or values.json). */
export interface CompactRow {
  /** report id */ r: string;
  /** jurisdiction id */ j: string;
  /** owner name (the department's for a department's report) */ n: string;
  /** prefecture */ p: string;
  y: number;
  /** template id */ t: string;
  /** level of government: province, prefecture, county */ lv: JurisdictionLevel;
  /** a department's report */ d: 0 | 1;
  /** value, null unless s is "value" */ v: number | null;
  /** origin: "t" table, "x" prose, "d" derived, "" absent */ o: "t" | "x" | "d" | "";
  /** source line, 0 when absent or derived */ l: number;
  /** previous-year value */ pv: number | null;
  /** a check concerning this figure failed */ f: 0 | 1;
  s: RowStatus;
}

export function rowStatus(figure: Figure): RowStatus {
  if (figure.kind === "absent") return "absent";
  if (figure.status === "reported") return "value";
  return figure.status;
}

export function compactRows(rows: readonly SeriesRow[]): CompactRow[] {
  return rows.map((row) => {
    const statistic = row.figure.kind === "statistic" ? row.figure.statistic : null;
    return {
      r: row.reportId,
      j: row.code,
      n: row.owner,
      p: row.prefecture,
      y: row.year,
      t: row.template,
      lv: row.level,
      d: row.department ? 1 : 0,
      v: row.value,
      o: statistic ? (statistic.origin === "table" ? "t" : "x") : row.figure.kind === "derived" ? "d" : "",
      l: statistic ? statistic.line : 0,
      pv: row.previous,
      f: row.failedChecks.length ? 1 : 0,
      s: rowStatus(row.figure),
    };
  });
}
