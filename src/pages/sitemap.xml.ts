/** sitemap.xml, written by hand (no sitemap package): the pages of src/site/sitemap.ts, absolute when SITE_URL is set. */
import type { APIRoute } from "astro";
import { allReports } from "../site/reports.ts";
import { sitemapXml, sitePages } from "../site/sitemap.ts";

export const GET: APIRoute = async ({ site }) =>
  new Response(sitemapXml(site, sitePages(await allReports())), { headers: { "Content-Type": "application/xml; charset=utf-8" } });
