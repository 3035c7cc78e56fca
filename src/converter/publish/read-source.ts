/**
 * Reading one source file, safely: only a regular file is read (a named pipe
 * would block the run forever, a device such as /dev/zero never ends); a
 * symbolic link is followed only to a regular file inside the sources folder;
 * and at most the form's limit + 1 bytes are read whatever stat says (files in
 * /proc and some devices report size 0). The limit is the largest the file's
 * form may have, by its extension (a PDF carries fonts and images: 64 MiB;
 * text and web pages: 4 MiB); the adapter that reads the bytes applies its
 * own form's limit again, whatever the extension said.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync, statSync, type BigIntStats, type Stats } from "node:fs";
import { basename, extname, sep } from "node:path";
import { z } from "zod";
import { ConversionError } from "../errors.ts";
import { maxBytesOf } from "../input/forms.ts";

export type SourceRead = { ok: true; bytes: Buffer; sha256: string } | { ok: false; error: ConversionError };

/**
 * What the file system says of a file's content, as a cache can trust it:
 * any write to a file changes its ctime (which no tool sets back), and a file
 * replaced by another (a copy, a rename, an rsync) has another inode. So a
 * file with the stamp of an earlier read has the content read then. Numbers
 * that may exceed 2^53 (inodes, nanoseconds) are decimal strings.
 */
const Decimal = z.string().regex(/^\d+$/);
export const SourceStamp = z.object({ dev: Decimal, ino: Decimal, size: Decimal, mtimeNs: Decimal, ctimeNs: Decimal });
export type SourceStamp = z.infer<typeof SourceStamp>;

/** A file changed less than this before it was read may change again within its clock's tick unseen: it gets no stamp. */
const SETTLED_MS = 2000;

/** The hash of a source, and its stamp when the file had settled when it was read (else null: hashed again next time). */
export type SourceHash = { ok: true; sha256: string; stamp: SourceStamp | null } | { ok: false; error: ConversionError };

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return "named pipe";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  if (stats.isSocket()) return "socket";
  if (stats.isDirectory()) return "folder";
  return "not a file";
}

const fail = (error: ConversionError): { ok: false; error: ConversionError } => ({ ok: false, error });
const errnoOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

function inside(folder: string, path: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The most bytes a source of this name may have. */
export function readLimit(file: string): number {
  return maxBytesOf(extname(file));
}

/** Read the source at `path`, which lies in `sourcesDir`. */
export function readSource(path: string, sourcesDir: string): SourceRead {
  const opened = openSource(path, sourcesDir);
  if (!opened.ok) return opened;
  try {
    return readOpened(opened.fd, opened.file, opened.limit, opened.stats);
  } finally {
    closeSync(opened.fd);
  }
}

function stampOf(stats: BigIntStats): SourceStamp {
  return { dev: String(stats.dev), ino: String(stats.ino), size: String(stats.size), mtimeNs: String(stats.mtimeNs), ctimeNs: String(stats.ctimeNs) };
}

function sameStamp(a: SourceStamp, b: SourceStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/**
 * The sha256 of the source at `path`, with the same checks as readSource.
 * Where `known` is an earlier read's stamp and hash and the file's stamp is
 * still that one, its bytes are not read again.
 */
export function hashSource(path: string, sourcesDir: string, known: { stamp: SourceStamp; sha256: string } | null): SourceHash {
  const opened = openSource(path, sourcesDir);
  if (!opened.ok) return opened;
  try {
    const stats = fstatSync(opened.fd, { bigint: true });
    const stamp = stampOf(stats);
    if (known && sameStamp(known.stamp, stamp)) return { ok: true, sha256: known.sha256, stamp };
    const settled = Number(stats.ctimeNs / 1_000_000n) <= Date.now() - SETTLED_MS;
    const read = readOpened(opened.fd, opened.file, opened.limit, opened.stats);
    return read.ok ? { ok: true, sha256: read.sha256, stamp: settled ? stamp : null } : read;
  } catch (error) {
    return fail(new ConversionError("unreadable_file", opened.file, errnoOf(error)));
  } finally {
    closeSync(opened.fd);
  }
}

type OpenedSource = { ok: true; fd: number; file: string; limit: number; stats: Stats } | { ok: false; error: ConversionError };

/** Open the source for reading after the checks of the file's kind, place and size; the caller closes `fd`. */
function openSource(path: string, sourcesDir: string): OpenedSource {
  const file = basename(path);
  const limit = readLimit(file);
  let target = path;
  let stats: Stats;
  try {
    stats = lstatSync(path);
    if (stats.isSymbolicLink()) {
      const link = readlinkSync(path);
      const real = realpathSync(path);
      if (!inside(realpathSync(sourcesDir), real)) return fail(new ConversionError("symlink_outside_sources", file, `→ ${link}`));
      target = real;
      stats = statSync(real);
    }
  } catch (error) {
    return fail(new ConversionError("unreadable_file", file, errnoOf(error)));
  }
  if (!stats.isFile()) return fail(new ConversionError("not_a_regular_file", file, kindOf(stats)));
  if (stats.size > limit) return fail(new ConversionError("file_too_large", file, `${stats.size} bytes > ${limit}`));

  let fd: number;
  try {
    // O_NONBLOCK: should the file have been swapped for a named pipe since the check, opening it does not block.
    fd = openSync(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return fail(new ConversionError("unreadable_file", file, errnoOf(error)));
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) {
      closeSync(fd);
      return fail(new ConversionError("not_a_regular_file", file, kindOf(opened)));
    }
    return { ok: true, fd, file, limit, stats: opened };
  } catch (error) {
    closeSync(fd);
    return fail(new ConversionError("unreadable_file", file, errnoOf(error)));
  }
}

/** The bytes of an opened source, at most `limit` (+ 1 to tell it is over). */
function readOpened(fd: number, file: string, limit: number, opened: Stats): SourceRead {
  try {
    // stat's size is only a hint: read until the end of the file, and stop just past the limit.
    // (Whole pages: some kernel files refuse reads of a few bytes.)
    const hint = Math.min(Math.ceil((opened.size + 1) / 4096) * 4096, limit + 1);
    const chunks: Buffer[] = [];
    let length = 0;
    for (let chunk = Buffer.allocUnsafeSlow(hint); length <= limit; chunk = Buffer.allocUnsafeSlow(64 * 1024)) {
      let filled = 0;
      while (filled < chunk.length) {
        const n = readSync(fd, chunk, filled, chunk.length - filled, null);
        if (n === 0) break;
        filled += n;
      }
      chunks.push(filled === chunk.length ? chunk : chunk.subarray(0, filled));
      length += filled;
      if (filled < chunk.length) break;
    }
    if (length > limit) {
      return fail(new ConversionError("file_too_large", file, `more than ${limit} bytes read, although stat gave ${opened.size}`));
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
    return { ok: true, bytes, sha256: sha256(bytes) };
  } catch (error) {
    return fail(new ConversionError("unreadable_file", file, errnoOf(error)));
  }
}
