/**
 * The site's single way to get reports. The `reports` collection
 * (src/content.config.ts) has validated every report and lists the valid ids;
 * the full report is read here from src/content/data/<id>.json, and a report's
 * body is rendered from src/content/reports/<id>.mdx only by its own page.
 * See content.config.ts for why the data is not kept in Astro's data store.
 */
import { getCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Report } from "../schema/report.ts";
import { compareReports } from "./corpus.ts";
import { renderReportBody } from "./render-report-body.ts";
import { BODY_DIR, DATA_DIR } from "./report-files.ts";

async function loadAll(root: string): Promise<Report[]> {
  const ids = (await getCollection("reports")).map((entry) => entry.id).sort();
  const reports: Report[] = [];
  for (const id of ids) {
    // Validated by the collection's loader in this build, or in an earlier one for this exact content (digest).
    reports.push(JSON.parse(await readFile(join(root, DATA_DIR, `${id}.json`), "utf8")) as Report);
  }
  return reports.sort(compareReports);
}

let cache: Promise<Report[]> | null = null;

/** Every valid report, sorted; the same array on every call, so per-build memoisation keyed on it works. */
export function allReports(root = process.cwd()): Promise<Report[]> {
  cache ??= loadAll(root);
  return cache;
}

/** The report's body as HTML (with the statistics marker), rendered from its MDX. */
export async function reportBodyHtml(id: string, root = process.cwd()): Promise<string> {
  const where = join(BODY_DIR, `${id}.mdx`);
  return renderReportBody(await readFile(join(root, where), "utf8"), where);
}
