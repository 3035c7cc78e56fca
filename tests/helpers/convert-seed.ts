/** Test helper: convert a seed source through the whole pipeline, once per test file. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { convertSource, type ConvertOutput } from "../../src/converter/pipeline.ts";
import { SOURCES_DIR } from "./source-lines.ts";

const cache = new Map<string, Promise<ConvertOutput>>();

export function seedFile(prefix: string): string {
  const file = readdirSync(SOURCES_DIR).find((name) => name.startsWith(`${prefix}_`));
  if (!file) throw new Error(`no source file starting with ${prefix}_`);
  return file;
}

export function convertSeed(prefix: string): Promise<ConvertOutput> {
  const hit = cache.get(prefix);
  if (hit) return hit;
  const file = seedFile(prefix);
  const output = convertSource({ file, bytes: readFileSync(join(SOURCES_DIR, file)) });
  cache.set(prefix, output);
  return output;
}

export const SEEDS = ["000", "001", "002", "003", "004"] as const;
