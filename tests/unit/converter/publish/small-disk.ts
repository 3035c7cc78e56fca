/**
 * A small real file system for the disk-full and read-only tests: a tmpfs
 * mounted on a temporary folder. Mounting needs root (as in CI); where it is
 * not allowed, mountSmallDisk returns null and the tests that need it are
 * skipped — disk-full.test.ts covers the same cases with an injected failure.
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SmallDisk {
  dir: string;
  unmount: () => void;
}

function quietly(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function mountSmallDisk(bytes: number): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), "small-disk-"));
  if (!quietly("mount", ["-t", "tmpfs", "-o", `size=${bytes}`, "tmpfs", dir])) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount: () => {
      quietly("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Make `folder` read-only with a read-only bind mount of itself (chmod does not stop root); returns the undo. */
export function mountReadOnly(folder: string): (() => void) | null {
  if (!quietly("mount", ["--bind", folder, folder])) return null;
  if (!quietly("mount", ["-o", "remount,ro,bind", folder])) {
    quietly("umount", [folder]);
    return null;
  }
  return () => void quietly("umount", [folder]);
}

export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** Fill the file system of `dir` until at most `leave` bytes are free. */
export function fillDisk(dir: string, leave = 0): void {
  const filler = join(dir, "filler");
  mkdirSync(dir, { recursive: true });
  const fd = openSync(filler, "a");
  const block = Buffer.alloc(64 * 1024, 0x41);
  try {
    while (freeBytes(dir) > leave) writeSync(fd, block, 0, Math.min(block.length, Math.max(1, freeBytes(dir) - leave)));
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
}
