/**
 * The site's single way to get reports: from the `reports` content collection
 * (filled by the loader in src/content.config.ts, already validated there).
 * Loaded once per build and shared by every page.
 */
import { getCollection } from "astro:content";
import type { Report } from "../schema/report.ts";
import { compareReports } from "./corpus.ts";

export interface ReportEntry {
  report: Report;
  /** Body HTML rendered by render-report-body.ts, with the statistics marker. */
  html: string;
}

let cache: Promise<ReportEntry[]> | null = null;

export function reportEntries(): Promise<ReportEntry[]> {
  cache ??= getCollection("reports").then((entries) =>
    entries
      .map((entry) => ({ report: entry.data as unknown as Report, html: entry.rendered?.html ?? "" }))
      .sort((a, b) => compareReports(a.report, b.report)),
  );
  return cache;
}

let reportsCache: Promise<Report[]> | null = null;

/** The same array on every call, so per-build memoisation keyed on it works. */
export function allReports(): Promise<Report[]> {
  reportsCache ??= reportEntries().then((entries) => entries.map((e) => e.report));
  return reportsCache;
}
