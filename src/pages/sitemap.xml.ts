/**
 * sitemap.xml, written by hand (no sitemap package): every HTML page of the
 * site. Paged indicator tables and values.json are left out on purpose.
 */
import type { APIRoute } from "astro";
import { allReports } from "../site/reports.ts";
import { jurisdictionsOf } from "../site/corpus.ts";
import { allIndicators } from "../catalog/index.ts";
import { paths } from "../site/paths.ts";
import { sitemapXml } from "../site/sitemap.ts";

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error("astro.config.mjs: `site` must be set for the sitemap");
  const reports = await allReports();
  const pathnames = [
    paths.home,
    paths.reports,
    paths.indicators,
    paths.jurisdictions,
    paths.search,
    paths.about,
    paths.downloads,
    ...reports.flatMap((r) => [paths.report(r.id), paths.source(r.id)]),
    ...allIndicators().map(({ indicator }) => paths.indicator(indicator.id)),
    ...jurisdictionsOf(reports).map((j) => paths.jurisdiction(j.id)),
  ];
  return new Response(sitemapXml(site, pathnames), { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
