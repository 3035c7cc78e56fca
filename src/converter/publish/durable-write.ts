/**
 * Writing files so that a failure is seen and nothing half-written is left:
 * each file is written, flushed to the disk (fsync) and closed, and removed
 * again if any of that fails. A failure becomes a ConversionError with the
 * file and the reason: disk_full, permission_denied or write_failed.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { ConversionError, type ConversionErrorCode } from "../errors.ts";

const FULL = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);
const DENIED = new Set(["EACCES", "EPERM", "EROFS"]);

export const WRITE_ERROR_CODES: ReadonlySet<string> = new Set<ConversionErrorCode>(["disk_full", "permission_denied", "write_failed"]);

/** The error of a failed write to `file` (a path relative to the content folder, or a source name). */
export function writeFailure(error: unknown, file: string): ConversionError {
  if (error instanceof ConversionError) return error;
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  const code: ConversionErrorCode = errno && FULL.has(errno) ? "disk_full" : errno && DENIED.has(errno) ? "permission_denied" : "write_failed";
  return new ConversionError(code, file, errno ?? (error instanceof Error ? error.message : String(error)));
}

/** Write, flush and close; on failure nothing is left at `path` and the error is thrown. */
export function writeDurably(path: string, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const fd = openSync(path, "w");
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
}

/** Replace `path` as a whole: a reader sees the old file or the new one, never a part. */
export function replaceDurably(path: string, data: string | Uint8Array): void {
  const temporary = `${path}.tmp`;
  writeDurably(temporary, data);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Flush a folder's entries (renames into it) to the disk, where the platform allows it. */
export function syncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // some platforms and file systems cannot fsync a folder; the renames are still done
  } finally {
    closeSync(fd);
  }
}
