/**
 * Statistics stage on small tables. Rows are real lines copied from the seed
 * sources (000 tab-separated, 001 Markdown pipes, 003 with <b> and repeated
 * headers); malformed rows are those real lines with one thing broken.
 */
import { describe, expect, it } from "vitest";
import { getTemplate } from "../../../src/catalog/index.ts";
import type { Statistic } from "../../../src/schema/report.ts";
import { locateStatisticsTable, readStatisticsTable } from "../../../src/converter/stages/statistics.ts";
import { toSourceLines } from "../../helpers/source-lines.ts";

const template = getTemplate("national-2008");

function read(text: string) {
  const { statistics, log } = readStatisticsTable(toSourceLines(text), template);
  const byId = (id: string): Statistic | undefined => statistics.find((s) => s.indicator === id);
  const warnings = log.diagnostics.filter((d) => d.code !== "missing_indicator");
  return { statistics, byId, warnings, diagnostics: log.diagnostics };
}

// seed 000, lines 146–156 and 194–204
const TSV_000 = [
  "统计指标\t单位\t统计数",
  "一、主动公开情况\t——\t",
  "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)\t条\t8573",
  "其中: 主动公开规范性文件数\t条\t6",
  "制发规范性文件总数\t件\t6",
  "(二) 通过不同渠道和方式公开政府信息的情况\t——\t",
  "1. 政府公报公开政府信息数\t条\t0",
  "2. 政府网站公开政府信息数\t条\t3407",
].join("\n");

describe("locateStatisticsTable", () => {
  it("covers header to last row, not the title line above", () => {
    const text = ["附件", "", "石嘴山市大武口区2017年度政府信息公开情况统计表", "", TSV_000].join("\n");
    expect(locateStatisticsTable(toSourceLines(text), template)).toEqual({ from: 5, to: 12 });
  });

  it("continues across blank lines, empty pipe headers and repeated headers (seed 001, 003)", () => {
    const text = [
      "| 统计指标                                      | 单位 | 统计数   |",
      "|---|----|-------|",
      "| 1. 参加或举办新闻发布会总次数                          | 次  | 37    |",
      "| 其中：主要负责同志参加新闻发布会次数                        | 次  | 23    |",
      "",
      "",
      "|                       |   |     |",
      "|-----------------------|---|-----|",
      "| 2. 政府网站在线访谈次数         | 次 | 7   |",
      "",
      "统计指标\t单位\t统计数",
      "3. 政策解读稿件发布数\t篇\t114",
      "",
      "三、政府信息依申请公开情况",
      "",
      "2017 年共收到政府信息依申请公开 43 件。",
    ].join("\n");
    expect(locateStatisticsTable(toSourceLines(text), template)).toEqual({ from: 1, to: 12 });
  });

  it("spans a stray line of text inside the table and reports it as an unknown row", () => {
    const text = [
      TSV_000,
      "网站首页 [欢迎来到宜业宜居山水园林城市——中国大武口](#) 后天：银川 ☀️ 晴 0°C ~ -11°C [详细»](#)，本页面由大武口区人民政府办公室主办。",
      "3. 政务微博公开政府信息数\t条\t2306",
      "4. 政务微信公开政府信息数\t条\t1660",
    ].join("\n");
    expect(locateStatisticsTable(toSourceLines(text), template)).toEqual({ from: 1, to: 11 });
    const { byId, warnings } = read(text);
    expect(byId("proactive_wechat")?.value).toBe(1660);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([["unknown_row", 9]]);
  });

  it("is null for prose and for tables the catalog does not know (seed 003 lines 91–95)", () => {
    const text = [
      "2018年建议提案办理结果\t\t\t\t",
      "\t承办总件数\t已办结件数\t正在办理件数\t无法办理件数",
      "人大议案\t2\t2\t0\t0",
      "人大建议\t34\t30\t2\t2",
      "",
      "2016年受理政府信息公开申请5件,均已按要求向申请人作出答复。",
    ].join("\n");
    expect(locateStatisticsTable(toSourceLines(text), template)).toBeNull();
  });

  it("keeps the original line numbers when earlier lines were removed", () => {
    const lines = toSourceLines(TSV_000).map((l) => ({ ...l, n: l.n + 100 }));
    expect(locateStatisticsTable(lines, template)).toEqual({ from: 101, to: 108 });
  });
});

describe("readStatisticsTable: shapes", () => {
  it("reads tab-separated rows with numbering, notes and 其中 prefixes (seed 000)", () => {
    const { statistics, warnings } = read(TSV_000);
    expect(statistics.map((s) => [s.indicator, s.value, s.line])).toEqual([
      ["proactive_total", 8573, 3],
      ["proactive_normative_docs", 6, 4],
      ["normative_docs_issued", 6, 5],
      ["proactive_gazette", 0, 7],
      ["proactive_website", 3407, 8],
    ]);
    expect(statistics[0]).toEqual({
      indicator: "proactive_total",
      value: 8573,
      origin: "table",
      line: 3,
      raw: "8573",
      label: "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)",
      note: null,
    });
    expect(warnings).toEqual([]);
  });

  it("reads Markdown pipe rows and a label broken with <br> (seed 001 line 339)", () => {
    const { byId } = read(
      [
        "| 统计指标                                      | 单位 | 统计数   |",
        "|---|----|-------|",
        "| 一、主动公开情况                                  | —— |       |",
        "| （一）主动公开政府信息数<br>（不同渠道和方式公开相同信息计 1 条）      | 条  | 73659 |",
        "| 其中：主动公开规范性文件数                             | 条  | 394   |",
      ].join("\n"),
    );
    expect(byId("proactive_total")).toMatchObject({
      value: 73659,
      line: 4,
      label: "（一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）",
    });
    expect(byId("proactive_normative_docs")?.value).toBe(394);
  });

  it("reads HTML cells", () => {
    const { byId } = read(
      [
        "<tr><th>统计指标</th><th>单位</th><th>统计数</th></tr>",
        "<tr><td>三、依申请公开情况</td><td>——</td><td></td></tr>",
        "<tr><td>(一) 收到申请数</td><td>件</td><td>43</td></tr>",
        "<tr><td>1. 当面申请数</td><td>件</td><td>33</td></tr>",
      ].join("\n"),
    );
    expect(byId("requests_received")?.value).toBe(43);
    expect(byId("requests_in_person")?.value).toBe(33);
  });

  it("skips <b> section rows and repeated headers, keeping the section across the page (seed 003 lines 216–226)", () => {
    const { statistics, warnings } = read(
      [
        "<b>四、行政复议数量</b>\t件\t0",
        "(一) 维持具体行政行为数\t件\t0",
        "(二) 被依法纠错数\t件\t0",
        "(三) 其他情形数\t件\t0",
        "<b>五、行政诉讼数量</b>\t件\t2",
        "(一) 维持具体行政行为或者驳回原告诉讼请求数\t件\t1",
        "",
        "统计指标\t单位\t统计数",
        "(二) 被依法纠错数\t件\t1",
        "(三) 其他情形数\t件\t0",
        "<b>六、举报投诉数量</b>\t件\t45",
      ].join("\n"),
    );
    expect(statistics.map((s) => [s.indicator, s.value, s.line])).toEqual([
      ["reconsideration_total", 0, 1],
      ["reconsideration_upheld", 0, 2],
      ["reconsideration_corrected", 0, 3],
      ["reconsideration_other", 0, 4],
      ["litigation_total", 2, 5],
      ["litigation_upheld", 1, 6],
      ["litigation_corrected", 1, 9],
      ["litigation_other", 0, 10],
      ["complaints_total", 45, 11],
    ]);
    expect(statistics[0]!.label).toBe("四、行政复议数量");
    expect(warnings).toEqual([]);
  });

  it("ignores the value printed beside a section row and the free text of （四）申请公开的主要内容 (seed 000 lines 167–168, 192–194)", () => {
    const { statistics, warnings } = read(
      [
        "统计指标\t单位\t统计数",
        "三、依申请公开情况\t——\t0",
        "(一) 收到申请数\t件\t0",
        "(四) 申请公开的主要内容\t\t",
        "主要侧重_____、_____、_____、_____等几个方面，其中 _____占比%、_____占比%、_____占比%。\t——\t",
        "四、行政复议数量\t件\t0",
      ].join("\n"),
    );
    expect(statistics.map((s) => [s.indicator, s.value])).toEqual([
      ["requests_received", 0],
      ["reconsideration_total", 0],
    ]);
    expect(warnings).toEqual([]);
  });

  it("matches the catalog's OCR variant 召开政府信息与政务公开工作会议或专题会议数 (seed 000 line 213)", () => {
    const { byId } = read(
      [
        "九、政府信息公开会议和培训情况\t——\t",
        "(一) 召开政府信息与政务公开工作会议或专题会议数\t次\t2",
        "(二) 举办各类培训班数\t次\t1",
        "(三) 接受培训人员数\t人次\t70",
      ].join("\n"),
    );
    expect(byId("meetings")).toMatchObject({ value: 2, label: "(一) 召开政府信息与政务公开工作会议或专题会议数" });
  });

  it("joins a long label broken over two lines (seed 000 line 211)", () => {
    const { byId, warnings } = read(
      [
        "八、机构建设和保障经费情况\t——\t",
        "(三) 从事政府信息公开工作人员数\t人\t76",
        "(四) 政府信息公开专项经费 (不包括用于政府公报编辑管理及政府网站建设维护等方面的",
        "经费)\t万元\t8",
        "九、政府信息公开会议和培训情况\t——\t",
      ].join("\n"),
    );
    expect(byId("budget_special")).toMatchObject({ value: 8, line: 4 });
    expect(warnings).toEqual([]);
  });

  it("joins a label broken over two lines, with or without cells on the first", () => {
    const { byId, warnings } = read(
      [
        "统计指标\t单位\t统计数",
        "一、主动公开情况\t——\t",
        "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息",
        "计1条)\t条\t8573",
        "其中: 主动公开规范性文件数\t条\t6",
        "| （一）回应公众关注热点或重大舆情数 |  |  |",
        "| （不同方式回应同一热点或舆情计 1 次） | 次 | 218 |",
        "1. 参加或举办新闻发布会总次数\t次\t0",
      ].join("\n"),
    );
    expect(byId("proactive_total")).toMatchObject({
      value: 8573,
      line: 4,
      label: "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)",
    });
    expect(byId("response_hotspots")).toMatchObject({ value: 218, line: 7 });
    expect(byId("proactive_normative_docs")?.value).toBe(6);
    expect(warnings).toEqual([]);
  });
});

describe("readStatisticsTable: values", () => {
  const table = (rows: string[]) => read(["统计指标\t单位\t统计数", "三、依申请公开情况\t——\t", ...rows].join("\n"));

  it("reads thousands separators, full-width digits, decimals in 万元 rows and the row's own unit", () => {
    const { byId, warnings } = table([
      "(一) 收到申请数\t件\t1,234",
      "1. 当面申请数\t件\t１２３",
      "2. 传真申请数\t件\t5件",
      "3. 网络申请数\t件\t5（件）",
      "七、依申请公开信息收取的费用\t万元\t12.5",
    ]);
    expect(byId("requests_received")).toMatchObject({ value: 1234, raw: "1,234", note: null });
    expect(byId("requests_in_person")).toMatchObject({ value: 123, raw: "１２３" });
    expect(byId("requests_fax")).toMatchObject({ value: 5, raw: "5件" });
    expect(byId("requests_online")).toMatchObject({ value: 5, raw: "5（件）" });
    expect(byId("fees_collected")).toMatchObject({ value: 12.5, raw: "12.5", note: null });
    expect(warnings).toEqual([]);
  });

  it("turns dashes, slashes and blanks into null with a note and no warning", () => {
    const { byId, warnings } = table([
      "(一) 收到申请数\t件\t—",
      "1. 当面申请数\t件\t——",
      "2. 传真申请数\t件\t/",
      "3. 网络申请数\t件\t-",
      "4. 信函申请数\t件\t",
    ]);
    for (const id of ["requests_received", "requests_in_person", "requests_fax", "requests_online", "requests_mail"]) {
      expect(byId(id)?.value, id).toBeNull();
      expect(byId(id)?.note, id).toMatch(/未填报/);
    }
    expect(byId("requests_fax")?.raw).toBe("/");
    expect(byId("requests_mail")?.raw).toBe("");
    expect(warnings).toEqual([]);
  });

  it("turns ambiguous cells into null with a warning naming the line and the raw text", () => {
    const { byId, warnings } = table([
      "(一) 收到申请数\t件\t约300",
      "1. 当面申请数\t件\t十二",
      "2. 传真申请数\t件\t-3",
      "3. 网络申请数\t件\t1 234",
      "4. 信函申请数\t件\t12.5",
      "(二) 申请办结数\t件\t5次",
    ]);
    const ids = ["requests_received", "requests_in_person", "requests_fax", "requests_online", "requests_mail", "requests_closed"];
    expect(ids.map((id) => [byId(id)?.value, byId(id)?.raw])).toEqual([
      [null, "约300"],
      [null, "十二"],
      [null, "-3"],
      [null, "1 234"],
      [null, "12.5"],
      [null, "5次"],
    ]);
    expect(warnings.map((w) => [w.code, w.line, w.severity])).toEqual([
      ["ambiguous_value", 3, "warning"],
      ["ambiguous_value", 4, "warning"],
      ["ambiguous_value", 5, "warning"],
      ["ambiguous_value", 6, "warning"],
      ["ambiguous_value", 7, "warning"],
      ["ambiguous_value", 8, "warning"],
    ]);
    expect(warnings[0]!.message).toContain("约300");
    expect(warnings[0]!.message).toContain("第 3 行");
    expect(byId("requests_received")?.note).toMatch(/约数/);
  });
});

describe("readStatisticsTable: malformed rows", () => {
  it("handles missing cells: no value, no unit", () => {
    const { byId, warnings } = read(
      ["统计指标\t单位\t统计数", "三、依申请公开情况", "(一) 收到申请数\t件\t43", "1. 当面申请数\t件", "2. 传真申请数\t0", "3. 网络申请数\t件\t6"].join("\n"),
    );
    expect(byId("requests_in_person")).toMatchObject({ value: null, raw: "", note: "单元格空白，未填报" });
    expect(byId("requests_fax")).toMatchObject({ value: 0, raw: "0" });
    expect(byId("requests_online")?.value).toBe(6);
    expect(warnings).toEqual([]);
  });

  it("records a row printed without any value cell as not reported", () => {
    const { byId, warnings } = read(
      [
        "| 统计指标 | 单位 | 统计数 |",
        "|---|---|---|",
        "| 三、依申请公开情况 | — | — |",
        "| 2. 传真申请数 |  |  |",
        "| 3. 网络申请数 | 件 | 6 |",
        "| 4. 信函申请数 | 件 | 4 |",
        "| (二) 申请办结数 |  |  |",
        "| 1. 按时办结数 |  |  |",
        "| 2. 延期办结数 | 件 | 0 |",
      ].join("\n"),
    );
    expect(byId("requests_fax")).toMatchObject({ value: null, line: 4, raw: "", note: "单元格空白，未填报" });
    expect(byId("requests_online")?.value).toBe(6);
    expect(byId("requests_closed")).toMatchObject({ value: null, line: 7 });
    expect(byId("requests_closed_on_time")).toMatchObject({ value: null, line: 8 });
    expect(byId("requests_closed_extended")).toMatchObject({ value: 0, line: 9 });
    expect(warnings).toEqual([]);
  });

  it("handles extra columns: a 序号 column is skipped, two filled value cells are ambiguous", () => {
    const { byId, warnings } = read(
      [
        "统计指标\t单位\t统计数",
        "三、依申请公开情况\t——\t",
        "1\t(一) 收到申请数\t件\t43",
        "2\t1. 当面申请数\t件\t\t33",
        "(二) 申请办结数\t件\t43\t44",
      ].join("\n"),
    );
    expect(byId("requests_received")?.value).toBe(43);
    expect(byId("requests_in_person")?.value).toBe(33);
    expect(byId("requests_closed")).toMatchObject({ value: null, raw: "43 | 44" });
    expect(warnings.map((w) => [w.code, w.line])).toEqual([["ambiguous_value", 5]]);
  });

  it("accepts rows out of order when the label alone identifies the indicator", () => {
    const { statistics, warnings } = read(
      [
        "统计指标\t单位\t统计数",
        "2. 兼职人员数\t人\t39",
        "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)\t条\t8573",
        "(三) 从事政府信息公开工作人员数\t人\t76",
        "1. 专职人员数 (不包括政府公报及政府网站工作人员数)\t人\t37",
      ].join("\n"),
    );
    expect(statistics.map((s) => [s.indicator, s.value])).toEqual([
      ["staff_part_time", 39],
      ["proactive_total", 8573],
      ["staff_total", 76],
      ["staff_full_time", 37],
    ]);
    expect(warnings).toEqual([]);
  });

  it("keeps one of duplicated rows that agree; rows that disagree give null and a warning", () => {
    const { statistics, warnings } = read(
      [
        "统计指标\t单位\t统计数",
        "三、依申请公开情况\t——\t",
        "(一) 收到申请数\t件\t43",
        "1. 当面申请数\t件\t33",
        "1. 当面申请数\t件\t33",
        "(一) 收到申请数\t件\t44",
      ].join("\n"),
    );
    expect(statistics.map((s) => [s.indicator, s.value, s.line])).toEqual([
      ["requests_received", null, 3],
      ["requests_in_person", 33, 4],
    ]);
    expect(statistics[0]!.note).toBe("重复的行数值不同：第 3 行“43”与第 6 行“44”不一致，无法确定");
    expect(warnings.map((w) => [w.code, w.line])).toEqual([["duplicate_row", 6]]);
    expect(warnings[0]!.message).toContain("第 3 行");
  });

  it("takes the section from the row above when the section row itself is lost", () => {
    const { statistics, warnings } = read(
      [
        "统计指标\t单位\t统计数",
        "(一) 维持具体行政行为或者驳回原告诉讼请求数\t件\t0",
        "(二) 被依法纠错数\t件\t1",
        "(三) 其他情形数\t件\t0",
      ].join("\n"),
    );
    expect(statistics.map((s) => [s.indicator, s.value])).toEqual([
      ["litigation_upheld", 0],
      ["litigation_corrected", 1],
      ["litigation_other", 0],
    ]);
    expect(warnings).toEqual([]);
  });

  it("warns about unknown rows and about a shared label whose section is unknown", () => {
    const { statistics, warnings } = read(
      [
        "统计指标\t单位\t统计数",
        "三、依申请公开情况\t——\t",
        "(一) 收到申请数\t件\t43",
        "(五) 申请人满意度\t%\t98",
        "(二) 被依法纠错数\t件\t0",
        "1. 当面申请数\t件\t33",
      ].join("\n"),
    );
    expect(statistics.map((s) => s.indicator)).toEqual(["requests_received", "requests_in_person"]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ["unknown_row", 4],
      ["ambiguous_label", 5],
    ]);
    expect(warnings[0]!.message).toContain("(五) 申请人满意度");
  });

  it("lists the catalog indicators the table lacks in one warning", () => {
    const { diagnostics } = read(TSV_000);
    const missing = diagnostics.filter((d) => d.code === "missing_indicator");
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain("缺少 53 个指标");
    expect(missing[0]!.line).toBeNull();
  });

  it("returns nothing for a report without a table", () => {
    const prose = "2016 年我县各乡镇、各部门主动公开政府信息 42704 条。";
    expect(readStatisticsTable(toSourceLines(prose), template)).toEqual({ statistics: [], log: { diagnostics: [], removals: [] } });
  });
});
