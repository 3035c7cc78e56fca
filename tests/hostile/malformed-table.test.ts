/**
 * Seed 003's statistics table mangled the ways OCR and hand-typing mangle
 * tables: missing and extra cells, written-out and approximate numbers, units
 * in cells, rows swapped, rows repeated (same and different value), a page
 * break with a page number and the header repeated. What is unambiguous is
 * read; everything else is null with a warning naming the line — never a
 * wrong number — and every untouched row reads exactly as in the seed.
 */
import { describe, expect, it } from "vitest";
import type { Statistic } from "../../src/schema/report.ts";
import { convertText, editLines, linesOf, seedText } from "./helpers.ts";

const seed = seedText("003");
const reference = convertText(seed.file, seed.text).report;
const line = (n: number) => linesOf(seed.text)[n - 1]!;

const MANGLED: Record<number, string> = {
  167: line(167).replace("\t15131", "\t15,131"), // thousands separator
  171: line(171).replace("\t16", "\t１６"), // full-width digits
  172: line(172).replace("\t6572", ""), // value cell missing
  173: line(173).replace("\t698", "\t698\t另有转发"), // an extra column
  174: line(174).replace("\t4151", "\t4 151"), // a space inside the digits
  175: line(175).replace("\t3694", "\t约3700"), // approximate
  177: line(177).replace("\t18", "\t十八"), // Chinese numerals
  185: line(185).replace("\t114", "\t114（篇）"), // the row's own unit in the cell
  186: line(186).replace("\t0", "\t-3"), // negative
  200: line(199), // 2. 同意公开答复数 repeated with the same value
  201: "第 3 页", // page number at the break
  202: "6. 申请信息不存在数\t件\t5", // repeated later (line 213) with another value
  229: line(230), // rows swapped: 查阅点数 first …
  230: line(229), // … then 专门机构数
  234: line(234).replace("\t5", "\t12.5"), // a decimal in a money row (万元)
  238: line(238).replace("\t120", "\t12.5"), // a decimal in a counting row (人次)
};

const { report } = convertText("mangled.txt", editLines(seed.text, MANGLED));
const byIndicator = new Map(report.statistics.map((s) => [s.indicator, s]));
const referenceBy = new Map(reference.statistics.map((s) => [s.indicator, s]));

function reading(s: Statistic | undefined) {
  return s && { value: s.value, line: s.line, raw: s.raw, note: s.note };
}

describe("a statistics table mangled in every way at once", () => {
  it("reads each mangled row as exactly this", () => {
    const ids = [
      "proactive_total", "proactive_gazette", "proactive_website", "proactive_weibo", "proactive_wechat", "proactive_other",
      "response_hotspots", "response_policy_interpretations", "response_weibo_wechat", "replies_granted", "replies_not_exist",
      "offices_dedicated", "reading_points", "budget_special", "trainees",
    ];
    expect(Object.fromEntries(ids.map((id) => [id, reading(byIndicator.get(id))]))).toEqual({
      proactive_total: { value: 15131, line: 167, raw: "15,131", note: null },
      proactive_gazette: { value: 16, line: 171, raw: "１６", note: null },
      proactive_website: { value: null, line: 172, raw: "", note: "单元格空白，未填报" },
      proactive_weibo: { value: null, line: 173, raw: "698 | 另有转发", note: "一行有 2 个数值单元格，无法确定取哪一个" },
      proactive_wechat: { value: null, line: 174, raw: "4 151", note: "“4 151”像是两个数或错位的分隔符" },
      proactive_other: { value: null, line: 175, raw: "约3700", note: "“约3700”是约数，不作为确数" },
      response_hotspots: { value: null, line: 177, raw: "十八", note: "“十八”用汉字书写，不自动换算" },
      response_policy_interpretations: { value: 114, line: 185, raw: "114（篇）", note: "单元格带单位：“114（篇）”" },
      response_weibo_wechat: { value: null, line: 186, raw: "-3", note: "“-3”为负数，统计数不应为负" },
      // The same row twice with the same value: one figure, no warning.
      replies_granted: { value: 0, line: 199, raw: "0", note: null },
      // The same row twice with different values: neither is published.
      replies_not_exist: { value: null, line: 202, raw: "5", note: "重复的行数值不同：第 202 行“5”与第 213 行“0”不一致，无法确定" },
      // Swapped rows: each value stays with its own label.
      offices_dedicated: { value: 28, line: 230, raw: "28", note: null },
      reading_points: { value: 3, line: 229, raw: "3", note: null },
      budget_special: { value: 12.5, line: 234, raw: "12.5", note: null },
      trainees: { value: null, line: 238, raw: "12.5", note: "“12.5”是小数，但本行单位“人次”只能是整数" },
    });
  });

  it("warns about exactly the ambiguous rows, naming line and cell; the page number is not a row", () => {
    expect(report.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ["ambiguous_value", 173, "第 173 行“3. 政务微博公开政府信息数”有多个数值：698 | 另有转发，记为空"],
      ["ambiguous_value", 174, "第 174 行“4. 政务微信公开政府信息数”的数值“4 151”无法确定：“4 151”像是两个数或错位的分隔符，记为空"],
      ["ambiguous_value", 175, "第 175 行“5. 其他方式公开政府信息数”的数值“约3700”无法确定：“约3700”是约数，不作为确数，记为空"],
      ["ambiguous_value", 177, "第 177 行“(一) 回应公众关注热点或重大舆情数 (不同方式回应同一热点或舆情计1次)”的数值“十八”无法确定：“十八”用汉字书写，不自动换算，记为空"],
      ["ambiguous_value", 186, "第 186 行“4. 微博微信回应事件数”的数值“-3”无法确定：“-3”为负数，统计数不应为负，记为空"],
      ["duplicate_row", 213, "第 213 行重复了第 202 行的“6. 申请信息不存在数”，数值不同（0 ≠ 5），记为空"],
      ["ambiguous_value", 238, "第 238 行“(三) 接受培训人员数”的数值“12.5”无法确定：“12.5”是小数，但本行单位“人次”只能是整数，记为空"],
    ]);
    expect(report.diagnostics.every((d) => d.severity === "warning")).toBe(true);
  });

  it("reads every untouched row exactly as in the seed", () => {
    const touched = new Set(Object.keys(MANGLED).map(Number));
    const untouched = [...referenceBy.values()].filter((s) => !touched.has(s.line) && s.indicator !== "replies_not_exist");
    expect(untouched).toHaveLength(44);
    for (const original of untouched) expect(byIndicator.get(original.indicator), original.indicator).toEqual(original);
  });

  it("never publishes a number the table does not state unambiguously", () => {
    const figures = report.statistics.filter((s) => s.value !== null);
    expect(figures).toHaveLength(50);
    for (const s of figures) expect(Number(s.raw.normalize("NFKC").replace(/[（(].*$/, "").replace(/,/g, "")), s.indicator).toBe(s.value);
  });

  it("flags the checks that the nulls make impossible instead of failing them", () => {
    const proactive = report.checks.find((c) => c.indicators.includes("proactive_website") && c.indicators.includes("proactive_total"));
    expect(proactive?.status).toBe("not_assessable");
  });
});
