/**
 * Convert a set of source files and write the site's content:
 *   <out>/reports/<id>.mdx   and   <out>/data/<id>.json
 *
 * Each file is converted in isolation: one failure never stops the others.
 * Two files that convert to the same id (same jurisdiction and year) are both
 * refused — neither is written — because choosing one would hide the other.
 * Outputs that this run no longer produces are deleted, so the content folder
 * always mirrors the sources. Files are processed in name order and nothing
 * time- or path-dependent is written, so the output is byte-identical across
 * runs and independent of the order files were given in.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Report } from "../schema/report.ts";
import { ConversionError } from "./errors.ts";
import { convertSource } from "./pipeline.ts";

export interface ConvertedFile {
  file: string;
  id: string;
  title: string;
  figures: number;
  catalogSize: number;
  checksFailed: number;
  warnings: number;
  removals: number;
}

export interface FailedFile {
  file: string;
  code: string;
  message: string;
}

export interface RunSummary {
  converted: ConvertedFile[];
  failed: FailedFile[];
  /** Output files deleted because no source produces them any more (relative to the output folder). */
  deleted: string[];
}

export interface RunOptions {
  /** Folder that receives reports/ and data/ (default: src/content). */
  outDir: string;
  /**
   * True when `files` is every source there is: then any output not produced
   * now is stale. Otherwise only outputs that came from one of `files` are.
   */
  complete: boolean;
  /** Catalog size per template id, for the summary (figures found / catalog size). */
  catalogSize: (template: string) => number;
  onProgress?: (message: string) => void;
}

interface Success {
  file: string;
  report: Report;
  mdx: string;
}

function serialize(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function failure(file: string, error: unknown): FailedFile {
  if (error instanceof ConversionError) return { file, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { file, code: "internal_error", message: `${file}: 转换程序出错 / converter error (${message})` };
}

function readSource(file: string, path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConversionError("unreadable_file", file, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}

/** The source file a previously written JSON came from; null when it cannot be read. */
function sourceOf(jsonPath: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(jsonPath, "utf8")) as { source?: { file?: unknown } };
    return typeof parsed.source?.file === "string" ? parsed.source.file : null;
  } catch {
    return null;
  }
}

function deleteStale(outDir: string, produced: Set<string>, inputs: Set<string>, complete: boolean): string[] {
  const deleted: string[] = [];
  const dataDir = join(outDir, "data");
  const reportsDir = join(outDir, "reports");
  const ids = new Set<string>();
  if (existsSync(dataDir)) for (const name of readdirSync(dataDir)) if (name.endsWith(".json")) ids.add(name.slice(0, -5));
  if (existsSync(reportsDir)) for (const name of readdirSync(reportsDir)) if (name.endsWith(".mdx")) ids.add(name.slice(0, -4));
  for (const id of [...ids].sort()) {
    if (produced.has(id)) continue;
    const json = join(dataDir, `${id}.json`);
    const source = existsSync(json) ? sourceOf(json) : null;
    if (!complete && (source === null || !inputs.has(source))) continue;
    for (const [dir, ext] of [
      [dataDir, "json"],
      [reportsDir, "mdx"],
    ] as const) {
      const path = join(dir, `${id}.${ext}`);
      if (existsSync(path)) {
        rmSync(path);
        deleted.push(`${basename(dir)}/${id}.${ext}`);
      }
    }
  }
  return deleted;
}

export function convertFiles(paths: string[], options: RunOptions): RunSummary {
  const ordered = [...new Set(paths)].sort((a, b) => basename(a).localeCompare(basename(b)) || a.localeCompare(b));
  const successes: Success[] = [];
  const failed: FailedFile[] = [];

  for (const path of ordered) {
    const file = basename(path);
    try {
      const { report, mdx } = convertSource({ file, bytes: readSource(file, path) });
      successes.push({ file, report, mdx });
      options.onProgress?.(`✓ ${file} → ${report.id}`);
    } catch (error) {
      const failed1 = failure(file, error);
      failed.push(failed1);
      options.onProgress?.(`✗ ${failed1.message}`);
    }
  }

  // Same jurisdiction and year from two files: refuse both, name both.
  const byId = new Map<string, Success[]>();
  for (const s of successes) byId.set(s.report.id, [...(byId.get(s.report.id) ?? []), s]);
  const written: Success[] = [];
  for (const [id, group] of [...byId].sort(([a], [b]) => a.localeCompare(b))) {
    if (group.length === 1) {
      written.push(group[0]!);
      continue;
    }
    const files = group.map((g) => g.file).join("、");
    for (const g of group) {
      const error = new ConversionError("duplicate_id", g.file, `${id}: ${files}`);
      failed.push({ file: g.file, code: error.code, message: error.message });
    }
  }

  mkdirSync(join(options.outDir, "reports"), { recursive: true });
  mkdirSync(join(options.outDir, "data"), { recursive: true });
  for (const { report, mdx } of written) {
    writeFileSync(join(options.outDir, "reports", `${report.id}.mdx`), mdx);
    writeFileSync(join(options.outDir, "data", `${report.id}.json`), serialize(report));
  }
  const produced = new Set(written.map((w) => w.report.id));
  const inputs = new Set(ordered.map((p) => basename(p)));
  const deleted = deleteStale(options.outDir, produced, inputs, options.complete);

  const converted = written
    .map(({ file, report }) => ({
      file,
      id: report.id,
      title: report.title,
      figures: report.statistics.filter((s) => s.value !== null).length,
      catalogSize: options.catalogSize(report.template),
      checksFailed: report.checks.filter((c) => c.status === "fail").length,
      warnings: report.diagnostics.filter((d) => d.severity === "warning").length,
      removals: report.removals.length,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
  failed.sort((a, b) => a.file.localeCompare(b.file) || a.code.localeCompare(b.code));
  return { converted, failed, deleted };
}
