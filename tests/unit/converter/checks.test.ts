/**
 * Consistency checks on hand-made figures. Values come from the seed tables
 * (001: 收到申请数 43 = 当面 33 + 传真 0 + 网络 6 + 信函 4) and are then broken
 * one at a time.
 */
import { describe, expect, it } from "vitest";
import { getTemplate, type Template } from "../../../src/catalog/index.ts";
import { runChecks } from "../../../src/converter/stages/checks.ts";
import type { Statistic } from "../../../src/schema/report.ts";

const template = getTemplate("national-2008");

let nextLine = 1;
function table(values: Record<string, number | null>): Statistic[] {
  return Object.entries(values).map(([indicator, value]) => ({
    indicator,
    value,
    origin: "table" as const,
    line: nextLine++,
    raw: value === null ? "—" : String(value),
    label: indicator,
    note: value === null ? "单元格为“—”，未填报" : null,
  }));
}
function text(indicator: string, value: number, line: number, raw: string): Statistic {
  return { indicator, value, origin: "text", line, raw, label: raw, note: null };
}
const check = (checks: ReturnType<typeof runChecks>, rule: string) => checks.find((c) => c.rule === rule);

const REQUESTS_001 = { requests_received: 43, requests_in_person: 33, requests_fax: 0, requests_online: 6, requests_mail: 4 };
const CHANNELS_000 = {
  proactive_total: 8573,
  proactive_gazette: 0,
  proactive_website: 3407,
  proactive_weibo: 2306,
  proactive_wechat: 1660,
  proactive_other: 1200,
};

describe("runChecks: template rules", () => {
  it("passes a sum rule and shows the numbers", () => {
    const checks = runChecks({ statistics: table(REQUESTS_001), textFigures: [], template });
    expect(check(checks, "requests_received_sum")).toEqual({
      rule: "requests_received_sum",
      description: "收到申请数 = 当面 + 传真 + 网络 + 信函",
      status: "pass",
      indicators: ["requests_received", "requests_in_person", "requests_fax", "requests_online", "requests_mail"],
      message: "收到申请数 43 = 33 + 0 + 6 + 4 = 43",
    });
  });

  it("fails a sum rule that does not add up, without correcting anything", () => {
    const statistics = table({ ...REQUESTS_001, requests_received: 44 });
    const before = structuredClone(statistics);
    const result = check(runChecks({ statistics, textFigures: [], template }), "requests_received_sum");
    expect(result).toMatchObject({ status: "fail", message: "收到申请数 44 ≠ 33 + 0 + 6 + 4 = 43" });
    expect(statistics).toEqual(before);
  });

  it("is not assessable when a figure is null or the row is missing", () => {
    const withNull = runChecks({ statistics: table({ ...REQUESTS_001, requests_fax: null }), textFigures: [], template });
    expect(check(withNull, "requests_received_sum")).toMatchObject({
      status: "not_assessable",
      message: "缺少数值：传真申请数（未填报或无法识别）",
    });
    const { requests_mail: _dropped, ...withoutMail } = REQUESTS_001;
    const missing = runChecks({ statistics: table(withoutMail), textFigures: [], template });
    expect(check(missing, "requests_received_sum")).toMatchObject({
      status: "not_assessable",
      message: "缺少数值：信函申请数（表中没有此行）",
    });
  });

  it("checks a de-duplicated total against its channels both ways (seed 000)", () => {
    const pass = check(runChecks({ statistics: table(CHANNELS_000), textFigures: [], template }), "proactive_channels_bound");
    expect(pass).toMatchObject({
      status: "pass",
      message: "主动公开政府信息数 8573：最大的一项 3407 ≤ 8573，8573 ≤ 0 + 3407 + 2306 + 1660 + 1200 = 8573",
    });
    const below = { ...CHANNELS_000, proactive_total: 8000 };
    expect(check(runChecks({ statistics: table(below), textFigures: [], template }), "proactive_channels_bound")).toMatchObject({
      status: "pass",
    });
    const partTooBig = { ...CHANNELS_000, proactive_total: 3000 };
    expect(check(runChecks({ statistics: table(partTooBig), textFigures: [], template }), "proactive_channels_bound")).toMatchObject({
      status: "fail",
      message: "主动公开政府信息数 3000：最大的一项 3407 > 3000，3000 ≤ 0 + 3407 + 2306 + 1660 + 1200 = 8573",
    });
    const aboveSum = { ...CHANNELS_000, proactive_total: 9000 };
    expect(check(runChecks({ statistics: table(aboveSum), textFigures: [], template }), "proactive_channels_bound")).toMatchObject({
      status: "fail",
      message: "主动公开政府信息数 9000：最大的一项 3407 ≤ 9000，9000 > 0 + 3407 + 2306 + 1660 + 1200 = 8573",
    });
  });

  it("adds decimals without float noise", () => {
    const money: Template = {
      ...template,
      rules: [{ id: "money_sum", kind: "sum", total: "budget_special", parts: ["fees_collected", "proactive_gazette"], description: "test" }],
    };
    const statistics = table({ budget_special: 0.3, fees_collected: 0.1, proactive_gazette: 0.2 });
    expect(check(runChecks({ statistics, textFigures: [], template: money }), "money_sum")).toMatchObject({
      status: "pass",
      message: "政府信息公开专项经费 0.3 = 0.1 + 0.2 = 0.3",
    });
  });
});

describe("runChecks: parents and prose", () => {
  it("checks every child against its parent from the catalog", () => {
    const statistics = table({ response_press_conferences: 3, response_press_conferences_by_leaders: 5 });
    const result = check(runChecks({ statistics, textFigures: [], template }), "response_press_conferences_by_leaders_within_response_press_conferences");
    expect(result).toEqual({
      rule: "response_press_conferences_by_leaders_within_response_press_conferences",
      description: "主要负责同志参加新闻发布会次数 ≤ 参加或举办新闻发布会总次数",
      status: "fail",
      indicators: ["response_press_conferences_by_leaders", "response_press_conferences"],
      message: "主要负责同志参加新闻发布会次数 5 > 参加或举办新闻发布会总次数 3",
    });
  });

  it("compares each prose figure with the table when the table has the row", () => {
    const statistics = table({ ...CHANNELS_000, response_policy_interpretations: null });
    const textFigures = [
      text("proactive_total", 8573, 102, "主动公开政府信息8573条"),
      text("proactive_website", 3400, 104, "政府网站公开3400条"),
      text("response_policy_interpretations", 62, 58, "发布政策解读信息62条"),
      text("staff_total", 69, 17, "从事政府信息工作人员共 69 名"),
    ];
    const checks = runChecks({ statistics, textFigures, template }).filter((c) => c.rule.endsWith("_text_matches_table"));
    const tableLine = (id: string) => statistics.find((s) => s.indicator === id)!.line;
    expect(checks.map((c) => [c.rule, c.status, c.message])).toEqual([
      [
        "proactive_total_text_matches_table",
        "pass",
        `正文第 102 行“主动公开政府信息8573条” 8573 = 统计表第 ${tableLine("proactive_total")} 行 8573`,
      ],
      [
        "proactive_website_text_matches_table",
        "fail",
        `正文第 104 行“政府网站公开3400条” 3400 ≠ 统计表第 ${tableLine("proactive_website")} 行 3407`,
      ],
      [
        "response_policy_interpretations_text_matches_table",
        "not_assessable",
        `正文第 58 行为 62，统计表第 ${tableLine("response_policy_interpretations")} 行未填报或无法识别`,
      ],
    ]);
    expect(checks[0]!.description).toBe("正文所述主动公开政府信息数与统计表一致");
  });

  it("judges rules on table figures only, even when prose figures come in the same list", () => {
    const statistics = [...table({ staff_full_time: 15, staff_part_time: 54 }), text("staff_total", 69, 17, "从事政府信息工作人员共 69 名")];
    expect(check(runChecks({ statistics, textFigures: [], template }), "staff_sum")).toMatchObject({ status: "not_assessable" });
  });

  it("says a report without a table cannot be checked", () => {
    const checks = runChecks({ statistics: [], textFigures: [text("staff_total", 69, 17, "从事政府信息工作人员共 69 名")], template });
    expect(new Set(checks.map((c) => c.status))).toEqual(new Set(["not_assessable"]));
    expect(new Set(checks.map((c) => c.message))).toEqual(new Set(["报告没有统计表，无法核对"]));
    expect(checks.some((c) => c.rule.endsWith("_text_matches_table"))).toBe(false);
  });

  it("lists checks in a fixed order: template rules, then parents, then prose; ids unique", () => {
    const statistics = table({ ...REQUESTS_001, ...CHANNELS_000 });
    const textFigures = [text("requests_received", 43, 284, "收到政府信息依申请公开 43 件"), text("proactive_total", 8573, 102, "主动公开政府信息8573条")];
    const forward = runChecks({ statistics, textFigures, template });
    const backward = runChecks({ statistics: [...statistics].reverse(), textFigures: [...textFigures].reverse(), template });
    expect(backward).toEqual(forward);
    const rules = forward.map((c) => c.rule);
    expect(rules.slice(0, template.rules.length)).toEqual(template.rules.map((r) => r.id));
    expect(rules[template.rules.length]).toBe("proactive_normative_docs_within_proactive_total");
    expect(rules.slice(-2)).toEqual(["proactive_total_text_matches_table", "requests_received_text_matches_table"]);
    expect(new Set(rules).size).toBe(rules.length);
    expect(forward).toHaveLength(template.rules.length + template.indicators.filter((i) => i.parent).length + 2);
  });
});
