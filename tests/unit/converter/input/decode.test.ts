import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MAX_SOURCE_BYTES, decodeSource, decodeText, splitLines } from "../../../../src/converter/input/decode.ts";
import { ConversionError } from "../../../../src/converter/errors.ts";
import { isSourceName } from "../../../../src/converter/publish/run.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";

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
    // The reason names what the converter reads, now that a source may be text, a web page or a PDF.
    expect(nul.message).toBe("img.png: 不是文本、网页或 PDF 文件 / neither text, a web page nor a PDF (contains NUL bytes)");
    const control = new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 2 ? 0x01 : 0x41)));
    expect(errorOf(() => decodeSource("ctl.bin", control)).code).toBe("binary_file");
  });

  it("decodes the seed as UTF-8, line by line", () => {
    const bytes = readFileSync("sources/000_76c4b6d22ff18d10.txt");
    const decoded = decodeSource("000_76c4b6d22ff18d10.txt", bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.lines).toHaveLength(215);
    expect(decoded.lines[2]).toEqual({ n: 3, text: TITLE });
  });
});

describe("decodeText (the adapters' decoder: text and web pages)", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("keeps the text as it is, line ends included, so offsets are offsets into the file's text", () => {
    const decoded = decodeText("a.txt", encode(BODY));
    expect(decoded.text).toBe(BODY);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.diagnostics).toEqual([]);
    expect(decodeText("bom.txt", new Uint8Array([0xef, 0xbb, 0xbf, ...encode(BODY)])).text).toBe(BODY);
  });

  it("tries the charset a page declares first: GBK bytes declared gbk are read as GB18030", () => {
    // <p>平罗县</p> in GBK: valid GB18030, and not valid UTF-8.
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0xc6, 0xbd, 0xc2, 0xde, 0xcf, 0xd8, 0x3c, 0x2f, 0x70, 0x3e]);
    expect(decodeText("page.html", bytes, "gbk")).toMatchObject({ text: "<p>平罗县</p>", encoding: "gb18030" });
    // A declaration the bytes do not bear out is ignored: the detection reads them.
    expect(decodeText("page.html", encode("<p>平罗县</p>"), "gbk")).toMatchObject({ text: "<p>平罗县</p>", encoding: "utf-8" });
  });

  it("reads UTF-16 saved without a BOM, and keeps damaged UTF-8 as UTF-8 with a warning naming the line", () => {
    const le = Buffer.from(BODY, "utf16le");
    expect(decodeText("le.txt", le)).toMatchObject({ text: BODY, encoding: "utf-16le" });
    const bytes = Buffer.from(encode(`${BODY}${"第二段文字。".repeat(40)}\n`));
    // The first character of line 3 (一) cut in half: its lead byte survives.
    const at = Buffer.byteLength(`${TITLE}\r\n\r\n`);
    bytes[at + 1] = 0x41;
    const decoded = decodeText("damaged.txt", bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text.split("\r\n")[2]).toBe("\ufffdA\ufffd、概述");
    expect(decoded.diagnostics).toEqual([
      {
        severity: "warning",
        code: "damaged_bytes",
        line: 3,
        message: "2 处字节不是有效的 UTF-8，已替换为 �（第 3 行） / 2 invalid UTF-8 byte sequence(s) replaced by U+FFFD (lines 3)",
      },
    ]);
  });

  it("refuses with the file named and the reason", () => {
    expect(errorOf(() => decodeText("empty.html", new Uint8Array())).message).toBe("empty.html: 文件为空或只有空白 / file is empty or whitespace only (0 bytes)");
    expect(errorOf(() => decodeText("big.txt", new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x41))).message).toBe(
      `big.txt: 文件过大，不像一份年度报告 / file too large for one annual report (${MAX_SOURCE_BYTES + 1} bytes > ${MAX_SOURCE_BYTES})`,
    );
    expect(errorOf(() => decodeText("bom.txt", new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x41]))).message).toBe(
      "bom.txt: 无法识别文件编码 / cannot decode the file's text encoding (UTF-8 BOM but invalid UTF-8)",
    );
    expect(errorOf(() => decodeText("zw.txt", encode("\u200b\u3000\ufeff\n\u2060 \n"))).code).toBe("empty_file");
  });

  it("decodes the same bytes again only when they changed: a buffer edited in place between two calls is read afresh", () => {
    const bytes = Buffer.from(encode(`${TITLE}\n一、概述\n`));
    const first = decodeText("a.txt", bytes);
    // The same buffer, unchanged: the same text (the adapter decodes a file to recognise it, then to read it).
    expect(decodeText("a.txt", bytes)).toEqual(first);
    bytes.write("二", Buffer.byteLength(`${TITLE}\n`));
    const second = decodeText("a.txt", bytes);
    expect(second.text).toBe(`${TITLE}\n二、概述\n`);
    expect(second.sha256).not.toBe(first.sha256);
    // A decoding's warnings are the caller's to keep: changing them changes no later decoding.
    const damaged = Buffer.from(encode(`${BODY}${"第二段文字。".repeat(40)}\n`));
    damaged[Buffer.byteLength(`${TITLE}\r\n\r\n`) + 1] = 0x41;
    decodeText("damaged.txt", damaged).diagnostics.pop();
    expect(decodeText("damaged.txt", damaged).diagnostics.map((d) => d.code)).toEqual(["damaged_bytes"]);
  });

  it("weighs control characters against the visible ones, white space not counted", () => {
    // 1 control character among 9 visible characters, itself included (spaces, tabs and line ends are not): more than one in ten.
    expect(errorOf(() => decodeText("bin.txt", encode("\u0001abcdefg \n \t h"))).code).toBe("binary_file");
    expect(decodeText("ok.txt", encode("\u0001abcdefghij \n \t k")).text).toBe("\u0001abcdefghij \n \t k");
  });

  it("decodes every text and web-page source of the corpus as UTF-8", () => {
    const files = readdirSync(SOURCES_DIR).filter((f) => isSourceName(f) && !f.endsWith(".pdf"));
    expect(files).toHaveLength(19);
    for (const file of files) expect(decodeText(file, readFileSync(join(SOURCES_DIR, file))).encoding, file).toBe("utf-8");
  });
});
