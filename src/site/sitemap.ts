/**
 * sitemap.xml and robots.txt. A sitemap must list absolute URLs, so it can
 * only be written when the build knows the site's address (SITE_URL); without
 * it the sitemap is empty (with a comment saying why) and robots.txt names
 * none, rather than pointing crawlers at a guessed host.
 */
import { allIndicators, CONCEPTS } from "../catalog/index.ts";
import type { Report } from "../schema/report.ts";
import { jurisdictionsOf } from "./corpus.ts";
import { paths } from "./paths.ts";

/** Every HTML page of the site a crawler should know (paged indicator tables and JSON files are left out). */
export function sitePages(reports: readonly Report[]): string[] {
  return [
    paths.home,
    paths.reports,
    paths.indicators,
    paths.concepts,
    paths.compare,
    paths.jurisdictions,
    paths.search,
    paths.about,
    paths.downloads,
    ...reports.flatMap((r) => [paths.report(r.id), paths.source(r.id)]),
    ...allIndicators().map(({ indicator }) => paths.indicator(indicator.id)),
    ...CONCEPTS.map((c) => paths.concept(c.id)),
    ...jurisdictionsOf(reports).map((j) => paths.jurisdiction(j.id)),
  ];
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** sitemap.xml text for a list of site paths (sorted, deduplicated, XML-escaped). */
export function sitemapXml(site: URL | string | undefined, pathnames: readonly string[]): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
  if (site === undefined) return `${head}<!-- The site's address was not configured (SITE_URL) when this was built: a sitemap lists absolute URLs only. -->\n</urlset>\n`;
  const urls = [...new Set(pathnames)].sort().map((p) => `  <url><loc>${escape(new URL(p, site).href)}</loc></url>`);
  return `${head}${urls.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(site: URL | string | undefined): string {
  const sitemap = site === undefined ? "" : `\nSitemap: ${new URL("/sitemap.xml", site).href}\n`;
  return `User-agent: *\nAllow: /\n${sitemap}`;
}
