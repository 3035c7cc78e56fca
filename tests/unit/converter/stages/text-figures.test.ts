/**
 * Figures stated in prose, read through the catalog's text figures. Lines are
 * copied from the real sources; the broken ones are those lines with one
 * thing changed.
 */
import { describe, expect, it } from "vitest";
import { getTemplate } from "../../../../src/catalog/index.ts";
import type { SourceText } from "../../../../src/converter/document/types.ts";
import { extractTextFigures } from "../../../../src/converter/stages/text-figures.ts";
import { lineDocument } from "../../../helpers/line-document.ts";

const template = getTemplate("national-2008");
function figures(text: string, templateId = "national-2008") {
  const document = lineDocument(text);
  const prose = document.blocks.flatMap((b): SourceText[] => (b.kind === "paragraph" ? [b.text] : []));
  return extractTextFigures(document, prose, templateId === "national-2008" ? template : getTemplate(templateId));
}
const pairs = (text: string, templateId?: string) => figures(text, templateId).map((f) => [f.indicator, f.value]);

// seed 002 line 76
const PINGLUO_CHANNELS =
  "2016 年我县各乡镇、各部门主动公开政府信息 42704 条。通过平罗县政府信息网发布政府信息共 21080 条，访问量达到 920732 次，其中：县政府发布政府信息 5568 条，县直各部门发布政府信息 11394 条，各乡镇人民政府发布政府信息 4118 条；通过各乡镇、各部门政务微信发布政府信息 2631 条；通过各乡镇、各部门政务微博发布政府信息 3646 条；通过《平罗县政务信息》发布政府信息 858 篇；通过公开栏、电视、广播等渠道发布政府信息 14489 条。";

describe("extractTextFigures", () => {
  it("reads the channel sentence of seed 002, not the 858 篇 of 《平罗县政务信息》", () => {
    const result = figures(PINGLUO_CHANNELS);
    expect(result.map((f) => [f.indicator, f.value, f.line])).toEqual([
      ["proactive_total", 42704, 1],
      ["proactive_website", 21080, 1],
      ["proactive_weibo", 3646, 1],
      ["proactive_wechat", 2631, 1],
    ]);
    expect(result[0]).toEqual({
      indicator: "proactive_total",
      value: 42704,
      status: "reported",
      origin: "text",
      table: null,
      row: null,
      column: null,
      raw: "主动公开政府信息 42704 条",
      unit: null,
      label: "2016 年我县各乡镇、各部门主动公开政府信息 42704 条。",
      line: 1,
      span: { file: "test.txt", start: 24, end: 29, line: 1, column: 25, endLine: 1, endColumn: 30, page: null },
      note: null,
    });
    expect(PINGLUO_CHANNELS.slice(24, 29)).toBe("42704");
    expect(result[2]!.label).toBe("通过各乡镇、各部门政务微博发布政府信息 3646 条；");
  });

  it("reads staff, meetings and training (seed 002 lines 17 and 57)", () => {
    const text = [
      "政府的要求，建立健全了政务公开领导组织机构。全县从事政府信息工作人员共 69 名，其中专职人员 15 名，兼职人员 54 名。暂未设立专项政府信息公开保障经费。",
      "编印了《政务公开工作培训手册》，使全县各乡镇、各部门领导及工作人员进一步了解、掌握了政府信息公开领域必要的业务知识，提高了工作水平和能力，进一步提升了工作实效。今年全县各乡镇、各部门召开政府信息公开工作会议或专题会议 43 次，举办各类培训班 72 次，培训工作人员 1014 人次。",
    ].join("\n");
    expect(figures(text).map((f) => [f.indicator, f.value, f.line])).toEqual([
      ["staff_total", 69, 1],
      ["staff_full_time", 15, 1],
      ["staff_part_time", 54, 1],
      ["meetings", 43, 2],
      ["training_sessions", 72, 2],
      ["trainees", 1014, 2],
    ]);
  });

  it("skips a total's cue standing after 其中, where it is a part (seed 003 line 46)", () => {
    const text =
      "**本年度，主动公开政府信息15131条，其中：通过政府门户网站主动公开政府信息6572条，通过政务微博公开政府信息698条，通过政务微信公开政府信息4151条，通过政府公报公开政府信息16条，通过宣传栏、电视媒体、电子显示屏等方式公开政府信息3694条。";
    const result = figures(text);
    expect(result.map((f) => [f.indicator, f.value])).toEqual([
      ["proactive_total", 15131],
      ["proactive_gazette", 16],
      ["proactive_website", 6572],
      ["proactive_weibo", 698],
      ["proactive_wechat", 4151],
    ]);
    expect(result[0]!.note).toBeNull();
    expect(result[0]!.label).toBe(
      "**本年度，主动公开政府信息15131条，其中：通过政府门户网站主动公开政府信息6572条，通过政务微博公开政府信息698条，通过政务微信公开政府信息4151条，通过政府公报公开政府信息16条，通过宣传栏、电视媒体、电子显示屏等方式公开政府信息3694条。",
    );
  });

  it("keeps the figure and skips the percentage beside it (seed 000 line 104)", () => {
    const text =
      "主动公开政府信息中，按公开渠道和方式分，政府网站公开3407条，占39.7%；政务微博公开2306条，占26.9%；政务微信公开1660条，占19.4%；通过报刊、广播、电视、新闻媒体等其他方式公开1200条，占14%。";
    expect(pairs(text)).toEqual([
      ["proactive_website", 3407],
      ["proactive_weibo", 2306],
      ["proactive_wechat", 1660],
      ["proactive_other", 1200],
    ]);
    expect(pairs("政府网站公开39.7%，政务微博公开26.9%。")).toEqual([]);
  });

  it("skips approximate numbers", () => {
    for (const text of [
      "全年主动公开政府信息约 300 条。",
      "全年主动公开政府信息近300条。",
      "全年主动公开政府信息 300 余条。",
      "全年主动公开政府信息300多条。",
      "全年主动公开政府信息 300 条以上。",
      "全年主动公开政府信息300条左右。",
      "全年主动公开政府信息超过300条。",
    ]) {
      expect(pairs(text), text).toEqual([]);
    }
  });

  it("needs one of the cue's units right after the number", () => {
    expect(pairs("培训工作人员 1014 人。")).toEqual([]); // the cue accepts 人次 only
    expect(pairs("全县从事政府信息工作人员共 69 人次。")).toEqual([]); // 人 is accepted, 人次 is another measure
    expect(pairs("全县从事政府信息工作人员共 69 人。")).toEqual([["staff_total", 69]]);
    expect(pairs("受理政府信息公开申请5人次。")).toEqual([]);
    expect(pairs("受理政府信息公开申请 2.5 件。")).toEqual([]); // a count is whole
    expect(pairs("2016年受理政府信息公开申请５件，均已答复。")).toEqual([["requests_received", 5]]);
    expect(pairs("全年主动公开政府信息 1,234 条。")).toEqual([["proactive_total", 1234]]);
  });

  it("keeps the first of two different statements and names the other in its note", () => {
    const text = ["全年主动公开政府信息 100 条。", "", "截至年底，主动公开政府信息 120 条；另主动公开政府信息 100 条。"].join("\n");
    const [first, ...rest] = figures(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ indicator: "proactive_total", value: 100, line: 1 });
    expect(first!.note).toBe("正文另有不同说法：第 3 行“主动公开政府信息 120 条”");
    expect(figures("主动公开政府信息 100 条。\n主动公开政府信息 100 条。")[0]!.note).toBeNull();
  });

  it("reads requests broken down by channel (seed 004 line 373, seed 001 line 284)", () => {
    expect(pairs("2018 年兴庆区共收到政府信息公开申请 5 件，其中网上申请 4 件，当面申请 1 件。申请内容主要涉及土地征用补偿。")).toEqual([
      ["requests_received", 5],
      ["requests_in_person", 1],
      ["requests_online", 4],
    ]);
    expect(
      pairs("规范依申请公开办理流程。在中卫市政府网站开通依申请公开受理渠道，2017 年共收到政府信息依申请公开 43 件，其中，当面申请 33 件，网上申请 6 件、信函申请 4 件，主要涉"),
    ).toEqual([
      ["requests_received", 43],
      ["requests_in_person", 33],
      ["requests_online", 6],
      ["requests_mail", 4],
    ]);
  });

  it("names the whole, not a part of it: 县直各单位 or 各乡镇 alone are parts, 各乡镇、各部门 together the whole", () => {
    expect(pairs("2012年全县主动公开政府信息2026条，其中县直各单位主动公开政府信息2475条。")).toEqual([["proactive_total", 2026]]);
    expect(pairs("县直各单位主动公开政府信息2475条。")).toEqual([]);
    expect(pairs("各乡镇主动公开政府信息1638条，占47%。")).toEqual([]);
    expect(pairs("其中，区管委会及区直各部门主动公开政府信息1822条，占53%。")).toEqual([]);
    expect(pairs("2013年制作、获取政府信息总数3618条，其中主动公开政府信息1853条，作为依申请公开信息数107条。")).toEqual([["proactive_total", 1853]]);
    expect(pairs("2023年，我区在政府网站平台主动公开政府信息1136条。")).toEqual([]);
  });

  it("reads a statement that there were none as 0, only where its clause ends with it", () => {
    expect(pairs("2016年全区未收到有关政府信息公开申请。")).toEqual([["requests_received", 0]]);
    expect(pairs("2013年，未收到政府信息公开申请行政复议的案件。")).not.toContainEqual(["requests_received", 0]);
  });

  it("finds nothing in text without cues", () => {
    expect(figures("2017年，大武口区无涉及政府信息公开的行政复议和行政诉讼。")).toEqual([]);
  });
});
