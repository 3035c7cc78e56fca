import { describe, expect, it } from "vitest";
import { sourceText } from "../../../../../src/converter/document/source-text.ts";
import { isPageNumber } from "../../../../../src/converter/input/text/pages.ts";
import { physicalLines, splitText, trimWith } from "../../../../../src/converter/input/text/source-edit.ts";
import { normalizeSpacesOf } from "../../../../../src/converter/input/text/normalize.ts";

const shown = (pieces: { text: string; offsets: Int32Array }[]) => pieces.map((p) => [p.text, Array.from(p.offsets)]);

describe("splitText", () => {
  it("splits at every match, offsets kept, as often as in a row (a tab row of the seeds)", () => {
    const row = sourceText("（一）主动公开政府信息数\t条\t4166", 100);
    expect(shown(splitText(row, /\t/))).toEqual([
      ["（一）主动公开政府信息数", Array.from({ length: 12 }, (_v, i) => 100 + i)],
      ["条", [113]],
      ["4166", [115, 116, 117, 118]],
    ]);
    // The same separator again: nothing is left over from the first split.
    expect(splitText(row, /\t/).map((p) => p.text)).toEqual(["（一）主动公开政府信息数", "条", "4166"]);
  });

  it("passes over empty matches, a surrogate pair as one character in unicode mode", () => {
    expect(splitText(sourceText("a 𠀀b  c", 0), / */u).map((p) => p.text)).toEqual(["a", "𠀀b", "c"]);
    expect(splitText(sourceText("a 𠀀b  c", 0), / */).map((p) => p.text)).toEqual(["a", "𠀀b", "c"]);
  });
});

describe("trimWith", () => {
  it("trims spaces only, JavaScript's white space, or any set, offsets kept", () => {
    const text = sourceText("\u3000 二、主动公开情况 \t", 10);
    expect(shown([trimWith(text, " ")])).toEqual([["\u3000 二、主动公开情况 \t", Array.from({ length: 12 }, (_v, i) => 10 + i)]]);
    expect(shown([trimWith(text, "\\s")])).toEqual([["二、主动公开情况", [12, 13, 14, 15, 16, 17, 18, 19]]]);
    expect(trimWith(sourceText("--1--", 0), "-").text).toBe("1");
    // Nothing to trim: the same text, not a copy.
    const clean = sourceText("概述", 0);
    expect(trimWith(clean, "\\s")).toBe(clean);
  });
});

describe("physicalLines", () => {
  it("splits at LF, CRLF and CR; each line's offsets are its characters' offsets in the text", () => {
    const lines = physicalLines("一、概述\r\n2017年\r（一）\n");
    expect(lines.map((l) => [l.n, l.text.text, Array.from(l.text.offsets)])).toEqual([
      [1, "一、概述", [0, 1, 2, 3]],
      [2, "2017年", [6, 7, 8, 9, 10]],
      [3, "（一）", [12, 13, 14]],
    ]);
  });
});

describe("isPageNumber", () => {
  it("reads page numbers however wide their spacing, and no line with more characters than one has", () => {
    expect(isPageNumber("— 2 —")).toBe(true);
    expect(isPageNumber("第\u3000\u30001\u3000\u3000页\u3000\u3000共\u3000\u30005\u3000\u3000页")).toBe(true);
    expect(isPageNumber(`${" ".repeat(40)}-12-${" ".repeat(40)}`)).toBe(true);
    expect(isPageNumber("第 1234 页，共 1234 页")).toBe(true);
    expect(isPageNumber("第 1234 页，共 12345 页")).toBe(false);
    expect(isPageNumber("2017年1月1日")).toBe(false);
  });
});

describe("normalizeSpacesOf", () => {
  it("applies the whitespace policy in one pass, each kept character with its offset", () => {
    const text = sourceText("2017 年  1 月，  PPP 项目 。 组长：刘斌 兴庆区", 0);
    const out = normalizeSpacesOf(text);
    expect(out.text).toBe("2017年1月，PPP 项目。组长：刘斌 兴庆区");
    expect(Array.from(out.offsets, (o) => text.text[o]).join("")).toBe(out.text);
    expect(Array.from(out.offsets.slice(0, 6))).toEqual([0, 1, 2, 3, 5, 8]);
  });
});
