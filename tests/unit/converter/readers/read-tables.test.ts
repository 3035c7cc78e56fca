/**
 * The 2008 rows table read through the real path (text adapter → locateTables
 * → readTables). Rows are real lines copied from the seed sources (000
 * tab-separated, 001 Markdown pipes, 003 with <b> and repeated headers);
 * malformed rows are those real lines with one thing broken.
 */
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../../../src/converter/document/source-text.ts";
import { convertSource } from "../../../../src/converter/pipeline.ts";
import { editLines, linesOf, seedText } from "../../../hostile/helpers.ts";
import { readSource, type SourceReading } from "./read-source.ts";

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

const read = (text: string) => readSource(text);

/** The lines a located table covers, first to last (1-based). */
function coveredLines(reading: SourceReading): { table: string; from: number; to: number }[] {
  const index = new LineIndex(reading.document.text);
  return reading.regions.map((region) => ({
    table: region.table.id,
    from: index.lineOf(Math.min(...region.ranges.map((r) => r.start))),
    to: index.lineOf(Math.max(...region.ranges.map((r) => r.end)) - 1),
  }));
}

describe("locateTables", () => {
  it("covers header to last row, not the title line above", async () => {
    const text = ["附件", "", "石嘴山市大武口区2017年度政府信息公开情况统计表", "", TSV_000].join("\n");
    expect(coveredLines(await read(text))).toEqual([{ table: "statistics", from: 5, to: 12 }]);
  });

  it("continues across blank lines, empty pipe headers and repeated headers (seed 001, 003)", async () => {
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
    const reading = await read(text);
    expect(coveredLines(reading)).toEqual([{ table: "statistics", from: 1, to: 12 }]);
    expect(reading.statistics.map((s) => [s.indicator, s.value, s.line])).toEqual([
      ["response_press_conferences", 37, 3],
      ["response_press_conferences_by_leaders", 23, 4],
      ["response_online_interviews", 7, 9],
      ["response_policy_interpretations", 114, 12],
    ]);
  });

  it("spans a stray line of text inside the table and warns about it (it is no row)", async () => {
    const text = [
      TSV_000,
      "网站首页 [欢迎来到宜业宜居山水园林城市——中国大武口](#) 后天：银川 ☀️ 晴 0°C ~ -11°C [详细»](#)，本页面由大武口区人民政府办公室主办。",
      "3. 政务微博公开政府信息数\t条\t2306",
      "4. 政务微信公开政府信息数\t条\t1660",
    ].join("\n");
    const reading = await read(text);
    expect(coveredLines(reading)).toEqual([{ table: "statistics", from: 1, to: 11 }]);
    expect(reading.byId("proactive_weibo")).toMatchObject({ value: 2306, line: 10 });
    expect(reading.byId("proactive_wechat")).toMatchObject({ value: 1660, line: 11 });
    // The old reader called the line an unknown row; it is text standing inside the table, and the warning says so.
    expect(reading.warnings.map((w) => [w.code, w.line])).toEqual([["text_in_table", 9]]);
    expect(reading.warnings[0]!.message).toContain("网站首页");
    expect(reading.extraRows).toEqual([]);
  });

  it("finds nothing in prose and in tables the catalog does not know (seed 003 lines 91–95)", async () => {
    const text = [
      "2018年建议提案办理结果\t\t\t\t",
      "\t承办总件数\t已办结件数\t正在办理件数\t无法办理件数",
      "人大议案\t2\t2\t0\t0",
      "人大建议\t34\t30\t2\t2",
      "",
      "2016年受理政府信息公开申请5件,均已按要求向申请人作出答复。",
    ].join("\n");
    const reading = await read(text);
    expect(reading.regions).toEqual([]);
    expect(reading.statistics).toEqual([]);
    expect(reading.diagnostics).toEqual([]);
  });

  it("keeps the source's line numbers when the adapter removed lines before the table", async () => {
    const removed = Array.from({ length: 100 }, (_, i) => `<!-- 第 ${i + 1} 行：页面脚本 -->`);
    const reading = await read([...removed, TSV_000].join("\n"));
    expect(coveredLines(reading)).toEqual([{ table: "statistics", from: 101, to: 108 }]);
    expect(reading.statistics.map((s) => [s.indicator, s.line])).toEqual([
      ["proactive_total", 103],
      ["proactive_normative_docs", 104],
      ["normative_docs_issued", 105],
      ["proactive_gazette", 107],
      ["proactive_website", 108],
    ]);
  });
});

describe("readTables: shapes", () => {
  it("reads tab-separated rows with numbering, notes and 其中 prefixes (seed 000)", async () => {
    const { statistics, warnings, document } = await read(TSV_000);
    expect(statistics.map((s) => [s.indicator, s.value, s.line])).toEqual([
      ["proactive_total", 8573, 3],
      ["proactive_normative_docs", 6, 4],
      ["normative_docs_issued", 6, 5],
      ["proactive_gazette", 0, 7],
      ["proactive_website", 3407, 8],
    ]);
    const start = document.text.indexOf("8573");
    expect(statistics[0]).toEqual({
      indicator: "proactive_total",
      value: 8573,
      status: "reported",
      origin: "table",
      table: "statistics",
      row: "proactive_total",
      column: null,
      raw: "8573",
      unit: null,
      label: "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)",
      line: 3,
      span: { file: "table.txt", start, end: start + 4, line: 3, column: 36, endLine: 3, endColumn: 40, page: null },
      note: null,
    });
    expect(document.text.slice(start, start + 4)).toBe("8573");
    expect(warnings).toEqual([]);
  });

  it("reads Markdown pipe rows and a label broken with <br> (seed 001 line 339)", async () => {
    const { byId } = await read(
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

  it("reads HTML cells", async () => {
    const { byId, warnings } = await read(
      [
        "<tr><th>统计指标</th><th>单位</th><th>统计数</th></tr>",
        "<tr><td>三、依申请公开情况</td><td>——</td><td></td></tr>",
        "<tr><td>(一) 收到申请数</td><td>件</td><td>43</td></tr>",
        "<tr><td>1. 当面申请数</td><td>件</td><td>33</td></tr>",
      ].join("\n"),
    );
    expect(byId("requests_received")).toMatchObject({ value: 43, line: 3, raw: "43" });
    expect(byId("requests_in_person")).toMatchObject({ value: 33, line: 4, raw: "33" });
    expect(warnings).toEqual([]);
  });

  it("skips <b> section rows and repeated headers, keeping the section across the page (seed 003 lines 216–226)", async () => {
    const { statistics, warnings } = await read(
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

  it("ignores the value printed beside a section row and the free text of （四）申请公开的主要内容 (seed 000 lines 167–168, 192–194)", async () => {
    const { statistics, warnings, extraRows } = await read(
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
    expect(extraRows).toEqual([]);
  });

  it("matches the catalog's OCR variant 召开政府信息与政务公开工作会议或专题会议数 (seed 000 line 213)", async () => {
    const { byId } = await read(
      [
        "九、政府信息公开会议和培训情况\t——\t",
        "(一) 召开政府信息与政务公开工作会议或专题会议数\t次\t2",
        "(二) 举办各类培训班数\t次\t1",
        "(三) 接受培训人员数\t人次\t70",
      ].join("\n"),
    );
    expect(byId("meetings")).toMatchObject({ value: 2, label: "(一) 召开政府信息与政务公开工作会议或专题会议数" });
    expect(byId("training_sessions")?.value).toBe(1);
    expect(byId("trainees")?.value).toBe(70);
  });

  it("joins a long label broken over two lines (seed 000 line 211)", async () => {
    const { byId, warnings } = await read(
      [
        "八、机构建设和保障经费情况\t——\t",
        "(三) 从事政府信息公开工作人员数\t人\t76",
        "(四) 政府信息公开专项经费 (不包括用于政府公报编辑管理及政府网站建设维护等方面的",
        "经费)\t万元\t8",
        "九、政府信息公开会议和培训情况\t——\t",
      ].join("\n"),
    );
    expect(byId("budget_special")).toMatchObject({ value: 8, line: 4 });
    expect(byId("staff_total")).toMatchObject({ value: 76, line: 2 });
    expect(warnings).toEqual([]);
  });

  it("joins a label broken over two lines, with or without cells on the first", async () => {
    const { byId, warnings } = await read(
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
    expect(byId("response_press_conferences")?.value).toBe(0);
    expect(warnings).toEqual([]);
  });
});

describe("readTables: values", () => {
  const table = (rows: string[]) => read(["统计指标\t单位\t统计数", "三、依申请公开情况\t——\t", ...rows].join("\n"));

  it("reads thousands separators, full-width digits, decimals in 万元 rows and the row's own unit", async () => {
    const { byId, warnings } = await table([
      "(一) 收到申请数\t件\t1,234",
      "1. 当面申请数\t件\t１２３",
      "2. 传真申请数\t件\t5件",
      "3. 网络申请数\t件\t5（件）",
      "七、依申请公开信息收取的费用\t万元\t12.5",
    ]);
    expect(byId("requests_received")).toMatchObject({ value: 1234, status: "reported", raw: "1,234", note: null });
    expect(byId("requests_in_person")).toMatchObject({ value: 123, status: "reported", raw: "１２３" });
    expect(byId("requests_fax")).toMatchObject({ value: 5, status: "reported", raw: "5件", unit: "件" });
    expect(byId("requests_online")).toMatchObject({ value: 5, status: "reported", raw: "5（件）", unit: "件" });
    expect(byId("fees_collected")).toMatchObject({ value: 12.5, status: "reported", raw: "12.5", note: null });
    expect(warnings).toEqual([]);
  });

  it("turns dashes, slashes and blanks into not reported: null with a note and no warning", async () => {
    const { byId, warnings } = await table([
      "(一) 收到申请数\t件\t—",
      "1. 当面申请数\t件\t——",
      "2. 传真申请数\t件\t/",
      "3. 网络申请数\t件\t-",
      "4. 信函申请数\t件\t",
    ]);
    for (const id of ["requests_received", "requests_in_person", "requests_fax", "requests_online", "requests_mail"]) {
      expect(byId(id)?.value, id).toBeNull();
      expect(byId(id)?.status, id).toBe("not_reported");
      expect(byId(id)?.note, id).toMatch(/未填报/);
    }
    expect(byId("requests_fax")?.raw).toBe("/");
    expect(byId("requests_mail")?.raw).toBe("");
    expect(warnings).toEqual([]);
  });

  it("turns cells that are not one certain number into uncertain: null with a warning naming the line and the raw text", async () => {
    const { byId, warnings } = await table([
      "(一) 收到申请数\t件\t约300",
      "1. 当面申请数\t件\t十二",
      "2. 传真申请数\t件\t-3",
      "3. 网络申请数\t件\t1 234",
      "4. 信函申请数\t件\t12.5",
      "(二) 申请办结数\t件\t5次",
    ]);
    const ids = ["requests_received", "requests_in_person", "requests_fax", "requests_online", "requests_mail", "requests_closed"];
    expect(ids.map((id) => [byId(id)?.value, byId(id)?.status, byId(id)?.raw])).toEqual([
      [null, "uncertain", "约300"],
      [null, "uncertain", "十二"],
      [null, "uncertain", "-3"],
      [null, "uncertain", "1 234"],
      [null, "uncertain", "12.5"],
      [null, "uncertain", "5次"],
    ]);
    expect(warnings.map((w) => [w.code, w.line, w.severity])).toEqual([
      ["uncertain_value", 3, "warning"],
      ["uncertain_value", 4, "warning"],
      ["uncertain_value", 5, "warning"],
      ["uncertain_value", 6, "warning"],
      ["uncertain_value", 7, "warning"],
      ["uncertain_value", 8, "warning"],
    ]);
    expect(warnings[0]!.message).toContain("约300");
    expect(byId("requests_received")?.note).toMatch(/约数/);
    expect(byId("requests_in_person")?.note).toMatch(/汉字/);
    expect(byId("requests_fax")?.note).toMatch(/负数/);
    expect(byId("requests_online")?.note).toMatch(/两个数/);
    expect(byId("requests_mail")?.note).toMatch(/整数/);
  });
});

describe("readTables: values in flowing text", () => {
  // 平潭 2016's crawler text (sources/fujian-pingtan-2016.txt) with its first rows' figures written the ways reports slip.
  const crawler = (rows: string) =>
    [
      "标题: 平潭综合实验区2016年度政府信息公开工作年度报告",
      "发布时间: 2017-01-18 15:57",
      "原文链接: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201701/t20170118_80485.htm",
      "==================== 正文 ====================",
      `政府信息公开情况统计表 指标名称计量单位2016年度历年累计${rows}受理依申请公开信息总数条00其中：1、当面申请数条002、网上申请数条00`,
    ].join("\n");

  it("reads an approximate figure or one in Chinese numerals as uncertain, never as a row printed blank", async () => {
    const { byId, warnings, extraRows } = await readSource(crawler("主动公开文件数条约3460 85376其中：1、政府网站公开数条十二 853762、政府公报公开数条300余 5"), { template: "fujian-2008" });
    expect(["proactive_total", "proactive_total__cumulative", "proactive_website", "proactive_website__cumulative", "proactive_gazette", "proactive_gazette__cumulative"].map((id) => [id, byId(id)?.value, byId(id)?.status, byId(id)?.raw])).toEqual([
      ["proactive_total", null, "uncertain", "约3460"],
      ["proactive_total__cumulative", 85376, "reported", "85376"],
      ["proactive_website", null, "uncertain", "十二"],
      ["proactive_website__cumulative", 85376, "reported", "85376"],
      ["proactive_gazette", null, "uncertain", "300余"],
      ["proactive_gazette__cumulative", 5, "reported", "5"],
    ]);
    expect(byId("requests_in_person")).toMatchObject({ value: 0, status: "reported" });
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ["uncertain_value", 5],
      ["uncertain_value", 5],
      ["uncertain_value", 5],
    ]);
    expect(extraRows).toEqual([]);
  });

  it("makes the row uncertain when such a figure is glued to the others", async () => {
    const { byId, warnings } = await readSource(crawler("主动公开文件数条约346085376其中：1、政府网站公开数条3460 85376"), { template: "fujian-2008" });
    expect(byId("proactive_total")).toMatchObject({ value: null, status: "uncertain", raw: "约346085376" });
    expect(byId("proactive_total__cumulative")).toMatchObject({ value: null, status: "uncertain" });
    expect(byId("proactive_website")).toMatchObject({ value: 3460, status: "reported" });
    expect(warnings.map((w) => [w.code, w.message])).toEqual([["uncertain_value", "“主动公开文件数”：未填报符号、约数或汉字数字与连在一起的数字混排，无法确定各栏，记为空"]]);
  });
});

describe("readTables: malformed rows", () => {
  it("handles missing cells: no value, no unit", async () => {
    const { byId, warnings } = await read(
      ["统计指标\t单位\t统计数", "三、依申请公开情况", "(一) 收到申请数\t件\t43", "1. 当面申请数\t件", "2. 传真申请数\t0", "3. 网络申请数\t件\t6"].join("\n"),
    );
    expect(byId("requests_received")?.value).toBe(43);
    expect(byId("requests_in_person")).toMatchObject({ value: null, status: "not_reported", raw: "", note: "单元格空白，未填报" });
    expect(byId("requests_fax")).toMatchObject({ value: 0, status: "reported", raw: "0" });
    expect(byId("requests_online")?.value).toBe(6);
    expect(warnings).toEqual([]);
  });

  it("records a row printed without any value cell as not reported", async () => {
    const { byId, warnings } = await read(
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
    expect(byId("requests_fax")).toMatchObject({ value: null, status: "not_reported", line: 4, raw: "", note: "单元格空白，未填报" });
    expect(byId("requests_online")?.value).toBe(6);
    expect(byId("requests_closed")).toMatchObject({ value: null, status: "not_reported", line: 7 });
    expect(byId("requests_closed_on_time")).toMatchObject({ value: null, status: "not_reported", line: 8 });
    expect(byId("requests_closed_extended")).toMatchObject({ value: 0, line: 9 });
    expect(warnings).toEqual([]);
  });

  it("handles extra columns: a 序号 column is skipped, two filled value cells are uncertain", async () => {
    const { byId, warnings } = await read(
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
    expect(byId("requests_closed")).toMatchObject({ value: null, status: "uncertain", line: 5 });
    expect(byId("requests_closed")?.note).toContain("43 | 44");
    expect(warnings.map((w) => [w.code, w.line])).toEqual([["uncertain_value", 5]]);
  });

  it("accepts rows out of order when the label alone identifies the indicator", async () => {
    const { statistics, warnings } = await read(
      [
        "统计指标\t单位\t统计数",
        "2. 兼职人员数\t人\t39",
        "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)\t条\t8573",
        "(三) 从事政府信息公开工作人员数\t人\t76",
        "1. 专职人员数 (不包括政府公报及政府网站工作人员数)\t人\t37",
      ].join("\n"),
    );
    // Statistics come in template order, whatever order the report printed them in.
    expect(statistics.map((s) => [s.indicator, s.value, s.line])).toEqual([
      ["proactive_total", 8573, 3],
      ["staff_total", 76, 4],
      ["staff_full_time", 37, 5],
      ["staff_part_time", 39, 2],
    ]);
    expect(warnings).toEqual([]);
  });

  it("keeps one of duplicated rows that agree; rows that disagree give null and a warning", async () => {
    const { statistics, warnings } = await read(
      [
        "统计指标\t单位\t统计数",
        "三、依申请公开情况\t——\t",
        "(一) 收到申请数\t件\t43",
        "1. 当面申请数\t件\t33",
        "1. 当面申请数\t件\t33",
        "(一) 收到申请数\t件\t44",
      ].join("\n"),
    );
    expect(statistics.map((s) => [s.indicator, s.value, s.status, s.line])).toEqual([
      ["requests_received", null, "uncertain", 3],
      ["requests_in_person", 33, "reported", 4],
    ]);
    expect(statistics[0]!.note).toBe("重复的行数值不同：第 3 行“43”与第 6 行“44”不一致，无法确定");
    expect(warnings.map((w) => [w.code, w.line])).toEqual([["duplicate_row", 6]]);
    expect(warnings[0]!.message).toContain("第 3 行");
  });

  it("takes the section from the row above when the section row itself is lost", async () => {
    const { statistics, warnings } = await read(
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

  it("takes a section row whose words are mangled as the section its numbering names, not reading its figure", async () => {
    const { statistics, warnings, extraRows } = await read(
      [
        "统计指标\t单位\t统计数",
        "四、行政复议数量\t件\t0",
        "(二) 被依法纠错数\t件\t0",
        "五、行政诉讼\t件\t2",
        "(二) 被依法纠错数\t件\t1",
      ].join("\n"),
    );
    expect(statistics.map((s) => [s.indicator, s.value, s.line])).toEqual([
      ["reconsideration_total", 0, 2],
      ["reconsideration_corrected", 0, 3],
      ["litigation_corrected", 1, 5],
    ]);
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([["unknown_row", 4, "统计表中的“五、行政诉讼”不是已知的栏目名，按序号视为“五、行政诉讼数量”"]]);
    expect(extraRows).toEqual([{ table: "statistics", label: "五、行政诉讼", raw: "2", line: 4 }]);
  });

  it("keeps unknown rows as extra rows and warns about them and about a shared label whose section is unknown", async () => {
    const { statistics, warnings, extraRows } = await read(
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
    expect(extraRows).toEqual([{ table: "statistics", label: "(五) 申请人满意度", raw: "98", line: 4 }]);
  });

  it("lists the catalog indicators the table lacks in one warning", async () => {
    const { diagnostics } = await read(TSV_000);
    const missing = diagnostics.filter((d) => d.code === "missing_indicator");
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain("缺少 53 个指标");
    expect(missing[0]!.line).toBeNull();
  });

  it("returns nothing for a report without a table", async () => {
    const prose = "2016 年我县各乡镇、各部门主动公开政府信息 42704 条。";
    const reading = await read(prose);
    expect(reading.regions).toEqual([]);
    expect(reading.statistics).toEqual([]);
    expect(reading.extraRows).toEqual([]);
    expect(reading.diagnostics).toEqual([]);
  });
});

describe("a cell no number can be published from, in a whole report", () => {
  it("converts seed 003 with 401 digits in its 万元 cell: the figure is uncertain, every other figure stands", async () => {
    const seed = seedText("003");
    const digits = "7".repeat(401);
    const line = linesOf(seed.text)[233]!;
    expect(line).toContain("专项经费");
    const text = editLines(seed.text, { 234: line.replace(/\t5$/, `\t${digits}`) });
    const { report } = await convertSource({ file: seed.file, bytes: new TextEncoder().encode(text) });
    const budget = report.statistics.find((s) => s.indicator === "budget_special")!;
    expect(budget).toMatchObject({ value: null, status: "uncertain", raw: digits, line: 234 });
    expect(budget.note).toContain("无法精确表示");
    expect(report.diagnostics.filter((d) => d.code === "uncertain_value").map((d) => d.line)).toEqual([234]);
    expect(report.statistics.filter((s) => s.status === "reported")).toHaveLength(57);
  });
});
