/** Helpers for the publishing tests: a sources folder with real seeds, a run, and the published files as bytes. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertSources, type RunOptions, type RunSummary } from "../../../../src/converter/publish/run.ts";

export const SOURCES = "sources";
export const SEED_003 = "003_2853f03aefee650d.txt";
export const SEED_004 = "004_dda260feeadc045e.txt";

export interface Workspace {
  root: string;
  src: string;
  out: string;
}

/** A fresh folder with sources/ (holding the given seeds) and content/ beside it. */
export function workspace(seeds: string[] = [], root = mkdtempSync(join(tmpdir(), "convert-publish-"))): Workspace {
  const src = join(root, "sources");
  mkdirSync(src, { recursive: true });
  for (const seed of seeds) copyFileSync(join(SOURCES, seed), join(src, seed));
  return { root, src, out: join(root, "content") };
}

export function run(ws: Workspace, extra: Partial<RunOptions> = {}): Promise<RunSummary> {
  return convertSources({ sourcesDir: ws.src, outDir: ws.out, ...extra });
}

/** Every published file (data, reports, versions), relative path → bytes. */
export function published(out: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name), "utf8"));
    }
  };
  walk(join(out, "data"), "data/");
  walk(join(out, "reports"), "reports/");
  return files;
}
