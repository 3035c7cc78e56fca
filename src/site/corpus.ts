/**
 * Pure views over the list of reports: jurisdictions, years, newest, counts.
 * Pages get the reports from reports.ts and pass them here, so these stay testable.
 */
import type { Report } from "../schema/report.ts";

export interface JurisdictionSummary {
  code: string;
  name: string;
  fullName: string;
  level: Report["jurisdiction"]["level"];
  parent: Report["jurisdiction"]["parent"];
  province: Report["jurisdiction"]["province"];
  /** The jurisdiction's reports, oldest year first (government's own before departments'). */
  reports: Report[];
}

/** Stable order: year, then jurisdiction code, then id. */
export function compareReports(a: Report, b: Report): number {
  return a.year - b.year || a.jurisdiction.code.localeCompare(b.jurisdiction.code) || a.id.localeCompare(b.id);
}

export function jurisdictionsOf(reports: readonly Report[]): JurisdictionSummary[] {
  const map = new Map<string, JurisdictionSummary>();
  for (const report of [...reports].sort(compareReports)) {
    const j = report.jurisdiction;
    const entry = map.get(j.code) ?? {
      code: j.code,
      name: j.name,
      fullName: j.fullName,
      level: j.level,
      parent: j.parent,
      province: j.province,
      reports: [],
    };
    entry.reports.push(report);
    map.set(j.code, entry);
  }
  for (const entry of map.values()) {
    entry.reports.sort((a, b) => a.year - b.year || Number(a.department !== null) - Number(b.department !== null) || a.id.localeCompare(b.id));
  }
  return [...map.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function yearsOf(reports: readonly Report[]): number[] {
  return [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
}

/** The parent division used for the 地市 filter; a prefecture-level report is its own group. */
export function prefectureOf(report: Report): { code: string; name: string } {
  const j = report.jurisdiction;
  if (j.level === "county" && j.parent) return j.parent;
  return { code: j.code, name: j.name };
}

/** Newest first: latest year, then latest publication date, then id. */
export function newestReports(reports: readonly Report[], count: number): Report[] {
  return [...reports]
    .sort((a, b) => b.year - a.year || (b.publishedOn ?? "").localeCompare(a.publishedOn ?? "") || a.id.localeCompare(b.id))
    .slice(0, count);
}

/** A report's display name: the jurisdiction, plus the department when it is a department's report. */
export function reportOwner(report: Report): string {
  return report.department ? `${report.jurisdiction.name}${report.department.name}` : report.jurisdiction.name;
}

/** Other reports of the same jurisdiction (and same department, if any), by year. */
export function sameJurisdictionReports(reports: readonly Report[], report: Report): Report[] {
  return reports
    .filter(
      (r) =>
        r.id !== report.id &&
        r.jurisdiction.code === report.jurisdiction.code &&
        (r.department?.slug ?? null) === (report.department?.slug ?? null),
    )
    .sort(compareReports);
}
