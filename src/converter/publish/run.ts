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
 *
 * Speed at national scale:
 * - with a cache (see cache.ts) an unchanged source is not converted again;
 *   its recorded id still takes part in the duplicate check;
 * - convertFilesParallel spreads conversions over worker threads. Every file
 *   is converted by the same function into a staging folder named by its
 *   position in the sorted list; outputs are moved into place only once the
 *   whole run has decided which ids are duplicates, so the result cannot
 *   depend on the number of workers or the order they finish in.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  converterFingerprint,
  loadManifest,
  reusableEntry,
  saveManifest,
  stampOf,
  type FileOutcome,
  type FileStamp,
  type Manifest,
  type ManifestEntry,
} from "./cache.ts";
import { convertFileToStaging, stagedPaths, type FileResult, type FileTask } from "./convert-file.ts";
import { ConversionError } from "../errors.ts";

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
  /** Sources taken from the cache without converting them again (file names, sorted). */
  unchanged: string[];
  /** Worker threads used (0: everything ran in the calling thread). */
  workers: number;
}

/**
 * off: no manifest is read or written (the default for library callers and tests);
 * reuse: skip unchanged sources and update the manifest;
 * refresh: convert everything, then write a new manifest (`--no-cache`).
 */
export type CacheMode = "off" | "reuse" | "refresh";

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
  cache?: CacheMode;
  /** Worker threads for convertFilesParallel (default: available cores). */
  jobs?: number;
}

interface Plan {
  ordered: string[];
  /** Source stamps taken before reading, recorded in the manifest. */
  stamps: (FileStamp | null)[];
  manifest: Manifest | null;
  /** Index → cached entry reused as is. */
  reused: Map<number, ManifestEntry>;
  tasks: FileTask[];
  stagingDir: string;
}

/** Below this many files per worker, starting a worker costs more than it saves. */
const MIN_FILES_PER_WORKER = 16;
/** Files per message to a worker: few enough to balance the load, enough to keep messaging cheap. */
const BATCH_SIZE = 8;

function manifestKey(path: string): string {
  return resolve(path);
}

function planRun(paths: string[], options: RunOptions): Plan {
  const ordered = [...new Set(paths)].sort((a, b) => basename(a).localeCompare(basename(b)) || a.localeCompare(b));
  const mode = options.cache ?? "off";
  const manifest = mode === "off" ? null : loadManifest(options.outDir, converterFingerprint());
  const stamps = ordered.map(stampOf);
  const reused = new Map<number, ManifestEntry>();
  const tasks: FileTask[] = [];
  ordered.forEach((path, index) => {
    const entry = mode === "reuse" ? reusableEntry(manifest!.entries[manifestKey(path)], path, options.outDir) : null;
    if (entry) reused.set(index, entry);
    else tasks.push({ index, path });
  });
  const stagingDir = join(options.outDir, ".cache", "staging");
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  return { ordered, stamps, manifest, reused, tasks, stagingDir };
}

function progressLine(outcome: FileOutcome): string {
  return outcome.ok ? `✓ ${outcome.file} → ${outcome.id}` : `✗ ${outcome.message}`;
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

function outputPaths(outDir: string, id: string): { json: string; mdx: string } {
  return { json: join(outDir, "data", `${id}.json`), mdx: join(outDir, "reports", `${id}.mdx`) };
}

/** Decide duplicates, move fresh outputs into place, delete stale ones, update the manifest. */
function finishRun(plan: Plan, results: FileResult[], options: RunOptions, workers = 0): RunSummary {
  const fresh = new Map(results.map((r) => [r.index, r]));
  const outcomes: FileOutcome[] = plan.ordered.map((_, index) => plan.reused.get(index)?.outcome ?? fresh.get(index)!.outcome);

  // Same jurisdiction and year from two files: refuse both, name both.
  const byId = new Map<string, number[]>();
  outcomes.forEach((o, index) => {
    if (o.ok) byId.set(o.id, [...(byId.get(o.id) ?? []), index]);
  });
  const failed: FailedFile[] = outcomes.flatMap((o) => (o.ok ? [] : [{ file: o.file, code: o.code, message: o.message }]));
  const produced = new Set<string>();
  mkdirSync(join(options.outDir, "reports"), { recursive: true });
  mkdirSync(join(options.outDir, "data"), { recursive: true });
  for (const [id, indexes] of [...byId].sort(([a], [b]) => a.localeCompare(b))) {
    if (indexes.length === 1) {
      produced.add(id);
      const index = indexes[0]!;
      if (fresh.has(index)) {
        const staged = stagedPaths(plan.stagingDir, index);
        const target = outputPaths(options.outDir, id);
        renameSync(staged.mdx, target.mdx);
        renameSync(staged.json, target.json);
      }
      continue;
    }
    const files = indexes.map((i) => outcomes[i]!.file).join("、");
    for (const index of indexes) {
      const file = outcomes[index]!.file;
      const error = new ConversionError("duplicate_id", file, `${id}: ${files}`);
      failed.push({ file, code: error.code, message: error.message });
    }
  }
  const inputs = new Set(plan.ordered.map((p) => basename(p)));
  const deleted = deleteStale(options.outDir, produced, inputs, options.complete);
  rmSync(plan.stagingDir, { recursive: true, force: true });

  if (plan.manifest) updateManifest(plan, outcomes, fresh, produced, options);

  const converted = outcomes
    .flatMap((o) =>
      o.ok
        ? produced.has(o.id)
          ? [
              {
                file: o.file,
                id: o.id,
                title: o.title,
                figures: o.figures,
                catalogSize: options.catalogSize(o.template),
                checksFailed: o.checksFailed,
                warnings: o.warnings,
                removals: o.removals,
              },
            ]
          : []
        : [],
    )
    .sort((a, b) => a.file.localeCompare(b.file));
  failed.sort((a, b) => a.file.localeCompare(b.file) || a.code.localeCompare(b.code));
  const unchanged = [...plan.reused.keys()].map((i) => basename(plan.ordered[i]!)).sort((a, b) => a.localeCompare(b));
  return { converted, failed, deleted, unchanged, workers };
}

function updateManifest(plan: Plan, outcomes: FileOutcome[], fresh: Map<number, FileResult>, produced: Set<string>, options: RunOptions): void {
  const manifest = plan.manifest!;
  const entries: Record<string, ManifestEntry> = options.complete ? {} : { ...manifest.entries };
  plan.ordered.forEach((path, index) => {
    const key = manifestKey(path);
    const outcome = outcomes[index]!;
    const previous = plan.reused.get(index);
    const result = fresh.get(index);
    const stamp = plan.stamps[index];
    const sha256 = previous?.sha256 ?? result?.sha256 ?? null;
    if (!stamp || !sha256) {
      delete entries[key];
      return;
    }
    let outputs: ManifestEntry["outputs"] = null;
    if (outcome.ok && produced.has(outcome.id)) {
      const target = outputPaths(options.outDir, outcome.id);
      const json = stampOf(target.json);
      const mdx = stampOf(target.mdx);
      if (json && mdx) outputs = { json, mdx };
    }
    entries[key] = { size: stamp.size, mtimeMs: stamp.mtimeMs, sha256, outcome, outputs };
  });
  saveManifest(options.outDir, { ...manifest, entries });
}

function convertInThisThread(plan: Plan, options: RunOptions): FileResult[] {
  return plan.tasks.map((task) => {
    const result = convertFileToStaging(task, plan.stagingDir);
    options.onProgress?.(progressLine(result.outcome));
    return result;
  });
}

/** Convert in this thread (no workers). */
export function convertFiles(paths: string[], options: RunOptions): RunSummary {
  const plan = planRun(paths, options);
  return finishRun(plan, convertInThisThread(plan, options), options);
}

/**
 * Workers run the TypeScript sources directly, so each registers the tsx
 * loader itself before importing the worker module: Node 20 does not apply
 * the parent's `--import tsx` hooks to a worker's entry file.
 */
/** tsx's ESM register API as a file path (its CommonJS twin cannot register ESM hooks in a worker). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return join(dirname(manifest), exports["./esm/api"]!.import.default);
}

function startWorker(stagingDir: string): Worker {
  const entry = new URL("./convert-worker.ts", import.meta.url).href;
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { stagingDir }, execArgv: [] });
}

function convertInWorkers(plan: Plan, jobs: number, options: RunOptions): Promise<FileResult[]> {
  const queue: FileTask[][] = [];
  for (let i = 0; i < plan.tasks.length; i += BATCH_SIZE) queue.push(plan.tasks.slice(i, i + BATCH_SIZE));
  const results: FileResult[] = [];
  const collect = (batch: FileResult[]) => {
    for (const result of batch) {
      results.push(result);
      options.onProgress?.(progressLine(result.outcome));
    }
  };
  let running = jobs;
  return new Promise((resolvePromise) => {
    // When the last worker is gone, whatever is still queued (a dead worker's batch included) runs here.
    const finished = () => {
      if (--running > 0) return;
      for (const batch of queue.splice(0)) collect(batch.map((task) => convertFileToStaging(task, plan.stagingDir)));
      resolvePromise(results);
    };
    for (let w = 0; w < jobs; w++) {
      const worker = startWorker(plan.stagingDir);
      let current: FileTask[] | undefined;
      const feed = () => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else void worker.terminate().then(finished);
      };
      worker.on("message", (batch: FileResult[]) => {
        collect(batch);
        feed();
      });
      worker.on("error", (error) => {
        options.onProgress?.(`! worker thread failed (${error.message}); its files are converted in the main thread`);
        if (current) queue.push(current);
        current = undefined;
        finished();
      });
      feed();
    }
  });
}

/** Like convertFiles, with the conversions spread over worker threads when there are enough of them. */
export async function convertFilesParallel(paths: string[], options: RunOptions): Promise<RunSummary> {
  const plan = planRun(paths, options);
  const wanted = Math.max(1, Math.floor(options.jobs ?? availableParallelism()));
  const jobs = Math.min(wanted, Math.floor(plan.tasks.length / MIN_FILES_PER_WORKER));
  if (jobs <= 1) return finishRun(plan, convertInThisThread(plan, options), options);
  const results = await convertInWorkers(plan, jobs, options);
  return finishRun(plan, results, options, jobs);
}
