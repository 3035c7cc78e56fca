/**
 * The comparison view's index: every report (owner, year, format), the owners
 * and every measure the view offers (src/site/compare/types.ts, CompareIndex).
 */
import type { APIRoute } from "astro";
import { allReports } from "../../../site/reports.ts";
import { compareDataFor } from "../../../site/compare/page.ts";

export const GET: APIRoute = async () => {
  const { index } = compareDataFor(await allReports());
  return new Response(JSON.stringify(index), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
