/**
 * Helpers for the hostile-input tests: seed text as a string, conversion of
 * edited text, and the result of a conversion as "report or error".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConversionError } from "../../src/converter/errors.ts";
import { convertSource, type ConvertOutput } from "../../src/converter/pipeline.ts";
import type { Statistic } from "../../src/schema/report.ts";
import { seedFile } from "../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../helpers/source-lines.ts";

export const FIXTURES = join("tests", "hostile", "fixtures");

/** The seed's text (UTF-8, as stored) and its file name. */
export function seedText(prefix: string): { file: string; text: string } {
  const file = seedFile(prefix);
  return { file, text: readFileSync(join(SOURCES_DIR, file), "utf8") };
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function convertText(file: string, text: string): Promise<ConvertOutput> {
  return convertSource({ file, bytes: utf8(text) });
}

/** Run a conversion that must fail with a ConversionError; anything else fails the test. */
export async function conversionError(run: () => Promise<unknown>): Promise<ConversionError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ConversionError) return error;
    throw error;
  }
  throw new Error("expected a ConversionError, but the conversion succeeded");
}

/** The seed's lines (1-based: lines[n - 1] is line n), to edit a line by its number. */
export function linesOf(text: string): string[] {
  return text.split("\n");
}

/**
 * Replace whole lines by number (1-based). A replacement holds no line break,
 * so every other line keeps its number and the assertions can name lines as
 * the original seed numbers them; "" blanks a line (a deleted row).
 */
export function editLines(text: string, edits: Record<number, string>): string {
  const lines = linesOf(text);
  for (const [n, replacement] of Object.entries(edits)) {
    const index = Number(n) - 1;
    if (lines[index] === undefined) throw new Error(`no line ${n}`);
    if (replacement.includes("\n")) throw new Error(`replacement for line ${n} must be one line`);
    lines[index] = replacement;
  }
  return lines.join("\n");
}

/**
 * Figures with their place as line and column only. A span also names its
 * file and its offsets into the decoded text, which an edit of an earlier
 * line (a shorter title) or another file name changes by construction.
 */
export function byPlace(statistics: readonly Statistic[]) {
  return statistics.map(({ span: { line, column, endLine, endColumn }, ...figure }) => ({ ...figure, span: { line, column, endLine, endColumn } }));
}
