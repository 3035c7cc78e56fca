/**
 * The report-body renderer on snippets of real converter output (the MDX of
 * 中卫市 2017, 大武口区 2017 and 沭阳县发改局 2023, copied verbatim) plus hostile input.
 */
import { describe, expect, it } from "vitest";
import { bodySegments, renderReportBody, statisticsMarker, STATISTICS_MARKER, SCREENSHOT_CAPTION, stripFrontmatter } from "../../../src/site/render-report-body.ts";

const FRONTMATTER = `---
id: "640500-2017"
title: "中卫市2017年政府信息公开工作年度报告"
year: 2017
jurisdiction: "中卫市"
code: "640500"
template: "national-2008"
---
`;

const CONTACT_PARAGRAPH =
  "本报告电子版可在中卫市人民政府网站(http\\://www\\.nxzw.gov.cn/) 查阅或下载。如有疑问或意见建议, 请直接与中卫市人民政府政务公开办公室联系。(地址: 中卫市行政中心; 邮编: 755000; 电话: 0955-7068826, 传真: 0955-7068826; 电子邮箱: nx\\_zws\\@163.com)。";

const SCREENSHOT = `中卫市人民政府办公室文件

<ScreenshotTable>

| 索引号 | 标题 | 发布单位 | 发布日期 |
| --- | --- | --- | --- |
| 卫政办发〔2017〕178号 |  |  |  |
| WS01012/2018-01812 | 《生育登记(审批)操作办理规定》解读 | 市卫生和计划生育局 | 2018-01-19 |

</ScreenshotTable>
`;

const HEADINGS = `## 一、概述

正文。

## 二、推进重点领域政府信息公开情况

### （一）围绕以政务公开助力稳增长公开

### （二）围绕以政务公开助力促改革公开

#### 2.推进国资国企信息公开

## 二、推进重点领域政府信息公开情况
`;

const STATISTICS = `石嘴山市大武口区2017年度政府信息公开情况统计表

<StatisticsTable table="statistics" />

2018年1月22日
`;

/** 沭阳县发改局 2023: the 2021 format's three tables, each under its section heading. */
const THREE_TABLES = `## 二、主动公开政府信息情况

<StatisticsTable table="proactive" />

## 三、收到和处理政府信息公开申请情况

<StatisticsTable table="requests" />

## 四、政府信息公开行政复议、行政诉讼情况

<StatisticsTable table="appeals" />

## 五、存在的主要问题及整改措施
`;

describe("renderReportBody", () => {
  it("drops the frontmatter and renders escaped source text as plain text, never as links", () => {
    const html = renderReportBody(`${FRONTMATTER}\n${CONTACT_PARAGRAPH}\n`, "640500-2017.mdx");
    expect(html).not.toContain("640500-2017");
    expect(html).not.toContain("<a");
    expect(html).toContain("中卫市人民政府网站(http://www.nxzw.gov.cn/) 查阅或下载");
    expect(html).toContain("电子邮箱: nx_zws@163.com)。");
  });

  it("keeps a bare URL as text instead of letting GFM link it through the following Chinese", () => {
    const html = renderReportBody("门户网站（www.dwk.gov.cn查阅或下载）", "t.mdx");
    expect(html).toBe("<p>门户网站（www.dwk.gov.cn查阅或下载）</p>");
  });

  it("puts a marker naming the table where <StatisticsTable table=… /> stood", () => {
    const html = renderReportBody(STATISTICS, "640202-2017.mdx");
    expect(html).toBe(`<p>石嘴山市大武口区2017年度政府信息公开情况统计表</p>\n<!--statistics-table:statistics-->\n<p>2018年1月22日</p>`);
    expect(bodySegments(html)).toEqual([
      { kind: "html", html: "<p>石嘴山市大武口区2017年度政府信息公开情况统计表</p>\n" },
      { kind: "table", table: "statistics" },
      { kind: "html", html: "\n<p>2018年1月22日</p>" },
    ]);
  });

  it("cuts a body with several tables at each of them, in order", () => {
    const segments = bodySegments(renderReportBody(THREE_TABLES, "321322-development-reform-2023.mdx"));
    expect(segments.map((s) => (s.kind === "table" ? `[${s.table}]` : s.html.trim()))).toEqual([
      '<h2 id="二-主动公开政府信息情况">二、主动公开政府信息情况</h2>',
      "[proactive]",
      '<h2 id="三-收到和处理政府信息公开申请情况">三、收到和处理政府信息公开申请情况</h2>',
      "[requests]",
      '<h2 id="四-政府信息公开行政复议-行政诉讼情况">四、政府信息公开行政复议、行政诉讼情况</h2>',
      "[appeals]",
      '<h2 id="五-存在的主要问题及整改措施">五、存在的主要问题及整改措施</h2>',
    ]);
  });

  it("gives a marker no table unless the attribute is a table id", () => {
    expect(renderReportBody("<StatisticsTable />\n", "t.mdx")).toBe(STATISTICS_MARKER);
    expect(renderReportBody('<StatisticsTable table="--><script>alert(1)</script>" />\n', "t.mdx")).toBe(STATISTICS_MARKER);
    expect(renderReportBody("<StatisticsTable table={x} />\n", "t.mdx")).toBe(STATISTICS_MARKER);
    expect(bodySegments(STATISTICS_MARKER)).toEqual([{ kind: "table", table: null }]);
    expect(statisticsMarker("requests")).toBe("<!--statistics-table:requests-->");
  });

  it("has only HTML when the body has no statistics table", () => {
    expect(bodySegments("<p>x</p>")).toEqual([{ kind: "html", html: "<p>x</p>" }]);
  });

  it("renders <ScreenshotTable> as a captioned figure around the GFM table, in a named scroll region", () => {
    const html = renderReportBody(SCREENSHOT, "640500-2017.mdx");
    expect(html).toContain(`<figure class="screenshot-table"><figcaption>${SCREENSHOT_CAPTION}</figcaption>`);
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="正文表格 1（可横向滚动）"><table>');
    expect(html).toContain("<th>索引号</th>");
    expect(html).toContain("<td>《生育登记(审批)操作办理规定》解读</td>");
    expect(html).toContain("<td>卫政办发〔2017〕178号</td>");
    expect(html.indexOf("<figure")).toBeGreaterThan(html.indexOf("<p>中卫市人民政府办公室文件</p>"));
  });

  it("turns an empty header cell into a data cell", () => {
    const html = renderReportBody("|  | 标题 |\n| --- | --- |\n| a | b |\n", "t.mdx");
    expect(html).toContain("<td></td>\n<th>标题</th>");
  });

  it("gives headings the converter's anchors, numbering repeats, in document order", () => {
    const html = renderReportBody(HEADINGS, "640500-2017.mdx");
    const ids = [...html.matchAll(/<h([234]) id="([^"]+)">/g)].map((m) => `${m[1]}:${m[2]}`);
    // The first five are exactly the anchors in 640500-2017.json's headings.
    expect(ids).toEqual([
      "2:一-概述",
      "2:二-推进重点领域政府信息公开情况",
      "3:一-围绕以政务公开助力稳增长公开",
      "3:二-围绕以政务公开助力促改革公开",
      "4:2推进国资国企信息公开",
      "2:二-推进重点领域政府信息公开情况-1",
    ]);
  });

  it("starts a fresh slugger for each document", () => {
    const a = renderReportBody("## 一、概述\n", "a.mdx");
    const b = renderReportBody("## 一、概述\n", "b.mdx");
    expect(a).toBe(b);
    expect(a).toBe('<h2 id="一-概述">一、概述</h2>');
  });

  it("never skips a heading level (an h4 straight under an h2 becomes an h3), keeping the converter's anchors", () => {
    const html = renderReportBody("## 二、主动公开政府信息情况\n\n#### 4.认真办理依申请公开\n\n### （一）甲\n\n#### 1.乙\n", "x659039f5dea5-2020.mdx");
    expect([...html.matchAll(/<h([234]) id="([^"]+)">/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual(["2:二-主动公开政府信息情况", "3:4认真办理依申请公开", "3:一-甲", "4:1乙"]);
  });

  it("demotes a stray # heading to h2 (the page title is the only h1)", () => {
    expect(renderReportBody("# 政府信息公开情况统计表\n", "003.mdx")).toBe('<h2 id="政府信息公开情况统计表">政府信息公开情况统计表</h2>');
  });

  it("drops other JSX, ESM and expressions", () => {
    const html = renderReportBody('import x from "y"\n\n前<Foo bar="1" />后\n\n<Chart />\n\n{alert(1)}\n\n结尾\n', "t.mdx");
    expect(html).toBe("<p>前后</p>\n<p>结尾</p>");
  });

  it("keeps only http(s) and mailto links, with rel on external ones, and no images", () => {
    const html = renderReportBody(
      "[甲](javascript:alert(1)) [乙](https://www.nxzw.gov.cn/) [丙](mailto:nx_zws@163.com) ![图](https://x.cn/a.png)",
      "t.mdx",
    );
    expect(html).toBe(
      '<p>甲 <a href="https://www.nxzw.gov.cn/" rel="nofollow noopener">乙</a> <a href="mailto:nx_zws@163.com">丙</a> </p>',
    );
  });

  it("names the file and the reason when the MDX does not parse", () => {
    expect(() => renderReportBody("<StatisticsTable>\n\n未闭合\n", "src/content/reports/640000-2017.mdx")).toThrow(
      /^src\/content\/reports\/640000-2017\.mdx: cannot render report body: /,
    );
  });
});

describe("stripFrontmatter", () => {
  it("removes only a leading block", () => {
    expect(stripFrontmatter(`${FRONTMATTER}正文\n---\n`)).toBe("正文\n---\n");
    expect(stripFrontmatter("正文\n")).toBe("正文\n");
  });
});
