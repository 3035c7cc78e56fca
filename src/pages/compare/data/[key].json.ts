/**
 * One column of the comparison view: a concept's or an indicator's value and
 * status in every report, aligned with the index (src/site/compare/types.ts,
 * MeasureColumn). The browser loads only the columns a view shows.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { allReports } from "../../../site/reports.ts";
import { columnKeys } from "../../../site/compare/data.ts";
import { compareDataFor } from "../../../site/compare/page.ts";

export const getStaticPaths = (async () => {
  const { index } = compareDataFor(await allReports());
  return columnKeys(index).map((key) => ({ params: { key } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = compareDataFor(await allReports());
  return new Response(JSON.stringify(data.column(params.key!)), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
