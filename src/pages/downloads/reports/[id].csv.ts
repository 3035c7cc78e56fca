/** /downloads/reports/<id>.csv — one report, built from the reports collection by src/site/datasets/. */
import type { APIRoute, GetStaticPaths } from "astro";
import { reportIds, serveDownload } from "../../../site/datasets/collection.ts";

export const getStaticPaths: GetStaticPaths = () => reportIds();

export const GET: APIRoute = ({ params }) => serveDownload(`reports/${params.id}.csv`);
