/**
 * The label dictionary of a template table: the core a label is compared on,
 * what a whole cell may stand for, and every label in flowing text whose cell
 * boundaries are lost (real crawler text of 平潭 2022 and 2025).
 */
import { describe, expect, it } from "vitest";
import { getTemplate, type Table } from "../../../../src/catalog/index.ts";
import { fold, labelCore, labelOrdinal, labelsOf, sectionOrdinal, type LabelRole } from "../../../../src/converter/readers/labels.ts";

const tableOf = (template: string, id: string): Table => getTemplate(template).tables.find((t) => t.id === id)!;
const statistics2008 = labelsOf(tableOf("national-2008", "statistics"));

/** A role as a short tuple: what the label is and which row, column or section. */
function brief(role: LabelRole): (string | boolean | null)[] {
  switch (role.kind) {
    case "row":
      return ["row", role.row.id, role.block ?? role.section];
    case "column":
      return ["column", role.column.id, role.block ?? role.group];
    case "column_group":
      return ["column_group", role.group];
    case "caption":
      return ["caption", role.block];
    case "section":
      return ["section", role.section, role.indicator];
    case "group":
      return ["group", role.section, role.freeText];
    default:
      return [role.kind];
  }
}

describe("labelCore", () => {
  it.each([
    ["(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)", "主动公开政府信息数"],
    ["（一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）", "主动公开政府信息数"],
    ["（一）主动公开政府信息数<br>（不同渠道和方式公开相同信息计 1 条）", "主动公开政府信息数"],
    ["（一）主动公开政府信息数（不同渠道和方式公开相同信息", "主动公开政府信息数"],
    ["其中: 主动公开规范性文件数", "主动公开规范性文件数"],
    ["其中：涉及国家秘密", "涉及国家秘密"],
    ["1. 政府公报公开政府信息数", "政府公报公开政府信息数"],
    ["1、政府公报公开政府信息数", "政府公报公开政府信息数"],
    ["(1) 政府公报公开政府信息数", "政府公报公开政府信息数"],
    ["<b>四、行政复议数量</b>", "行政复议数量"],
    ["危及国家安全、公共安全、经济安全和社会稳定", "危及国家安全公共安全经济安全和社会稳定"],
    ["不是《条例》所指政府信息", "不是条例所指政府信息"],
    // A label that is all note keeps its words.
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和"],
  ])("%s → %s", (label, core) => {
    expect(labelCore(label)).toBe(core);
  });
});

describe("lookup: a whole cell", () => {
  it("finds rows, sections, groups and the header", () => {
    expect(statistics2008.lookup("3. 政策解读稿件发布数").map(brief)).toEqual([["row", "response_policy_interpretations", "response"]]);
    expect(statistics2008.lookup("<b>一、主动公开情况</b>").map(brief)).toEqual([["section", "proactive", null]]);
    // A section row that is itself a figure: the section, and the row of its indicator.
    expect(statistics2008.lookup("六、举报投诉数量").map(brief)).toEqual([
      ["section", "complaints", "complaints_total"],
      ["row", "complaints_total", "complaints"],
    ]);
    expect(statistics2008.lookup("(四) 申请公开的主要内容").map(brief)).toEqual([["group", "requests", true]]);
    expect(statistics2008.lookup("统计指标").map(brief)).toEqual([["header"]]);
  });

  it("returns both rows for a label only the section can tell apart", () => {
    expect(statistics2008.lookup("（二）被依法纠错数").map(brief)).toEqual([
      ["row", "reconsideration_corrected", "reconsideration"],
      ["row", "litigation_corrected", "litigation"],
    ]);
  });

  it("uses the catalog's variants and tolerates a dropped final 数, but not a different label", () => {
    expect(statistics2008.lookup("(一) 召开政府信息与政务公开工作会议或专题会议数").map(brief)).toEqual([["row", "meetings", "meetings_training"]]);
    expect(statistics2008.lookup("(一) 收到申请").map(brief)).toEqual([["row", "requests_received", "requests"]]);
    expect(statistics2008.lookup("2. 同意公开答复数").map(brief)).toEqual([["row", "replies_granted", "requests"]]);
    expect(statistics2008.lookup("4. 不同意公开答复数").map(brief)).toEqual([["row", "replies_denied", "requests"]]);
    expect(statistics2008.lookup("(五) 申请人满意度")).toEqual([]);
  });

  it("tells a 2021 block's row by its block, and a typo the catalog lists (洪泽 2023: 2.其他法律行政止公开)", () => {
    const proactive = labelsOf(tableOf("national-2021", "proactive"));
    expect(proactive.lookup("规范性文件").map(brief)).toEqual([["row", "normative_docs", "article_20_1"]]);
    expect(proactive.lookup("本年收费金额（单位：万元）").map(brief)).toEqual([["column", "amount", "article_20_8"]]);
    const requests = labelsOf(tableOf("national-2021", "requests"));
    expect(requests.lookup("2.其他法律行政止公开").map(brief)).toEqual([["row", "denied_law_prohibited", null]]);
  });
});

describe("ordinals", () => {
  it.each([
    ["三、依申请公开情况", 3],
    ["九、政府信息公开会议和培训情况", 9],
    ["十、其他", 10],
    ["十二、其他", 12],
    ["二十三、其他", 23],
    ["<b>四、行政复议数量</b>", 4],
    ["(一) 收到申请数", null],
    ["一二、其他", null],
  ])("section %s → %s", (label, ordinal) => {
    expect(sectionOrdinal(label)).toBe(ordinal);
  });

  it.each([
    ["1.属于国家秘密", 1],
    ["8.属于行政查询事项", 8],
    ["2、同意部分公开答复数", 2],
    ["１２．其他", 12],
    ["（一）予以公开", null],
    ["属于国家秘密", null],
  ])("row %s → %s", (label, ordinal) => {
    expect(labelOrdinal(label)).toBe(ordinal);
  });
});

describe("scan: labels in flowing text", () => {
  /** The labels found in the text, as the text prints them (folded), with their roles. */
  function scan(template: string, table: string, text: string): [string, ...(string | boolean | null)[][]][] {
    const folded = fold(text);
    return labelsOf(tableOf(template, table))
      .scan(folded.text)
      .map((hit) => [folded.text.slice(hit.from, hit.to), ...hit.roles.map(brief)]);
  }

  it("skips a row label's note with it, so the words inside the note are not labels (平潭 2022 table 三)", () => {
    const text = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 8100009（三）不予公开 1.属于国家秘密0000000";
    expect(scan("national-2021", "requests", text)).toEqual([
      ["部分公开(区分处理的,只计这一情形,不计其他情形)", ["row", "replies_partially_granted", null]],
      ["不予公开", ["row", "replies_denied", null]],
      ["属于国家秘密", ["row", "denied_state_secret", null]],
    ]);
  });

  it("takes the longest label at each place: 其他处理 is not 其他, and 3.其他 is the row or the column 其他", () => {
    const text =
      "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 20000022.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 00000003.其他 0200002（七）总计 723000075";
    expect(scan("national-2021", "requests", text)).toEqual([
      ["其他处理", ["row", "replies_other", null]],
      ["申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ["row", "other_no_amendment", null]],
      ["申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ["row", "other_fee_unpaid", null]],
      ["其他", ["column", "other_org", null], ["row", "other_misc", null]],
      ["总计", ["column", "total", null], ["row", "replies_total", null]],
    ]);
  });

  it("reads 其他结果 as one header of 表四, not 其他 (平潭 2022)", () => {
    const text = "行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 未经复议直接起诉 复议后起诉";
    const hits = scan("national-2021", "appeals", text).map(([label, ...roles]) => [label, roles.length, roles[0]]);
    expect(hits).toEqual([
      ["行政复议", 2, ["header"]],
      ["行政诉讼", 2, ["header"]],
      ["结果维持", 3, ["column", "upheld", "reconsideration"]],
      ["结果纠正", 3, ["column", "corrected", "reconsideration"]],
      ["其他结果", 3, ["column", "other", "reconsideration"]],
      ["尚未审结", 3, ["column", "pending", "reconsideration"]],
      ["总计", 3, ["column", "total", "reconsideration"]],
      ["未经复议直接起诉", 1, ["column_group", "litigation_direct"]],
      ["复议后起诉", 1, ["column_group", "litigation_after_reconsideration"]],
    ]);
  });

  it("finds labels broken by spaces and line ends, and headers split over two words (商业 企业)", () => {
    const text = "申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息\n公开申请数量 713000074";
    expect(scan("national-2021", "requests", text).map(([label, first]) => [label, first])).toEqual([
      ["申请人情况", ["header"]],
      ["自然人", ["column", "natural_person", null]],
      ["法人或其他组织", ["header"]],
      ["总计", ["column", "total", null]],
      ["商业企业", ["column", "commercial", null]],
      ["科研机构", ["column", "research", null]],
      ["社会公益组织", ["column", "public_interest", null]],
      ["法律服务机构", ["column", "legal_services", null]],
      ["其他", ["column", "other_org", null]],
      ["本年新收政府信息公开申请数量", ["row", "requests_received", null]],
    ]);
  });

  it("maps every folded character back to the text it came from", () => {
    const text = "规章 ０ ０ ７";
    const folded = fold(text);
    expect(folded.text).toBe("规章007");
    expect(folded.map).toEqual([0, 1, 3, 5, 7]);
  });
});
