/** A concept's series as CSV (src/site/series/concept-csv.ts), beside its page. */
import type { APIRoute, GetStaticPaths } from "astro";
import { CONCEPTS } from "../../../catalog/index.ts";
import { allReports } from "../../../site/reports.ts";
import { conceptSeries } from "../../../site/series/concepts.ts";
import { conceptCsv } from "../../../site/series/concept-csv.ts";

export const getStaticPaths = (() => CONCEPTS.map((c) => ({ params: { id: c.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const series = conceptSeries(await allReports(), params.id!);
  return new Response(conceptCsv(series), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
