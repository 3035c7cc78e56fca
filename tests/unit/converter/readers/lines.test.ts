/**
 * Where the tables stand, as labelled lines (locateTables): row numbers glued
 * to the figures of the row before, the end of a flowing table, the header
 * cells of a grid and the columns they cover, a table cut in two by text.
 * Texts are the corpus's crawler text (平潭 2016, 2022) and the seeds' rows.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { TableLine, TableRegion } from "../../../../src/converter/readers/lines.ts";
import { readSource } from "./read-source.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string, file = "input.txt") => readFileSync(join(FIXTURES, name, file), "utf8");

/** A line as [label, values], values as kind:text (? when unsure). */
const shown = (line: TableLine): [string | null, string[]] => [
  line.label?.text ?? null,
  line.values.map((v) => `${v.kind}:${v.text.text}${v.unsure ? "?" : ""}${v.column === null ? "" : `@${v.column}`}`),
];

/** The last line with this label (a header cell may come first: 其他 is a column and a row). */
function lineOf(region: TableRegion, label: string): [string | null, string[]] {
  const line = region.lines.findLast((l) => l.label?.text === label);
  if (!line) throw new Error(`no line labelled ${label}`);
  return shown(line);
}

describe("flowing text: row numbers glued to the figures before the next label", () => {
  it("takes the row number off when the row's numbering says what it is (平潭 2016: 3460853762、政府公报公开数)", async () => {
    const { regions } = await readSource(fixture("crawler-cumulative-glued-prose"), { template: "fujian-2008" });
    const [region] = regions;
    expect(lineOf(region!, "主动公开文件数")).toEqual(["主动公开文件数", ["digits:346085376"]]);
    expect(lineOf(region!, "政府网站公开数")).toEqual(["政府网站公开数", ["digits:346085376"]]);
    expect(lineOf(region!, "政府公报公开数")).toEqual(["政府公报公开数", ["digits:00"]]);
    expect(lineOf(region!, "当面申请数")).toEqual(["当面申请数", ["digits:00"]]);
  });

  it("takes 2. off 00000002.其他法律… and 6. off 10000016.属于四类过程性信息 (平潭 2022)", async () => {
    const { regions } = await readSource(fixture("crawler-requests-appeals-glued"), { template: "national-2021" });
    const requests = regions.find((r) => r.table.id === "requests")!;
    expect(lineOf(requests, "属于国家秘密")).toEqual(["属于国家秘密", ["digits:0000000"]]);
    expect(lineOf(requests, "属于三类内部事务信息")).toEqual(["属于三类内部事务信息", ["digits:1000001"]]);
    expect(lineOf(requests, "本机关不掌握相关政府信息")).toEqual(["本机关不掌握相关政府信息", ["digits:370000037"]]);
    expect(lineOf(requests, "其他")).toEqual(["其他", ["digits:0200002"]]);
    // （一） opens the next label; it is not a note of 三、本年度办理结果.
    expect(lineOf(requests, "本年度办理结果")).toEqual(["本年度办理结果", []]);
  });

  it("marks the digits unsure, and never splits them, when the number cannot be told (00000004.重复申请 where row 2 follows)", async () => {
    const { regions } = await readSource(fixture("crawler-row-number-unsure"), { template: "national-2021" });
    const requests = regions.find((r) => r.table.id === "requests")!;
    expect(lineOf(requests, "信访举报投诉类申请")).toEqual(["信访举报投诉类申请", ["digits:00000004?"]]);
    expect(lineOf(requests, "重复申请")).toEqual(["重复申请", ["digits:0000000"]]);
  });
});

describe("flowing text: where a table ends", () => {
  it("ends 表四 at its last figure, before the next section's heading and its first sentence (平潭 2022)", async () => {
    const { regions, document } = await readSource(fixture("crawler-requests-appeals-glued"), { template: "national-2021" });
    const appeals = regions.find((r) => r.table.id === "appeals")!;
    const [range] = appeals.ranges;
    expect(document.text.slice(range!.start, range!.start + 20)).toBe("政府信息公开行政法复议、行政诉讼情况行政");
    expect(document.text.slice(range!.end - 9, range!.end + 15)).toBe("0 0 0 0 0 五、存在的主要问题及改进情况");
    expect(appeals.lines.map(shown).filter(([, values]) => values.length > 0)).toEqual([
      [null, ["0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"].map((d) => `digits:${d}`)],
    ]);
  });

  it("does not read the next section's heading and the year of its sentence as an unknown row", async () => {
    const text = `${fixture("crawler-cumulative-glued-prose").trimEnd()} 六、存在的主要问题及改进情况 2016年，我区政府信息公开工作虽然取得了一定成效，但仍存在一些问题。\n`;
    const { regions, extraRows, warnings, document } = await readSource(text, { template: "fujian-2008" });
    const [region] = regions;
    expect(region!.lines.at(-1)!.label?.text).toBe("行政诉讼数");
    expect(document.text.slice(region!.ranges[0]!.end - 8, region!.ranges[0]!.end + 2)).toBe("行政诉讼数件00 六");
    expect(extraRows).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["glued_cells_ambiguous", "glued_cells_ambiguous"]);
  });
});

describe("grids", () => {
  it("gives each header row its cells with the grid columns they cover, blank cells kept in their columns", async () => {
    const { regions } = await readSource(fixture("html-requests-two-level-header", "input.html"), { file: "input.html", template: "national-2021" });
    const [region] = regions;
    const headers = region!.lines.filter((l) => l.header).map((l) => l.header!.map((h) => [h.text.text, h.from, h.to]));
    expect(headers).toEqual([
      [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 3], ["申请人情况", 3, 10]],
      [["自然人", 3, 4], ["法人或其他组织", 4, 9], ["总计", 9, 10]],
      [["商业 企业", 4, 5], ["科研 机构", 5, 6], ["社会公益组织", 6, 7], ["法律服务机构", 7, 8], ["其他", 8, 9]],
    ]);
    expect(lineOf(region!, "一、本年新收政府信息公开申请数量")[1]).toEqual(["digits:25@3", "blank:@4", "blank:@5", "digits:1@6", "blank:@7", "blank:@8", "digits:26@9"]);
    expect(lineOf(region!, "二、上年结转政府信息公开申请数量")[1]).toEqual(["digits:0@3", "blank:@4", "digits:0@9"]);
    // A label spanning down from an earlier row is context: the row's own label is the one beside its figures.
    expect(lineOf(region!, "1.属于国家秘密")[1]).toEqual(["digits:0@3", "blank:@4", "blank:@5", "blank:@6", "blank:@7", "blank:@8", "digits:0@9"]);
  });

  it("reads a row's unit cell and skips a 序号 column (seed 000 rows)", async () => {
    const { regions } = await readSource(["统计指标\t单位\t统计数", "1\t(一) 收到申请数\t件\t43", "七、依申请公开信息收取的费用\t元\t251000"].join("\n"));
    const [region] = regions;
    const line = (label: string) => region!.lines.find((l) => l.label?.text === label)!;
    expect([line("(一) 收到申请数").unit?.text, shown(line("(一) 收到申请数"))[1]]).toEqual(["件", ["digits:43@3"]]);
    expect([line("七、依申请公开信息收取的费用").unit?.text, shown(line("七、依申请公开信息收取的费用"))[1]]).toEqual(["元", ["digits:251000@2"]]);
  });

  it("joins the parts of a table cut by a paragraph that is no part of it, and keeps that paragraph as an interruption", async () => {
    const { regions } = await readSource(
      [
        "统计指标\t单位\t统计数",
        "(一) 收到申请数\t件\t43",
        "本表由区政务公开办公室根据各部门报送的数据汇总，部分部门未按时报送，数据以此为准。",
        "1. 当面申请数\t件\t33",
      ].join("\n"),
    );
    expect(regions).toHaveLength(1);
    expect(regions[0]!.lines.filter((l) => l.values.length > 0).map((l) => l.label?.text)).toEqual(["(一) 收到申请数", "1. 当面申请数"]);
    expect(regions[0]!.interruptions.map((t) => t.text)).toEqual(["本表由区政务公开办公室根据各部门报送的数据汇总，部分部门未按时报送，数据以此为准。"]);
  });

  it("keeps apart two parts of a table that the report's own text stands between", async () => {
    // Seed 000's sections 四 and 五 (lines 106–112) between the two parts.
    const prose = [
      "四、政府信息依申请公开情况",
      "2017年，大武口区没有收到公民、法人或其他组织依照《条例》的有关规定提交的政府信息公开申请。",
      "五、因政府信息公开申请行政复议、提起行政诉讼、收到投诉举报情况",
      "2017年，大武口区无涉及政府信息公开的行政复议和行政诉讼。",
    ];
    const { regions } = await readSource(["统计指标\t单位\t统计数", "(一) 收到申请数\t件\t43", ...prose, "1. 当面申请数\t件\t33", "2. 传真申请数\t件\t0"].join("\n"));
    expect(regions).toHaveLength(1);
    expect(regions[0]!.lines.filter((l) => l.values.length > 0).map((l) => l.label?.text)).toEqual(["1. 当面申请数", "2. 传真申请数"]);
    expect(regions[0]!.interruptions).toEqual([]);
  });

  it("keeps one of a table printed twice (the same rows): the one with more figures", async () => {
    const table = ["统计指标\t单位\t统计数", "(一) 收到申请数\t件\t43", "1. 当面申请数\t件\t33"];
    const { regions, warnings } = await readSource([...table, "2016年共收到政府信息公开申请43件，均已按时答复。", ...table, "2. 传真申请数\t件\t0"].join("\n"));
    expect(regions).toHaveLength(1);
    expect(regions[0]!.lines.filter((l) => l.values.length > 0).map((l) => l.label?.text)).toEqual(["(一) 收到申请数", "1. 当面申请数", "2. 传真申请数"]);
    expect(regions[0]!.interruptions).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
