/** /downloads/indicators/<id>.json — one indicator, built from the reports collection by src/site/datasets/. */
import type { APIRoute, GetStaticPaths } from "astro";
import { indicatorIds, serveDownload } from "../../../site/datasets/collection.ts";

export const getStaticPaths: GetStaticPaths = () => indicatorIds();

export const GET: APIRoute = ({ params }) => serveDownload(`indicators/${params.id}.json`);
