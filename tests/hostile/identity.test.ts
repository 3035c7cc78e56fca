/**
 * What a report is and whose: a news item is not a report; a title without a
 * year or a jurisdiction falls back to the body, else the file is refused;
 * two files for one jurisdiction and year are both refused, by name; an
 * unknown jurisdiction is published under a stable placeholder id.
 */
import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTemplate } from "../../src/catalog/index.ts";
import { convertFiles } from "../../src/converter/publish/run.ts";
import { SEEDS, seedFile } from "../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../helpers/source-lines.ts";
import { conversionError, convertText, seedText } from "./helpers.ts";

const seed003 = seedText("003");
const TITLE_LINE = "# 红寺堡区 2018 年政府信息公开工作年度报告";
const QUOTED_TITLE = "《红寺堡区2018年政府信息公开工作年度报告》";
const reference = convertText(seed003.file, seed003.text).report;

describe("not an annual report", () => {
  it("a news item about a report, with a report-like headline and the quoted title, is refused", () => {
    const news = [
      "我区发布2018年政府信息公开工作年度报告",
      "",
      "（记者 王芳）近日，红寺堡区人民政府发布《红寺堡区2018年政府信息公开工作年度报告》。报告显示，2018年全区主动公开政府信息15131条，收到政府信息公开申请0件。",
      "",
      "区政府办公室负责人表示，下一步将继续推进政务公开。",
      "",
      "责任编辑：李明",
    ].join("\n");
    const error = conversionError(() => convertText("news.txt", news));
    expect(error.code).toBe("not_a_report");
    expect(error.message).toBe(
      "news.txt: 不像政府信息公开工作年度报告（没有“本报告…”“统计期限”等说明、统计表或年报章节） / does not read as an annual report (no self-description, statistics table or report sections) (我区发布2018年政府信息公开工作年度报告)",
    );
  });

  it("a notice whose title names the report is refused as not_a_report; one naming nothing as missing_title", () => {
    const notice = conversionError(() => convertText("notice.txt", "关于报送2018年政府信息公开工作年度报告的通知\n各乡镇、各部门：请于1月31日前报送。\n"));
    expect([notice.code, notice.detail]).toEqual(["not_a_report", "关于报送2018年政府信息公开工作年度报告的通知"]);
    const letter = conversionError(() => convertText("letter.txt", "关于做好政务公开工作的通知\n各单位：请按要求办理。\n"));
    expect(letter.code).toBe("missing_title");
  });
});

describe("title without a year or a jurisdiction", () => {
  it("no year in the title line: the title quoted in the opening formula gives it", () => {
    const { report } = convertText("a.txt", seed003.text.replace(TITLE_LINE, "# 红寺堡区政府信息公开工作年度报告"));
    expect([report.id, report.title, report.year]).toEqual(["640303-2018", "红寺堡区2018年政府信息公开工作年度报告", 2018]);
  });

  it("no year in the title and no quoted title: the statistical period gives it, the title stays as written", () => {
    const text = seed003.text.replace(TITLE_LINE, "# 红寺堡区政府信息公开工作年度报告").replace(QUOTED_TITLE, "本报告");
    const { report } = convertText("b.txt", text);
    expect([report.id, report.title, report.year, report.period]).toEqual([
      "640303-2018",
      "红寺堡区政府信息公开工作年度报告",
      2018,
      { start: "2018-01-01", end: "2018-12-31" },
    ]);
    expect(report.statistics).toEqual(reference.statistics);
  });

  it("no year anywhere: refused as missing_year, naming the title", () => {
    const text = seed003.text
      .replace(TITLE_LINE, "# 红寺堡区政府信息公开工作年度报告")
      .replace(QUOTED_TITLE, "本报告")
      .replace("统计期限为2018年1月1日至2018年12月31日", "统计期限为本年度");
    expect(conversionError(() => convertText("c.txt", text)).message).toBe(
      "c.txt: 找不到报告年度 / no report year found (红寺堡区政府信息公开工作年度报告)",
    );
  });

  it("no jurisdiction in the title: the opening formula (经…人民政府同意) gives it", () => {
    const { report } = convertText("d.txt", seed003.text.replace(TITLE_LINE, "# 2018 年政府信息公开工作年度报告").replace(QUOTED_TITLE, "本报告"));
    expect([report.id, report.title, report.jurisdiction.name]).toEqual(["640303-2018", "2018年政府信息公开工作年度报告", "红寺堡区"]);
  });

  it("no jurisdiction anywhere: refused as missing_jurisdiction", () => {
    const text = seed003.text
      .replace(TITLE_LINE, "# 2018 年政府信息公开工作年度报告")
      .replace(`${QUOTED_TITLE}经红寺堡区人民政府同意`, "本报告")
      .replace("本报告由红寺堡区人民政府办公室", "本报告由办公室");
    expect(conversionError(() => convertText("e.txt", text)).message).toBe(
      "e.txt: 找不到报告所属行政区 / no jurisdiction found in the title or body (2018年政府信息公开工作年度报告)",
    );
  });
});

describe("unknown jurisdiction", () => {
  it("is published with a warning under a placeholder id that depends only on the name", () => {
    const text = seed003.text.replaceAll("红寺堡区", "云梦泽区");
    const first = convertText("yunmeng.txt", text).report;
    const again = convertText("other-name.txt", text).report;
    expect(first.id).toBe("911982-2018");
    expect(again.id).toBe(first.id);
    expect(first.jurisdiction).toEqual({
      code: "911982",
      name: "云梦泽区",
      fullName: "宁夏回族自治区云梦泽区",
      level: "county",
      parent: null,
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: false,
    });
    expect(first.diagnostics).toEqual([
      {
        severity: "warning",
        code: "unresolved_jurisdiction",
        message: '行政区“云梦泽区”不在区划代码数据中，使用占位代码 911982 / jurisdiction "云梦泽区" is not in the division dataset; placeholder code used',
        line: null,
      },
    ]);
    expect(first.statistics).toEqual(reference.statistics);
  });
});

describe("two files for the same jurisdiction and year", () => {
  const options = (outDir: string) => ({ outDir, complete: true, catalogSize: (id: string) => getTemplate(id).indicators.length });

  it("refuses both, names both, writes neither, and every other report is unchanged", () => {
    const root = mkdtempSync(join(tmpdir(), "hostile-dup-"));
    const src = join(root, "sources");
    mkdirSync(src);
    for (const prefix of SEEDS) copyFileSync(join(SOURCES_DIR, seedFile(prefix)), join(src, seedFile(prefix)));
    const out = join(root, "content");
    convertFiles(readdirSync(src).map((f) => join(src, f)), options(out));
    const before = readFileSync(join(out, "data", "640202-2017.json"));

    // A second, different file for 红寺堡区 2018 (a corrected copy: one figure changed).
    writeFileSync(join(src, "hongsibu-2018-corrected.txt"), seed003.text.replace("举报投诉数量</b>\t件\t45", "举报投诉数量</b>\t件\t46"));
    const summary = convertFiles(readdirSync(src).map((f) => join(src, f)), options(out));
    const both = `640303-2018: 003_2853f03aefee650d.txt、hongsibu-2018-corrected.txt`;
    expect(summary.failed).toEqual([
      { file: "003_2853f03aefee650d.txt", code: "duplicate_id", message: `003_2853f03aefee650d.txt: 多个文件对应同一行政区同一年度 / several files convert to the same jurisdiction and year (${both})` },
      { file: "hongsibu-2018-corrected.txt", code: "duplicate_id", message: `hongsibu-2018-corrected.txt: 多个文件对应同一行政区同一年度 / several files convert to the same jurisdiction and year (${both})` },
    ]);
    expect(summary.converted.map((c) => c.id)).toEqual(["640202-2017", "640500-2017", "640221-2016", "640104-2018"]);
    // The id's earlier output goes too: the site never shows one of two conflicting versions.
    expect(summary.deleted).toEqual(["data/640303-2018.json", "reports/640303-2018.mdx"]);
    expect(existsSync(join(out, "data", "640303-2018.json"))).toBe(false);
    expect(readFileSync(join(out, "data", "640202-2017.json")).equals(before)).toBe(true);

    // Whichever order the files come in, the outcome is the same.
    const reversed = convertFiles(readdirSync(src).map((f) => join(src, f)).reverse(), options(out));
    expect(reversed.failed).toEqual(summary.failed);
  });
});
