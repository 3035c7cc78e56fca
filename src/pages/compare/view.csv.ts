/** The default comparison view as CSV: what the page's table shows without JavaScript. */
import type { APIRoute } from "astro";
import { allReports } from "../../site/reports.ts";
import { compareDataFor, viewFor } from "../../site/compare/page.ts";
import { viewCsv } from "../../site/compare/export.ts";

export const GET: APIRoute = async ({ site }) => {
  const view = viewFor(compareDataFor(await allReports()));
  return new Response(viewCsv(view, site?.href ?? null), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
