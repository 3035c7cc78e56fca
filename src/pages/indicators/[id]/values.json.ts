/**
 * Compact rows of one indicator for the browser-side filter when the corpus is
 * too large to embed them in the page (see ISLAND_LIMIT). Same shape as the
 * embedded island: CompactRow[] from src/site/indicator-series.ts.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { allReports } from "../../../site/reports.ts";
import { indicatorPageData, type IndicatorPageData } from "../../../site/indicator-pages.ts";

export const getStaticPaths = (async () => {
  return indicatorPageData(await allReports()).map((entry) => ({ params: { id: entry.indicator.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entry } = props as { entry: IndicatorPageData };
  return new Response(JSON.stringify(entry.compact), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
