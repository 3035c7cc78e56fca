/**
 * Seed 003's statistics table mangled the ways OCR and hand-typing mangle
 * tables: missing and extra cells, written-out and approximate numbers, units
 * in cells, rows swapped, rows repeated (same and different value), a page
 * break with a page number and the header repeated. What is certain is read;
 * everything else is null with a warning naming the line — never a wrong
 * number — and every untouched row reads exactly as in the seed. Read through
 * the text adapter, locateTables and readTables.
 */
import { describe, expect, it } from "vitest";
import type { Statistic } from "../../src/schema/report.ts";
import { readSource } from "../unit/converter/readers/read-source.ts";
import { editLines, linesOf, seedText } from "./helpers.ts";

const seed = seedText("003");
const reference = await readSource(seed.text, { file: seed.file });
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

const mangled = await readSource(editLines(seed.text, MANGLED), { file: "mangled.txt" });
const byIndicator = new Map(mangled.statistics.map((s) => [s.indicator, s]));
const referenceBy = new Map(reference.statistics.map((s) => [s.indicator, s]));

function reading(s: Statistic | undefined) {
  return s && { value: s.value, status: s.status, line: s.line, raw: s.raw, unit: s.unit, note: s.note };
}

describe("a statistics table mangled in every way at once", () => {
  it("reads the seed's table as printed", () => {
    expect(reference.statistics).toHaveLength(58);
    expect(referenceBy.get("proactive_total")).toMatchObject({ value: 15131, line: 167 });
    expect(reference.warnings).toEqual([]);
  });

  it("reads each mangled row as exactly this", () => {
    const ids = [
      "proactive_total", "proactive_gazette", "proactive_website", "proactive_weibo", "proactive_wechat", "proactive_other",
      "response_hotspots", "response_policy_interpretations", "response_weibo_wechat", "replies_granted", "replies_not_exist",
      "offices_dedicated", "reading_points", "budget_special", "trainees",
    ];
    expect(Object.fromEntries(ids.map((id) => [id, reading(byIndicator.get(id))]))).toEqual({
      proactive_total: { value: 15131, status: "reported", line: 167, raw: "15,131", unit: null, note: null },
      proactive_gazette: { value: 16, status: "reported", line: 171, raw: "１６", unit: null, note: null },
      proactive_website: { value: null, status: "not_reported", line: 172, raw: "", unit: null, note: "单元格空白，未填报" },
      proactive_weibo: { value: null, status: "uncertain", line: 173, raw: "698 | 另有转发", unit: null, note: "这一行有 2 个数值（698 | 另有转发），本栏应有 1 个，无法对应到各栏" },
      proactive_wechat: { value: null, status: "uncertain", line: 174, raw: "4 151", unit: null, note: "“4 151”像是两个数或错位的分隔符" },
      proactive_other: { value: null, status: "uncertain", line: 175, raw: "约3700", unit: null, note: "“约3700”是约数，不作为确数" },
      response_hotspots: { value: null, status: "uncertain", line: 177, raw: "十八", unit: null, note: "“十八”用汉字书写，不自动换算" },
      // The unit printed in the cell is the row's own: it goes to `unit` (the old reader noted it).
      response_policy_interpretations: { value: 114, status: "reported", line: 185, raw: "114（篇）", unit: "篇", note: null },
      response_weibo_wechat: { value: null, status: "uncertain", line: 186, raw: "-3", unit: null, note: "“-3”为负数，这一栏不应为负" },
      // The same row twice with the same value: one figure, no warning.
      replies_granted: { value: 0, status: "reported", line: 199, raw: "0", unit: null, note: null },
      // The same row twice with different values: neither is published.
      replies_not_exist: { value: null, status: "uncertain", line: 202, raw: "5", unit: null, note: "重复的行数值不同：第 202 行“5”与第 213 行“0”不一致，无法确定" },
      // Swapped rows: each value stays with its own label.
      offices_dedicated: { value: 28, status: "reported", line: 230, raw: "28", unit: null, note: null },
      reading_points: { value: 3, status: "reported", line: 229, raw: "3", unit: null, note: null },
      budget_special: { value: 12.5, status: "reported", line: 234, raw: "12.5", unit: null, note: null },
      trainees: { value: null, status: "uncertain", line: 238, raw: "12.5", unit: null, note: "“12.5”是小数，这一栏只能是整数" },
    });
  });

  it("warns about exactly the uncertain rows, naming line and cell; the page number is not a row", () => {
    expect(mangled.warnings.map((d) => [d.code, d.line, d.message])).toEqual([
      ["uncertain_value", 173, "“3. 政务微博公开政府信息数”：这一行有 2 个数值（698 | 另有转发），本栏应有 1 个，无法对应到各栏，记为空"],
      ["uncertain_value", 174, "“4. 政务微信公开政府信息数”的数值“4 151”无法确定：“4 151”像是两个数或错位的分隔符，记为空"],
      ["uncertain_value", 175, "“5. 其他方式公开政府信息数”的数值“约3700”无法确定：“约3700”是约数，不作为确数，记为空"],
      ["uncertain_value", 177, "“(一) 回应公众关注热点或重大舆情数 (不同方式回应同一热点或舆情计1次)”的数值“十八”无法确定：“十八”用汉字书写，不自动换算，记为空"],
      ["uncertain_value", 186, "“4. 微博微信回应事件数”的数值“-3”无法确定：“-3”为负数，这一栏不应为负，记为空"],
      ["duplicate_row", 213, "“6. 申请信息不存在数”出现两次，数值不同（第 202 行“5”与第 213 行“0”不一致），记为空"],
      ["uncertain_value", 238, "“(三) 接受培训人员数”的数值“12.5”无法确定：“12.5”是小数，这一栏只能是整数，记为空"],
    ]);
    expect(mangled.warnings.every((d) => d.severity === "warning")).toBe(true);
    expect(mangled.extraRows).toEqual([]);
  });

  it("reads every untouched row exactly as in the seed", () => {
    const touched = new Set(Object.keys(MANGLED).map(Number));
    const untouched = [...referenceBy.values()].filter((s) => !touched.has(s.line) && s.indicator !== "replies_not_exist");
    expect(untouched).toHaveLength(44);
    // The edits keep every line's number and column; only the file name and the offsets after an edited line differ.
    const place = ({ span, ...rest }: Statistic) => ({ ...rest, at: [span.line, span.column, span.endLine, span.endColumn] });
    for (const original of untouched) expect(place(byIndicator.get(original.indicator)!), original.indicator).toEqual(place(original));
  });

  it("never publishes a number the table does not state with certainty", () => {
    const figures = mangled.statistics.filter((s) => s.value !== null);
    expect(figures).toHaveLength(50);
    for (const s of figures) expect(Number(s.raw.normalize("NFKC").replace(/[（(].*$/, "").replace(/,/g, "")), s.indicator).toBe(s.value);
    for (const s of mangled.statistics.filter((s) => s.value === null)) expect(s.status, s.indicator).not.toBe("reported");
  });

  it("makes the checks that the nulls concern uncertain instead of failing them", () => {
    const proactive = mangled.checks().find((c) => c.indicators.includes("proactive_website") && c.indicators.includes("proactive_total"));
    // The old checks had no `uncertain` status and said not_assessable; a printed blank now makes a rule uncertain.
    expect(proactive?.status).toBe("uncertain");
  });
});
