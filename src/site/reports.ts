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

export async function allReports(): Promise<Report[]> {
  return (await reportEntries()).map((e) => e.report);
}
