/**
 * Every path the converter writes and the site reads, in one place.
 *
 *   <content>/data/<id>.json                      the published report (data)
 *   <content>/reports/<id>.mdx                    its body
 *   <content>/data/versions/<id>/<sha256>.json    an earlier version of a report issued more than once
 *   <content>/texts/<id>.txt                      the text layer of a PDF report, which its figures' spans refer to
 *   <content>/.cache/convert-manifest.json        the conversion cache
 *   <content>/.cache/published-from.json          which sources folder the published generation came from
 *   <content>/.cache/staging/ …/commit.json …     a run's work in progress (see publish/generation.ts)
 *
 * Paths are relative to the project root unless a caller passes an absolute folder.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";

export const DEFAULT_CONTENT_DIR = join("src", "content");
export const DEFAULT_SOURCES_DIR = "sources";

export interface ContentFiles {
  dir: string;
  dataDir: string;
  reportsDir: string;
  /** Earlier versions of reports issued more than once: versions/<id>/<sha256>.json. */
  versionsDir: string;
  /** Text layers of PDF reports: texts/<id>.txt. */
  textsDir: string;
  cacheDir: string;
  manifest: string;
  /** Records the sources folder of the published generation, for the site's source pages. */
  sourcesRecord: string;
  /** A run's converted and composed files before they are published. */
  staging: string;
  /** The list of renames and removals of a generation being published; present only during a commit. */
  journal: string;
  /** The files a commit replaces or removes, kept until the commit is complete. */
  previous: string;
}

export function contentFiles(dir: string = DEFAULT_CONTENT_DIR): ContentFiles {
  const dataDir = join(dir, "data");
  const cacheDir = join(dir, ".cache");
  return {
    dir,
    dataDir,
    reportsDir: join(dir, "reports"),
    versionsDir: join(dataDir, "versions"),
    textsDir: join(dir, "texts"),
    cacheDir,
    manifest: join(cacheDir, "convert-manifest.json"),
    sourcesRecord: join(cacheDir, "published-from.json"),
    staging: join(cacheDir, "staging"),
    journal: join(cacheDir, "commit.json"),
    previous: join(cacheDir, "previous"),
  };
}

export function reportDataPath(dir: string, id: string): string {
  return join(dir, "data", `${id}.json`);
}

export function reportBodyPath(dir: string, id: string): string {
  return join(dir, "reports", `${id}.mdx`);
}

/** The text a PDF report's spans refer to (the file itself for text and web pages). */
export function reportTextPath(dir: string, id: string): string {
  return join(dir, "texts", `${id}.txt`);
}

export function versionDataPath(dir: string, id: string, sha256: string): string {
  return join(dir, "data", "versions", id, `${sha256}.json`);
}

/** What the sources record holds: the sources folder as given to the converter. */
export interface SourcesRecord {
  sources: string;
}

/**
 * The sources folder the published reports were converted from (so a run with
 * `--sources DIR` gets source pages from DIR), resolved against `root`; the
 * default folder when no run has recorded one.
 */
export function publishedSourcesDir(root: string, contentDir: string = DEFAULT_CONTENT_DIR): string {
  let recorded = DEFAULT_SOURCES_DIR;
  try {
    const parsed = JSON.parse(readFileSync(join(root, contentFiles(contentDir).sourcesRecord), "utf8")) as Partial<SourcesRecord>;
    if (typeof parsed.sources === "string" && parsed.sources !== "") recorded = parsed.sources;
  } catch {
    // no run has recorded a folder yet (or the record is unreadable): the default folder
  }
  return isAbsolute(recorded) ? recorded : join(root, recorded);
}
