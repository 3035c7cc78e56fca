/**
 * The original text of a report, as numbered lines for the source page.
 * Decoded with the encoding the converter detected and recorded in the JSON
 * (report.source.encoding), split the same way the converter numbers lines,
 * and checked against the recorded SHA-256 and line count so a page can never
 * show a different file than the one the figures were read from.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SourceFile } from "../schema/report.ts";

const SOURCES_DIR = "sources";

const DECODER_LABEL: Record<string, string> = {
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
};

export function decodeSource(bytes: Uint8Array, encoding: string, where: string): string {
  const label = DECODER_LABEL[encoding.toLowerCase()];
  if (!label) throw new Error(`${where}: unknown source encoding "${encoding}"`);
  // TextDecoder drops a leading BOM by default, as the converter does.
  return new TextDecoder(label).decode(bytes);
}

/** Lines of the decoded text; line n (1-based) is element n-1. */
export function splitSourceLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A final newline ends the last line rather than starting an empty one.
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines;
}

export async function readSourceLines(source: SourceFile, root = process.cwd()): Promise<string[]> {
  const where = join(SOURCES_DIR, source.file);
  const bytes = await readFile(join(root, where));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== source.sha256) {
    throw new Error(`${where}: SHA-256 ${sha256} does not match the report's recorded ${source.sha256}; re-run the converter`);
  }
  return splitSourceLines(decodeSource(bytes, source.encoding, where));
}
