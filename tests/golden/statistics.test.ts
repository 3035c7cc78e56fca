/**
 * Golden test of the statistics side on the five real Ningxia seeds, through
 * the whole pipeline.
 *
 * The expected values below were copied by hand from the statistics tables in
 * sources/ (000 lines 146–215, 001 lines 336–417, 003 lines 165–238, 004 lines
 * 461–538), not produced by the parser: 4 × 58 = 232 table figures, plus the
 * 12 figures seed 002's prose states (it has no table) — 244 in all.
 */
import { describe, expect, it } from "vitest";
import { getTemplate } from "../../src/catalog/index.ts";
import { convertSeed } from "../helpers/convert-seed.ts";
import { seedLines } from "../helpers/source-lines.ts";

const template = getTemplate("national-2008");

// indicator                                  000     001     003     004
const EXPECTED: [string, number, number, number, number][] = [
  ["proactive_total",                         8573,  73659,  15131,  12786],
  ["proactive_normative_docs",                   6,    394,      4,      2],
  ["normative_docs_issued",                      6,    693,      4,      2],
  ["proactive_gazette",                          0,      0,     16,     14],
  ["proactive_website",                       3407,  46367,   6572,   5201],
  ["proactive_weibo",                         2306,   2935,    698,    493],
  ["proactive_wechat",                        1660,   8848,   4151,    278],
  ["proactive_other",                         1200,  15509,   3694,   6800],
  ["response_hotspots",                        530,    218,     18,      4],
  ["response_press_conferences",                 0,     37,      0,      0],
  ["response_press_conferences_by_leaders",      0,     23,      0,      0],
  ["response_online_interviews",                 2,      7,      0,      0],
  ["response_online_interviews_by_leaders",      0,      2,      0,      0],
  ["response_policy_interpretations",           62,    201,    114,     42],
  ["response_weibo_wechat",                    156,    171,      0,      7],
  ["response_other",                            36,    137,      0,     14],
  ["requests_received",                          0,     43,      0,      5],
  ["requests_in_person",                         0,     33,      0,      1],
  ["requests_fax",                               0,      0,      0,      0],
  ["requests_online",                            0,      6,      0,      4],
  ["requests_mail",                              0,      4,      0,      0],
  ["requests_closed",                            0,     43,      0,      5],
  ["requests_closed_on_time",                    0,     43,      0,      5],
  ["requests_closed_extended",                   0,      0,      0,      0],
  ["replies_total",                              0,     43,      0,      5],
  ["replies_already_public",                     0,      4,      0,      2],
  ["replies_granted",                            0,      4,      0,      1],
  ["replies_partially_granted",                  0,      2,      0,      1],
  ["replies_denied",                             0,     33,      0,      0],
  ["denied_state_secret",                        0,      0,      0,      0],
  ["denied_commercial_secret",                   0,      0,      0,      0],
  ["denied_privacy",                             0,      0,      0,      0],
  ["denied_security_stability",                  0,      0,      0,      0],
  ["denied_not_government_info",                 0,     33,      0,      0],
  ["denied_other_legal",                         0,      0,      0,      0],
  ["replies_not_this_agency",                    0,      0,      0,      1],
  ["replies_not_exist",                          0,      0,      0,      0],
  ["replies_asked_to_amend",                     0,      0,      0,      0],
  ["replies_other_channel",                      0,      0,      0,      0],
  ["reconsideration_total",                      0,      1,      0,      0],
  ["reconsideration_upheld",                     0,      0,      0,      0],
  ["reconsideration_corrected",                  0,      1,      0,      0],
  ["reconsideration_other",                      0,      0,      0,      0],
  ["litigation_total",                           0,      1,      0,      0],
  ["litigation_upheld",                          0,      0,      0,      0],
  ["litigation_corrected",                       0,      0,      0,      0],
  ["litigation_other",                           0,      1,      0,      0],
  ["complaints_total",                           0,      0,     45,      0],
  ["fees_collected",                             0,      0,      0,      0],
  ["offices_dedicated",                         30,     30,     28,     12],
  ["reading_points",                             3,      7,      3,     16],
  ["staff_total",                               76,    198,     56,    101],
  ["staff_full_time",                           37,     52,     28,      9],
  ["staff_part_time",                           39,    146,     28,     92],
  ["budget_special",                             8,     11,      5,     10],
  ["meetings",                                   2,      9,      2,      5],
  ["training_sessions",                          1,      5,      2,      6],
  ["trainees",                                  70,    414,    120,    572],
];

const SEEDS = [
  { prefix: "000", column: 1, range: { from: 146, to: 215 } },
  { prefix: "001", column: 2, range: { from: 336, to: 417 } },
  { prefix: "003", column: 3, range: { from: 165, to: 238 } },
  { prefix: "004", column: 4, range: { from: 461, to: 538 } },
] as const;

/** Source lines of sample values, checked against the files by eye: [seed, indicator, line, raw, label]. */
const SAMPLE_LINES: [string, string, number, string, string][] = [
  ["000", "proactive_total", 148, "8573", "(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)"],
  ["000", "response_press_conferences_by_leaders", 161, "0", "其中: 主要负责同志参加新闻发布会次数"],
  ["000", "requests_received", 168, "0", "(一) 收到申请数"],
  ["000", "requests_fax", 171, "0", "2. 传真申请数"],
  ["000", "litigation_other", 202, "0", "(三) 其他情形数"],
  ["000", "meetings", 213, "2", "(一) 召开政府信息与政务公开工作会议或专题会议数"],
  ["001", "proactive_total", 339, "73659", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）"],
  ["001", "response_online_interviews", 358, "7", "2. 政府网站在线访谈次数"],
  ["001", "denied_commercial_secret", 383, "0", "涉及商业秘密"],
  ["001", "reconsideration_corrected", 394, "1", "（二）被依法纠错数"],
  ["001", "litigation_other", 399, "1", "（三）其他情形数"],
  ["001", "offices_dedicated", 408, "30", "(一) 政府信息公开工作专门机构数"],
  ["003", "response_press_conferences", 181, "0", "1. 参加或举办新闻发布会总次数"],
  ["003", "litigation_corrected", 224, "0", "(二) 被依法纠错数"],
  ["003", "complaints_total", 226, "45", "六、举报投诉数量"],
  ["003", "trainees", 238, "120", "(三) 接受培训人员数"],
  ["004", "response_online_interviews_by_leaders", 482, "0", "其中：主要负责同志参加政府网站在线访谈次数"],
  ["004", "replies_partially_granted", 499, "1", "3. 同意部分公开答复数"],
  ["004", "litigation_corrected", 521, "0", "(二) 被依法纠错数"],
  ["004", "offices_dedicated", 529, "12", "(一) 政府信息公开工作专门机构数"],
];

describe.each(SEEDS)("seed $prefix statistics table", ({ prefix, column, range }) => {
  const lines = seedLines(prefix);

  it("yields all 58 indicators with exactly the printed values, in table order", async () => {
    const { report } = await convertSeed(prefix);
    expect(report.statistics.map((s) => [s.indicator, s.value])).toEqual(EXPECTED.map((row) => [row[0], row[column]]));
  });

  it("records every figure as a table cell inside the table's lines, its span on exactly its digits, with no diagnostics", async () => {
    const { report } = await convertSeed(prefix);
    for (const statistic of report.statistics) {
      expect(statistic).toMatchObject({ origin: "table", status: "reported", note: null, table: "statistics", column: null });
      expect(statistic.line).toBeGreaterThanOrEqual(range.from);
      expect(statistic.line).toBeLessThanOrEqual(range.to);
      const text = lines[statistic.line - 1]!.text;
      expect(text.slice(statistic.span.column - 1, statistic.span.endColumn - 1)).toBe(statistic.raw);
    }
    expect(report.diagnostics).toEqual([]);
  });

  it("keeps the source line, raw cell and printed label of sample rows", async () => {
    const { report } = await convertSeed(prefix);
    const byIndicator = new Map(report.statistics.map((s) => [s.indicator, s]));
    for (const [seed, indicator, line, raw, label] of SAMPLE_LINES.filter((s) => s[0] === prefix)) {
      expect(byIndicator.get(indicator), `${seed} ${indicator}`).toMatchObject({ line, raw, label });
    }
  });

  it("passes every consistency check, including the prose against the table", async () => {
    const { report } = await convertSeed(prefix);
    const notPassed = report.checks.filter((c) => c.status !== "pass").map((c) => `${c.rule}: ${c.message}`);
    expect(notPassed).toEqual([]);
    expect(report.checks.filter((c) => c.scope === "table").length).toBe(template.rules.length + template.indicators.filter((i) => i.parent !== null).length);
  });
});

describe("seed 002 (a report without a statistics table)", () => {
  it("yields exactly the figures its prose states, with their lines", async () => {
    const { report } = await convertSeed("002");
    expect(report.hasStatisticsTable).toBe(false);
    expect(report.statistics.map((f) => [f.indicator, f.value, f.line, f.raw, f.origin])).toEqual([
      ["proactive_total", 42704, 76, "主动公开政府信息 42704 条", "text"],
      ["proactive_website", 21080, 76, "政府信息网发布政府信息共 21080 条", "text"],
      ["proactive_weibo", 3646, 76, "政务微博发布政府信息 3646 条", "text"],
      ["proactive_wechat", 2631, 76, "政务微信发布政府信息 2631 条", "text"],
      ["response_policy_interpretations", 260, 321, "发布政策解读信息 260 条", "text"],
      ["requests_received", 5, 306, "受理政府信息公开申请5件", "text"],
      ["staff_total", 69, 17, "从事政府信息工作人员共 69 名", "text"],
      ["staff_full_time", 15, 17, "专职人员 15 名", "text"],
      ["staff_part_time", 54, 17, "兼职人员 54 名", "text"],
      ["meetings", 43, 57, "召开政府信息公开工作会议或专题会议 43 次", "text"],
      ["training_sessions", 72, 57, "举办各类培训班 72 次", "text"],
      ["trainees", 1014, 57, "培训工作人员 1014 人次", "text"],
    ]);
  });

  it("does not read 858 篇 in 《平罗县政务信息》 as the gazette or as other channels", async () => {
    const { report } = await convertSeed("002");
    const ids = report.statistics.map((f) => f.indicator);
    expect(ids).not.toContain("proactive_gazette");
    expect(ids).not.toContain("proactive_other");
  });

  it("checks are all not assessable without a table", async () => {
    const { report } = await convertSeed("002");
    expect(new Set(report.checks.map((c) => c.status))).toEqual(new Set(["not_assessable"]));
  });
});
