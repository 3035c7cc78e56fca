/**
 * Publishing is atomic: a run publishes a complete new generation or changes
 * nothing. The disk-full and read-only cases run on a real small file system
 * (tmpfs) where the machine allows mounting one.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentFiles } from "../../../../src/content-files.ts";
import { commitGeneration, recoverInterruptedCommit } from "../../../../src/converter/publish/generation.ts";
import { loadSeeds } from "../../../../scripts/bench/seeds.ts";
import { synthesizeCorpus } from "../../../../scripts/bench/synthesize.ts";
import { SEED_003, SEED_004, SOURCES, published, run, workspace, type Workspace } from "./helpers.ts";
import { fillDisk, mountReadOnly, mountSmallDisk, type SmallDisk } from "./small-disk.ts";

const corpus = synthesizeCorpus(await loadSeeds(SOURCES), 20);

/** The synthetic corpus in `ws.src`; `edit` changes the text forms (a PDF is copied as it is). */
function writeCorpus(ws: Workspace, edit: (text: string) => string = (t) => t): void {
  for (const report of corpus) {
    const pdf = report.file.endsWith(".pdf");
    writeFileSync(join(ws.src, report.file), pdf ? report.bytes : edit(new TextDecoder().decode(report.bytes)));
  }
}

/** Each report changed (one paragraph more), so every one must be converted and written again. */
const revised = (text: string) => `${text}\n附：本报告已更正。\n`;

const disks: SmallDisk[] = [];
afterAll(() => {
  for (const disk of disks) disk.unmount();
});
function smallDisk(bytes: number): SmallDisk | null {
  const disk = mountSmallDisk(bytes);
  if (disk) disks.push(disk);
  return disk;
}
const canMount = (() => {
  const probe = mountSmallDisk(1024 * 1024);
  probe?.unmount();
  return probe !== null;
})();

describe.skipIf(!canMount)("a full disk (tmpfs)", () => {
  it("changed sources on a full disk: every write fails as disk_full, the previous generation stays whole, nothing is removed", async () => {
    const disk = smallDisk(6 * 1024 * 1024)!;
    const ws = workspace([], disk.dir);
    ws.src = join(workspace().root, "sources"); // sources on the ordinary disk, content on the small one
    mkdirSync(ws.src, { recursive: true });
    writeCorpus(ws);
    const first = await run(ws, { cache: "reuse" });
    expect(first.published).toBe(true);
    expect(first.converted).toHaveLength(20);
    const before = published(ws.out);
    const manifest = readFileSync(contentFiles(ws.out).manifest, "utf8");

    writeCorpus(ws, revised);
    fillDisk(disk.dir, 16 * 1024);
    const summary = await run(ws, { cache: "reuse" });
    expect(summary.published).toBe(false);
    expect(summary.deleted).toEqual([]);
    expect(summary.converted).toEqual([]);
    expect(summary.failed.length).toBeGreaterThan(0);
    expect(new Set(summary.failed.map((f) => f.code))).toEqual(new Set(["disk_full"]));
    expect(summary.failed[0]!.message).toMatch(/: 磁盘已满，无法写入 \/ no space left on the disk \(ENOSPC\)$/);
    expect(published(ws.out)).toEqual(before);
    expect(readFileSync(contentFiles(ws.out).manifest, "utf8")).toBe(manifest);
    expect(readdirSync(contentFiles(ws.out).cacheDir).sort()).toEqual(["convert-manifest.json", "published-from.json"]);
  }, 120_000);

  it("a disk full from the start: the CLI says disk_full and exits 1, with no stack trace and no manifest", () => {
    const disk = smallDisk(1024 * 1024)!;
    fillDisk(disk.dir);
    const out = join(disk.dir, "content");
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/convert.ts", "--sources", SOURCES, "--out", out], { encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toBe("");
    expect(cli.stdout).toContain("  [disk_full] 003_2853f03aefee650d.txt: 磁盘已满，无法写入 / no space left on the disk (ENOSPC)\n");
    // Every source of the corpus (20 files in all forms) fails the same way.
    expect(cli.stdout.trimEnd().split("\n").at(-1)).toBe("nothing published: the content folder is as it was. 20 failed (20 disk_full)");
    expect(cli.stdout).not.toMatch(/\n\s+at /);
    expect(existsSync(contentFiles(out).manifest)).toBe(false);
  }, 60_000);
});

describe.skipIf(!canMount)("a read-only data folder", () => {
  it("is refused before anything is replaced: permission_denied, MDX and JSON unchanged and in agreement", async () => {
    const disk = smallDisk(8 * 1024 * 1024)!;
    const ws = workspace([SEED_003, SEED_004], disk.dir);
    await run(ws);
    const before = published(ws.out);
    const text = readFileSync(join(ws.src, SEED_003), "utf8");
    writeFileSync(join(ws.src, SEED_003), text.replace("红寺堡区2018年政府信息公开工作年度报告", "红寺堡区2018年政府信息公开工作年度报告（修订）"));
    const undo = mountReadOnly(contentFiles(ws.out).dataDir);
    expect(undo).not.toBeNull();
    try {
      const summary = await run(ws);
      expect(summary.published).toBe(false);
      expect(summary.failed).toEqual([
        {
          file: "data",
          code: "permission_denied",
          message: "data: 没有写入权限（或文件系统只读） / no permission to write (or a read-only file system) (EROFS)",
        },
      ]);
    } finally {
      undo!();
    }
    expect(published(ws.out)).toEqual(before);
  });
});

describe.skipIf(process.getuid?.() === 0)("a data folder without write permission", () => {
  it("is refused before anything is replaced: permission_denied, MDX and JSON unchanged", async () => {
    const ws = workspace([SEED_003]);
    await run(ws);
    const before = published(ws.out);
    writeFileSync(join(ws.src, SEED_003), `${readFileSync(join(ws.src, SEED_003), "utf8")}\n附：本报告已更正。\n`);
    chmodSync(contentFiles(ws.out).dataDir, 0o555);
    try {
      const summary = await run(ws);
      expect(summary.published).toBe(false);
      expect(summary.failed.map((f) => [f.file, f.code])).toEqual([["data", "permission_denied"]]);
    } finally {
      chmodSync(contentFiles(ws.out).dataDir, 0o755);
    }
    expect(published(ws.out)).toEqual(before);
  });
});

describe("commit", () => {
  /** A content folder with one published report and a staged replacement of it. */
  function staged(): { ws: Workspace; files: ReturnType<typeof contentFiles> } {
    const ws = workspace();
    const files = contentFiles(ws.out);
    for (const dir of [files.dataDir, files.reportsDir, files.staging]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(files.dataDir, "640303-2018.json"), "old json\n");
    writeFileSync(join(files.reportsDir, "640303-2018.mdx"), "old mdx\n");
    writeFileSync(join(files.dataDir, "640104-2018.json"), "stale json\n");
    writeFileSync(join(files.staging, "0.json"), "new json\n");
    writeFileSync(join(files.staging, "0.mdx"), "new mdx\n");
    return { ws, files };
  }

  it("undoes every step done when one fails, and names the file", () => {
    const { ws, files } = staged();
    const result = commitGeneration(files, [
      { put: ".cache/staging/0.json", to: "data/640303-2018.json" },
      { put: ".cache/staging/missing.mdx", to: "reports/640303-2018.mdx" },
      { remove: "data/640104-2018.json" },
    ]);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: "write_failed", file: "reports/640303-2018.mdx", detail: "ENOENT" }) });
    expect([...published(ws.out)]).toEqual([
      ["data/640104-2018.json", "stale json\n"],
      ["data/640303-2018.json", "old json\n"],
      ["reports/640303-2018.mdx", "old mdx\n"],
    ]);
    expect(existsSync(files.journal)).toBe(false);
  });

  it("a commit cut short after its journal was written is completed by the next run, before it does anything else", async () => {
    const { ws, files } = staged();
    const steps = [
      { put: ".cache/staging/0.json", to: "data/640303-2018.json" },
      { put: ".cache/staging/0.mdx", to: "reports/640303-2018.mdx" },
      { remove: "data/640104-2018.json" },
    ];
    writeFileSync(files.journal, JSON.stringify({ steps }));
    // Killed after the first rename: JSON new, MDX old.
    renameSync(join(files.staging, "0.json"), join(files.dataDir, "640303-2018.json"));
    expect(recoverInterruptedCommit(files)).toBe(true);
    expect([...published(ws.out)]).toEqual([
      ["data/640303-2018.json", "new json\n"],
      ["reports/640303-2018.mdx", "new mdx\n"],
    ]);
    expect(existsSync(files.journal)).toBe(false);
    expect(existsSync(files.staging)).toBe(false);
    expect(recoverInterruptedCommit(files)).toBe(false);

    // The same through a run: it completes the cut-short commit, says so, then publishes its own generation.
    const again = staged();
    writeFileSync(again.files.journal, JSON.stringify({ steps }));
    execFileSync("cp", [join(SOURCES, SEED_003), again.ws.src]);
    const summary = await run(again.ws);
    expect(summary.notices.map((n) => n.code)).toEqual(["interrupted_commit"]);
    expect(summary.deleted).toEqual([]);
    expect([...published(again.ws.out).keys()]).toEqual(["data/640303-2018.json", "reports/640303-2018.mdx"]);
    expect(readFileSync(join(again.files.dataDir, "640303-2018.json"), "utf8")).toContain('"file": "003_2853f03aefee650d.txt"');
  });
});
