/**
 * Publishing a generation of the content folder: all of it or nothing.
 *
 * A run writes every new file into the staging folder first (flushed to the
 * disk, see durable-write.ts); nothing published is touched while it does.
 * Only when every staged file is written does it commit:
 *
 * 1. it checks that it may create files in each target folder;
 * 2. it writes the journal (.cache/commit.json): the list of renames
 *    (staged file → published path) and removals (stale outputs, last);
 * 3. it carries them out, moving each file it replaces or removes into
 *    .cache/previous/ first; should a step fail, every step done is undone in
 *    reverse, so the previous generation is back as it was, and the failure is
 *    returned (file and reason);
 * 4. it removes the journal, then previous/ and the staging folder.
 *
 * Renames within one file system need no space, so a full disk stops a run
 * before step 2, never in the middle of step 3. A run that is killed before
 * the journal exists leaves the previous generation; one killed after it is
 * completed by the next run before that run does anything else
 * (recoverInterruptedCommit): either way one generation, never a mixture of
 * two, once a run has started.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { ContentFiles } from "../../content-files.ts";
import type { ConversionError } from "../errors.ts";
import { replaceDurably, syncFolder, writeFailure } from "./durable-write.ts";

/** Paths relative to the content folder. */
export type CommitStep = { put: string; to: string } | { remove: string };

interface Journal {
  steps: CommitStep[];
}

export type CommitResult = { ok: true } | { ok: false; error: ConversionError };

const targetOf = (step: CommitStep): string => ("put" in step ? step.to : step.remove);

/** Create and remove a file in `folder`: the one sure test that a rename into it can work (access() says yes to root on a read-only mount). */
function probeFolder(folder: string): void {
  const probe = join(folder, ".write-probe");
  writeFileSync(probe, "");
  rmSync(probe);
}

/** Remove a run's staging and backup folders (never while a journal names their files). */
export function clearWorkFolders(files: ContentFiles): void {
  rmSync(files.previous, { recursive: true, force: true });
  rmSync(files.staging, { recursive: true, force: true });
}

/** Remove folders under data/versions/ that the commit left empty. */
function removeEmptyVersionFolders(files: ContentFiles): void {
  if (!existsSync(files.versionsDir)) return;
  for (const id of readdirSync(files.versionsDir)) {
    const folder = join(files.versionsDir, id);
    try {
      if (readdirSync(folder).length === 0) rmdirSync(folder);
    } catch {
      // not a folder, or not ours to remove
    }
  }
  try {
    if (readdirSync(files.versionsDir).length === 0) rmdirSync(files.versionsDir);
  } catch {
    // still in use
  }
}

/** Publish the steps, or change nothing and say why. */
export function commitGeneration(files: ContentFiles, steps: CommitStep[]): CommitResult {
  const at = (path: string) => join(files.dir, path);
  let current = files.journal;
  try {
    const folders = [...new Set(steps.filter((s) => "put" in s).map((s) => dirname(at(targetOf(s)))))].sort();
    for (const folder of folders) {
      current = folder;
      mkdirSync(folder, { recursive: true });
      probeFolder(folder);
    }
    current = files.journal;
    mkdirSync(files.previous, { recursive: true });
    replaceDurably(files.journal, `${JSON.stringify({ steps } satisfies Journal)}\n`);
    syncFolder(files.cacheDir);
  } catch (error) {
    rmSync(files.journal, { force: true });
    clearWorkFolders(files);
    return { ok: false, error: writeFailure(error, relative(files.dir, current) || current) };
  }

  const done: { step: CommitStep; backup: string | null; moved: boolean }[] = [];
  try {
    steps.forEach((step, index) => {
      const target = at(targetOf(step));
      current = target;
      const record = { step, backup: null as string | null, moved: false };
      done.push(record);
      if (existsSync(target)) {
        const backup = join(files.previous, String(index));
        renameSync(target, backup);
        record.backup = backup;
      }
      if ("put" in step) {
        renameSync(at(step.put), target);
        record.moved = true;
      }
    });
  } catch (error) {
    const failure = writeFailure(error, relative(files.dir, current));
    let undone = true;
    for (const { step, backup, moved } of done.reverse()) {
      const target = at(targetOf(step));
      try {
        if (moved && "put" in step) renameSync(target, at(step.put));
        if (backup) renameSync(backup, target);
      } catch {
        undone = false; // the journal stays, and the next run completes this generation instead
      }
    }
    if (undone) {
      rmSync(files.journal, { force: true });
      clearWorkFolders(files);
    }
    return { ok: false, error: failure };
  }

  for (const folder of new Set(steps.map((s) => dirname(at(targetOf(s)))))) syncFolder(folder);
  rmSync(files.journal, { force: true });
  syncFolder(files.cacheDir);
  clearWorkFolders(files);
  removeEmptyVersionFolders(files);
  return { ok: true };
}

/**
 * Complete a commit that an earlier run began and did not finish (its journal
 * is still there): every rename not yet done is done, every removal made.
 * Returns false when there was nothing to complete. Throws when it cannot.
 */
export function recoverInterruptedCommit(files: ContentFiles): boolean {
  if (!existsSync(files.journal)) return false;
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(files.journal, "utf8")) as Journal;
    if (!Array.isArray(journal.steps)) throw new Error("no steps");
  } catch {
    // A journal that is not whole was never complete: its commit had not begun.
    rmSync(files.journal, { force: true });
    clearWorkFolders(files);
    return false;
  }
  const at = (path: string) => join(files.dir, path);
  for (const step of journal.steps) {
    if ("put" in step) {
      if (existsSync(at(step.put))) {
        mkdirSync(dirname(at(step.to)), { recursive: true });
        renameSync(at(step.put), at(step.to));
      }
    } else {
      rmSync(at(step.remove), { force: true });
    }
  }
  rmSync(files.journal, { force: true });
  clearWorkFolders(files);
  removeEmptyVersionFolders(files);
  return true;
}

/** Every published output under the content folder, relative to it: data/*.json, reports/*.mdx, data/versions/<id>/*.json. */
export function publishedOutputs(files: ContentFiles): string[] {
  const list = (folder: string, ext: string): string[] => {
    try {
      return readdirSync(folder, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(ext))
        .map((e) => relative(files.dir, join(folder, e.name)));
    } catch {
      return [];
    }
  };
  const versions = existsSync(files.versionsDir)
    ? readdirSync(files.versionsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .flatMap((e) => list(join(files.versionsDir, e.name), ".json"))
    : [];
  return [...list(files.dataDir, ".json"), ...list(files.reportsDir, ".mdx"), ...list(files.textsDir, ".txt"), ...versions].sort();
}
