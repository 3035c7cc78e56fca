/** /downloads/reports-concepts.csv — built from the reports collection by src/site/datasets/. */
import type { APIRoute } from "astro";
import { serveDownload } from "../../site/datasets/collection.ts";

export const GET: APIRoute = () => serveDownload("reports-concepts.csv");
