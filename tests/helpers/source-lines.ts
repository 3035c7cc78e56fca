/**
 * Test helper: a seed source as SourceLine[] (n = 1-based line number), the
 * way the converter's decode stage hands lines to later stages. Seeds are
 * plain UTF-8, so reading them directly is enough for stage tests.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceLine } from "../../src/converter/types.ts";

export const SOURCES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "sources");

/** Split text into SourceLine[]; n is index + 1. */
export function toSourceLines(text: string): SourceLine[] {
  return text.split(/\r?\n/).map((line, index) => ({ n: index + 1, text: line }));
}

/** The seed whose file name starts with `prefix` (e.g. "000"). */
export function seedLines(prefix: string): SourceLine[] {
  const file = readdirSync(SOURCES_DIR).find((name) => name.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no source file starting with ${prefix}_ in ${SOURCES_DIR}`);
  return toSourceLines(readFileSync(join(SOURCES_DIR, file), "utf8"));
}
