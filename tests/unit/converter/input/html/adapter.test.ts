import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { htmlAdapter } from "../../../../../src/converter/input/html/index.ts";
import { declaredCharset } from "../../../../../src/converter/input/html/charset.ts";
import { lineFields, withoutSiteName } from "../../../../../src/converter/input/html/metadata.ts";
import { buildGrid } from "../../../../../src/converter/input/html/table.ts";
import { rangeOf, sourceText } from "../../../../../src/converter/document/source-text.ts";
import { ConversionError } from "../../../../../src/converter/errors.ts";
import type { SourceDocument } from "../../../../../src/converter/document/types.ts";
import { blockSummary, misplacedCharacters } from "./summary.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (html: string, file = "page.html") => htmlAdapter.read(file, utf8(html));
const blocks = (document: SourceDocument) => document.blocks.map(blockSummary);

async function errorOf(promise: Promise<unknown>): Promise<ConversionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ConversionError)) throw new Error("expected a ConversionError");
  return error;
}

const BODY = "<p>本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>";

describe("recognises", () => {
  const yes = (text: string) => expect(htmlAdapter.recognises(utf8(text), "source.txt")).toBe(true);
  const no = (text: string) => expect(htmlAdapter.recognises(utf8(text), "page.html")).toBe(false);

  it("knows a page by its content, whatever the extension", () => {
    yes("<!DOCTYPE html><html><body><p>报告</p></body></html>");
    yes("\ufeff\r\n<!doctype HTML>\n<title>x</title>");
    yes("<!-- saved from url=(0062)http://www.example.gov.cn/ -->\n<html>\n<head><meta charset=gbk></head>");
    yes("<html lang=zh>");
    // A fragment of a page, as a crawler saves the article alone.
    yes('<div class="TRS_Editor"><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></div>');
  });

  it("knows a UTF-16 page", () => {
    const text = "<!DOCTYPE html><html><body>报告</body></html>";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(htmlAdapter.recognises(bytes, "page.txt")).toBe(true);
  });

  it("refuses text that only quotes a tag, and other forms", () => {
    no("某某县2023年政府信息公开工作年度报告\n一、总体情况<br>\n<p>2023年，…</p>");
    no("<表一>主动公开情况</表一>\n规章 0 0 0");
    no("%PDF-1.7\n%âãÏÓ\n1 0 obj");
  });
});

describe("decoding", () => {
  it("reads the charset a page declares in <meta charset> or http-equiv", () => {
    expect(declaredCharset(utf8('<html><head><meta charset="gb2312"></head>'))).toBe("gb2312");
    expect(declaredCharset(utf8('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'))).toBe("GBK");
    expect(declaredCharset(utf8("<html><head><title>x</title></head>"))).toBeUndefined();
  });

  it("warns when the declared charset does not fit the bytes and reads them as what they are", async () => {
    // The gb2312 fixture with its declaration changed to utf-8: the bytes are still GB2312.
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures/gb2312-layout-tables/page.html")));
    const latin = new TextDecoder("latin1").decode(bytes).replace("charset=gb2312", "charset=utf-8");
    const relabelled = Uint8Array.from(latin, (c) => c.charCodeAt(0));
    const document = await htmlAdapter.read("page.html", relabelled);
    expect(document.encoding).toBe("gb18030");
    expect(document.diagnostics.map((d) => d.code)).toEqual(["html_charset_mismatch"]);
    expect(document.metadata.title?.text).toBe("某某区人民政府2019年政府信息公开工作年度报告");
  });

  it("lets a byte order mark decide over the charset the page declares", async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${BODY}</body></html>`;
    const bytes = new Uint8Array(2 + html.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < html.length; i++) {
      bytes[2 + i * 2] = html.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = html.charCodeAt(i) >> 8;
    }
    const document = await htmlAdapter.read("page.htm", bytes);
    expect(document.encoding).toBe("utf-16le");
    expect(blocks(document)).toEqual([{ paragraph: BODY.slice(3, -4) }]);
    expect(document.diagnostics).toEqual([]);
  });

  it("refuses an empty page and a frameset", async () => {
    expect((await errorOf(htmlAdapter.read("page.html", new Uint8Array(0)))).code).toBe("empty_file");
    const frames = await errorOf(read('<html><frameset cols="20%,80%"><frame src="nav.html"><frame src="report.html"></frameset></html>'));
    expect(frames.code).toBe("not_a_report");
    expect(frames.message).toContain("page.html");
  });
});

describe("offsets", () => {
  it("maps a paragraph with entities character by character to the page source", async () => {
    const html = `<body><div class="content">${BODY}<p>&nbsp;&nbsp;全年公开&ldquo;政策解读&rdquo;&amp;回应&#51;&#x34;条</p></div></body>`;
    const document = await read(html);
    const paragraph = document.blocks[1]!;
    if (paragraph.kind !== "paragraph") throw new Error("no paragraph");
    const { text } = paragraph;
    expect(text.text).toBe("全年公开“政策解读”&回应34条");
    const at = (c: string) => text.offsets[text.text.indexOf(c)]!;
    expect(html.startsWith("&ldquo;", at("“"))).toBe(true);
    expect(html.startsWith("&rdquo;", at("”"))).toBe(true);
    expect(html.startsWith("&amp;", at("&"))).toBe(true);
    expect(html.startsWith("&#51;", at("3"))).toBe(true);
    expect(html.startsWith("&#x34;", at("4"))).toBe(true);
    // A character has one offset: a range ending in a reference ends at its & (SourceText keeps no end per character).
    const figure = rangeOf(text, text.text.indexOf("34"), text.text.indexOf("34") + 2);
    expect(html.slice(figure.start, figure.end)).toBe("&#51;&");
    expect(html.slice(at("条"), at("条") + 1)).toBe("条");
  });
});

describe("blocks", () => {
  it("takes each <br> line of a paragraph as a paragraph, each <pre> line too, and hidden elements not at all", async () => {
    const document = await read(
      `<body><div class="article-content"><p>第一行<br>第二行<br/><br>第三行</p>` +
        `<pre>  规章      0    0\n  规范性文件  3    27</pre>` +
        `<p style="display: none">隐藏的文字</p><div hidden>也隐藏</div>${BODY}</div></body>`,
    );
    expect(blocks(document)).toEqual([
      { paragraph: "第一行" },
      { paragraph: "第二行" },
      { paragraph: "第三行" },
      { paragraph: "规章      0    0" },
      { paragraph: "规范性文件  3    27" },
      { paragraph: BODY.slice(3, -4) },
    ]);
  });

  it("keeps blank cells blank, fills positions no cell covers and warns", async () => {
    // Row 2 has one cell, left of where 乙 spans down: the position between them has no cell in the source.
    const document = await read(
      `<body><div class="content">${BODY}<table>` +
        `<tr><th>项目</th><th>甲</th><th rowspan="2">乙</th></tr>` +
        `<tr><td>小计</td></tr>` +
        `<tr><td>合计</td><td></td><td>&nbsp;</td></tr>` +
        `</table></div></body>`,
    );
    const table = document.blocks.find((b) => b.kind === "table")!;
    expect(blockSummary(table)).toEqual({
      table: [
        ["项目", "甲", "乙"],
        ["小计", "", "^"],
        ["合计", "", ""],
      ],
      header: ["hhh", "..h", "..."],
    });
    expect(document.diagnostics.map((d) => [d.code, d.line])).toEqual([["html_table_gap", 1]]);
  });

  it("reads the cells of a layout table as text, and a single-column table as paragraphs", async () => {
    const document = await read(
      `<body><table><tr><td><p>某某区人民政府办公室</p>${BODY}` +
        `<table border="1"><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>3</td></tr></table>` +
        `<table><tr><td>一、总体情况</td></tr><tr><td>二、主动公开政府信息情况</td></tr></table></td></tr></table></body>`,
    );
    expect(blocks(document)).toEqual([
      { paragraph: "某某区人民政府办公室" },
      { paragraph: BODY.slice(3, -4) },
      {
        table: [
          ["规章", "0"],
          ["规范性文件", "3"],
        ],
      },
      { paragraph: "一、总体情况" },
      { paragraph: "二、主动公开政府信息情况" },
    ]);
  });

  it("keeps a statistics table with a long note row as a table", async () => {
    const note = `注：${"本表所列数据的统计口径与上年一致，其中，依申请公开数据含转办件，".repeat(15)}`;
    const document = await read(
      `<body><div class="content">${BODY}<table><tr><td>规章</td><td>0</td><td>0</td></tr><tr><td>规范性文件</td><td>3</td><td>27</td></tr>` +
        `<tr><td colspan="3">${note}</td></tr></table></div></body>`,
    );
    expect(blocks(document)[1]).toEqual({
      table: [
        ["规章", "0", "0"],
        ["规范性文件", "3", "27"],
        [note, "<", "<"],
      ],
    });
  });

  it("takes the info table out of the body wherever it stands, and reads its fields", async () => {
    const document = await read(
      `<html><head><title>某某县2023年政府信息公开工作年度报告</title></head><body><div id="zoomcon">` +
        `<table class="xxgk"><tr><td>索引号</td><td>11330000/2024-00012</td><td>发布机构</td><td>某某县司法局</td></tr>` +
        `<tr><td>发文日期</td><td>2024年1月26日</td><td>主题分类</td><td>年度报告</td></tr></table>` +
        `${BODY}<table><tr><td>名称</td><td>文号</td><td>发布日期</td></tr><tr><td>某某县行政规范性文件管理办法</td><td>某政发〔2023〕5号</td><td>2023-06-01</td></tr></table>` +
        `</div></body></html>`,
    );
    expect(blocks(document)).toEqual([
      { paragraph: BODY.slice(3, -4) },
      {
        table: [
          ["名称", "文号", "发布日期"],
          ["某某县行政规范性文件管理办法", "某政发〔2023〕5号", "2023-06-01"],
        ],
      },
    ]);
    expect(document.metadata).toMatchObject({ publishedOn: "2024-01-26", publisher: "某某县司法局", url: null });
    expect(document.removals.map((r) => [r.from, r.excerpt])).toEqual([[1, "索引号 11330000/2024-00012 发布机构 某某县司法局 发文日期 2024年1月26日 主题分类 年度报…"]]);
  });

  it("reads <publishtime> when no field gives the date, and a capture tool's 来源 as the page's address", async () => {
    const document = await read(
      `<body><div class="meta"><div><strong>标题：</strong>某某县2023年年度报告 - 某某县人民政府</div>` +
        `<div><strong>来源：</strong><a href="http://www.example.gov.cn/a/1.html">http://www.example.gov.cn/a/1.html</a></div>` +
        `<div><strong>采集时间：</strong>2025-12-30T21:37:37+08:00</div></div>` +
        `<div class="info">发布于 <publishtime>2024-01-09 16:20</publishtime></div><div class="TRS_Editor">${BODY}${BODY}</div></body>`,
    );
    expect({ ...document.metadata, title: document.metadata.title?.text }).toEqual({
      title: "某某县2023年年度报告",
      publishedOn: "2024-01-09",
      url: "http://www.example.gov.cn/a/1.html",
      publisher: null,
    });
    expect(misplacedCharacters(document)).toEqual([]);
  });

  it("refuses a page whose body is no more than its title and a link", async () => {
    const error = await errorOf(
      read(`<body><h1>某某县2023年政府信息公开工作年度报告</h1><div class="content"><p>详见附件：<a href="/a.pdf">年度报告.pdf</a></p></div></body>`),
    );
    expect(error.code).toBe("no_article_text");
    expect(error.detail).toBe("no article text in the page (5 characters besides the title and links)");
  });
});

describe("a table that spans too far", () => {
  it("is read with its spans cut to single cells past the limit, and says so", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td colspan="1000">${i}</td></tr>`).join("\n");
    const document = await read(`<body><div class="content">${BODY}\n<table>\n${rows}\n</table></div></body>`);
    const table = document.blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.grid.map((row) => row.length).filter((n) => n === 1)).toHaveLength(100);
    expect(document.diagnostics.map((d) => [d.code, d.line])).toEqual([["html_span_clamped", 2]]);
  });
});

describe("metadata helpers", () => {
  it("cuts the site's name off a page title, not a year range", () => {
    const cut = (t: string) => withoutSiteName(sourceText(t, 0)).text;
    expect(cut("平潭综合实验区地方税务局2013年信息公开年度报告_政府信息公开年报_平潭综合实验区党工委管委会")).toBe("平潭综合实验区地方税务局2013年信息公开年度报告");
    expect(cut("沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局")).toBe("沭阳县发展和改革局2023年政府信息公开年度报告");
    expect(cut("某某市人民政府 | 某某市2019-2020年政府信息公开工作年度报告")).toBe("某某市2019-2020年政府信息公开工作年度报告");
    expect(cut("政务公开_某某县人民政府")).toBe("政务公开");
  });

  it("splits a line into its label：value fields", () => {
    const fields = lineFields(sourceText("来源：平潭县人民政府 时间：2014-02-25 00:00 【字体：大 中 小】", 100));
    expect(fields.map((f) => [f.label, f.value.text, f.value.offsets[0]])).toEqual([
      ["来源", "平潭县人民政府", 103],
      ["时间", "2014-02-25 00:00", 114],
      ["字体", "大 中 小", 135],
    ]);
  });
});

describe("buildGrid", () => {
  it("cuts spans that would expand a table past its limit, and a rowspan at the table's last row", () => {
    const cell = (colspan: string, rowspan: string) => ({
      element: { attrs: [{ name: "colspan", value: colspan }, { name: "rowspan", value: rowspan }] } as never,
      text: sourceText("0", 0),
      header: false,
    });
    const rows = Array.from({ length: 300 }, () => ({ cells: [cell("1000", "1")] }));
    const result = buildGrid(rows);
    expect(result.clamped).toBe(100);
    expect(result.grid[0]).toHaveLength(1000);
    expect(result.grid[299]).toHaveLength(1);
    const last = buildGrid([{ cells: [cell("2", "65534")] }, { cells: [] }]);
    expect(last.grid[0]![0]!.cell).toMatchObject({ rowSpan: 2, colSpan: 2 });
    expect(last.grid[1]).toHaveLength(2);
  });
});
