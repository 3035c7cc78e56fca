/**
 * The original text of a report, as numbered lines for the source page.
 * Decoded by the converter's own decode stage, so line n here is line n in
 * every figure's `line`; checked against the SHA-256 recorded in the JSON so
 * the page can never show a different file than the one the figures came from.
 * The file is read from the sources folder the published reports were
 * converted from (`npm run convert -- --sources DIR` records it).
 */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { DEFAULT_CONTENT_DIR, publishedSourcesDir, reportTextPath } from "../content-files.ts";
import { splitLines } from "../converter/input/decode.ts";
import type { SourceFile } from "../schema/report.ts";
import type { SourceLine } from "../converter/types.ts";
import { decodeSource } from "../converter/input/decode.ts";

/**
 * @param id the report's id: a PDF report's lines are those of the text layer
 *   the converter published (texts/<id>.txt), which its spans refer to.
 */
export async function readSourceLines(source: SourceFile, id: string, root = process.cwd()): Promise<SourceLine[]> {
  if (source.form === "pdf") return splitLines(await readFile(join(root, reportTextPath(DEFAULT_CONTENT_DIR, id)), "utf8"));
  const path = join(publishedSourcesDir(root), source.file);
  const where = relative(root, path) || source.file;
  const decoded = decodeSource(where, await readFile(path));
  if (decoded.sha256 !== source.sha256) {
    throw new Error(`${where}: SHA-256 ${decoded.sha256} does not match the report's recorded ${source.sha256}; re-run npm run convert`);
  }
  return decoded.lines;
}
