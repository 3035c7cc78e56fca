/**
 * The downloads of this build, from the site's `reports` content collection
 * (via src/site/reports.ts, which loads and validates it once). Built once per
 * build and shared by every endpoint and the downloads page. Not pure: it
 * reads the collection and the build date (SOURCE_DATE_EPOCH or now).
 */
import { TEMPLATES } from "../../catalog/index.ts";
import { allReports } from "../reports.ts";
import { resolveBuildDate } from "./build-date.ts";
import { buildDownloads, type DownloadBundle } from "./index.ts";

let cache: Promise<DownloadBundle> | null = null;

export function downloads(): Promise<DownloadBundle> {
  cache ??= allReports().then((reports) => buildDownloads(reports, resolveBuildDate()));
  return cache;
}

/** The response for one file under /downloads/; a clear error if the path is not one of ours. */
export async function serveDownload(path: string): Promise<Response> {
  const file = (await downloads()).byPath.get(path);
  if (!file) throw new Error(`downloads: no file ${path}`);
  return new Response(streamOf(file.content().chunks), { headers: { "Content-Type": file.mediaType } });
}

/**
 * The chunks as they are, one after another: the bytes stay in buffers and are
 * never one string (content.ts), nor copied into a Blob first (for
 * reports.json of 10,000 reports that copy alone is a gigabyte).
 */
function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
}

export async function reportIds(): Promise<{ params: { id: string } }[]> {
  return (await downloads()).reports.map((report) => ({ params: { id: report.id } }));
}

export async function indicatorIds(): Promise<{ params: { id: string } }[]> {
  return (await downloads()).perIndicator.map((entry) => ({ params: { id: entry.id } }));
}

export function templateIds(): { params: { template: string } }[] {
  return TEMPLATES.map((template) => ({ params: { template: template.id } }));
}
