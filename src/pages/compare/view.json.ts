/** The default comparison view as JSON: rows, values with their status, summaries, title, URL, licence and build date. */
import type { APIRoute } from "astro";
import { allReports } from "../../site/reports.ts";
import { compareDataFor, viewFor } from "../../site/compare/page.ts";
import { viewJson } from "../../site/compare/export.ts";

export const GET: APIRoute = async ({ site }) => {
  const data = compareDataFor(await allReports());
  return new Response(viewJson(viewFor(data), data.index, site?.href ?? null), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
