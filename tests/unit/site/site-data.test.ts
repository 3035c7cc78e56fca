/**
 * The site's data views (statistics table layout, figures, indicator series
 * and shareable views) on reports converted from the real seeds, and the
 * report bodies of all five seeds through the renderer.
 */
import { describe, expect, it } from "vitest";
import { convertSeed, SEEDS } from "../../helpers/convert-seed.ts";
import { statisticsTable, statisticsCoverage } from "../../../src/site/statistics-table.ts";
import { figureOf } from "../../../src/site/figures.ts";
import { compactRows, seriesRows, yearSummaries } from "../../../src/site/indicator-series.ts";
import { filterRows, readSelection, rowCells, viewChart, writeSelection } from "../../../src/site/indicator-view.ts";
import { getTemplate } from "../../../src/catalog/index.ts";
import { formatChange, formatNumber } from "../../../src/site/format.ts";
import { renderReportBody, STATISTICS_MARKER } from "../../../src/site/render-report-body.ts";
import { reportCharts } from "../../../src/site/report-charts.ts";
import { jurisdictionsOf, newestReports, prefectureOf } from "../../../src/site/corpus.ts";
import { sitemapXml } from "../../../src/site/sitemap.ts";

const dawukou = () => convertSeed("000").report; // 大武口区 2017, full table
const pingluo = () => convertSeed("002").report; // 平罗县 2016, no table, figures from prose
const all = () => SEEDS.map((s) => convertSeed(s).report);
const template = getTemplate("national-2008");

describe("statisticsTable", () => {
  it("lays out the nine sections of the template with nesting by parent", () => {
    const sections = statisticsTable(dawukou());
    expect(sections.map((s) => s.label)).toEqual(template.sections.map((s) => s.label));
    const proactive = sections[0]!;
    expect(proactive.headline).toBeNull();
    expect(proactive.rows.map((r) => `${r.indicator.id}:${r.depth}`).slice(0, 4)).toEqual([
      "proactive_total:0",
      "proactive_normative_docs:1",
      "normative_docs_issued:0",
      "proactive_gazette:1",
    ]);
    const requests = sections.find((s) => s.id === "requests")!;
    expect(requests.rows.find((r) => r.indicator.id === "denied_privacy")!.depth).toBe(2);
    const reconsideration = sections.find((s) => s.id === "reconsideration")!;
    expect(reconsideration.headline?.indicator.id).toBe("reconsideration_total");
    expect(reconsideration.rows.map((r) => r.indicator.id)).toEqual(["reconsideration_upheld", "reconsideration_corrected", "reconsideration_other"]);
  });

  it("reads a table figure with its table line", () => {
    const figure = figureOf(dawukou(), "proactive_total");
    expect(figure.kind).toBe("value");
    if (figure.kind !== "value") return;
    expect(figure.value).toBe(8573);
    expect(figure.stat.origin).toBe("table");
    expect(figure.stat.line).toBe(dawukou().statistics.find((s) => s.indicator === "proactive_total")!.line);
  });

  it("prefers the table over prose when a report gives both", () => {
    const report = dawukou();
    const table = report.statistics.find((s) => s.indicator === "requests_received")!;
    const prose = { ...table, origin: "text" as const, value: 1, line: 1, raw: "1件" };
    const figure = figureOf({ ...report, statistics: [prose, table] }, "requests_received");
    expect(figure.kind === "value" && [figure.value, figure.stat.origin, figure.alternatives.map((a) => a.value)]).toEqual([0, "table", [1]]);
  });

  it("shows a report without a table as prose figures plus absent rows", () => {
    const sections = statisticsTable(pingluo());
    const coverage = statisticsCoverage(sections);
    expect(coverage).toEqual({ value: 12, null: 0, absent: 46, text: 12 });
    const received = figureOf(pingluo(), "requests_received");
    expect(received.kind === "value" && [received.value, received.stat.origin, received.stat.line]).toEqual([5, "text", 306]);
    expect(figureOf(pingluo(), "replies_granted").kind).toBe("absent");
  });
});

describe("indicator series and views", () => {
  const rows = () => compactRows(seriesRows(all(), template, "requests_received"));

  it("has one row per report, ordered by year then code", () => {
    expect(rows().map((r) => `${r.r}=${r.v}/${r.o}`)).toEqual([
      "640221-2016=5/x",
      "640202-2017=0/t",
      "640500-2017=43/t",
      "640104-2018=" + figureValue("004") + "/t",
      "640303-2018=" + figureValue("003") + "/t",
    ]);
  });

  it("summarises each year", () => {
    const summaries = yearSummaries(seriesRows(all(), template, "requests_received"));
    expect(summaries.map((s) => [s.year, s.reports, s.withValue, s.total])).toEqual([
      [2016, 1, 1, 5],
      [2017, 2, 2, 43],
      [2018, 2, 2, figureValue("003")! + figureValue("004")!],
    ]);
  });

  it("reads ?j=…&y=… and the form's repeated parameters alike, and writes them back", () => {
    expect(readSelection("?j=640500,640202&y=2018,2017")).toEqual({ jurisdictions: ["640202", "640500"], years: [2017, 2018] });
    expect(readSelection("?j=640202&j=640500&y=2017&y=bad&j=12")).toEqual({ jurisdictions: ["640202", "640500"], years: [2017] });
    expect(writeSelection({ jurisdictions: ["640202", "640500"], years: [2017] })).toBe("?j=640202,640500&y=2017");
    expect(writeSelection({ jurisdictions: [], years: [] })).toBe("");
  });

  it("filters rows (empty lists mean all) and picks bars for one year", () => {
    const only2017 = filterRows(rows(), readSelection("?y=2017"));
    expect(only2017.map((r) => r.r)).toEqual(["640202-2017", "640500-2017"]);
    const spec = viewChart(only2017, "件");
    expect(spec).toEqual({
      kind: "bar",
      unit: "件",
      horizontal: false,
      categories: ["大武口区", "中卫市"],
      series: [{ name: "2017年", values: [0, 43], missing: [false, false] }],
    });
    expect(filterRows(rows(), readSelection("")).length).toBe(5);
  });

  it("draws lines across years once a jurisdiction has two years", () => {
    const base = rows().find((r) => r.j === "640202")!;
    const twoYears = [base, { ...base, r: "640202-2018", y: 2018, v: 3 }];
    const spec = viewChart(twoYears, "件");
    expect(spec.kind).toBe("line");
    expect(spec.categories).toEqual(["2017年", "2018年"]);
    expect(spec.series).toEqual([{ name: "大武口区", values: [0, 3], missing: [false, false] }]);
  });

  it("builds the table cells with links to the report and the source line", () => {
    const row = rows().find((r) => r.r === "640221-2016")!;
    const cells = rowCells(row);
    expect(cells[0]).toEqual({ text: "平罗县", href: "/reports/640221-2016/" });
    expect(cells[3]).toMatchObject({ text: "5", href: "/reports/640221-2016/source/#L306", badge: { text: "据正文" } });
  });
});

describe("report charts", () => {
  it("breaks proactive disclosure down by the channels of the catalog rule", () => {
    const [channels] = reportCharts(dawukou());
    expect(channels!.spec.categories).toEqual([
      "政府公报公开政府信息数",
      "政府网站公开政府信息数",
      "政务微博公开政府信息数",
      "政务微信公开政府信息数",
      "其他方式公开政府信息数",
    ]);
    expect(channels!.spec.series[0]!.values).toEqual([0, 3407, 2306, 1660, 1200]);
  });
});

describe("corpus views", () => {
  it("groups jurisdictions and their prefectures", () => {
    expect(jurisdictionsOf(all()).map((j) => `${j.code}:${j.name}`)).toEqual([
      "640104:兴庆区",
      "640202:大武口区",
      "640221:平罗县",
      "640303:红寺堡区",
      "640500:中卫市",
    ]);
    expect(prefectureOf(dawukou())).toEqual({ code: "640200", name: "石嘴山市" });
    expect(newestReports(all(), 2).map((r) => r.year)).toEqual([2018, 2018]);
  });
});

describe("formatting and sitemap", () => {
  it("formats numbers, gaps and changes for Chinese readers", () => {
    expect(formatNumber(73659)).toBe("73,659");
    expect(formatNumber(null)).toBe("未报告");
    expect(formatChange(40, 50)).toBe("+10（+25.0%）");
    expect(formatChange(0, 3)).toBe("+3");
    expect(formatChange(null, 3)).toBeNull();
  });

  it("writes sorted absolute URLs", () => {
    expect(sitemapXml(new URL("https://example.org"), ["/b/", "/a/", "/a/"])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        "  <url><loc>https://example.org/a/</loc></url>\n  <url><loc>https://example.org/b/</loc></url>\n</urlset>\n",
    );
  });
});

describe("renderer on every seed", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: renders, its heading ids are the JSON's anchors, and the statistics marker appears once at most`, () => {
      const { report, mdx } = convertSeed(seed);
      const html = renderReportBody(mdx, `${report.id}.mdx`);
      const ids = [...html.matchAll(/<h[234] id="([^"]+)">/g)].map((m) => m[1]);
      expect(ids).toEqual(report.headings.map((h) => h.anchor));
      expect(html.split(STATISTICS_MARKER).length - 1).toBe(report.hasStatisticsTable ? 1 : 0);
      expect(html).not.toMatch(/<(script|img|iframe|style)\b/);
    });
  }
});

function figureValue(seed: string): number | null {
  const figure = figureOf(convertSeed(seed).report, "requests_received");
  return figure.kind === "value" ? figure.value : null;
}
