/**
 * /downloads/sources/<file> — the original file of a report, or of another
 * form or version of it, as published: the bytes under sources/ unchanged,
 * checked against the SHA-256 its report records (a different file under that
 * name fails the build rather than being offered in its place). A saved web
 * page is published as text (src/site/paths.ts: publishedOriginalName), never
 * as a page of this site.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publishedSourcesDir } from "../../../content-files.ts";
import { allReports } from "../../../site/reports.ts";
import { originalFiles } from "../../../site/report-page/forms.ts";
import { compareText } from "../../../report/compare-text.ts";
import { publishedOriginalName } from "../../../site/paths.ts";

const TYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".txt": "text/plain",
  ".md": "text/markdown",
};

export const getStaticPaths: GetStaticPaths = async () => {
  const files = new Map<string, string>();
  for (const report of await allReports()) {
    for (const { file, sha256 } of originalFiles(report)) {
      const known = files.get(file);
      if (known && known !== sha256) throw new Error(`sources/${file}: two reports record different SHA-256 for it (${known}, ${sha256})`);
      files.set(file, sha256);
    }
  }
  const published = new Map<string, string>();
  for (const file of files.keys()) {
    const name = publishedOriginalName(file);
    const other = published.get(name);
    if (other) throw new Error(`sources/${file} and sources/${other} would both be published as /downloads/sources/${name}; rename one`);
    published.set(name, file);
  }
  return [...files.keys()].sort(compareText).map((file) => ({ params: { file: publishedOriginalName(file) }, props: { file, sha256: files.get(file)! } }));
};

export const GET: APIRoute = async ({ params, props }) => {
  const file = props.file as string;
  const bytes = await readFile(join(publishedSourcesDir(process.cwd()), file));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== props.sha256) throw new Error(`sources/${file}: SHA-256 ${sha256} does not match the recorded ${props.sha256}; re-run npm run convert`);
  const extension = /\.[^.]+$/.exec(params.file!)?.[0]?.toLowerCase() ?? "";
  return new Response(bytes, { headers: { "Content-Type": TYPES[extension] ?? "application/octet-stream" } });
};
