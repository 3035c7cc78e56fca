import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pdfAdapter } from "../../../../../src/converter/input/pdf/index.ts";
import { LineIndex, rangeOf, spanOf } from "../../../../../src/converter/document/source-text.ts";
import type { SourceDocument, TableBlock, TableCell } from "../../../../../src/converter/document/types.ts";
import { cellsOf } from "./summary.ts";

/**
 * The real 洪泽区 2023 report (WPS PDF, 5 pages): its tables read from the
 * lines the PDF draws, checked against the values read by hand from the
 * rendered pages (tests/fixtures/expected/jiangsu-hongze-2023.json).
 */
const ROOT = join(import.meta.dirname, "../../../../..");
const FILE = "jiangsu-hongze-2023.pdf";
const bytes = new Uint8Array(readFileSync(join(ROOT, "sources", FILE)));
const expected = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/expected/jiangsu-hongze-2023.json"), "utf8")) as {
  figures: Record<string, number>;
};

let document: SourceDocument;
let tables: TableBlock[];

beforeAll(async () => {
  document = await pdfAdapter.read(FILE, bytes);
  tables = document.blocks.filter((b): b is TableBlock => b.kind === "table");
});

/** The distinct cells of grid row r from column `from` to `to` (exclusive). */
function rowCells(table: TableBlock, r: number, from = 0, to = Infinity): TableCell[] {
  const cells: TableCell[] = [];
  table.grid[r]!.slice(from, to).forEach((at) => {
    if (!cells.includes(at.cell)) cells.push(at.cell);
  });
  return cells;
}

function sliceOf(cell: TableCell): string {
  const { start, end } = rangeOf(cell.text, 0, cell.text.text.length);
  return document.text.slice(start, end);
}

describe("洪泽 2023 PDF", () => {
  it("lays out the title on its two lines and reads it as one heading", () => {
    expect(document.text.split("\n").slice(0, 2)).toEqual(["洪泽区人民政府", "2023年政府信息公开工作年度报告"]);
    const first = document.blocks[0]!;
    expect(first.kind === "heading" && { text: first.text.text, level: first.hints.headingLevel }).toEqual({
      text: "洪泽区人民政府2023年政府信息公开工作年度报告",
      level: 1,
    });
    expect(document.metadata.title?.text).toBe("洪泽区人民政府2023年政府信息公开工作年度报告");
  });

  it("starts each page after a form feed line and logs the page numbers as furniture", () => {
    expect(document.pageStarts).toHaveLength(5);
    expect(document.pageStarts![0]).toBe(0);
    for (const start of document.pageStarts!.slice(1)) expect(document.text.slice(start - 2, start)).toBe("\f\n");
    const lines = document.text.split("\n");
    expect(document.removals.map((r) => ({ kind: r.kind, excerpt: r.excerpt, line: lines[r.from - 1], single: r.from === r.to }))).toEqual(
      ["- 1 -", "- 2 -", "- 3 -", "- 4 -", "- 5 -"].map((n) => ({ kind: "page_furniture", excerpt: n, line: n, single: true })),
    );
    const body = document.blocks.flatMap((b) => (b.kind === "table" ? cellsOf(b).map((c) => c.cell.text.text) : b.kind === "list" ? [] : [b.text.text]));
    expect(body.filter((t) => /^-\s*\d\s*-$/.test(t))).toEqual([]);
  });

  it("gives each line of prose as a wrapped paragraph, from the first to the last", () => {
    const paragraphs = document.blocks.filter((b) => b.kind === "paragraph");
    expect(paragraphs.every((p) => p.hints.wrapped === true)).toBe(true);
    expect(paragraphs.slice(0, 2).map((p) => p.kind === "paragraph" && p.text.text)).toEqual([
      "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和",
      "国政府信息公开条例》（国令第711号）（以下简称《条例》）",
    ]);
    expect(paragraphs.slice(-2).map((p) => p.kind === "paragraph" && p.text.text)).toEqual([
      "2023年，区政府严格落实《政府信息公开信息处理费管理办",
      "法》，全年收取政府信息公开信息处理费0元。",
    ]);
    const sentence = paragraphs.find((p) => p.kind === "paragraph" && p.text.text.includes("1136"))!;
    expect(sentence.kind === "paragraph" && sentence.text.text).toBe("府网站平台主动公开政府信息1136条。");
  });

  it("reads five tables in reading order: 表二 over two pages, 表三 over two pages, 表四", () => {
    expect(tables.map((t) => [t.cells, t.grid.length, t.grid[0]!.length])).toEqual([
      ["grid", 8, 4],
      ["grid", 6, 2],
      ["grid", 17, 10],
      ["grid", 9, 10],
      ["grid", 4, 15],
    ]);
    const order = document.blocks.map((b) => (b.kind === "table" ? "table" : b.kind === "paragraph" ? b.text.text : ""));
    expect(order.filter((t) => t === "table" || /^[一二三四五六]、/.test(t))).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "table",
      "table",
      "三、收到和处理政府信息公开申请情况",
      "table",
      "table",
      "四、政府信息公开行政复议、行政诉讼情况",
      "table",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
  });

  it("reads 表二's figures beside their labels, under their column headers", () => {
    const [page2, page3] = tables as [TableBlock, TableBlock];
    expect(rowCells(page2, 1).map((c) => [c.text.text, c.header])).toEqual([
      ["信息内容", true],
      ["本年制发件数", true],
      ["本年废止件数", true],
      ["现行有效件数", true],
    ]);
    const rows = [2, 3, 6].map((r) => rowCells(page2, r).map((c) => c.text.text));
    rows.push(...[1, 2, 5].map((r) => rowCells(page3, r).map((c) => c.text.text)));
    expect(rows).toEqual([
      ["规章", "0", "0", "0"],
      ["行政规范性文件", "0", "5", "5"],
      ["行政许可", "550"],
      ["行政处罚", "4119"],
      ["行政强制", "195"],
      ["行政事业性收费", "7730.28"],
    ]);
    const f = expected.figures;
    expect(rows.flatMap((r) => r.slice(1).map(Number))).toEqual([
      f.rules__issued,
      f.rules__repealed,
      f.rules__in_force,
      f.normative_docs__issued,
      f.normative_docs__repealed,
      f.normative_docs__in_force,
      f.licensing__decisions,
      f.penalties__decisions,
      f.coercion__decisions,
      f.admin_fees__amount,
    ]);
  });

  it("places the figure of 行政处罚 exactly: its offsets, page and x edges", () => {
    const cell = rowCells(tables[1]!, 1)[1]!;
    const { start, end } = rangeOf(cell.text, 0, cell.text.text.length);
    expect(document.text.slice(start, end)).toBe("4119");
    expect(cell.x).toEqual({ left: 362.16, right: 386.16 });
    const span = spanOf(FILE, new LineIndex(document.text), { start, end }, document.pageStarts);
    expect({ page: span.page, line: document.text.split("\n")[span.line - 1] }).toEqual({ page: 3, line: "行政处罚  4119" });
  });

  it("reads 表三: the header cells with their spans, and for every row its labels and its 7 figures", () => {
    const [, , page3, page4] = tables as [TableBlock, TableBlock, TableBlock, TableBlock];
    const spans = (r: number): [string, number, number][] => rowCells(page3, r).map((c) => [c.text.text, c.rowSpan, c.colSpan]);
    expect([0, 1, 2].map(spans)).toEqual([
      [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3],
        ["申请人情况", 1, 7],
      ],
      [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3],
        ["自然人", 2, 1],
        ["法人或其他组织", 1, 5],
        ["总计", 2, 1],
      ],
      [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3],
        ["自然人", 2, 1],
        ["商业企业", 1, 1],
        ["科研机构", 1, 1],
        ["社会公益组织", 1, 1],
        ["法律服务机构", 1, 1],
        ["其他", 1, 1],
        ["总计", 2, 1],
      ],
    ]);
    expect(page3.grid.slice(0, 3).every((row) => row.every((at) => at.cell.header))).toBe(true);

    const rows = [page3, page4].flatMap((table) =>
      table.grid
        .map((_, r) => r)
        .filter((r) => !table.grid[r]![3]!.cell.header)
        .map((r) => ({
          labels: rowCells(table, r, 0, 3)
            .map((c) => c.text.text)
            .filter((t) => t !== ""),
          figures: rowCells(table, r, 3).map((c) => c.text.text),
        })),
    );
    expect(rows.map((r) => r.labels)).toEqual([
      ["一、本年新收政府信息公开申请数量"],
      ["二、上年结转政府信息公开申请数量"],
      ["三、本年度办理结果", "（一）予以公开"],
      ["三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情 形，不计其他情形）"],
      ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"],
      ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政止公开"],
      ["三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"],
      ["三、本年度办理结果", "（三）不予公开", "4.保护第三方合法权益"],
      ["三、本年度办理结果", "（三）不予公开", "5.属于三类内部事务信息"],
      ["三、本年度办理结果", "（三）不予公开", "6.属于四类过程性信息"],
      ["三、本年度办理结果", "（三）不予公开", "7.属于行政执法案卷"],
      ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"],
      ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"],
      ["三、本年度办理结果", "（四）无法提供", "2.没有现成信息需要另行制作"],
      // Page 4 continues the table: the cells of 三、本年度办理结果 and （四）无法提供 go on, empty.
      ["3.补正后申请内容仍不明确"],
      ["（五）不予处理", "1.信访举报投诉类申请"],
      ["（五）不予处理", "2.重复申请"],
      ["（五）不予处理", "3.要求提供公开出版物"],
      ["（五）不予处理", "4.无正当理由大量反复 申请"],
      ["（五）不予处理", "5.要求行政机关确认或重 新出具已获取信息"],
      ["（六）其他处理"],
      ["（七）总计"],
      ["四、结转下年度继续办理"],
    ]);
    const ids = [
      "requests_received",
      "requests_carried_over",
      "replies_granted",
      "replies_partially_granted",
      "denied_state_secret",
      "denied_law_prohibited",
      "denied_security_stability",
      "denied_third_party",
      "denied_internal_affairs",
      "denied_process_info",
      "denied_enforcement_file",
      "denied_inquiry",
      "unavailable_not_held",
      "unavailable_needs_creation",
      "unavailable_unclear",
      "not_processed_petition",
      "not_processed_repeat",
      "not_processed_publication",
      "not_processed_excessive",
      "not_processed_confirmation",
      "replies_other",
      "replies_total",
      "requests_carried_forward",
    ];
    const columns = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total"];
    expect(rows.map((r) => r.figures.map(Number))).toEqual(ids.map((id) => columns.map((c) => expected.figures[`${id}__${c}`])));
  });

  it("reads 表四: the two header levels and the 15 figures under them", () => {
    const table = tables[4]!;
    expect([0, 1, 2].map((r) => rowCells(table, r).map((c) => c.text.text))).toEqual([
      ["行政复议", "行政诉讼"],
      ["结果维持", "结果纠正", "其他结果", "尚未审结", "总 计", "未经复议直接起诉", "复议后起诉"],
      ["结果维持", "结果纠正", "其他结果", "尚未审结", "总 计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总 计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
    ]);
    const figures = rowCells(table, 3).map((c) => c.text.text);
    const ids = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"].flatMap((id) =>
      ["upheld", "corrected", "other", "pending", "total"].map((c) => `${id}__${c}`),
    );
    expect(figures.map(Number)).toEqual(ids.map((id) => expected.figures[id]));
    expect(figures).toEqual(["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]);
  });

  it("points every figure cell at exactly its digits in the text layer", () => {
    const figures = tables.flatMap((t) => cellsOf(t).map((at) => at.cell)).filter((c) => /^\d+(?:\.\d+)?$/.test(c.text.text));
    expect(figures).toHaveLength(10 + 23 * 7 + 15);
    expect(figures.filter((c) => sliceOf(c) !== c.text.text)).toEqual([]);
  });

  it("reads the same document twice", async () => {
    const again = await pdfAdapter.read(FILE, bytes);
    expect(again).toEqual(document);
    expect(document.form).toBe("pdf");
    expect(document.encoding).toBe("binary");
    expect(document.bytes).toBe(bytes.length);
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
