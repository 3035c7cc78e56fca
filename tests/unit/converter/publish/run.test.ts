import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTemplate } from "../../../../src/catalog/index.ts";
import { convertFiles } from "../../../../src/converter/publish/run.ts";

const SOURCES = "sources";
const SEED_003 = "003_2853f03aefee650d.txt";
const SEED_004 = "004_dda260feeadc045e.txt";

function workspace() {
  const root = mkdtempSync(join(tmpdir(), "convert-run-"));
  const src = join(root, "sources");
  const out = join(root, "content");
  mkdirSync(src);
  return { src, out };
}

const options = (outDir: string, complete: boolean) => ({
  outDir,
  complete,
  catalogSize: (id: string) => getTemplate(id).indicators.length,
});

describe("convertFiles", () => {
  it("writes MDX and JSON (2-space indent, trailing newline, $schema) and summarises each report", () => {
    const { src, out } = workspace();
    copyFileSync(join(SOURCES, SEED_003), join(src, SEED_003));
    const summary = convertFiles([join(src, SEED_003)], options(out, true));
    expect(summary.failed).toEqual([]);
    expect(summary.converted).toEqual([
      {
        file: SEED_003,
        id: "640303-2018",
        title: "红寺堡区2018年政府信息公开工作年度报告",
        figures: 58,
        catalogSize: 58,
        checksFailed: 0,
        warnings: 0,
        removals: expect.any(Number),
      },
    ]);
    const json = readFileSync(join(out, "data", "640303-2018.json"), "utf8");
    expect(json.startsWith('{\n  "$schema": "/downloads/report.schema.json",\n  "schemaVersion": "1.0.0",\n  "id": "640303-2018",')).toBe(true);
    expect(json.endsWith("}\n")).toBe(true);
    expect(JSON.parse(json).source).toMatchObject({ file: SEED_003, encoding: "utf-8", lines: 238 });
    expect(readFileSync(join(out, "reports", "640303-2018.mdx"), "utf8").startsWith('---\nid: "640303-2018"\n')).toBe(true);
  });

  it("keeps going after a failure and names the file and the reason", () => {
    const { src, out } = workspace();
    copyFileSync(join(SOURCES, SEED_003), join(src, SEED_003));
    writeFileSync(join(src, "bad.txt"), "\u3000\n \n");
    writeFileSync(join(src, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const files = [join(src, "bad.txt"), join(src, SEED_003), join(src, "binary.txt"), join(src, "missing.txt")];
    const summary = convertFiles(files, options(out, true));
    expect(summary.converted.map((c) => c.id)).toEqual(["640303-2018"]);
    expect(summary.failed.map((f) => [f.file, f.code])).toEqual([
      ["bad.txt", "empty_file"],
      ["binary.txt", "binary_file"],
      ["missing.txt", "unreadable_file"],
    ]);
    expect(summary.failed[0]!.message).toBe("bad.txt: 文件为空或只有空白 / file is empty or whitespace only (only whitespace)");
  });

  it("refuses two files for the same jurisdiction and year, writing neither", () => {
    const { src, out } = workspace();
    copyFileSync(join(SOURCES, SEED_003), join(src, "a.txt"));
    copyFileSync(join(SOURCES, SEED_003), join(src, "b.txt"));
    copyFileSync(join(SOURCES, SEED_004), join(src, SEED_004));
    const summary = convertFiles([join(src, "b.txt"), join(src, "a.txt"), join(src, SEED_004)], options(out, true));
    expect(summary.converted.map((c) => c.id)).toEqual(["640104-2018"]);
    expect(summary.failed).toEqual([
      { file: "a.txt", code: "duplicate_id", message: "a.txt: 多个文件对应同一行政区同一年度 / several files convert to the same jurisdiction and year (640303-2018: a.txt、b.txt)" },
      { file: "b.txt", code: "duplicate_id", message: "b.txt: 多个文件对应同一行政区同一年度 / several files convert to the same jurisdiction and year (640303-2018: a.txt、b.txt)" },
    ]);
    expect(readdirSync(join(out, "data"))).toEqual(["640104-2018.json"]);
  });

  it("deletes stale outputs: everything unproduced on a full run, only the given files' on a partial run", () => {
    const { src, out } = workspace();
    copyFileSync(join(SOURCES, SEED_003), join(src, SEED_003));
    copyFileSync(join(SOURCES, SEED_004), join(src, SEED_004));
    convertFiles([join(src, SEED_003), join(src, SEED_004)], options(out, true));
    writeFileSync(join(out, "reports", "000000-1999.mdx"), "old\n");

    // A partial run of seed 004 keeps seed 003's output and the unrelated orphan.
    const partial = convertFiles([join(src, SEED_004)], options(out, false));
    expect(partial.deleted).toEqual([]);
    expect(existsSync(join(out, "data", "640303-2018.json"))).toBe(true);

    // Seed 004 now fails: its old output goes, even on a partial run.
    writeFileSync(join(src, SEED_004), "");
    const broken = convertFiles([join(src, SEED_004)], options(out, false));
    expect(broken.deleted).toEqual(["data/640104-2018.json", "reports/640104-2018.mdx"]);

    // A full run removes the orphan too.
    const full = convertFiles([join(src, SEED_003)], options(out, true));
    expect(full.deleted).toEqual(["reports/000000-1999.mdx"]);
    expect(readdirSync(join(out, "reports"))).toEqual(["640303-2018.mdx"]);
  });
});
