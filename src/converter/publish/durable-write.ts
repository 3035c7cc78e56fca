/**
 * Writing files so that a failure is seen and nothing half-written is left:
 * each file is written, flushed to the disk (fsync) and closed, and removed
 * again if any of that fails: at once (writeDurably), or written first and
 * flushed later in the background (writeUnflushed, then flushFile). A failure becomes a ConversionError with the
 * file and the reason: disk_full, permission_denied or write_failed.
 */
import { close, closeSync, fsync, fsyncSync, open, openSync, renameSync, rmSync, writeSync } from "node:fs";
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

/**
 * Write and close, without flushing: for a file flushed later with flushFile.
 * The file is created on Node's thread pool (creating a file waits for the
 * disk while other files are being flushed), so the caller goes on with its
 * work meanwhile. The promise settles once the file is written; on failure
 * nothing is left at `path` and the promise rejects with the error.
 */
export function writeUnflushed(path: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return new Promise((resolve, reject) => {
    open(path, "w", (opening, fd) => {
      if (opening) return reject(opening);
      try {
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (error) {
        closeSync(fd);
        rmSync(path, { force: true });
        return reject(error);
      }
      closeSync(fd);
      resolve();
    });
  });
}

/**
 * Flush a file written with writeUnflushed to the disk, in the background (on
 * Node's thread pool: the calling thread goes on meanwhile). On failure the
 * file is removed and the promise rejects with the error.
 */
export function flushFile(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      rmSync(path, { force: true });
      reject(error);
    };
    open(path, "r+", (opening, fd) => {
      if (opening) return fail(opening);
      fsync(fd, (flushing) => {
        close(fd, (closing) => (flushing || closing ? fail(flushing ?? closing) : resolve()));
      });
    });
  });
}

/**
 * flushFile with at most `limit` flushes under way at once (each holds a file
 * open; a run may have thousands of files to flush).
 */
export function flushQueue(limit: number): (path: string) => Promise<void> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = () =>
    new Promise<void>((resolve) => {
      const start = () => {
        running++;
        resolve();
      };
      if (running < limit) start();
      else waiting.push(start);
    });
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return (path) => acquire().then(() => flushFile(path).finally(release));
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
