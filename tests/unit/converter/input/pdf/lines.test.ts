import { describe, expect, it } from "vitest";
import { layoutLines, separatorBetween } from "../../../../../src/converter/input/pdf/lines.ts";
import { column, run } from "./glyphs.ts";

/** Gaps and sizes as the 洪泽 2023 PDF sets them (16 pt body text, 9–14 pt table text). */
describe("PDF lines", () => {
  it("reads a gap of about a fifth of an em between Chinese characters as justification, half an em as a typed space", () => {
    const justified = run("号，邮编：", 74.28, 508.71, 15.95, 0.22);
    expect(separatorBetween(justified[0]!, justified[1]!)).toBe("");
    const typed = [...run("重", 188.28, 651.27, 9), ...run("新", 188.28 + 9 + 4.08, 651.27, 9)];
    expect(separatorBetween(typed[0]!, typed[1]!)).toBe(" ");
  });

  it("joins digits to Chinese across the automatic spacing, keeps word spaces between Latin letters and digits", () => {
    const year = [...run("2023", 403.56, 589.59, 15.95), ...run("年", 439.08, 589.71, 15.95)];
    expect(layoutLines(year).map((l) => l.text)).toEqual(["2023年"]);
    const words = [...run("Page", 100, 700, 10), ...run("3", 100 + 20 + 2.5, 700, 10)];
    expect(layoutLines(words).map((l) => l.text)).toEqual(["Page 3"]);
  });

  it("keeps a space glyph of the text layer, and writes a column gap as two spaces", () => {
    const [a, b] = run("甲乙", 100, 100, 10, 0.1);
    expect(separatorBetween(a!, { ...b!, spaceBefore: true })).toBe(" ");
    const row = [...run("行政处罚", 81, 697.71, 12), ...run("4119", 362.16, 697.71, 12)];
    expect(layoutLines(row).map((l) => l.text)).toEqual(["行政处罚  4119"]);
  });

  it("puts a row label and its larger figures on one line, and a label's second line on its own", () => {
    const glyphs = [
      ...run("（二）部分公开", 103.92, 559.01, 9),
      ...run("4", 322.2, 566.69, 14.05),
      ...run("0", 352.2, 566.69, 14.05),
      ...run("计其他情形）", 103.92, 572.45, 9),
      ...run("一、本年新收", 77.52, 493.85, 9.95),
      ...run("21", 318.72, 495.29, 14.05),
    ];
    expect(layoutLines(glyphs).map((l) => l.text)).toEqual(["一、本年新收  21", "（二）部分公开", "4 0", "计其他情形）"]);
  });

  it("drops a glyph painted twice a fraction of a point apart (simulated bold)", () => {
    const glyphs = [...run("总计", 100, 100, 10), ...run("总计", 100.3, 100, 10)];
    expect(layoutLines(glyphs).map((l) => l.text)).toEqual(["总计"]);
  });

  it("reads vertical writing down its column as one line, in its place on the page", () => {
    const glyphs = [...run("2.其他法律行政止公开", 180.72, 611.69, 9), ...column("三、本年度办理结果", 90.58, 606.5, 10), ...run("3.危及", 180.72, 634, 9)];
    expect(layoutLines(glyphs).map((l) => [l.text, l.flow])).toEqual([
      ["2.其他法律行政止公开", "horizontal"],
      ["三、本年度办理结果", "vertical"],
      ["3.危及", "horizontal"],
    ]);
  });
});
