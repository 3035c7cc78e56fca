/**
 * The disk-full case with an injected write failure (every write fails with
 * ENOSPC from a chosen moment), so it runs on machines where no small file
 * system can be mounted; generation.test.ts runs it on a real tmpfs.
 */
import { describe, expect, it, vi } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentFiles } from "../../../../src/content-files.ts";
import { SEED_003, SEED_004, published, run, workspace } from "./helpers.ts";

const disk = vi.hoisted(() => ({ full: false }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (disk.full) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

describe("a full disk (injected ENOSPC)", () => {
  it("changed sources, full disk: disk_full for each, nothing published changes, nothing is removed, the manifest is the old one", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    expect((await run(ws, { cache: "reuse" })).published).toBe(true);
    const before = published(ws.out);
    const manifest = readFileSync(contentFiles(ws.out).manifest, "utf8");
    for (const seed of [SEED_003, SEED_004]) writeFileSync(join(ws.src, seed), `${readFileSync(join(ws.src, seed), "utf8")}\n附：本报告已更正。\n`);
    disk.full = true;
    try {
      const summary = await run(ws, { cache: "reuse" });
      expect(summary.published).toBe(false);
      expect(summary.deleted).toEqual([]);
      expect(summary.failed).toEqual([
        { file: SEED_003, code: "disk_full", message: `${SEED_003}: 磁盘已满，无法写入 / no space left on the disk (ENOSPC)` },
        { file: SEED_004, code: "disk_full", message: `${SEED_004}: 磁盘已满，无法写入 / no space left on the disk (ENOSPC)` },
      ]);
    } finally {
      disk.full = false;
    }
    expect(published(ws.out)).toEqual(before);
    expect(readFileSync(contentFiles(ws.out).manifest, "utf8")).toBe(manifest);
    // With space again, the next run publishes the new generation.
    const next = await run(ws, { cache: "reuse" });
    expect(next.published).toBe(true);
    expect(next.unchanged).toEqual([]);
  });
});
