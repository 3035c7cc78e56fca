/**
 * Convert the sources folder and publish the site's content as one generation:
 *   <out>/data/<id>.json, <out>/reports/<id>.mdx, <out>/data/versions/<id>/<sha256>.json
 *
 * A run always sees every source in the folder, also when files are named
 * (`npm run convert -- FILE…`): the named files are converted again, every
 * other source is taken from the cache when its content is unchanged and
 * converted otherwise, because which report a file belongs to is known only
 * from its conversion. So a named file goes through the same grouping as in a
 * full run, and the content folder always mirrors the sources folder.
 *
 * - Each file is converted in isolation: one failure never stops the others.
 * - Sources with the same id are one report (group.ts): identical copies are
 *   published once, different versions are all kept and the newest published.
 *   Nothing disappears from the site because a file was added.
 * - Publishing is atomic (generation.ts): every output is staged first; if any
 *   write fails, nothing published changes and the run says which file and
 *   why. Stale outputs are removed only in the same commit, last.
 * - Output is byte-identical across runs whatever the order of files, the
 *   number of worker threads or the cache: files are taken in name order, and
 *   worker threads run the same per-file function as the calling thread.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import Tinypool from "tinypool";
import { contentFiles, reportBodyPath, reportDataPath, reportTextPath, versionDataPath, type ContentFiles, type SourcesRecord } from "../../content-files.ts";
import type { Report } from "../../schema/report.ts";
import { ConversionError } from "../errors.ts";
import { SOURCE_EXTENSIONS } from "../input/forms.ts";
import { converterFingerprint, emptyManifest, groupKey, loadManifest, reusableEntry, sameGroup, saveManifest, stampOf, type Manifest, type ManifestEntry } from "./cache.ts";
import { failureOutcome, serializeReport, stagedPaths, type FileOutcome, type FileResult, type FileTask } from "./staging.ts";
import { flushQueue, WRITE_ERROR_CODES, writeDurably, writeFailure } from "./durable-write.ts";
import { clearWorkFolders, commitGeneration, publishedOutputs, recoverInterruptedCommit, type CommitStep } from "./generation.ts";
import { composePublished, groupById, isSingleSource, publishedVersion, type SourceGroup, type SourceIdentity } from "./group.ts";
import { hashSource, type SourceStamp } from "./read-source.ts";
import { workerBundle } from "./worker-bundle.ts";
import { PUBLISH_WARNINGS } from "./warnings.ts";

export interface ConvertedFile {
  file: string;
  id: string;
  title: string;
  /** The template it was read with (its catalog size is what `figures` is out of). */
  template: string;
  figures: number;
  checksFailed: number;
  warnings: number;
  removals: number;
}

type AcrossYears = typeof import("./across-years.ts");

/** A source that belongs to a published report without being the file it publishes. */
export interface SupersededFile {
  file: string;
  id: string;
  /** copy: byte-identical to `of`; version: an earlier version of the report; alternative: another form of it (its text beside its page), whose published file is `of`. */
  as: "copy" | "version" | "alternative";
  of: string;
}

export interface FailedFile {
  file: string;
  code: string;
  message: string;
}

export interface RunNotice {
  code: string;
  message: string;
}

export interface RunSummary {
  /** One entry per published report, by file name. */
  converted: ConvertedFile[];
  superseded: SupersededFile[];
  failed: FailedFile[];
  /** Published files removed because no source produces them any more (relative to the output folder). */
  deleted: string[];
  /** Sources taken from the cache without converting them again (file names, sorted). */
  unchanged: string[];
  /** What the run itself has to say (a damaged cache, an interrupted run completed). */
  notices: RunNotice[];
  /** False when the run left the published content as it was (a write failed, or no report converted). */
  published: boolean;
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
  /** The folder of sources: every file in it of a form the converter reads (`isSourceName`) is converted. */
  sourcesDir: string;
  /** Folder that receives reports/ and data/ (the site reads src/content). */
  outDir: string;
  /** Files to convert again even when the cache has them; each must be in sourcesDir. */
  files?: string[];
  onProgress?: (message: string) => void;
  cache?: CacheMode;
  /** Worker threads (default: available cores; 1 = none). */
  jobs?: number;
}

/** Below this many files per worker, starting a worker costs more than it saves. */
const MIN_FILES_PER_WORKER = 16;
/** Files per task sent to a worker: few enough to balance the load, enough to keep messaging cheap. */
const BATCH_SIZE = 8;
/** Staged files flushed at once: enough for the disk to take several flushes in one go (Node's thread pool has four threads). */
const FLUSHES_AT_ONCE = 8;

interface Source {
  index: number;
  file: string;
  path: string;
  named: boolean;
}

/** One source's state through the run. */
interface Slot {
  source: Source;
  outcome: FileOutcome | null;
  sha256: string | null;
  reused: ManifestEntry | null;
  /** The file's stamp when this thread hashed it, and that hash (the conversion may have read other bytes since). */
  hashed: { stamp: SourceStamp; sha256: string } | null;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function failedOf(error: ConversionError): FailedFile {
  return { file: error.file, code: error.code, message: error.message };
}

function progressLine(outcome: FileOutcome): string {
  return outcome.ok ? `✓ ${outcome.file} → ${outcome.id}` : `✗ ${outcome.message}`;
}

/** Every source in the folder plus the named files; a named file outside the folder is refused. */
/** A source is a file directly inside the sources folder with the extension of a form the converter reads. */
export function isSourceName(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return !name.startsWith(".") && dot > 0 && SOURCE_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

function listSources(options: RunOptions): { sources: Source[]; refused: FailedFile[] } {
  const folder = resolve(options.sourcesDir);
  const refused: FailedFile[] = [];
  const named = new Set<string>();
  for (const path of options.files ?? []) {
    const file = basename(path);
    if (resolve(dirname(path)) !== folder || !isSourceName(file)) refused.push(failedOf(new ConversionError("not_in_sources", path, options.sourcesDir)));
    else named.add(file);
  }
  const names = new Set([...readdirSync(options.sourcesDir).filter(isSourceName), ...named]);
  const sources = [...names].sort(byName).map((file, index) => ({ index, file, path: join(options.sourcesDir, file), named: named.has(file) }));
  return { sources, refused };
}

function sourcesRecord(sourcesDir: string): SourcesRecord {
  const absolute = resolve(sourcesDir);
  const inProject = relative(process.cwd(), absolute);
  const sources = inProject !== "" && !inProject.startsWith("..") && !isAbsolute(inProject) ? inProject.split(sep).join("/") : absolute;
  return { sources: sources === "" ? "." : sources };
}

async function convertInThisThread(tasks: FileTask[], onResult: (r: FileResult) => void): Promise<FileResult[]> {
  if (tasks.length === 0) return [];
  // The converter is loaded here only when this thread converts: a run whose workers convert never loads it.
  const { convertFilesToStaging } = await import("./convert-file.ts");
  const results: FileResult[] = [];
  // In batches as the workers get them: results (and progress lines) come as each batch is written.
  for (let i = 0; i < tasks.length; i += BATCH_SIZE) results.push(...(await convertFilesToStaging(tasks.slice(i, i + BATCH_SIZE), onResult)));
  return results;
}

async function convertInPool(tasks: FileTask[], jobs: number, options: RunOptions, onResult: (r: FileResult) => void): Promise<FileResult[]> {
  // The workers load the converter compiled into one module (worker-bundle.ts), without tsx; else its sources through tsx.
  const bundle = await workerBundle();
  const pool = new Tinypool(
    bundle
      ? { filename: bundle, minThreads: jobs, maxThreads: jobs, execArgv: [] }
      : { filename: new URL("./worker-entry.mjs", import.meta.url).href, minThreads: jobs, maxThreads: jobs },
  );
  const results: FileResult[] = [];
  const leftover: FileTask[] = [];
  const batches: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += BATCH_SIZE) batches.push(tasks.slice(i, i + BATCH_SIZE));
  try {
    await Promise.all(
      batches.map((batch) =>
        pool.run(batch).then(
          (done: FileResult[]) => {
            for (const result of done) {
              onResult(result);
              results.push(result);
            }
          },
          (error: unknown) => {
            options.onProgress?.(`! worker thread failed (${error instanceof Error ? error.message : String(error)}); its files are converted in the main thread`);
            leftover.push(...batch);
          },
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
  return [...results, ...(await convertInThisThread(leftover, onResult))];
}

async function convertTasks(tasks: FileTask[], options: RunOptions, onResult: (r: FileResult) => void): Promise<{ results: FileResult[]; workers: number }> {
  const wanted = Math.max(1, Math.floor(options.jobs ?? availableParallelism()));
  const jobs = Math.min(wanted, Math.floor(tasks.length / MIN_FILES_PER_WORKER));
  if (jobs <= 1) return { results: await convertInThisThread(tasks, onResult), workers: 0 };
  return { results: await convertInPool(tasks, jobs, options, onResult), workers: jobs };
}

interface Identity extends SourceIdentity {
  slot: Slot;
}

function identities(slots: Slot[]): Identity[] {
  return slots.flatMap((slot) =>
    slot.outcome?.ok && slot.sha256 ? [{ id: slot.outcome.id, sha256: slot.sha256, publishedOn: slot.outcome.publishedOn, file: slot.source.file, form: slot.outcome.form, slot }] : [],
  );
}

function readStaged(stagingDir: string, slot: Slot): Report {
  return JSON.parse(readFileSync(stagedPaths(stagingDir, slot.source.index).json, "utf8")) as Report;
}

/** The published report of a group as this run has it: its fresh conversion (or composition), else the JSON already published. */
interface Published {
  group: SourceGroup<Identity>;
  /** sha256 of the source the group publishes. */
  sha256: string;
  report: () => Report;
}

/** Every source of a report's group: its versions and other forms, copies included. */
function membersOf(group: SourceGroup<Identity>): Slot[] {
  return [...group.versions, ...group.alternatives].flatMap((version) => version.sources.map((source) => source.slot));
}

/**
 * Whether a report can stay as it is published: every one of its sources is
 * taken from the cache, and was cached as a source of this same report (the
 * same files with the same contents; for a report of one source, as a report
 * of its own).
 */
function fromCache(group: SourceGroup<Identity>): boolean {
  const members = membersOf(group);
  const key = isSingleSource(group) ? null : groupKey(members.map((slot) => ({ file: slot.source.file, sha256: slot.sha256! })));
  return members.every((slot) => slot.reused !== null && sameGroup(slot.reused, key));
}

/**
 * Steps that publish one report's group; `keep` collects every published path
 * of the generation. A report whose source, versions or forms changed, or
 * whose previous-year report changed, is composed again (versions, forms,
 * checks across years); an unchanged one stays as it is published, its
 * versions' files with it.
 */
function publishGroup(
  acrossYears: AcrossYears,
  group: SourceGroup<Identity>,
  files: ContentFiles,
  stagingDir: string,
  keep: Set<string>,
  previous: Published | null,
): { steps: CommitStep[]; report: Report | null } {
  const rel = (path: string) => relative(files.dir, path);
  const json = rel(reportDataPath(files.dir, group.id));
  const mdx = rel(reportBodyPath(files.dir, group.id));
  const text = rel(reportTextPath(files.dir, group.id));
  keep.add(json).add(mdx);
  const current = publishedVersion(group).sources[0]!.slot;
  const hasText = current.outcome?.ok === true && current.outcome.hasText;
  if (hasText) keep.add(text);
  const earlier = group.versions.slice(0, -1).map((version) => ({ version, target: rel(versionDataPath(files.dir, group.id, version.sha256)) }));
  for (const { target } of earlier) keep.add(target);
  const previousSha = previous?.sha256 ?? null;
  const single = isSingleSource(group);
  // Sources taken from the cache are those of a report that stays as published (see the caller).
  const cached = current.reused !== null;
  if (cached && (current.reused!.previous ?? null) === previousSha) return { steps: [], report: null };
  if (single && !cached && previous === null) {
    const staged = stagedPaths(stagingDir, current.source.index);
    const steps: CommitStep[] = [{ put: rel(staged.json), to: json }, { put: rel(staged.mdx), to: mdx }];
    if (hasText) steps.push({ put: rel(staged.text), to: text });
    return { steps, report: null };
  }
  let report: Report;
  if (cached) report = publishedReport(files, group.id);
  else if (single) report = readStaged(stagingDir, current);
  else {
    const reports = new Map([...group.versions, ...group.alternatives].map((v) => [v.sha256, readStaged(stagingDir, v.sources[0]!.slot)]));
    report = composePublished(group, reports);
  }
  report = acrossYears.withAcrossYearChecks(report, previous ? previous.report() : null);
  const composed = join(stagingDir, "composed", `${group.id}.json`);
  writeDurably(composed, serializeReport(report));
  const steps: CommitStep[] = [{ put: rel(composed), to: json }];
  // A report from the cache keeps its published body and versions; everything else takes the staged ones.
  if (!cached) {
    steps.push({ put: rel(stagedPaths(stagingDir, current.source.index).mdx), to: mdx });
    if (hasText) steps.push({ put: rel(stagedPaths(stagingDir, current.source.index).text), to: text });
    for (const { version, target } of earlier) steps.push({ put: rel(stagedPaths(stagingDir, version.sources[0]!.slot.source.index).json), to: target });
  }
  return { steps, report };
}

function publishedReport(files: ContentFiles, id: string): Report {
  return JSON.parse(readFileSync(reportDataPath(files.dir, id), "utf8")) as Report;
}

/** What each group publishes, for the checks across years of the year after. */
function publishedOf(groups: readonly SourceGroup<Identity>[], files: ContentFiles, stagingDir: string): Map<string, Published> {
  return new Map(
    groups.map((group) => {
      const version = publishedVersion(group);
      const slot = version.sources[0]!.slot;
      let memo: Report | null = null;
      const report = () => (memo ??= slot.reused ? publishedReport(files, group.id) : readStaged(stagingDir, slot));
      return [group.id, { group, sha256: version.sha256, report }];
    }),
  );
}

function superseded(groups: SourceGroup<Identity>[]): SupersededFile[] {
  return groups
    .flatMap((group) => {
      const published = publishedVersion(group);
      return [...group.versions, ...group.alternatives].flatMap((version) => [
        ...(version === published ? [] : [{ file: version.file, id: group.id, as: group.versions.includes(version) ? ("version" as const) : ("alternative" as const), of: published.file }]),
        ...version.sources.slice(1).map((s) => ({ file: s.file, id: group.id, as: "copy" as const, of: version.file })),
      ]);
    })
    .sort((a, b) => byName(a.file, b.file));
}

export async function convertSources(options: RunOptions): Promise<RunSummary> {
  const files = contentFiles(options.outDir);
  const rel = (path: string) => relative(files.dir, path) || path;
  const notices: RunNotice[] = [];
  const summary = (fields: Partial<RunSummary>): RunSummary => ({
    converted: [],
    superseded: [],
    failed: [],
    deleted: [],
    unchanged: [],
    notices,
    published: false,
    workers: 0,
    ...fields,
    ...(fields.failed ? { failed: [...fields.failed].sort((a, b) => byName(a.file, b.file) || byName(a.code, b.code)) } : {}),
  });

  try {
    if (recoverInterruptedCommit(files)) {
      notices.push({ code: "interrupted_commit", message: PUBLISH_WARNINGS.codes.interrupted_commit.en });
    }
  } catch (error) {
    return summary({ failed: [failedOf(writeFailure(error, rel(files.journal)))] });
  }

  let listed: ReturnType<typeof listSources>;
  try {
    listed = listSources(options);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code ?? String(error);
    return summary({ failed: [failedOf(new ConversionError("unreadable_file", options.sourcesDir, errno))] });
  }

  const mode = options.cache ?? "off";
  let manifest: Manifest | null = null;
  if (mode !== "off") {
    const fingerprint = await converterFingerprint();
    const loaded = loadManifest(files.manifest, fingerprint);
    if (loaded.damaged) notices.push({ code: "damaged_manifest", message: `${rel(files.manifest)}: ${PUBLISH_WARNINGS.codes.damaged_manifest.en} (${loaded.damaged})` });
    manifest = mode === "reuse" ? loaded.manifest : emptyManifest(fingerprint);
  }

  // Every source is hashed in this thread: the content decides what the cache may reuse. A file whose stamp
  // is the one recorded when it was last hashed is not read again (read-source.ts says why that is safe).
  const slots: Slot[] = listed.sources.map((source) => {
    const entry = manifest?.entries[source.file];
    const read = hashSource(source.path, options.sourcesDir, entry?.source ? { stamp: entry.source, sha256: entry.sha256 } : null);
    if (!read.ok) return { source, outcome: { ok: false, file: source.file, code: read.error.code, message: read.error.message }, sha256: null, reused: null, hashed: null };
    return { source, outcome: null, sha256: read.sha256, reused: null, hashed: read.stamp ? { stamp: read.stamp, sha256: read.sha256 } : null };
  });
  const published = (id: string) => ({ json: reportDataPath(files.dir, id), mdx: reportBodyPath(files.dir, id) });
  for (const slot of slots) {
    if (slot.outcome || slot.source.named || !manifest) continue;
    slot.reused = reusableEntry(manifest.entries[slot.source.file], slot.sha256!, published);
    if (slot.reused) slot.outcome = slot.reused.outcome;
  }

  try {
    clearWorkFolders(files); // a run killed before its commit leaves only staged files
    mkdirSync(join(files.staging, "composed"), { recursive: true });
  } catch (error) {
    return summary({ failed: [...listed.refused, failedOf(writeFailure(error, rel(files.staging)))] });
  }
  const task = (slot: Slot): FileTask => ({ index: slot.source.index, path: slot.source.path, sourcesDir: options.sourcesDir, stagingDir: files.staging });
  // Staged files are flushed to the disk here, in the background, while the next files are converted;
  // a flush that fails makes its file a write failure. All are flushed before anything is committed.
  const flushes: Promise<void>[] = [];
  const flush = flushQueue(FLUSHES_AT_ONCE);
  const record = (result: FileResult) => {
    const slot = slots[result.index]!;
    slot.outcome = result.outcome;
    slot.sha256 = result.sha256;
    slot.reused = null;
    options.onProgress?.(progressLine(result.outcome));
    for (const path of result.unflushed) {
      flushes.push(
        flush(path).catch((error: unknown) => {
          if (slot.outcome?.ok === false) return;
          slot.outcome = failureOutcome(slot.source.file, writeFailure(error, slot.source.file));
          options.onProgress?.(progressLine(slot.outcome));
        }),
      );
    }
  };
  // Loaded while the sources are converted: the checks across years need the catalog, which this thread has no other use for.
  const acrossYearsModule = import("./across-years.ts");
  acrossYearsModule.catch(() => {});
  const { workers } = await convertTasks(slots.filter((s) => !s.outcome).map(task), options, record);

  // A report is taken from the cache whole or not at all: where one source of a report with several changed, was
  // added or went away (or a source cached as one of several stands alone now), the report is composed again from
  // the conversions of all of its sources, so its cached ones are converted too.
  const cachedMembers = groupById(identities(slots))
    .filter((group) => !fromCache(group))
    .flatMap(membersOf)
    .filter((slot) => slot.reused);
  await convertInThisThread(cachedMembers.map(task), record);
  await Promise.all(flushes);

  const failedFiles = (): FailedFile[] => [
    ...listed.refused,
    ...slots.flatMap((s) => (s.outcome && !s.outcome.ok ? [{ file: s.outcome.file, code: s.outcome.code, message: s.outcome.message }] : [])),
  ];
  const abandon = (extra: FailedFile[] = []) => {
    clearWorkFolders(files);
    return summary({ failed: [...failedFiles(), ...extra], workers });
  };
  if (slots.some((s) => s.outcome && !s.outcome.ok && WRITE_ERROR_CODES.has(s.outcome.code))) return abandon();

  const groups = groupById(identities(slots));
  if (groups.length === 0) return abandon();

  const acrossYears = await acrossYearsModule;
  const keep = new Set<string>();
  const steps: CommitStep[] = [];
  const composed = new Map<string, Report>();
  const publishedGroups = publishedOf(groups, files, files.staging);
  const previousOf = (group: SourceGroup<Identity>) => publishedGroups.get(acrossYears.previousReportId(group.id) ?? "") ?? null;
  try {
    for (const group of groups) {
      const { steps: more, report } = publishGroup(acrossYears, group, files, files.staging, keep, previousOf(group));
      steps.push(...more);
      if (report) composed.set(group.id, report);
    }
    const staged = join(files.staging, "published-from.json");
    writeDurably(staged, `${JSON.stringify(sourcesRecord(options.sourcesDir))}\n`);
    steps.push({ put: rel(staged), to: rel(files.sourcesRecord) });
  } catch (error) {
    return abandon([failedOf(writeFailure(error, rel(files.staging)))]);
  }
  const deleted = publishedOutputs(files).filter((path) => !keep.has(path));
  steps.push(...deleted.map((path) => ({ remove: path })));

  const committed = commitGeneration(files, steps);
  if (!committed.ok) return summary({ failed: [...failedFiles(), failedOf(committed.error)], workers });

  const failed = failedFiles();
  if (manifest) {
    const entries: Record<string, ManifestEntry> = {};
    // Every source of a report with several records all of them: the next run reuses the report only for the same set.
    const keys = new Map(groups.filter((g) => !isSingleSource(g)).map((g) => [g.id, groupKey(membersOf(g).map((slot) => ({ file: slot.source.file, sha256: slot.sha256! })))]));
    for (const slot of slots) {
      if (!slot.sha256 || !slot.outcome) continue;
      let outputs: ManifestEntry["outputs"] = null;
      if (slot.outcome.ok) {
        const paths = published(slot.outcome.id);
        const json = stampOf(paths.json);
        const mdx = stampOf(paths.mdx);
        if (json && mdx) outputs = { json, mdx };
      }
      const group = slot.outcome.ok ? publishedGroups.get(slot.outcome.id)?.group : undefined;
      entries[slot.source.file] = {
        sha256: slot.sha256,
        // The stamp stands for the bytes hashed: recorded only when those are the bytes the outcome is of.
        source: slot.hashed && slot.hashed.sha256 === slot.sha256 ? slot.hashed.stamp : null,
        outcome: slot.outcome,
        outputs,
        group: group ? (keys.get(group.id) ?? null) : null,
        previous: group ? (previousOf(group)?.sha256 ?? null) : null,
      };
    }
    try {
      saveManifest(files.manifest, { ...manifest, entries });
    } catch (error) {
      failed.push(failedOf(writeFailure(error, rel(files.manifest))));
    }
  }

  const converted = groups
    .map((group): ConvertedFile => {
      const outcome = publishedVersion(group).sources[0]!.slot.outcome as Extract<FileOutcome, { ok: true }>;
      const report = composed.get(group.id);
      const warnings = report ? report.diagnostics.filter((d) => d.severity === "warning").length : outcome.warnings;
      return {
        file: outcome.file,
        id: outcome.id,
        title: outcome.title,
        template: outcome.template,
        figures: outcome.figures,
        checksFailed: outcome.checksFailed,
        warnings,
        removals: outcome.removals,
      };
    })
    .sort((a, b) => byName(a.file, b.file));
  const unchanged = slots.filter((s) => s.reused).map((s) => s.source.file);
  return summary({ converted, superseded: superseded(groups), failed, deleted, unchanged, published: true, workers });
}
