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
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, extname, sep } from "node:path";
import { ConversionError } from "../errors.ts";
import { maxBytesOf } from "../input/forms.ts";

export type SourceRead = { ok: true; bytes: Buffer; sha256: string } | { ok: false; error: ConversionError };

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

const fail = (error: ConversionError): SourceRead => ({ ok: false, error });
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
    if (!opened.isFile()) return fail(new ConversionError("not_a_regular_file", file, kindOf(opened)));
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
  } finally {
    closeSync(fd);
  }
}
