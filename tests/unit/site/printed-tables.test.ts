/**
 * Each statistics table as its format prints it, on real reports converted by
 * the converter: 大武口区 2017 (2008 table), 平潭 2016 (Fujian's table), 平潭
 * 2020 (2019 format, crawler text), 沭阳县发改局 2023 (2021 format, web page)
 * and 洪泽 2023 (2021 format, PDF).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getTemplate, type MatrixTable } from "../../../src/catalog/index.ts";
import { cellsOf, coverageOf, printedTables, renderedCellIds, rowsOf, type PrintedTable } from "../../../src/site/statistics-table.ts";
import { columnUnit } from "../../../src/site/printed-tables/blocks.ts";
import { matrixHeaderLabels } from "../../../src/site/printed-tables/matrix.ts";
import type { Report } from "../../../src/schema/report.ts";
import { corpus, IDS, publish, sourceText, type Published } from "./report/corpus.ts";

let published: Published;
beforeAll(async () => {
  published = await corpus();
}, 120_000);

const tablesOf = (id: string) => printedTables(published.report(id));
function table<L extends PrintedTable["layout"]>(id: string, tableId: string, layout: L): Extract<PrintedTable, { layout: L }> {
  const found = tablesOf(id).find((t) => t.id === tableId);
  if (!found || found.layout !== layout) throw new Error(`${id} has no ${layout} table ${tableId}`);
  return found as Extract<PrintedTable, { layout: L }>;
}
const cell = (t: PrintedTable, indicator: string) => {
  const found = cellsOf(t).find((c) => c.indicator === indicator);
  if (!found) throw new Error(`no cell ${indicator}`);
  return found;
};
const outline = (rows: { kind: string; label: string; depth: number }[]) => rows.map((r) => `${"  ".repeat(r.depth)}${r.kind === "value" ? "" : `[${r.kind}] `}${r.label}`);

describe("the 2008 table (大武口区 2017)", () => {
  it("prints its sections with the group rows in place: 1.–5. channels under （二）, not under 制发规范性文件总数", () => {
    const t = table(IDS.dawukou2017, "statistics", "rows");
    expect([t.labelHeader, t.unitHeader, ...t.columns.map((c) => c.label)]).toEqual(["统计指标", "单位", "统计数"]);
    expect(t.sections.map((s) => s.heading?.label)).toEqual([
      "一、主动公开情况", "二、回应解读情况", "三、依申请公开情况", "四、行政复议数量", "五、行政诉讼数量", "六、举报投诉数量",
      "七、依申请公开信息收取的费用", "八、机构建设和保障经费情况", "九、政府信息公开会议和培训情况",
    ]);
    expect(outline(t.sections[0]!.rows)).toEqual([
      "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
      "  其中：主动公开规范性文件数",
      "制发规范性文件总数",
      "[group] （二）通过不同渠道和方式公开政府信息的情况",
      "  1. 政府公报公开政府信息数",
      "  2. 政府网站公开政府信息数",
      "  3. 政务微博公开政府信息数",
      "  4. 政务微信公开政府信息数",
      "  5. 其他方式公开政府信息数",
    ]);
    expect(outline(t.sections[1]!.rows)).toEqual([
      "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
      "[group] （二）通过不同渠道和方式回应解读的情况",
      "  1. 参加或举办新闻发布会总次数",
      "    其中：主要负责同志参加新闻发布会次数",
      "  2. 政府网站在线访谈次数",
      "    其中：主要负责同志参加政府网站在线访谈次数",
      "  3. 政策解读稿件发布数",
      "  4. 微博微信回应事件数",
      "  5. 其他方式回应事件数",
    ]);
    // （四）申请公开的主要内容 is words, printed after （三） and everything under it.
    expect(outline(t.sections[2]!.rows).slice(-3)).toEqual(["  7. 告知作出更改补充数", "  8. 告知通过其他途径办理数", "[free_text] （四）申请公开的主要内容"]);
    expect(t.sections[2]!.rows.find((r) => r.label === "涉及商业秘密")?.depth).toBe(2);
  });

  it("gives each row its figure, unit and exact place, and a section row that is a figure its cell", () => {
    const t = table(IDS.dawukou2017, "statistics", "rows");
    const channels = t.sections[0]!.rows.slice(4).map((r) => [r.unit, r.cells.map((c) => c.text).join()]);
    expect(channels).toEqual([["条", "0"], ["条", "3,407"], ["条", "2,306"], ["条", "1,660"], ["条", "1,200"]]);
    const proactive = cell(t, "proactive_total");
    expect(proactive).toMatchObject({ status: "reported", value: 8573, text: "8,573", origin: "table", failed: [], unsettled: [] });
    expect(proactive.source).toEqual({ href: "/reports/640202-2017/source/#S13787-13791", raw: "8573", line: 148, page: null });
    const reconsideration = t.sections[3]!.heading!;
    expect([reconsideration.label, reconsideration.cells.map((c) => `${c.indicator}=${c.text}`)]).toEqual(["四、行政复议数量", ["reconsideration_total=0"]]);
    expect(t.sections[3]!.rows.map((r) => r.cells[0]!.indicator)).toEqual(["reconsideration_upheld", "reconsideration_corrected", "reconsideration_other"]);
    expect(coverageOf(t)).toEqual({ cells: 58, reported: 58, notReported: 0, uncertain: 0, absent: 0, computed: 0, fromText: 0 });
  });
});

describe("Fujian's table (平潭 2016)", () => {
  it("prints 指标名称 | 计量单位 | 本年度 | 历年累计, the rows unnumbered as the report printed them, with the report's own wording", () => {
    const t = table(IDS.pingtan2016, "statistics", "rows");
    expect([t.labelHeader, t.unitHeader, ...t.columns.map((c) => c.label)]).toEqual(["指标名称", "计量单位", "本年度", "历年累计"]);
    const rows = t.sections[0]!.rows;
    expect(rows.slice(0, 3).map((r) => [r.label, r.printedAs, r.depth, r.cells.map((c) => c.text).join(" | ")])).toEqual([
      ["主动公开信息数", "主动公开文件数", 0, "3,460 | 85,376"],
      ["网站公开", "政府网站公开数", 1, "3,460 | 85,376"],
      ["政府公报公开", "政府公报公开数", 1, "0 | 0"],
    ]);
    expect(rows.slice(0, 2).flatMap((r) => r.cells.map((c) => c.indicator))).toEqual(["proactive_total", "proactive_total__cumulative", "proactive_website", "proactive_website__cumulative"]);
    // The glued cells were split by the figure the prose states: the note says so.
    expect(cell(t, "proactive_total").note).toBe("原文各栏数字连在一起（346085376），按正文所述数字取 3460 | 85376 这一种拆分");
  });

  it("shows the rows of other years' tables as not in the report, never as 0", () => {
    const t = table(IDS.pingtan2016, "statistics", "rows");
    const absent = t.sections[0]!.rows.filter((r) => r.absent).map((r) => r.label);
    expect(absent).toEqual(["传真申请数", "电子邮件申请数", "信函申请数", "其它形式申请数", "行政申诉数"]);
    const fax = cell(t, "requests_fax__cumulative");
    expect([fax.status, fax.value, fax.text, fax.source]).toEqual(["absent", null, "报告中没有此项", null]);
    // A row the report lacks has one cell on the page, under its first id.
    expect(renderedCellIds([t]).has("requests_fax")).toBe(true);
    expect(renderedCellIds([t]).has("requests_fax__cumulative")).toBe(false);
  });
});

describe("the 2019 format (平潭 2020, crawler text)", () => {
  it("prints 表二 as its blocks, each with its caption and own headers (units where the header does not state them)", () => {
    const t = table(IDS.pingtan2020, "proactive", "blocks");
    expect(t.blocks.map((b) => [b.caption, b.labelHeader, b.columns.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label)).join(" | ")])).toEqual([
      ["第二十条第（一）项", "信息内容", "本年新制作数量 | 本年新公开数量 | 对外公开总数量"],
      ["第二十条第（五）项", "信息内容", "上一年项目数量（项） | 本年增/减（项） | 处理决定数量（件）"],
      ["第二十条第（六）项", "信息内容", "上一年项目数量（项） | 本年增/减（项） | 处理决定数量（件）"],
      ["第二十条第（八）项", "信息内容", "上一年项目数量（项） | 本年增/减（项）"],
      ["第二十条第（九）项", "信息内容", "采购项目数量（项） | 采购总金额（万元）"],
    ]);
    expect(t.blocks[3]!.rows.map((r) => [r.label, r.cells.map((c) => c.text).join(" | ")])).toEqual([["行政事业性收费", "35 | -15"]]);
  });

  it("says 无法确定 for glued digits, with the candidate splits, and never a number", () => {
    const t = table(IDS.pingtan2020, "proactive", "blocks");
    const glued = cell(t, "normative_docs__new_made");
    expect([glued.status, glued.value, glued.text, glued.source?.raw, glued.source?.href]).toEqual(["uncertain", null, "无法确定", "7777166", "/reports/x659039f5dea5-2020/source/#S4947-4954"]);
    expect(glued.note).toBe(
      "原文各栏数字连在一起（7777166），有 7 种拆分都符合表的结构和勾稽关系（7 | 7 | 77166；7 | 77 | 7166；77 | 7 | 7166；77 | 77 | 166；777 | 7 | 166；7777 | 1 | 66；77771 | 6 | 6），记为空",
    );
    expect(coverageOf(t)).toEqual({ cells: 22, reported: 5, notReported: 0, uncertain: 17, absent: 0, computed: 0, fromText: 0 });
  });

  it("prints 表三 with its computed group rows and the failed check beside the cells it concerns", () => {
    const t = table(IDS.pingtan2020, "requests", "matrix");
    const unavailable = t.rows.find((r) => r.kind === "group" && r.label === "无法提供")!;
    expect(unavailable.cells.map((c) => `${c.text}${c.origin === "derived" ? "*" : ""}`)).toEqual(["7*", "0*", "0*", "0*", "0*", "0*", "7*"]);
    expect(unavailable.cells[0]!.sumOf).toEqual(["本机关不掌握相关政府信息 · 自然人", "没有现成信息需要另行制作 · 自然人", "补正后申请内容仍不明确 · 自然人"]);
    const total = cell(t, "replies_total__natural_person");
    expect([total.value, total.failed.map((c) => c.rule)]).toEqual([20, ["replies_total_sum__natural_person"]]);
    expect(total.failed[0]!.message).toMatch(/^办理结果总计 · 自然人 20 ≠ 予以公开 · 自然人 6 \+ 部分公开 · 自然人 6 \+ .* = 26$/);
    // The crawler text lost the numbering: the rows show none.
    expect(t.rows.slice(0, 3).map((r) => r.label)).toEqual(["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果"]);
  });
});

describe("the 2021 format (沭阳县发改局 2023, web page)", () => {
  it("prints 表三's header as printed: the corner note, 申请人情况 over 自然人 | 法人或其他组织 (five columns) | 总计", () => {
    const t = table(IDS.shuyang2023, "requests", "matrix");
    expect(t.corner).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(t.header.map((row) => row.map((h) => `${h.label}${h.colspan > 1 ? `×${h.colspan}` : ""}${h.rowspan > 1 ? `↓${h.rowspan}` : ""}`))).toEqual([
      ["申请人情况×7"],
      ["自然人↓2", "法人或其他组织×5", "总计↓2"],
      ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]);
    expect(t.columnHeaders[1]).toEqual(["h-requests-top", "h-requests-group1", "h-requests-commercial"]);
    expect(t.columnHeaders[6]).toEqual(["h-requests-top", "h-requests-total"]);
  });

  it("lays the rows out in the printed outline: 三、本年度办理结果 over （一）…（七）, （三）不予公开 over 1.–8.", () => {
    const t = table(IDS.shuyang2023, "requests", "matrix");
    expect(outline(t.rows).slice(0, 6)).toEqual([
      "一、本年新收政府信息公开申请数量",
      "二、上年结转政府信息公开申请数量",
      "[heading] 三、本年度办理结果",
      "  （一）予以公开",
      "  （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "  [group] （三）不予公开",
    ]);
    expect(outline(t.rows).slice(-3)).toEqual(["    3.其他", "  （七）总计", "四、结转下年度继续办理"]);
  });

  it("says 未填报 for the blank applicant columns, 无法计算 for their sums, and marks the figures whose checks could not be settled", () => {
    const t = table(IDS.shuyang2023, "requests", "matrix");
    const received = t.rows[0]!.cells;
    expect(received.map((c) => c.text)).toEqual(["26", "未填报", "未填报", "未填报", "未填报", "未填报", "26"]);
    expect(received[1]!.source).toEqual({ href: "/reports/321322-development-reform-2023/source/#S31592-31592", raw: "", line: 418, page: null });
    expect(received[0]!.unsettled.map((c) => c.rule)).toEqual(["applicant_columns_sum__requests_received"]);
    // A blank cell is its own reason: no unsettled check beside it.
    expect(received[1]!.unsettled).toEqual([]);
    const denied = t.rows.find((r) => r.kind === "group" && r.label === "（三）不予公开")!.cells;
    expect(denied.map((c) => [c.status, c.text, c.origin])).toEqual([
      ["reported", "0", "derived"],
      ...Array.from({ length: 5 }, () => ["not_reported", "无法计算", "derived"]),
      ["reported", "0", "derived"],
    ]);
  });

  it("prints 表四 as 行政复议 and 行政诉讼 over its two groups, five figures each", () => {
    const t = table(IDS.shuyang2023, "appeals", "header_row");
    expect(t.sections.map((s) => [s.over, s.groups.map((g) => `${g.label}: ${g.columns.map((c) => c.label).join("/")}`)])).toEqual([
      [null, ["行政复议: 结果维持/结果纠正/其他结果/尚未审结/总计"]],
      ["行政诉讼", ["未经复议直接起诉: 结果维持/结果纠正/其他结果/尚未审结/总计", "复议后起诉: 结果维持/结果纠正/其他结果/尚未审结/总计"]],
    ]);
    expect(cell(t, "reconsideration__pending")).toMatchObject({ value: 1, label: "行政复议 · 尚未审结", source: { href: "/reports/321322-development-reform-2023/source/#S88661-88662", line: 1158 } });
    expect(cell(t, "litigation_after_reconsideration__total").label).toBe("行政诉讼 · 复议后起诉 · 总计");
  });
});

describe("the 2021 format (洪泽 2023, PDF)", () => {
  it("takes （六）其他处理 printed as one row as printed, its three sub-rows not in the report", () => {
    const t = table(IDS.hongze2023, "requests", "matrix");
    const other = t.rows.find((r) => r.label === "（六）其他处理")!;
    expect([other.kind, other.cells.map((c) => `${c.text}${c.origin === "derived" ? "*" : ""}`)]).toEqual(["group", ["0", "0", "0", "0", "0", "0", "0"]]);
    expect(t.rows.filter((r) => r.absent).map((r) => r.label)).toEqual([
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      "3.其他",
    ]);
    // Spans of a PDF point into its text layer, with the page.
    expect(cell(t, "replies_other__total").source).toEqual({ href: "/reports/320813-2023/source/#S1876-1877", raw: "0", line: 97, page: 4 });
  });

  it("shows the label as the PDF's text layer printed it when it says something else", () => {
    const t = table(IDS.hongze2023, "requests", "matrix");
    expect(t.rows.find((r) => r.label === "2.其他法律行政法规禁止公开")!.printedAs).toBe("2.其他法律行政止公开");
    expect(t.rows.find((r) => r.label.startsWith("（二）部分公开"))!.printedAs).toBeNull();
  });

  it("puts the failed 行政复议 check beside all five of its cells", () => {
    const t = table(IDS.hongze2023, "appeals", "header_row");
    const reconsideration = t.sections[0]!.groups[0]!.cells;
    expect(reconsideration.map((c) => `${c.text}${c.failed.length ? "!" : ""}`)).toEqual(["10!", "1!", "0!", "0!", "0!"]);
    expect(reconsideration[4]!.failed[0]!.message).toBe("行政复议 · 总计 0 ≠ 行政复议 · 结果维持 10 + 行政复议 · 结果纠正 1 + 行政复议 · 其他结果 0 + 行政复议 · 尚未审结 0 = 11");
  });
});

describe("every table of every format", () => {
  it("has one cell per indicator of its template, with the report's figure", () => {
    for (const id of Object.values(IDS)) {
      const report: Report = published.report(id);
      const template = getTemplate(report.template);
      const tables = printedTables(report);
      const cells = tables.flatMap(cellsOf);
      const printed = new Set(template.indicators.map((i) => i.id));
      // Every printed indicator has its cell; the others are group rows' computed figures.
      expect(cells.filter((c) => printed.has(c.indicator)).length, id).toBe(printed.size);
      for (const s of report.statistics.filter((s) => s.origin === "table")) {
        const c = cells.find((x) => x.indicator === s.indicator);
        expect([c?.status, c?.value], `${id} ${s.indicator}`).toEqual([s.status, s.value]);
      }
      expect(tables.every((t) => t.layout === "header_row" || rowsOf(t).length > 0)).toBe(true);
    }
  });
});

describe("rows the format lacks", () => {
  it("are shown after the table as printed, with their line, never forced onto an indicator", async () => {
    // 大武口区 2017 with a row its 2008 table does not have, in the shape reports print such rows.
    const seed = sourceText("000_76c4b6d22ff18d10.txt").replace("8. 告知通过其他途径办理数\t件\t0\n", "8. 告知通过其他途径办理数\t件\t0\n(五) 申请人满意度\t%\t98\n");
    const one = await publish([], { "000_76c4b6d22ff18d10.txt": seed });
    const t = printedTables(one.report(IDS.dawukou2017)).find((x) => x.id === "statistics")!;
    expect(t.extraRows).toEqual([{ label: "(五) 申请人满意度", raw: "98", line: 192, href: "/reports/640202-2017/source/#L192" }]);
    expect(cellsOf(t).some((c) => c.source?.raw === "98")).toBe(false);
  }, 60_000);
});

describe("headers", () => {
  it("reads the matrix's corner and top header from the table's header labels", () => {
    const requests = getTemplate("national-2021").tables.find((t) => t.id === "requests") as MatrixTable;
    expect(matrixHeaderLabels(requests)).toEqual({ corner: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", top: "申请人情况" });
    expect(matrixHeaderLabels({ ...requests, headerLabels: [] })).toEqual({ corner: null, top: null });
  });

  it("adds a column's unit only when its header does not print it", () => {
    expect(columnUnit({ label: "本年收费金额（单位：万元）", unit: "万元" })).toBeNull();
    expect(columnUnit({ label: "上一年项目数量", unit: "项" })).toBe("项");
    expect(columnUnit({ label: "本年制发件数" })).toBeNull();
  });
});
