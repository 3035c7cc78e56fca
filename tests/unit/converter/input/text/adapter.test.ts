import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../../../../../src/converter/document/source-text.ts";
import type { SourceDocument, SourceText } from "../../../../../src/converter/document/types.ts";
import { ConversionError } from "../../../../../src/converter/errors.ts";
import { readTextDocument, textAdapter, textShape } from "../../../../../src/converter/input/text/index.ts";
import { physicalLines } from "../../../../../src/converter/input/text/source-edit.ts";
import { SOURCES_DIR } from "../../../../helpers/source-lines.ts";
import { describeDocument } from "./describe-document.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const encode = (text: string) => new TextEncoder().encode(text);

function source(name: string): SourceDocument {
  return readTextDocument(name, new Uint8Array(readFileSync(join(SOURCES_DIR, name))));
}

/** Every text of every block. */
function texts(document: SourceDocument): SourceText[] {
  return document.blocks.flatMap((block) => {
    if (block.kind === "table") return block.grid.flatMap((row) => row.map((p) => p.cell.text));
    if (block.kind === "list") return block.items;
    return [block.text];
  });
}

/** Characters of a block text that are not the character at their offset in the file (written ones: spaces, tabs, decoded entities). */
function misplaced(document: SourceDocument): string[] {
  const wrong: string[] = [];
  for (const text of texts(document)) {
    for (let i = 0; i < text.text.length; i++) {
      const c = text.text[i]!;
      if (!/\s/.test(c) && document.text[text.offsets[i]!] !== c) wrong.push(`${c}@${text.offsets[i]}`);
    }
  }
  return wrong;
}

/** The SourceText of `digits` inside the block text that contains `context`. */
function figure(document: SourceDocument, context: string, digits: string): SourceText {
  const text = texts(document).find((t) => t.text.includes(context));
  if (!text) throw new Error(`no block text with ${context}`);
  const at = text.text.indexOf(context) + context.indexOf(digits);
  return { text: text.text.slice(at, at + digits.length), offsets: text.offsets.subarray(at, at + digits.length) };
}

describe("fixtures: input.txt → blocks, metadata and removals", () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name, "input.txt")));
      const document = readTextDocument("input.txt", bytes);
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, "expected.json"), "utf8"));
      expect(describeDocument(document)).toEqual(expected);
      expect(misplaced(document)).toEqual([]);
    });
  }
});

describe("offsets point at exactly the digits of the file", () => {
  it("平潭 2016: 3460 in the prose and the glued table cell 346085376 (crawler text, one-line body)", () => {
    const document = source("fujian-pingtan-2016.txt");
    const prose = figure(document, "主动公开政府信息3460条", "3460");
    const start = prose.offsets[0]!;
    expect(document.text.slice(start, prose.offsets[3]! + 1)).toBe("3460");
    expect(document.text.slice(start - 10, start + 5)).toBe("全区主动公开政府信息3460条");
    expect(new LineIndex(document.text).lineOf(start)).toBe(10);
    const glued = figure(document, "主动公开文件数条346085376", "346085376");
    expect(document.text.slice(glued.offsets[0]!, glued.offsets[8]! + 1)).toBe("346085376");
  });

  it("洪泽 2023: the 21 requests of table 三's first row (pdftotext layout)", () => {
    const document = source("jiangsu-hongze-2023.txt");
    const table = document.blocks.find(
      (b) => b.kind === "table" && b.grid.some((row) => row[0]?.cell.text.text === "一、本年新收政府信息公开申请数量"),
    );
    expect(table?.kind).toBe("table");
    if (table?.kind !== "table") return;
    expect(table.cells).toBe("text");
    const row = table.grid.find((r) => r[0]!.cell.text.text === "一、本年新收政府信息公开申请数量")!;
    expect(row.map((p) => p.cell.text.text)).toEqual(["一、本年新收政府信息公开申请数量", "21", "0", "0", "0", "0", "0", "21"]);
    const cell = row[1]!.cell.text;
    const index = new LineIndex(document.text);
    expect(document.text.slice(cell.offsets[0]!, cell.offsets[1]! + 1)).toBe("21");
    expect(index.position(cell.offsets[0]!)).toEqual({ line: 96, column: 46 });
    const total = row[7]!.cell.text;
    expect(document.text.slice(total.offsets[0]!, total.offsets[1]! + 1)).toBe("21");
  });

  it("every character of every block of every real source stands at its offset", () => {
    const names = readdirSync(SOURCES_DIR).filter((n) => n.endsWith(".txt"));
    expect(names.length).toBe(17);
    for (const name of names) expect([name, misplaced(source(name))]).toEqual([name, []]);
  });
});

describe("shapes of plain text", () => {
  const shapeOf = (name: string) => textShape(physicalLines(readFileSync(join(SOURCES_DIR, name), "utf8")));

  it("tells crawler text, capture-tool text, a page layout and OCR apart by their content", () => {
    expect(shapeOf("fujian-pingtan-2011.txt")).toBe("crawler");
    expect(shapeOf("fujian-pingtan-2025.txt")).toBe("crawler");
    expect(shapeOf("jiangsu-shuyang-2023-fagaiju.txt")).toBe("capture");
    expect(shapeOf("jiangsu-hongze-2023.txt")).toBe("page_layout");
    for (const seed of readdirSync(SOURCES_DIR).filter((n) => /^00\d_/.test(n))) expect([seed, shapeOf(seed)]).toEqual([seed, "plain"]);
  });

  it("marks lines of OCR and of a page layout as wrapped, never the lines of crawler or capture text", () => {
    const wrapped = (name: string) => source(name).blocks.some((b) => b.hints.wrapped === true);
    expect(wrapped("001_235b576e695992d0.txt")).toBe(true);
    expect(wrapped("jiangsu-hongze-2023.txt")).toBe(true);
    expect(wrapped("fujian-pingtan-2016.txt")).toBe(false);
    expect(wrapped("jiangsu-shuyang-2023-fagaiju.txt")).toBe(false);
  });

  it("ends a wrapped paragraph before an indented line of the page layout (洪泽 lines 10–12)", () => {
    const document = source("jiangsu-hongze-2023.txt");
    const index = new LineIndex(document.text);
    const paragraphs = document.blocks.flatMap((b) => (b.kind === "paragraph" ? [b] : []));
    const at = (line: number) => paragraphs.find((b) => index.lineOf(b.text.offsets[0]!) === line);
    expect(at(9)?.hints).toEqual({ wrapped: true });
    expect(at(10)?.hints).toEqual({});
    expect(at(11)?.text.text).toBe("一、总体情况");
  });
});

describe("crawler header and capture-tool metadata", () => {
  it("reads the crawler header into PageMetadata, its title at its place in line 1", () => {
    const document = source("fujian-pingtan-2016.txt");
    const { title, ...rest } = document.metadata;
    expect(rest).toEqual({ publishedOn: "2017-01-18", url: "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201701/t20170118_80485.htm", publisher: null });
    expect(title?.text).toBe("平潭综合实验区2016年度政府信息公开工作年度报告");
    expect(document.text.slice(title!.offsets[0]!, title!.offsets[title!.offsets.length - 1]! + 1)).toBe(title!.text);
    expect(document.text.slice(0, title!.offsets[0]!)).toBe("标题: ");
  });

  it("takes the capture tool's title from 名称, without the site suffix 标题 carries", () => {
    const document = source("jiangsu-shuyang-2023-fagaiju.txt");
    expect(document.metadata.title?.text).toBe("沭阳县发展和改革局2023年政府信息公开年度报告");
    expect(new LineIndex(document.text).lineOf(document.metadata.title!.offsets[0]!)).toBe(18);
    const noInfoTable = readTextDocument(
      "capture.txt",
      encode("标题：某县2023年政府信息公开年度报告-某县人民政府\n单位：某县人民政府\n来源：http://www.example.gov.cn/a.html\n采集时间：2025-01-01T00:00:00+08:00\n首页\n某县2023年政府信息公开年度报告\n一、总体情况\n"),
    );
    expect(noInfoTable.metadata).toMatchObject({ publishedOn: null, url: "http://www.example.gov.cn/a.html", publisher: null });
    expect(noInfoTable.metadata.title?.text).toBe("某县2023年政府信息公开年度报告");
  });

  it("warns about a publication date that is no date, and leaves it null", () => {
    const text = readFileSync(join(SOURCES_DIR, "fujian-pingtan-2016.txt"), "utf8").replace("发布时间: 2017-01-18", "发布时间: 2017-13-45");
    const document = readTextDocument("bad-date.txt", encode(text));
    expect(document.metadata.publishedOn).toBeNull();
    expect(document.diagnostics).toEqual([expect.objectContaining({ severity: "warning", code: "unreadable_page_date", line: 2 })]);
  });
});

describe("site chrome inside one-line crawler bodies", () => {
  it("removes breadcrumb, title block and share bar up to the report, and the attachment link after it (平潭 2012)", () => {
    const document = source("fujian-pingtan-2012.txt");
    const body = document.blocks[0]!;
    expect(body.kind === "paragraph" && body.text.text.startsWith("平潭综合实验区管委会办公室 二〇一三年一月 本报告主要根据《中华人民共和国政府信息公开条例》")).toBe(true);
    expect(body.kind === "paragraph" && body.text.text.endsWith("行政申诉、举报数 件 0 0")).toBe(true);
    expect(document.removals.filter((r) => r.kind === "page_chrome").map((r) => r.excerpt)).toEqual([
      "当前位置： 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2012年政…",
      "附件下载",
    ]);
  });

  it("keeps the list number Word hid in a conditional comment, without the comment (平潭 2016)", () => {
    const document = source("fujian-pingtan-2016.txt");
    const body = document.blocks[0]!;
    expect(body.kind === "paragraph" && body.text.text.includes("相关内容。7、公共监管信息公开情况①环境信息公开情况。")).toBe(true);
    expect(document.removals).toContainEqual({ kind: "markup", from: 10, to: 10, excerpt: "<!--[if !supportLists]--> <!--[endif]-->" });
  });

  it("drops a comment Word hides from browsers whole, and only the marker of one never closed, with a warning", () => {
    const header = "标题: 某区2020年政府信息公开工作年度报告\n发布时间: 2021-01-01 00:00\n==================== 正文 ====================\n";
    const document = readTextDocument(
      "comments.txt",
      encode(`${header}一、总体情况<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--> 2020年，全区主动公开政府信息120条。<!-- 二、主动公开政府信息情况\n`),
    );
    const body = document.blocks[0]!;
    expect(body.kind === "paragraph" && body.text.text).toBe("一、总体情况 2020年，全区主动公开政府信息120条。 二、主动公开政府信息情况");
    expect(document.diagnostics).toEqual([expect.objectContaining({ code: "unclosed_comment", line: 4 })]);
  });
});

describe("recognition, limits and errors", () => {
  it("recognises text, not an HTML page saved as .txt, not a PDF", () => {
    expect(textAdapter.recognises(new Uint8Array(readFileSync(join(SOURCES_DIR, "fujian-pingtan-2016.txt"))), "a.txt")).toBe(true);
    expect(textAdapter.recognises(new Uint8Array(readFileSync(join(SOURCES_DIR, "jiangsu-shuyang-2023-fagaiju.html"))), "page.txt")).toBe(false);
    expect(textAdapter.recognises(new Uint8Array(readFileSync(join(SOURCES_DIR, "jiangsu-hongze-2023.pdf"))), "report.txt")).toBe(false);
    expect(textAdapter.recognises(encode("<p>政务信息 更多>></p>\n一、概述\n"), "ocr.txt")).toBe(true);
    // Bytes that do not decode are still text's to refuse, with the reason.
    expect(textAdapter.recognises(new Uint8Array(0), "empty.txt")).toBe(true);
  });

  it("refuses empty, binary and over-long input with the file named", async () => {
    await expect(textAdapter.read("empty.txt", encode(" \n\u3000\n"))).rejects.toMatchObject({ code: "empty_file", file: "empty.txt" });
    await expect(textAdapter.read("empty.txt", new Uint8Array(0))).rejects.toThrow(ConversionError);
    expect(() => readTextDocument("bin.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]))).toThrow(/bin\.txt/);
    expect(() => readTextDocument("many.txt", encode("一\n".repeat(100_001)))).toThrow(/many\.txt.*100001 lines > 100000/);
  });

  it("keeps offsets in the decoded text of a UTF-16 file with CRLF line ends", () => {
    const text = "一、概述\r\n2017 年，全区主动公开政府信息 8573 条。\r\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array(Array.from(text, (c) => c.charCodeAt(0))).buffer)]);
    const document = readTextDocument("utf16.txt", bytes);
    expect(document.encoding).toBe("utf-16le");
    const digits = figure(document, "政府信息8573条", "8573");
    expect(document.text.slice(digits.offsets[0]!, digits.offsets[3]! + 1)).toBe("8573");
    expect(new LineIndex(document.text).lineOf(digits.offsets[0]!)).toBe(2);
  });
});
