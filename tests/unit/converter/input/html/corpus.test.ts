import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { htmlAdapter } from "../../../../../src/converter/input/html/index.ts";
import { LineIndex, rangeOf } from "../../../../../src/converter/document/source-text.ts";
import type { Block, SourceDocument, TableBlock } from "../../../../../src/converter/document/types.ts";
import { misplacedCharacters, tableSummary } from "./summary.ts";

const SOURCES = join(import.meta.dirname, "../../../../../sources");

async function readCorpus(base: string): Promise<{ document: SourceDocument; lines: LineIndex }> {
  const bytes = new Uint8Array(readFileSync(join(SOURCES, `${base}.html`)));
  expect(htmlAdapter.recognises(bytes, `${base}.html`)).toBe(true);
  const document = await htmlAdapter.read(`${base}.html`, bytes);
  return { document, lines: new LineIndex(document.text) };
}

function textOf(block: Block): string {
  if (block.kind === "table") throw new Error("a table has no text of its own");
  return block.kind === "list" ? block.items.map((i) => i.text).join("\n") : block.text.text;
}

const kinds = (document: SourceDocument) => document.blocks.map((b) => b.kind[0]!.toUpperCase()).join("");
const tables = (document: SourceDocument) => document.blocks.filter((b): b is TableBlock => b.kind === "table");

/** The texts of a table's cells where they start, in source order, blanks left out. */
function filledCells(table: TableBlock): string[] {
  return table.grid.flatMap((row, r) => row.filter((at, c) => at.origin.row === r && at.origin.column === c && at.cell.text.text !== "").map((at) => at.cell.text.text));
}

describe("jiangsu-shuyang-2023-fagaiju.html (capture-tool snapshot, Word body with three tables)", () => {
  let document: SourceDocument;
  let lines: LineIndex;
  beforeAll(async () => {
    ({ document, lines } = await readCorpus("jiangsu-shuyang-2023-fagaiju"));
  });

  it("decodes the page and reads its metadata from the title block, the info table and the capture tool's 来源", () => {
    expect(document.form).toBe("html");
    expect(document.encoding).toBe("utf-8");
    expect(document.bytes).toBe(111022);
    expect(document.text.length).toBe(95630);
    expect({ ...document.metadata, title: document.metadata.title?.text }).toEqual({
      title: "沭阳县发展和改革局2023年政府信息公开年度报告",
      publishedOn: "2024-01-17",
      url: "http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml",
      publisher: "沭阳县发展和改革局",
    });
    // The title is the <h1> of the page, not the capture tool's 标题 with its -沭阳县发改局.
    const title = document.metadata.title!;
    const range = rangeOf(title, 0, title.text.length);
    expect(lines.lineOf(range.start)).toBe(227);
    expect(document.text.slice(range.start, range.end)).toBe(title.text);
  });

  it("keeps only the report: the title, the Word body's paragraphs and its three tables, in order", () => {
    expect(kinds(document)).toBe("HPPPPPPPPPPPPPPTPTPTPPPPPPP");
    expect(document.blocks[0]).toMatchObject({ kind: "heading", hints: { headingLevel: 1 } });
    expect(textOf(document.blocks[0]!)).toBe("沭阳县发展和改革局2023年政府信息公开年度报告");
    expect(textOf(document.blocks[1]!)).toBe(
      "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，现向社会公布沭阳县发展和改革局2023年度政府信息公开年度报告。" +
        "本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日。年度报告通过沭阳县人民政府网站（http://www.shuyang.gov.cn/）公布。" +
        "如对年度报告有疑问，请与沭阳县发展和改革局联系（地址：沭阳县沭城街道苏州东路42号，邮编：223600，电话：0527—83593059）。",
    );
    expect(textOf(document.blocks[2]!)).toBe("一、总体情况");
    // Each table stands between the section titles that surround it on the page.
    expect(document.blocks.slice(14, 21).map((b) => (b.kind === "table" ? "<table>" : textOf(b)))).toEqual([
      "二、主动公开政府信息情况",
      "<table>",
      "三、收到和处理政府信息公开申请情况",
      "<table>",
      "四、政府信息公开行政复议、行政诉讼情况",
      "<table>",
      "五、存在的主要问题及整改措施",
    ]);
    // The signature lines: 118 and 120 spaces of padding folded away, the <br> at the end adds no block.
    expect(document.blocks.slice(-4).map(textOf)).toEqual(["六、其他需要报告的事项", "2023年度，县发展和改革局政府信息公开未发生收费情况。", "沭阳县发展和改革局", "2024年1月17日"]);
    const all = document.blocks.filter((b) => b.kind !== "table").map(textOf).join("\n");
    for (const chrome of ["标题：", "采集时间", "繁體版", "智能问答", "索引号", "公开日期", "沭阳县发改局"]) expect(all).not.toContain(chrome);
  });

  it("reads 表二 with its colspans expanded", () => {
    expect(tableSummary(tables(document)[0]!).table).toEqual([
      ["第二十条第（一）项", "<", "<", "<"],
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "0", "0", "0"],
      ["规范性文件", "8", "0", "18"],
      ["第二十条第（五）项", "<", "<", "<"],
      ["信息内容", "本年处理决定数量", "<", "<"],
      ["行政许可", "0", "<", "<"],
      ["第二十条第（六）项", "<", "<", "<"],
      ["信息内容", "本年处理决定数量", "<", "<"],
      ["行政处罚", "0", "<", "<"],
      ["行政强制", "0", "<", "<"],
      ["第二十条第（八）项", "<", "<", "<"],
      ["信息内容", "本年收费金额（单位：万元）", "<", "<"],
      ["行政事业性收费", "0", "<", "<"],
    ]);
  });

  it("reads 表三's three header rows and keeps the five blank 法人或其他组织 cells of every row as blank cells", () => {
    const table = tables(document)[1]!;
    const grid = tableSummary(table).table;
    expect(grid).toHaveLength(28);
    expect(grid.slice(0, 3)).toEqual([
      ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "<", "<", "申请人情况", "<", "<", "<", "<", "<", "<"],
      ["^", "^", "^", "自然人", "法人或其他组织", "<", "<", "<", "<", "总计"],
      ["^", "^", "^", "^", "商业 企业", "科研 机构", "社会公益组织", "法律服务机构", "其他", "^"],
    ]);
    expect(grid[3]).toEqual(["一、本年新收政府信息公开申请数量", "<", "<", "26", "", "", "", "", "", "26"]);
    expect(grid[5]).toEqual(["三、本年度办理结果", "（一）予以公开", "<", "26", "", "", "", "", "", "26"]);
    expect(grid[7]).toEqual(["^", "（三）不予公开", "1.属于国家秘密", "0", "", "", "", "", "", "0"]);
    expect(grid[8]).toEqual(["^", "^", "2.其他法律行政法规禁止公开", "0", "", "", "", "", "", "0"]);
    expect(grid[26]).toEqual(["^", "（七）总计", "<", "26", "", "", "", "", "", "26"]);
    expect(grid[27]).toEqual(["四、结转下年度继续办理", "<", "<", "0", "", "", "", "", "", "0"]);
    // 三、本年度办理结果 spans its 22 result rows; 第三项 to 第四项 (rows 5–27) all have the five blanks.
    expect(table.grid[5]![0]!.cell).toMatchObject({ rowSpan: 22, colSpan: 1 });
    expect(table.grid[26]![0]!.origin).toEqual({ row: 5, column: 0 });
    for (let r = 3; r < 28; r++) {
      for (let c = 4; c <= 8; c++) {
        const at = table.grid[r]![c]!;
        expect(at.origin).toEqual({ row: r, column: c });
        expect(at.cell).toMatchObject({ rowSpan: 1, colSpan: 1, header: false });
        expect(at.cell.text.text).toBe("");
      }
    }
  });

  it("reads 表四 with its two header rows", () => {
    expect(tableSummary(tables(document)[2]!).table).toEqual([
      ["行政复议", "<", "<", "<", "<", "行政诉讼", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
      ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "<", "<", "<", "<", "复议后起诉", "<", "<", "<", "<"],
      ["^", "^", "^", "^", "^", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
      ["0", "0", "0", "1", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"],
    ]);
  });

  it("has, cell for cell, the filled cells the page's derived text prints one per line", () => {
    // The .txt was derived from the same page with every block element on a line of its own; blank cells print nothing.
    const txt = readFileSync(join(SOURCES, "jiangsu-shuyang-2023-fagaiju.txt"), "utf8").split("\n");
    const between = (before: string, after: string) => txt.slice(txt.indexOf(before) + 1, txt.indexOf(after));
    const lines = (table: TableBlock) => filledCells(table).flatMap((t) => t.split(" "));
    const [second, third, fourth] = tables(document);
    expect(lines(second!)).toEqual(between("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"));
    expect(lines(third!)).toEqual(between("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"));
    expect(lines(fourth!)).toEqual(between("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及整改措施"));
  });

  it("points the cell 26 of 表三 row 一 at the 26 in the page source", () => {
    const cell = tables(document)[1]!.grid[3]![3]!.cell.text;
    const { start, end } = rangeOf(cell, 0, cell.text.length);
    expect(document.text.slice(start, end)).toBe("26");
    // The row label is split over two <span>s in the source (一 | 、本年新收…); the 26 is in the next cell, on line 418.
    const rowLabel = document.text.indexOf("、本年新收政府信息公开申请数量");
    expect(start).toBe(document.text.indexOf(">26<", rowLabel) + 1);
    expect(lines.position(start)).toEqual({ line: 418, column: document.text.slice(lines.lineStart(418), start).length + 1 });
    expect(document.text.slice(lines.lineStart(418), start)).toMatch(/<span style="font-family: 微软雅黑;">$/);
    expect(misplacedCharacters(document)).toEqual([]);
  });

  it("logs the capture tool's header, the site header and the info table as one page_chrome removal", () => {
    expect(document.removals).toHaveLength(1);
    expect(document.removals[0]).toMatchObject({ kind: "page_chrome", from: 20, to: 214 });
    expect(document.removals[0]!.excerpt.startsWith("标题：沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局 单位：沭阳县发改局")).toBe(true);
    expect(document.diagnostics).toEqual([]);
  });
});

describe("fujian-pingtan-2013-dishui.html (crawled TRS page, prose only, numbers in <span>)", () => {
  let document: SourceDocument;
  let lines: LineIndex;
  beforeAll(async () => {
    ({ document, lines } = await readCorpus("fujian-pingtan-2013-dishui"));
  });

  it("reads the page's metadata from its <meta> tags and 来源 line, not the CMS account 超级管理员", () => {
    expect({ ...document.metadata, title: document.metadata.title?.text }).toEqual({
      title: "平潭综合实验区地方税务局2013年信息公开年度报告",
      publishedOn: "2014-02-25",
      url: "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201402/t20140225_80774.htm",
      publisher: "平潭县人民政府",
    });
    // From <meta name="ArticleTitle" content="…">: the offsets are those of the attribute value.
    const title = document.metadata.title!;
    const range = rangeOf(title, 0, title.text.length);
    expect(lines.lineOf(range.start)).toBe(11);
    expect(document.text.slice(range.start, range.end)).toBe(title.text);
  });

  it("opens with the page's title block as a heading, then the body's own two-line title", () => {
    expect(kinds(document)).toBe(`H${"P".repeat(48)}`);
    const heading = document.blocks[0]!;
    if (heading.kind !== "heading") throw new Error("the first block is not a heading");
    expect(heading.hints).toEqual({ headingLevel: 1 });
    expect(heading.text.text).toBe("平潭综合实验区地方税务局2013年信息公开年度报告");
    // The <div class="article_title"> above the body.
    expect(lines.lineOf(rangeOf(heading.text, 0, 1).start)).toBe(295);
    expect(document.blocks.slice(1, 4).map(textOf)).toEqual([
      "平潭综合实验区地方税务局2013年",
      "信息公开年度报告",
      "根据《中华人民共和国政府信息公开条例》以及《福建省政府信息公开办法》，特向社会公布2013年度平潭县地税局信息公开年度报告。本报告中所列数据的统计期限自2013年1月1日起至2013年12月31日止。",
    ]);
    expect(textOf(document.blocks.at(-1)!)).toBe("2013年用于税收宣传、税收政策公告、设立和更新公开栏等产生的政府信息公开费用1万元。");
  });

  it("gives the six bold section titles as bold lead-ins", () => {
    expect(document.blocks.flatMap((b) => (b.hints.boldLead ? [b.hints.boldLead] : []))).toEqual([
      "一、概述",
      "二、主动公开政府信息情况",
      "三、依申请公开、不予公开及咨询政府信息情况",
      "四、审批事项及处理情况",
      "五、申请行政复议、提起行政诉讼和申诉的情况",
      "六、工作人员及信息公开事务支出情况",
    ]);
  });

  it("joins numbers wrapped in <span> into their sentence, each digit at its place in the source", () => {
    const block = document.blocks.find((b) => b.kind === "paragraph" && b.text.text.startsWith("2013年新增主动公开"));
    if (block?.kind !== "paragraph") throw new Error("no paragraph 2013年新增主动公开…");
    const text = block.text;
    expect(text.text).toBe("2013年新增主动公开政府信息45条。其中，政策法规及业务类的信息32条；规划计划类的信息13条。");
    const at = text.text.indexOf("45");
    const { start, end } = rangeOf(text, at, at + 2);
    expect(document.text.slice(start - 6, end + 7)).toBe("<span>45</span>");
    // The <img> icon between two paragraphs gives no block.
    const index = document.blocks.indexOf(document.blocks.find((b) => b.kind === "paragraph" && b.text.text === "因未发生政府信息公开申请，故不存在政府信息答复处理情况。")!);
    expect(textOf(document.blocks[index + 1]!)).toBe("（三）咨询情况");
    expect(misplacedCharacters(document)).toEqual([]);
  });

  it("drops the header, breadcrumb, share bar and footer, logged as page_chrome removals", () => {
    expect(document.removals.map((r) => [r.kind, r.from, r.to])).toEqual([
      ["page_chrome", 45, 283],
      ["page_chrome", 305, 335],
      ["page_chrome", 406, 734],
    ]);
    expect(document.removals[1]!.excerpt.startsWith("来源：平潭县人民政府 时间：2014-02-25 00:00 微信 微博 QQ空间")).toBe(true);
    const all = document.blocks.map(textOf).join("\n");
    for (const chrome of ["当前位置", "微信", "分享", "相关链接", "闽政通", "版权所有", "扫一扫"]) expect(all).not.toContain(chrome);
    expect(document.diagnostics).toEqual([]);
  });
});
