/**
 * What charts and their tables say about each point, on real views: a reported
 * 0 (洪泽区 2023's 科研机构 requests) against a blank cell (沭阳 2023's, printed
 * empty), a format's shape per point, stable colours, and the short names of
 * the formats.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../../src/schema/report.ts";
import { PALETTE, hasNonZero, hasNumbers, pointState, pointText, seriesColour, yearColour, type ChartSpec } from "../../../../src/site/chart-spec.ts";
import { indicatorPageData } from "../../../../src/site/indicator-pages.ts";
import { filterRows, readSelection, templatesIn, viewChart } from "../../../../src/site/indicator-view.ts";
import { chartTableCell, chartTableNotes } from "../../../../src/site/series/chart-table.ts";
import { conceptChart, conceptSeries } from "../../../../src/site/series/concepts.ts";
import { chartLegend } from "../../../../src/site/series/legend.ts";
import { templateMark, templateMarks } from "../../../../src/site/series/templates.ts";
import { convertedCorpus } from "./corpus.ts";

let reports: Report[];
let zeroAndBlank: ChartSpec;
beforeAll(async () => {
  reports = await convertedCorpus();
  const research = indicatorPageData(reports).find((p) => p.indicator.id === "requests_received__research")!;
  zeroAndBlank = viewChart(filterRows(research.compact, readSelection("?y=2023")), "件");
}, 120_000);

describe("the state of a point", () => {
  it("tells a reported 0 from a blank cell, in words", () => {
    const [series] = zeroAndBlank.series;
    expect([pointState(series!, 0), pointState(series!, 1)]).toEqual(["value", "not_reported"]);
    expect([pointText(series!, 0, "件"), pointText(series!, 1, "件")]).toEqual(["0 件", "未报告"]);
    expect(hasNumbers(zeroAndBlank)).toBe(true);
    expect(hasNonZero(zeroAndBlank)).toBe(false);
  });

  it("reads specs written before states: missing is no report, null is not reported", () => {
    const old = { name: "2017 年", values: [3, null, null], missing: [false, false, true] };
    expect([0, 1, 2].map((i) => pointState(old, i))).toEqual(["value", "not_reported", "none"]);
  });

  it("gives each year one colour in every chart, and ten neighbouring years ten colours", () => {
    expect(yearColour(2023)).toBe(PALETTE[3]);
    expect(zeroAndBlank.series[0]!.colour).toBe(yearColour(2023));
    expect(new Set([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map(yearColour)).size).toBe(10);
    expect(seriesColour(11)).toBe(PALETTE[1]);
  });
});

describe("the table under a chart", () => {
  it("says 0, 未报告, 无此项 and — apart, and names the format of a marked point", () => {
    const [series] = zeroAndBlank.series;
    expect(chartTableCell(series!, 0, [])).toEqual({ text: "0", note: null, template: null, muted: false });
    expect(chartTableCell(series!, 1, [])).toEqual({ text: "未报告", note: null, template: null, muted: true });
    const carried = conceptChart(conceptSeries(reports, "requests_carried_over")).spec;
    const pingtan = carried.series.find((s) => s.name === "平潭综合实验区")!;
    const marks = templateMarks();
    // Only the years whose formats have the figure: 2020 (2019 format), 2022, 2023 (洪泽区, 沭阳) and 2025.
    expect(carried.categories).toEqual(["2020年", "2022年", "2023年", "2025年"]);
    expect(carried.categories.map((_, i) => chartTableCell(pingtan, i, marks).text)).toEqual(["0", "1", "—", "0"]);
    expect([0, 1].map((i) => chartTableCell(pingtan, i, marks).template?.short)).toEqual(["2019年全国格式", "2021年全国格式"]);
    expect(chartTableNotes(zeroAndBlank.series)).toEqual(["「未报告」：有报告，但没有给出这个数字"]);
  });

  it("calls a year whose format lacks the figure 无此项", () => {
    const series = { name: "平潭综合实验区", values: [null, 1], states: ["not_in_format" as const, "value" as const] };
    expect(chartTableCell(series, 0, templateMarks())).toEqual({ text: "无此项", note: "（该格式没有这一数字）", template: null, muted: true });
    expect(chartTableNotes([series])).toEqual(["「无此项」：这一年报告所用的统计表格式没有这个数字"]);
  });
});

describe("the legend under a chart", () => {
  it("explains the 0 stub and the blank box when a bar chart has both", () => {
    expect(chartLegend(zeroAndBlank, templateMarks())).toEqual([
      { symbol: "▁", text: "0：基线上的粗短线，标着 0", kind: "zero" },
      { symbol: "×", text: "未报告：基线上的灰色虚线框", kind: "blank" },
    ]);
  });

  it("names the shape of each format a line chart's points take, and the dashed spans", () => {
    const spec = conceptChart(conceptSeries(reports, "requests_received")).spec;
    expect(chartLegend(spec, templateMarks())).toEqual([
      { symbol: "●", text: "2008年全国格式", kind: "template" },
      { symbol: "◆", text: "福建省表", kind: "template" },
      { symbol: "▲", text: "2019年全国格式", kind: "template" },
      { symbol: "■", text: "2021年全国格式", kind: "template" },
      { symbol: "┄", text: "虚线：跨过没有数字的年度", kind: "gap" },
    ]);
  });
});

describe("formats as the series show them", () => {
  it("names each format briefly, with its years and its shape, oldest first", () => {
    expect(templateMarks().map((m) => [m.id, m.short, m.years, m.shape, m.symbol])).toEqual([
      ["national-2008", "2008年全国格式", "2008—2018", "circle", "●"],
      ["fujian-2008", "福建省表", "2008—2018", "rectRot", "◆"],
      ["national-2019", "2019年全国格式", "2019—2020", "triangle", "▲"],
      ["national-2021", "2021年全国格式", "2021年起", "rect", "■"],
    ]);
    expect(() => templateMark("national-1999")).toThrow("unknown statistics template: national-1999");
  });

  it("lists the formats of a view's rows in catalog order", () => {
    const received = indicatorPageData(reports).find((p) => p.indicator.id === "requests_received")!;
    expect(templatesIn(received.compact).map((m) => m.id)).toEqual(["national-2008", "fujian-2008"]);
  });
});
