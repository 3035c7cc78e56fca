/**
 * What a report is and whose: a news item is not a report; a title without a
 * year or a jurisdiction falls back to the body, else the file is refused;
 * files for one jurisdiction and year are one report (a byte-identical copy
 * is published once, a corrected re-issue is kept as a version and the newest
 * published), so adding a file never takes a report off the site; an unknown
 * jurisdiction is published under a stable placeholder id.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertSources } from "../../src/converter/publish/run.ts";
import { SEEDS, seedFile } from "../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../helpers/source-lines.ts";
import { placeholderId } from "../../src/converter/identity.ts";
import { byPlace, conversionError, convertText, seedText } from "./helpers.ts";

const seed003 = seedText("003");
const TITLE_LINE = "# 红寺堡区 2018 年政府信息公开工作年度报告";
const QUOTED_TITLE = "《红寺堡区2018年政府信息公开工作年度报告》";
const reference = (await convertText(seed003.file, seed003.text)).report;

describe("not an annual report", () => {
  it("a news item about a report, with a report-like headline and the quoted title, is refused", async () => {
    const news = [
      "我区发布2018年政府信息公开工作年度报告",
      "",
      "（记者 王芳）近日，红寺堡区人民政府发布《红寺堡区2018年政府信息公开工作年度报告》。报告显示，2018年全区主动公开政府信息15131条，收到政府信息公开申请0件。",
      "",
      "区政府办公室负责人表示，下一步将继续推进政务公开。",
      "",
      "责任编辑：李明",
    ].join("\n");
    const error = await conversionError(() => convertText("news.txt", news));
    expect(error.code).toBe("not_a_report");
    expect(error.message).toBe(
      "news.txt: 不像政府信息公开工作年度报告（没有“本报告…”“统计期限”等说明、统计表或年报章节） / does not read as an annual report (no self-description, statistics table or report sections) (我区发布2018年政府信息公开工作年度报告)",
    );
  });

  it("a notice whose title names the report is refused as not_a_report; one naming nothing as missing_title", async () => {
    const notice = await conversionError(() => convertText("notice.txt", "关于报送2018年政府信息公开工作年度报告的通知\n各乡镇、各部门：请于1月31日前报送。\n"));
    expect([notice.code, notice.detail]).toEqual(["not_a_report", "关于报送2018年政府信息公开工作年度报告的通知"]);
    const letter = await conversionError(() => convertText("letter.txt", "关于做好政务公开工作的通知\n各单位：请按要求办理。\n"));
    expect(letter.code).toBe("missing_title");
  });
});

describe("title without a year or a jurisdiction", () => {
  it("no year in the title line: the title quoted in the opening formula gives it", async () => {
    const { report } = await convertText("a.txt", seed003.text.replace(TITLE_LINE, "# 红寺堡区政府信息公开工作年度报告"));
    expect([report.id, report.title, report.year]).toEqual(["640303-2018", "红寺堡区2018年政府信息公开工作年度报告", 2018]);
  });

  it("no year in the title and no quoted title: the statistical period gives it, the title stays as written", async () => {
    const text = seed003.text.replace(TITLE_LINE, "# 红寺堡区政府信息公开工作年度报告").replace(QUOTED_TITLE, "本报告");
    const { report } = await convertText("b.txt", text);
    expect([report.id, report.title, report.year, report.period]).toEqual([
      "640303-2018",
      "红寺堡区政府信息公开工作年度报告",
      2018,
      { start: "2018-01-01", end: "2018-12-31" },
    ]);
    expect(byPlace(report.statistics)).toEqual(byPlace(reference.statistics));
  });

  it("no year anywhere: refused as missing_year, naming the title", async () => {
    // The year is also read from the opening text (2018年，红寺堡区各级行政机关…), so that goes too.
    const text = seed003.text
      .replace(TITLE_LINE, "# 红寺堡区政府信息公开工作年度报告")
      .replace(QUOTED_TITLE, "本报告")
      .replace("统计期限为2018年1月1日至2018年12月31日", "统计期限为本年度")
      .replace("2018年，红寺堡区各级行政机关", "本年度，红寺堡区各级行政机关");
    expect((await conversionError(() => convertText("c.txt", text))).message).toBe(
      "c.txt: 找不到报告年度 / no report year found (红寺堡区政府信息公开工作年度报告)",
    );
  });

  it("no jurisdiction in the title: the opening formula (经…人民政府同意) gives it", async () => {
    const { report } = await convertText("d.txt", seed003.text.replace(TITLE_LINE, "# 2018 年政府信息公开工作年度报告").replace(QUOTED_TITLE, "本报告"));
    expect([report.id, report.title, report.jurisdiction.name]).toEqual(["640303-2018", "2018年政府信息公开工作年度报告", "红寺堡区"]);
  });

  it("no jurisdiction anywhere: refused as missing_jurisdiction", async () => {
    const text = seed003.text
      .replace(TITLE_LINE, "# 2018 年政府信息公开工作年度报告")
      .replace(`${QUOTED_TITLE}经红寺堡区人民政府同意`, "本报告")
      .replace("本报告由红寺堡区人民政府办公室", "本报告由办公室");
    expect((await conversionError(() => convertText("e.txt", text))).message).toBe(
      "e.txt: 找不到报告所属行政区 / no jurisdiction found in the title or body (2018年政府信息公开工作年度报告)",
    );
  });
});

describe("invisible characters in the title", () => {
  it("U+202E and U+200E: the title is shown without them, the owner and id are the seed's, and no empty heading is left", async () => {
    const text = seed003.text.replace(TITLE_LINE, "# \u202e红\u200e寺堡区 2018 年政府信息公开\u202c工作年度报告\u200e");
    const { report, mdx } = await convertText("bidi.txt", text);
    expect([report.id, report.title, report.jurisdiction.name]).toEqual(["640303-2018", "红寺堡区2018年政府信息公开工作年度报告", "红寺堡区"]);
    expect(mdx.split("\n")[2]).toBe('title: "红寺堡区2018年政府信息公开工作年度报告"');
    expect(report.headings).toEqual(reference.headings);
    expect(report.diagnostics).toEqual([]);
    expect(byPlace(report.statistics)).toEqual(byPlace(reference.statistics));
  });

  it("a revised copy with U+200E inside 红寺堡区 is a version of the same report, not a second one", async () => {
    const root = mkdtempSync(join(tmpdir(), "hostile-bidi-"));
    const src = join(root, "sources");
    mkdirSync(src);
    copyFileSync(join(SOURCES_DIR, seed003.file), join(src, seed003.file));
    const revised = seed003.text.replaceAll("红寺堡区", "红\u200e寺堡区").replace("举报投诉数量</b>\t件\t45", "举报投诉数量</b>\t件\t46");
    writeFileSync(join(src, "hongsibu-2018-revised.txt"), revised);
    const summary = await convertSources({ sourcesDir: src, outDir: join(root, "content") });
    expect(summary.failed).toEqual([]);
    expect(summary.converted.map((c) => [c.file, c.id, c.title])).toEqual([["hongsibu-2018-revised.txt", "640303-2018", "红寺堡区2018年政府信息公开工作年度报告"]]);
    expect(summary.superseded).toEqual([{ file: seed003.file, id: "640303-2018", as: "version", of: "hongsibu-2018-revised.txt" }]);
    const report = JSON.parse(readFileSync(join(root, "content", "data", "640303-2018.json"), "utf8"));
    expect(report.jurisdiction).toEqual(reference.jurisdiction);
    expect(report.versions.map((v: { file: string; changes: unknown }) => [v.file, v.changes])).toEqual([
      [seed003.file, [{ indicator: "complaints_total", published: 46, version: 45 }]],
      ["hongsibu-2018-revised.txt", []],
    ]);
  });
});

describe("unknown jurisdiction", () => {
  it("is published with a warning under a placeholder id that depends only on the name", async () => {
    const text = seed003.text.replaceAll("红寺堡区", "云梦泽区");
    const first = (await convertText("yunmeng.txt", text)).report;
    const again = (await convertText("other-name.txt", text)).report;
    // Schema 2.0: a placeholder is `x` + 12 hex digits of the SHA-256 of the full name (no longer a
    // made-up 9xxxxx code that could one day be a real division's), `code` is null, and the warning
    // names the title line.
    expect(first.id).toBe("x43a6b15910a9-2018");
    expect(placeholderId("宁夏回族自治区云梦泽区")).toBe("x43a6b15910a9");
    expect(again.id).toBe(first.id);
    expect(first.jurisdiction).toEqual({
      id: "x43a6b15910a9",
      code: null,
      name: "云梦泽区",
      fullName: "宁夏回族自治区云梦泽区",
      level: "county",
      parent: null,
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: false,
      match: "unresolved",
    });
    expect(first.diagnostics).toEqual([
      {
        severity: "warning",
        code: "unresolved_jurisdiction",
        message:
          '行政区“云梦泽区”不在区划代码数据和特殊区域目录中，使用占位编号 x43a6b15910a9 / jurisdiction "云梦泽区" is in neither the division data nor the special-area catalog; placeholder id x43a6b15910a9 used',
        line: 3,
      },
    ]);
    expect(byPlace(first.statistics)).toEqual(byPlace(reference.statistics));
  });
});

describe("several files for the same jurisdiction and year", () => {
  const convert = (src: string, out: string, files?: string[]) =>
    convertSources({ sourcesDir: src, outDir: out, files });
  const seed000 = seedText("000");

  function seedsFolder(): { src: string; out: string } {
    const root = mkdtempSync(join(tmpdir(), "hostile-dup-"));
    const src = join(root, "sources");
    mkdirSync(src);
    for (const prefix of SEEDS) copyFileSync(join(SOURCES_DIR, seedFile(prefix)), join(src, seedFile(prefix)));
    return { src, out: join(root, "content") };
  }

  const json = (out: string, path: string) => readFileSync(join(out, "data", path));

  it("a byte-identical copy under another name: one report, published once, a warning names the copy; nothing else changes", async () => {
    const { src, out } = seedsFolder();
    await convert(src, out);
    const before = new Map(readdirSync(join(out, "data")).map((name) => [name, json(out, name)]));
    copyFileSync(join(src, seed003.file), join(src, "hongsibu-2018-copy.txt"));
    const summary = await convert(src, out);
    expect(summary.failed).toEqual([]);
    expect(summary.deleted).toEqual([]);
    expect(summary.converted.map((c) => c.id)).toEqual(["640202-2017", "640500-2017", "640221-2016", "640303-2018", "640104-2018"]);
    expect(summary.superseded).toEqual([{ file: "hongsibu-2018-copy.txt", id: "640303-2018", as: "copy", of: seed003.file }]);
    const report = JSON.parse(json(out, "640303-2018.json").toString("utf8"));
    expect(report.source.file).toBe(seed003.file);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(["identical_copies"]);
    for (const [name, bytes] of before) if (name !== "640303-2018.json") expect(json(out, name).equals(bytes), name).toBe(true);
  });

  it("a corrected re-issue with a later date is published; the earlier version's data is kept and its differing figures recorded", async () => {
    const { src, out } = seedsFolder();
    await convert(src, out);
    const earlier = json(out, "640202-2017.json").toString("utf8");
    // The re-issue's name sorts before the original's: the date, not the name, makes it the newer one.
    const corrected = seed000.text.replace("2018年1月22日", "2018年2月5日").replace("六、举报投诉数量\t件\t0", "六、举报投诉数量\t件\t3");
    writeFileSync(join(src, "000_0-corrected.txt"), corrected);
    const summary = await convert(src, out);
    expect(summary.failed).toEqual([]);
    expect(summary.deleted).toEqual([]);
    expect(summary.converted.find((c) => c.id === "640202-2017")).toMatchObject({ file: "000_0-corrected.txt", warnings: 1 });
    expect(summary.superseded).toEqual([{ file: seed000.file, id: "640202-2017", as: "version", of: "000_0-corrected.txt" }]);
    const report = JSON.parse(json(out, "640202-2017.json").toString("utf8"));
    const original = JSON.parse(earlier);
    expect(report.publishedOn).toBe("2018-02-05");
    expect(report.statistics.find((s: { indicator: string }) => s.indicator === "complaints_total").value).toBe(3);
    expect(report.versions).toEqual([
      { file: seed000.file, sha256: original.source.sha256, publishedOn: "2018-01-22", current: false, changes: [{ indicator: "complaints_total", published: 3, version: 0 }] },
      { file: "000_0-corrected.txt", sha256: report.source.sha256, publishedOn: "2018-02-05", current: true, changes: [] },
    ]);
    expect(report.diagnostics.at(-1)).toEqual({
      severity: "warning",
      code: "several_versions",
      line: null,
      message: `本报告有 2 个版本，发布最新的 000_0-corrected.txt；较早的版本：${seed000.file}（1 项数字不同） / 2 versions of this report; the newest, 000_0-corrected.txt, is published; earlier: ${seed000.file} (1 figure differs)`,
    });
    // The earlier version is kept as it was converted.
    expect(readFileSync(join(out, "data", "versions", "640202-2017", `${original.source.sha256}.json`), "utf8")).toBe(earlier);

    // Whichever order the files come in, the outcome is the same.
    const again = await convert(src, out, readdirSync(src).reverse().map((f) => join(src, f)));
    expect({ ...again, unchanged: [] }).toEqual({ ...summary, unchanged: [] });
  });

  it("two versions without dates: the later file name is published, and neither disappears", async () => {
    const { src, out } = seedsFolder();
    writeFileSync(join(src, "hongsibu-2018-corrected.txt"), seed003.text.replace("举报投诉数量</b>\t件\t45", "举报投诉数量</b>\t件\t46"));
    const summary = await convert(src, out);
    expect(summary.failed).toEqual([]);
    expect(summary.converted.find((c) => c.id === "640303-2018")!.file).toBe("hongsibu-2018-corrected.txt");
    const report = JSON.parse(json(out, "640303-2018.json").toString("utf8"));
    expect(report.versions.map((v: { file: string; current: boolean; changes: unknown }) => [v.file, v.current, v.changes])).toEqual([
      [seed003.file, false, [{ indicator: "complaints_total", published: 46, version: 45 }]],
      ["hongsibu-2018-corrected.txt", true, []],
    ]);
    expect(readdirSync(join(out, "data", "versions", "640303-2018"))).toHaveLength(1);
  });
});
