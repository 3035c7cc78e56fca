import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { SEED_003, SEED_004, SOURCES, published, run, workspace, type Workspace } from "./helpers.ts";

describe("convertSources", () => {
  it("writes MDX and JSON (2-space indent, trailing newline, $schema) and summarises each report", async () => {
    const ws = workspace([SEED_003]);
    const summary = await run(ws);
    expect(summary.failed).toEqual([]);
    expect(summary.published).toBe(true);
    expect(summary.converted).toEqual([
      {
        file: SEED_003,
        id: "640303-2018",
        title: "红寺堡区2018年政府信息公开工作年度报告",
        figures: 58,
        template: "national-2008",
        checksFailed: 0,
        warnings: 0,
        removals: 32,
      },
    ]);
    const json = readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8");
    expect(json.startsWith('{\n  "$schema": "/downloads/report.schema.json",\n  "schemaVersion": "2.0.0",\n  "id": "640303-2018",')).toBe(true);
    // Schema 2.0 puts what the conversion noted last: versions, diagnostics, removals, then the headings.
    expect(json.includes('\n  "versions": [],\n  "diagnostics": [],\n  "removals": [\n')).toBe(true);
    expect(json.endsWith('\n  ]\n}\n')).toBe(true);
    expect(Object.keys(JSON.parse(json)).at(-1)).toBe("headings");
    expect(JSON.parse(json).source).toEqual({
      file: SEED_003,
      form: "text",
      bytes: 27056,
      sha256: createHash("sha256").update(readFileSync(join(SOURCES, SEED_003))).digest("hex"),
      encoding: "utf-8",
      lines: 238,
      pages: null,
      url: null,
      alternatives: [],
    });
    expect(readFileSync(join(ws.out, "reports", "640303-2018.mdx"), "utf8").startsWith('---\nid: "640303-2018"\n')).toBe(true);
    // Nothing of the run's work is left behind.
    expect(readdirSync(join(ws.out, ".cache")).sort()).toEqual(["published-from.json"]);
    expect(JSON.parse(readFileSync(join(ws.out, ".cache", "published-from.json"), "utf8"))).toEqual({ sources: ws.src });
  });

  it("keeps going after a failure and names the file and the reason", async () => {
    const ws = workspace([SEED_003]);
    writeFileSync(join(ws.src, "bad.txt"), "\u3000\n \n");
    writeFileSync(join(ws.src, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const summary = await run(ws, { files: [join(ws.src, "missing.txt")] });
    expect(summary.converted.map((c) => c.id)).toEqual(["640303-2018"]);
    expect(summary.failed.map((f) => [f.file, f.code])).toEqual([
      ["bad.txt", "empty_file"],
      ["binary.txt", "binary_file"],
      ["missing.txt", "unreadable_file"],
    ]);
    expect(summary.failed[0]!.message).toBe("bad.txt: 文件为空或只有空白 / file is empty or whitespace only (only whitespace)");
    expect(summary.failed[2]!.message).toBe("missing.txt: 无法读取文件 / cannot read the file (ENOENT)");
  });

  it("removes outputs no source produces any more, after publishing the new ones", async () => {
    const ws = workspace([SEED_003, SEED_004]);
    await run(ws);
    writeFileSync(join(ws.out, "reports", "000000-1999.mdx"), "old\n");
    // Seed 004 now fails: its old output goes, and so does the orphan.
    writeFileSync(join(ws.src, SEED_004), "");
    const broken = await run(ws);
    expect(broken.failed.map((f) => [f.file, f.code])).toEqual([[SEED_004, "empty_file"]]);
    expect(broken.deleted).toEqual(["data/640104-2018.json", "reports/000000-1999.mdx", "reports/640104-2018.mdx"]);
    expect([...published(ws.out).keys()]).toEqual(["data/640303-2018.json", "reports/640303-2018.mdx"]);
  });

  it("publishes nothing, and keeps the previous content, when no report converts", async () => {
    const ws = workspace([SEED_003]);
    await run(ws);
    const before = published(ws.out);
    writeFileSync(join(ws.src, SEED_003), "");
    const summary = await run(ws);
    expect(summary.published).toBe(false);
    expect(summary.failed.map((f) => f.code)).toEqual(["empty_file"]);
    expect(published(ws.out)).toEqual(before);
  });

  it("refuses a named file outside the sources folder, by name", async () => {
    const ws = workspace([SEED_003]);
    const outside = join(ws.root, "elsewhere.txt");
    copyFileSync(join(SOURCES, SEED_004), outside);
    const summary = await run(ws, { files: [outside] });
    expect(summary.failed).toEqual([
      // Sources are of every form now (text, web page, PDF), no longer .txt only.
      {
        file: outside,
        code: "not_in_sources",
        message: `${outside}: 不是来源文件夹中可读取格式（文本、网页、PDF）的文件 / not a file of a readable form (text, web page, PDF) in the sources folder (${ws.src})`,
      },
    ]);
    expect(summary.converted.map((c) => c.id)).toEqual(["640303-2018"]);
  });
});

describe("a named file goes through the same grouping as a full run", () => {
  it("a revised copy named on the command line becomes a version; the published report is not overwritten blindly", async () => {
    const ws = workspace([SEED_003]);
    await run(ws, { cache: "reuse" });
    const original = readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8");
    const text = readFileSync(join(ws.src, SEED_003), "utf8");
    // The revision's file name sorts first, so a run that saw only it would publish it alone.
    writeFileSync(join(ws.src, "003_0revised.txt"), text.replace("<b>六、举报投诉数量</b>\t件\t45", "<b>六、举报投诉数量</b>\t件\t46"));
    const summary = await run(ws, { cache: "reuse", files: [join(ws.src, "003_0revised.txt")] });
    expect(summary.failed).toEqual([]);
    // Neither has a date: the later file name is the newer version.
    expect(summary.converted.map((c) => [c.file, c.id])).toEqual([[SEED_003, "640303-2018"]]);
    expect(summary.superseded).toEqual([{ file: "003_0revised.txt", id: "640303-2018", as: "version", of: SEED_003 }]);
    const report = JSON.parse(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8"));
    expect(report.statistics).toEqual(JSON.parse(original).statistics);
    expect(report.versions.map((v: { file: string; current: boolean; changes: unknown[] }) => [v.file, v.current, v.changes])).toEqual([
      ["003_0revised.txt", false, [{ indicator: "complaints_total", published: 45, version: 46 }]],
      [SEED_003, true, []],
    ]);
    const revision = readdirSync(join(ws.out, "data", "versions", "640303-2018"));
    expect(revision).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(ws.out, "data", "versions", "640303-2018", revision[0]!), "utf8")).source.file).toBe("003_0revised.txt");

    // Without the revision, the report is back to one source and the kept version goes.
    rmSync(join(ws.src, "003_0revised.txt"));
    const after = await run(ws, { cache: "reuse" });
    expect(after.deleted).toEqual([`data/versions/640303-2018/${revision[0]}`]);
    expect(readFileSync(join(ws.out, "data", "640303-2018.json"), "utf8")).toBe(original);
    expect(existsSync(join(ws.out, "data", "versions"))).toBe(false);
  });
});

describe("one report in several forms", () => {
  const PAGE = "jiangsu-shuyang-2023-fagaiju.html";
  const TEXT = "jiangsu-shuyang-2023-fagaiju.txt";
  const ID = "321322-development-reform-2023";
  /** The saved page and its capture-tool text, as x.html and x.txt; `edit` changes lines of the text by number. */
  function forms(edit: Record<number, string> = {}): Workspace {
    const ws = workspace();
    copyFileSync(join(SOURCES, PAGE), join(ws.src, "x.html"));
    const lines = readFileSync(join(SOURCES, TEXT), "utf8").split("\n");
    for (const [n, text] of Object.entries(edit)) lines[Number(n) - 1] = text;
    writeFileSync(join(ws.src, "x.txt"), lines.join("\n"));
    return ws;
  }
  const report = (ws: Workspace) => JSON.parse(readFileSync(join(ws.out, "data", `${ID}.json`), "utf8"));

  it("x.html and x.txt are one report: the page is read, the text recorded in source.alternatives", async () => {
    const ws = forms();
    const summary = await run(ws);
    expect(summary.failed).toEqual([]);
    expect(summary.converted.map((c) => [c.file, c.id, c.figures, c.warnings])).toEqual([["x.html", ID, 75, 0]]);
    expect(summary.superseded).toEqual([{ file: "x.txt", id: ID, as: "alternative", of: "x.html" }]);
    expect([...published(ws.out).keys()]).toEqual([`data/${ID}.json`, `reports/${ID}.mdx`]);
    const json = report(ws);
    expect(json.source).toMatchObject({ file: "x.html", form: "html" });
    expect(json.source.alternatives).toEqual([
      { file: "x.txt", form: "text", bytes: 6733, sha256: createHash("sha256").update(readFileSync(join(ws.src, "x.txt"))).digest("hex"), figuresAgree: true },
    ]);
    expect(json.diagnostics.filter((d: { code: string }) => d.code === "forms_disagree")).toEqual([]);

    // The figures are the page's own: the same as when the page is the only form.
    const alone = workspace();
    copyFileSync(join(SOURCES, PAGE), join(alone.src, "x.html"));
    await run(alone);
    expect(json.statistics).toEqual(report(alone).statistics);
  });

  it("a figure the text gives differently: the page's figure is published, with a warning naming both files", async () => {
    // Line 51 of the capture text is the 18 of 规范性文件 | 现行有效件数.
    const ws = forms({ 51: "19" });
    const summary = await run(ws);
    expect(summary.converted.map((c) => [c.file, c.warnings])).toEqual([["x.html", 1]]);
    const json = report(ws);
    expect(json.statistics.find((s: { indicator: string }) => s.indicator === "normative_docs__in_force")).toMatchObject({ value: 18, status: "reported" });
    expect(json.source.alternatives.map((a: { file: string; figuresAgree: boolean }) => [a.file, a.figuresAgree])).toEqual([["x.txt", false]]);
    expect(json.diagnostics).toEqual([
      {
        severity: "warning",
        code: "forms_disagree",
        line: null,
        message:
          "x.html 与同一报告的另一形式 x.txt 有 1 项数字不同（normative_docs__in_force 18 / 19），发布的是 x.html 的 / 1 figure(s) differ between x.html and x.txt, another form of this report; x.html is published",
      },
    ]);
  });

  it("every file of the report is accounted for: an older text and a copy of the text beside the page", async () => {
    const ws = forms();
    copyFileSync(join(ws.src, "x.txt"), join(ws.src, "x-copy.txt"));
    const lines = readFileSync(join(SOURCES, TEXT), "utf8").split("\n");
    lines[50] = "19";
    writeFileSync(join(ws.src, "x-old.txt"), lines.join("\n"));
    const summary = await run(ws);
    expect(summary.converted.map((c) => [c.file, c.warnings])).toEqual([["x.html", 2]]);
    expect(summary.superseded).toEqual([
      { file: "x-copy.txt", id: ID, as: "alternative", of: "x.html" },
      { file: "x-old.txt", id: ID, as: "alternative", of: "x.html" },
      { file: "x.txt", id: ID, as: "copy", of: "x-copy.txt" },
    ]);
    const json = report(ws);
    expect(json.source.alternatives.map((a: { file: string; figuresAgree: boolean }) => [a.file, a.figuresAgree])).toEqual([
      ["x-copy.txt", true],
      ["x-old.txt", false],
    ]);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toEqual(["identical_copies", "forms_disagree"]);
  });

  it("naming only the text on the command line groups it with the page exactly as a full run does", async () => {
    const ws = forms({ 51: "19" });
    const full = await run(ws, { cache: "reuse" });
    const before = published(ws.out);
    const named = await run(ws, { cache: "reuse", files: [join(ws.src, "x.txt")] });
    expect({ ...named, unchanged: [] }).toEqual({ ...full, unchanged: [] });
    expect(published(ws.out)).toEqual(before);
  });
});
