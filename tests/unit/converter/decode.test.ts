import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { decodeSource, splitLines } from "../../../src/converter/input/decode.ts";
import { ConversionError } from "../../../src/converter/errors.ts";

const TITLE = "石嘴山市大武口区2017年政府信息公开工作年度报告";
const BODY = `${TITLE}\r\n\r\n一、概述\r\n2017年，大武口区认真学习贯彻党的十九大精神。\r\n`;

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const hi = code >> 8;
    const lo = code & 0xff;
    out[2 + i * 2] = bigEndian ? hi : lo;
    out[3 + i * 2] = bigEndian ? lo : hi;
  }
  return out;
}

function errorOf(fn: () => unknown): ConversionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConversionError) return e;
    throw e;
  }
  throw new Error("expected a ConversionError");
}

describe("decodeSource", () => {
  it("reads plain UTF-8, hashes the bytes and keeps 1-based line numbers", () => {
    const bytes = new TextEncoder().encode(BODY);
    const decoded = decodeSource("a.txt", bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.bytes).toBe(bytes.length);
    expect(decoded.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(decoded.lines).toEqual([
      { n: 1, text: TITLE },
      { n: 2, text: "" },
      { n: 3, text: "一、概述" },
      { n: 4, text: "2017年，大武口区认真学习贯彻党的十九大精神。" },
    ]);
  });

  it("strips a UTF-8 BOM and reports it", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(BODY)]);
    const decoded = decodeSource("bom.txt", bytes);
    expect(decoded.encoding).toBe("utf-8-bom");
    expect(decoded.lines[0]).toEqual({ n: 1, text: TITLE });
  });

  it("reads UTF-16 LE and BE with a BOM", () => {
    expect(decodeSource("le.txt", utf16(BODY, false)).lines[2]!.text).toBe("一、概述");
    expect(decodeSource("le.txt", utf16(BODY, false)).encoding).toBe("utf-16le");
    const be = decodeSource("be.txt", utf16(BODY, true));
    expect(be.encoding).toBe("utf-16be");
    expect(be.lines[0]!.text).toBe(TITLE);
  });

  it("falls back to GB18030 when the bytes are not UTF-8", () => {
    // "平罗县" in GB18030 / GBK.
    const bytes = new Uint8Array([0xc6, 0xbd, 0xc2, 0xde, 0xcf, 0xd8, 0x0a]);
    const decoded = decodeSource("gb.txt", bytes);
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.lines).toEqual([{ n: 1, text: "平罗县" }]);
  });

  it("turns lone CR into line ends", () => {
    expect(splitLines("甲\r乙\r\n丙\n")).toEqual([
      { n: 1, text: "甲" },
      { n: 2, text: "乙" },
      { n: 3, text: "丙" },
    ]);
  });

  it("refuses empty, whitespace-only and binary files with the file named", () => {
    expect(errorOf(() => decodeSource("empty.txt", new Uint8Array())).code).toBe("empty_file");
    const blank = errorOf(() => decodeSource("blank.txt", new TextEncoder().encode(" \n\u3000\t\r\n")));
    expect(blank.code).toBe("empty_file");
    expect(blank.message).toContain("blank.txt");
    expect(blank.message).toContain("文件为空");
    const nul = errorOf(() => decodeSource("img.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])));
    expect(nul.code).toBe("binary_file");
    expect(nul.message).toMatch(/^img\.png: 不是文本文件 \/ binary file/);
    const control = new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? 0x01 : 0x41)));
    expect(errorOf(() => decodeSource("ctl.bin", control)).code).toBe("binary_file");
  });

  it("decodes every real source as UTF-8", () => {
    const bytes = readFileSync("sources/000_76c4b6d22ff18d10.txt");
    const decoded = decodeSource("000_76c4b6d22ff18d10.txt", bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.lines).toHaveLength(215);
    expect(decoded.lines[2]).toEqual({ n: 3, text: TITLE });
  });
});
