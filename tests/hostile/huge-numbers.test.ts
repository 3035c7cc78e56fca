/**
 * Numbers no report prints but a bad OCR or a hostile file can: an integer
 * beyond 2^53 (which a JSON number cannot hold exactly: 9007199254740993
 * would be read as …992) and a 401-digit amount in a 万元 row (beyond any
 * double). Each is null and uncertain with a warning naming its line, never a
 * rounded number; the rules it takes part in are uncertain; the report still
 * converts, its JSON valid and its MDX compiling.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/schema/report.ts";
import { compileMdx } from "../helpers/mdx.ts";
import { byPlace, convertText, editLines, linesOf, seedText } from "./helpers.ts";

const seed = seedText("003");
const line = (n: number) => linesOf(seed.text)[n - 1]!;
const BEYOND = "9007199254740993"; // 2^53 + 1
const DIGITS = "9".repeat(401);

const edited = editLines(seed.text, {
  167: line(167).replace("\t15131", `\t${BEYOND}`), // (一) 主动公开政府信息数 … 条
  234: line(234).replace(/\t5$/, `\t${DIGITS}`), // (四) 政府信息公开专项经费 … 万元
});
const reference = await convertText(seed.file, seed.text);
const { report, mdx } = await convertText("huge.txt", edited);
const figure = (indicator: string) => {
  const s = report.statistics.find((x) => x.indicator === indicator)!;
  return { value: s.value, status: s.status, raw: s.raw, line: s.line, note: s.note };
};

describe("numbers beyond what a figure can hold", () => {
  it("an integer beyond 2^53 in a count row is null and uncertain, never rounded", () => {
    expect(figure("proactive_total")).toEqual({
      value: null,
      status: "uncertain",
      raw: BEYOND,
      line: 167,
      note: `“${BEYOND}”超出可精确表示的范围（2^53），无法精确表示，不发布`,
    });
  });

  it("a 401-digit amount in a 万元 row is null and uncertain, kept as printed in raw", () => {
    expect(figure("budget_special")).toEqual({
      value: null,
      status: "uncertain",
      raw: DIGITS,
      line: 234,
      note: `“${DIGITS}”超出可精确表示的范围（2^53），无法精确表示，不发布`,
    });
  });

  it("warns about exactly those two cells, naming their lines", () => {
    expect(report.diagnostics).toEqual([
      {
        severity: "warning",
        code: "uncertain_value",
        line: 167,
        message: `“(一) 主动公开政府信息数 (不同渠道和方式公开相同信息计1条)”的数值“${BEYOND}”无法确定：“${BEYOND}”超出可精确表示的范围（2^53），无法精确表示，不发布，记为空`,
      },
      {
        severity: "warning",
        code: "uncertain_value",
        line: 234,
        message: `“(四) 政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面经费）”的数值“${DIGITS}”无法确定：“${DIGITS}”超出可精确表示的范围（2^53），无法精确表示，不发布，记为空`,
      },
    ]);
  });

  it("the rules they take part in are uncertain, not failed; every other figure is the seed's", () => {
    const concerned = report.checks.filter((c) => c.indicators.includes("proactive_total"));
    expect(concerned.map((c) => [c.rule, c.status])).toEqual([
      ["proactive_channels_bound", "uncertain"],
      ["proactive_normative_docs_within_proactive_total", "uncertain"],
      ["proactive_gazette_within_proactive_total", "uncertain"],
      ["proactive_website_within_proactive_total", "uncertain"],
      ["proactive_weibo_within_proactive_total", "uncertain"],
      ["proactive_wechat_within_proactive_total", "uncertain"],
      ["proactive_other_within_proactive_total", "uncertain"],
      ["proactive_total_text_matches_table", "uncertain"],
    ]);
    expect(report.checks.filter((c) => c.status === "fail")).toEqual([]);
    const others = (list: typeof report.statistics) => byPlace(list.filter((s) => s.line !== 167 && s.line !== 234));
    expect(others(report.statistics)).toEqual(others(reference.report.statistics));
    expect(report.statistics.filter((s) => s.value !== null)).toHaveLength(56);
  });

  it("the report converts: schema-valid JSON with no number beyond 2^53, and MDX that compiles", async () => {
    const json = JSON.stringify(report);
    expect(parseReport(JSON.parse(json), "huge.txt").id).toBe("640303-2018");
    const numbers = json.match(/(?<=[:[,])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?=[,\]}])/gi) ?? [];
    expect(numbers.filter((n) => Math.abs(Number(n)) > Number.MAX_SAFE_INTEGER)).toEqual([]);
    await expect(compileMdx(mdx)).resolves.toContain("StatisticsTable");
  });
});
