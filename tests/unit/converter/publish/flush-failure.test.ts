/**
 * A staged file whose write succeeds but whose flush to the disk fails (the
 * disk fills while the data is written back, an I/O error): the flush runs in
 * the background while the next file is converted, and its failure still
 * counts as that file's write failure. Injected: fsync reports ENOSPC for
 * files under the staging folder.
 */
import { describe, expect, it, vi } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentFiles } from "../../../../src/content-files.ts";
import { SEED_003, SEED_004, published, run, workspace } from "./helpers.ts";

const disk = vi.hoisted(() => ({ failFlushes: false, flushed: 0, paths: new Map<number, string>() }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  // Remember which path each descriptor was opened for, to fail only the flushes of staged files.
  const openSync = ((path: string, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    disk.paths.set(fd, String(path));
    return fd;
  }) as typeof fs.openSync;
  const open = ((path: string, flags: string, callback: (error: NodeJS.ErrnoException | null, fd: number) => void) =>
    fs.open(path, flags, (error, fd) => {
      if (!error) disk.paths.set(fd, String(path));
      callback(error, fd);
    })) as typeof fs.open;
  const fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    if (disk.failFlushes && disk.paths.get(fd)?.includes(`${join(".cache", "staging")}`)) {
      setImmediate(() => callback(Object.assign(new Error("ENOSPC: no space left on device, fsync"), { code: "ENOSPC", errno: -28, syscall: "fsync" })));
      return;
    }
    disk.flushed++;
    fs.fsync(fd, callback);
  }) as typeof fs.fsync;
  return { ...fs, default: { ...fs, open, openSync, fsync }, open, openSync, fsync };
});

describe("a flush that fails after the write (injected ENOSPC from fsync)", () => {
  it("is disk_full for the file; nothing published changes; the staged files are gone", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    expect((await run(ws, { cache: "reuse" })).published).toBe(true);
    // The staged files of a run are flushed in the background; the first run went through that path.
    expect(disk.flushed).toBeGreaterThanOrEqual(4);
    const before = published(ws.out);
    writeFileSync(join(ws.src, SEED_004), `${readFileSync(join(ws.src, SEED_004), "utf8")}\n附：本报告已更正。\n`);
    disk.failFlushes = true;
    try {
      const summary = await run(ws, { cache: "reuse" });
      expect(summary.published).toBe(false);
      expect(summary.failed).toEqual([{ file: SEED_004, code: "disk_full", message: `${SEED_004}: 磁盘已满，无法写入 / no space left on the disk (ENOSPC)` }]);
    } finally {
      disk.failFlushes = false;
    }
    expect(published(ws.out)).toEqual(before);
    const staging = contentFiles(ws.out).staging;
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
  });
});
