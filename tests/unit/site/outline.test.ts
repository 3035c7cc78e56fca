/** The printed outline of a table read from its labels' numbering, on labels as the formats and real reports print them. */
import { describe, expect, it } from "vitest";
import { chineseNumber, displayLabel, displayLabels, groupPosition, itemNumber, numberingOf, outlineDepths, withoutNumbering } from "../../../src/site/printed-tables/outline.ts";

describe("numbering", () => {
  it("tells 一、 from （一） from 1. / 1、 from none, in full-width and ASCII brackets", () => {
    expect(["四、结转下年度继续办理", "（三）不予公开", "(一) 收到申请数", "1.属于国家秘密", "2. 传真申请数", "1、网站公开", "其中：涉及国家秘密", "涉及商业秘密"].map(numberingOf)).toEqual([
      "chapter", "item", "item", "sub", "sub", "sub", null, null,
    ]);
  });

  it("reads Chinese numbers up to 九十九", () => {
    expect(["一", "九", "十", "十二", "二十", "二十三", "", "百"].map(chineseNumber)).toEqual([1, 9, 10, 12, 20, 23, null, null]);
    expect([itemNumber("（二）通过不同渠道和方式公开政府信息的情况"), itemNumber("1. 政府公报公开政府信息数")]).toEqual([2, null]);
  });

  it("takes the numbering off a label", () => {
    expect(["（一）予以公开", "1. 当面申请数", "四、行政复议数量", "其中：涉及国家秘密"].map(withoutNumbering)).toEqual(["予以公开", "当面申请数", "行政复议数量", "其中：涉及国家秘密"]);
  });
});

describe("outlineDepths", () => {
  it("puts unnumbered rows under their printed parent and numbered ones at the level of their numbering (2008 三、依申请公开情况)", () => {
    const rows = [
      { key: "replies_total", label: "（三）申请答复数", parent: null },
      { key: "replies_denied", label: "4. 不同意公开答复数", parent: "replies_total" },
      { key: "denied_state_secret", label: "其中：涉及国家秘密", parent: "replies_denied" },
      { key: "denied_commercial_secret", label: "涉及商业秘密", parent: "replies_denied" },
      { key: "replies_not_this_agency", label: "5. 不属于本行政机关公开数", parent: "replies_total" },
      { key: "group", label: "（四）申请公开的主要内容", parent: null },
    ];
    expect(Object.fromEntries(outlineDepths(rows))).toEqual({
      replies_total: 0, replies_denied: 1, denied_state_secret: 2, denied_commercial_secret: 2, replies_not_this_agency: 1, group: 0,
    });
  });

  it("nests a numbered row under an unnumbered one (Fujian: 主动公开信息数 over 1、网站公开)", () => {
    const rows = [
      { key: "proactive_total", label: "主动公开信息数", parent: null },
      { key: "proactive_website", label: "1、网站公开", parent: "proactive_total" },
      { key: "proactive_gazette", label: "2、政府公报公开", parent: "proactive_total" },
      { key: "requests_received", label: "受理依申请公开信息总数", parent: null },
      { key: "requests_in_person", label: "1、当面申请数", parent: "requests_received" },
    ];
    expect([...outlineDepths(rows).values()]).toEqual([0, 1, 1, 0, 1]);
  });

  it("puts （一） under 三、 and the sub-items under them (2021 表三), back to the top for 四、", () => {
    const rows = ["一、本年新收政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开", "（三）不予公开", "1.属于国家秘密", "（四）无法提供", "（七）总计", "四、结转下年度继续办理"].map((label) => ({ key: label, label, parent: null }));
    expect([...outlineDepths(rows).values()]).toEqual([0, 0, 1, 1, 2, 1, 1, 0]);
  });
});

describe("groupPosition", () => {
  const proactive = [
    { key: "proactive_total", label: "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", parent: null },
    { key: "proactive_normative_docs", label: "其中：主动公开规范性文件数", parent: "proactive_total" },
    { key: "normative_docs_issued", label: "制发规范性文件总数", parent: null },
    { key: "proactive_gazette", label: "1. 政府公报公开政府信息数", parent: "proactive_total" },
  ];
  const parents = new Map(proactive.map((r) => [r.key, r.parent]));
  const isDescendant = (row: string, of: string) => {
    for (let p = parents.get(row) ?? null; p; p = parents.get(p) ?? null) if (p === of) return true;
    return false;
  };

  it("puts （二） after （一）, what is printed under it and the unnumbered rows that follow, before the next numbered row", () => {
    expect(groupPosition(proactive, "（二）通过不同渠道和方式公开政府信息的情况", isDescendant)).toBe(3);
  });

  it("puts a group at the end when nothing numbered follows, and at the start when there is no previous item", () => {
    expect(groupPosition(proactive.slice(0, 3), "（二）通过不同渠道和方式公开政府信息的情况", isDescendant)).toBe(3);
    expect(groupPosition(proactive, "（五）其他", isDescendant)).toBe(0);
  });
});

describe("displayLabel", () => {
  it("keeps the format's label, shows the printed one when it says something else, and drops numbering the report did not print", () => {
    expect(displayLabel("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计 1 条)")).toEqual({
      label: "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
      printedAs: null,
    });
    expect(displayLabel("1、网站公开", "政府网站公开数")).toEqual({ label: "网站公开", printedAs: "政府网站公开数" });
    expect(displayLabel("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情 形，不计其他情形）").printedAs).toBeNull();
    expect(displayLabel("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")).toEqual({ label: "2.其他法律行政法规禁止公开", printedAs: "2.其他法律行政止公开" });
  });

  it("drops the numbering of rows the report lacks when it printed the whole table unnumbered", () => {
    const labels = displayLabels([
      { format: "1、当面申请数", printed: "当面申请数" },
      { format: "2、传真申请数", printed: null },
      { format: "4、网上申请数", printed: "网上申请数" },
    ]);
    expect(labels.map((l) => l.label)).toEqual(["当面申请数", "传真申请数", "网上申请数"]);
    expect(displayLabels([{ format: "1.属于国家秘密", printed: "1.属于国家秘密" }, { format: "3.其他", printed: null }]).map((l) => l.label)).toEqual(["1.属于国家秘密", "3.其他"]);
  });
});
