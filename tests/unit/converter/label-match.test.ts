/** Normalising and matching row labels through the catalog. */
import { describe, expect, it } from "vitest";
import { getTemplate } from "../../../src/catalog/index.ts";
import { buildLabelMatcher, normalizeLabel, sectionOrdinal } from "../../../src/converter/stages/label-match.ts";

const matcher = buildLabelMatcher(getTemplate("national-2008"));

describe("normalizeLabel", () => {
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
  ])("%s → %s", (label, key) => {
    expect(normalizeLabel(label)).toBe(key);
  });
});

describe("buildLabelMatcher", () => {
  it("finds indicators, sections, groups and the header", () => {
    expect(matcher.lookup("3. 政策解读稿件发布数")).toEqual([
      { kind: "indicator", indicator: "response_policy_interpretations", section: "response" },
    ]);
    expect(matcher.lookup("<b>一、主动公开情况</b>")).toEqual([{ kind: "section", section: "proactive", indicator: null }]);
    expect(matcher.lookup("六、举报投诉数量")).toEqual([{ kind: "section", section: "complaints", indicator: "complaints_total" }]);
    expect(matcher.lookup("(四) 申请公开的主要内容")).toEqual([{ kind: "group", section: "requests", freeText: true }]);
    expect(matcher.lookup("统计指标")).toEqual([{ kind: "header" }]);
  });

  it("returns both indicators for labels only the section can tell apart", () => {
    expect(matcher.lookup("（二）被依法纠错数").map((e) => (e.kind === "indicator" ? e.indicator : e.kind))).toEqual([
      "reconsideration_corrected",
      "litigation_corrected",
    ]);
  });

  it("uses the catalog's variants and tolerates a dropped final 数, but not a different label", () => {
    expect(matcher.lookup("(一) 召开政府信息与政务公开工作会议或专题会议数")).toEqual([
      { kind: "indicator", indicator: "meetings", section: "meetings_training" },
    ]);
    expect(matcher.lookup("(一) 收到申请")).toEqual([{ kind: "indicator", indicator: "requests_received", section: "requests" }]);
    expect(matcher.lookup("2. 同意公开答复数")[0]).toMatchObject({ indicator: "replies_granted" });
    expect(matcher.lookup("4. 不同意公开答复数")[0]).toMatchObject({ indicator: "replies_denied" });
    expect(matcher.lookup("(五) 申请人满意度")).toEqual([]);
  });
});

describe("sectionOrdinal", () => {
  it.each([
    ["三、依申请公开情况", 3],
    ["九、政府信息公开会议和培训情况", 9],
    ["十、其他", 10],
    ["十二、其他", 12],
    ["(一) 收到申请数", null],
  ])("%s → %s", (label, ordinal) => {
    expect(sectionOrdinal(label)).toBe(ordinal);
  });
});
