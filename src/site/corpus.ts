/**
 * Pure views over the list of reports: jurisdictions, years, newest, counts.
 * Pages get the reports from reports.ts and pass them here, so these stay testable.
 */
import { compareText } from "../report/compare-text.ts";
import { ownerKey, ownerName } from "../report/owner.ts";
import type { Report } from "../schema/report.ts";

export { prefectureOf } from "../report/prefecture.ts";

export interface JurisdictionSummary {
  /** The jurisdiction's id: its division code, or x + 12 hex digits outside GB/T 2260. */
  id: string;
  code: string | null;
  name: string;
  fullName: string;
  level: Report["jurisdiction"]["level"];
  parent: Report["jurisdiction"]["parent"];
  province: Report["jurisdiction"]["province"];
  /** The jurisdiction's reports, oldest year first (government's own before departments'). */
  reports: Report[];
}

/** Stable order: year, then jurisdiction id, then report id. */
export function compareReports(a: Report, b: Report): number {
  return a.year - b.year || compareText(a.jurisdiction.id, b.jurisdiction.id) || compareText(a.id, b.id);
}

export function jurisdictionsOf(reports: readonly Report[]): JurisdictionSummary[] {
  const map = new Map<string, JurisdictionSummary>();
  for (const report of [...reports].sort(compareReports)) {
    const j = report.jurisdiction;
    const entry = map.get(j.id) ?? {
      id: j.id,
      code: j.code,
      name: j.name,
      fullName: j.fullName,
      level: j.level,
      parent: j.parent,
      province: j.province,
      reports: [],
    };
    entry.reports.push(report);
    map.set(j.id, entry);
  }
  for (const entry of map.values()) {
    entry.reports.sort((a, b) => a.year - b.year || Number(a.department !== null) - Number(b.department !== null) || compareText(a.id, b.id));
  }
  return [...map.values()].sort((a, b) => compareText(a.id, b.id));
}

export function yearsOf(reports: readonly Report[]): number[] {
  return [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
}

/** Newest first: latest year, then latest publication date, then id. */
export function newestReports(reports: readonly Report[], count: number): Report[] {
  return [...reports]
    .sort((a, b) => b.year - a.year || compareText(b.publishedOn ?? "", a.publishedOn ?? "") || compareText(a.id, b.id))
    .slice(0, count);
}

/** A report's display name: the jurisdiction, or the department for a department's report. */
export function reportOwner(report: Report): string {
  return ownerName(report);
}

/** Other reports of the same owner (jurisdiction, and department if any), by year. */
export function sameJurisdictionReports(reports: readonly Report[], report: Report): Report[] {
  const key = ownerKey(report);
  return reports.filter((r) => r.id !== report.id && ownerKey(r) === key).sort(compareReports);
}
