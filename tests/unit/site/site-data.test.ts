/**
 * The site's data views on the real corpus (every report in sources/,
 * converted): indicator pages and their series across formats, the shareable
 * view (URL, filter, sort, chart, messages, cells, the selection's CSV), the
 * corpus views, formatting and the sitemap, and the report bodies of the five
 * seeds through the renderer. Expected figures are the hand-read ones of
 * tests/fixtures/expected where the corpus has them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getTemplate } from "../../../src/catalog/index.ts";
import type { Report } from "../../../src/schema/report.ts";
import { convertSeed, SEEDS } from "../../helpers/convert-seed.ts";
import { parseCsv } from "../../../src/site/datasets/csv.ts";
import { catalogSections, indicatorEntries, indicatorPageData, type IndicatorPageData } from "../../../src/site/indicator-pages.ts";
import { jurisdictionChoices } from "../../../src/site/indicator-series.ts";
import {
  filterRows,
  ignoredValues,
  readSelection,
  rowCells,
  sortRows,
  unmatchedSelection,
  viewChart,
  viewMessages,
  writeSelection,
} from "../../../src/site/indicator-view.ts";
import { SELECTION_COLUMNS, selectionCsv, selectionFileName } from "../../../src/site/series/selection-csv.ts";
import { yearColour } from "../../../src/site/chart-spec.ts";
import { formatChange, formatNumber } from "../../../src/site/format.ts";
import { bodySegments, renderReportBody } from "../../../src/site/render-report-body.ts";
import { jurisdictionsOf, newestReports, prefectureOf } from "../../../src/site/corpus.ts";
import { sitemapXml } from "../../../src/site/sitemap.ts";
import { convertedCorpus, expectedFigures } from "./series/corpus.ts";

let reports: Report[];
let pages: IndicatorPageData[];
beforeAll(async () => {
  reports = await convertedCorpus();
  pages = indicatorPageData(reports);
}, 120_000);
const page = (id: string) => pages.find((p) => p.indicator.id === id)!;

describe("indicator pages", () => {
  it("has one page per id a report can carry: every printed figure, then every derived one", () => {
    const entries = indicatorEntries();
    expect(entries.filter((e) => e.derived === null)).toHaveLength(312);
    expect(entries.filter((e) => e.derived !== null)).toHaveLength(55);
    expect(new Set(entries.map((e) => e.indicator.id)).size).toBe(entries.length);
    const refused = entries.find((e) => e.indicator.id === "replies_denied__total")!;
    expect(refused.templates.map((t) => t.id)).toEqual(["national-2019", "national-2021"]);
    expect(refused.template.id).toBe("national-2021");
    expect(refused.derived!.sumOf).toHaveLength(8);
  });

  it("covers both the 2019 and the 2021 format with one series for an id they share, as hand-read", () => {
    const received = page("requests_received__total");
    expect(received.templates.map((t) => t.id)).toEqual(["national-2019", "national-2021"]);
    expect(received.compact.map((r) => [r.r, r.t, r.v])).toEqual([
      ["x659039f5dea5-2020", "national-2019", expectedFigures("fujian-pingtan-2020").requests_received__total],
      ["x659039f5dea5-2022", "national-2021", expectedFigures("fujian-pingtan-2022").requests_received__total],
      ["320813-2023", "national-2021", expectedFigures("jiangsu-hongze-2023").requests_received__total],
      ["321322-development-reform-2023", "national-2021", expectedFigures("jiangsu-shuyang-2023-fagaiju").requests_received__total],
      ["x659039f5dea5-2025", "national-2021", expectedFigures("fujian-pingtan-2025").requests_received__total],
    ]);
    expect(received.compact.map((r) => r.v)).toEqual([21, 74, 21, 26, 154]);
    expect(received.concepts.map((c) => c.id)).toEqual(["requests_received"]);
  });

  it("reads a derived id from the report's derived figures", () => {
    const refused = page("replies_denied__total");
    expect(refused.compact.map((r) => [r.r, r.v, r.o, r.l])).toEqual([
      ["x659039f5dea5-2020", 0, "d", 0],
      ["x659039f5dea5-2022", 4, "d", 0],
      ["320813-2023", 3, "d", 0],
      ["321322-development-reform-2023", 0, "d", 0],
      ["x659039f5dea5-2025", 11, "d", 0],
    ]);
    expect(refused.children.map((c) => c.id)).toEqual([
      "denied_state_secret__total",
      "denied_law_prohibited__total",
      "denied_security_stability__total",
      "denied_third_party__total",
      "denied_internal_affairs__total",
      "denied_process_info__total",
      "denied_enforcement_file__total",
      "denied_inquiry__total",
    ]);
    expect(refused.parent?.id).toBe("replies_total__total");
  });

  it("summarises per year and level of government, never a city with its districts", () => {
    const received = page("requests_received");
    expect(received.summaries.filter((s) => s.year === 2018).map((s) => [s.scope, s.reports, s.total])).toEqual([
      ["prefecture", 1, 0],
      ["county", 2, 5],
    ]);
    expect(received.summaries.filter((s) => s.year === 2017).map((s) => [s.scope, s.total])).toEqual([
      ["prefecture", 43],
      ["county", 0],
    ]);
  });

  it("offers each jurisdiction once, with the departments its choice includes", () => {
    expect(jurisdictionChoices(page("requests_received").rows).at(-1)).toEqual({ id: "x659039f5dea5", label: "平潭综合实验区（含地方税务局）" });
    expect(jurisdictionChoices(page("requests_received__total").rows)).toEqual([
      { id: "320813", label: "洪泽区" },
      { id: "321322", label: "沭阳县（发展和改革局）" },
      { id: "x659039f5dea5", label: "平潭综合实验区" },
    ]);
  });

  it("puts a derived sum in the catalog under the table of what it adds up", () => {
    const sections = catalogSections(getTemplate("national-2019"));
    expect(sections.map((s) => [s.section.id, s.members.length, s.members.filter((m) => m.derived).length])).toEqual([
      ["proactive", 22, 0],
      ["requests", 208, 47],
      ["appeals", 20, 5],
    ]);
    expect(sections[2]!.members.filter((m) => m.derived).map((m) => m.indicator.id)).toEqual([
      "litigation__upheld",
      "litigation__corrected",
      "litigation__other",
      "litigation__pending",
      "litigation__total",
    ]);
  });
});

describe("the indicator view", () => {
  it("reads ?j=…&y=…&sort=… and the form's repeated parameters alike, ids outside GB/T 2260 included, and writes them back", () => {
    expect(readSelection("?j=x659039f5dea5,640202&y=2018,2017&sort=-value")).toEqual({
      jurisdictions: ["640202", "x659039f5dea5"],
      years: [2017, 2018],
      sort: { column: "value", descending: true },
    });
    expect(readSelection("?j=640202&j=640500&y=2017&y=bad&j=12")).toEqual({ jurisdictions: ["640202", "640500"], years: [2017], sort: null });
    expect(ignoredValues("?j=640202&j=12&y=bad&sort=size")).toEqual(["12", "bad", "size"]);
    expect(writeSelection({ jurisdictions: ["640202", "x659039f5dea5"], years: [2017], sort: { column: "year", descending: false } })).toBe(
      "?j=640202,x659039f5dea5&y=2017&sort=year",
    );
    expect(writeSelection({ jurisdictions: [], years: [], sort: null })).toBe("");
  });

  it("says when the URL names a jurisdiction the indicator has no report of", () => {
    const rows = page("requests_received").compact;
    const selection = readSelection("?j=999999");
    expect(filterRows(rows, selection)).toEqual([]);
    expect(unmatchedSelection(rows, selection)).toEqual({ jurisdictions: ["999999"], years: [] });
    expect(viewMessages(rows, selection, [])).toEqual([
      "网址中的地区 999999 在本指标的数据中没有：本站没有收录这个地区，或它的报告所用的统计表格式没有这一指标。",
      "没有符合所选地区和年度的报告，因此没有图表。点「全部显示」可看全部报告。",
    ]);
    expect(viewMessages(rows, readSelection("?j=640202,999999&y=2030"), ["abc"])).toEqual([
      "网址中的地区 999999 在本指标的数据中没有：本站没有收录这个地区，或它的报告所用的统计表格式没有这一指标。",
      "网址中的年度 2030 没有含这一指标的报告。",
      "网址中的「abc」不是地区代码、年度或排序方式，已忽略。",
      "没有符合所选地区和年度的报告，因此没有图表。点「全部显示」可看全部报告。",
    ]);
  });

  it("sorts by value with figures missing last, ties in the table's order", () => {
    const rows = page("requests_received__total").compact;
    expect(sortRows(rows, { column: "value", descending: true }).map((r) => r.v)).toEqual([154, 74, 26, 21, 21]);
    expect(sortRows(rows, { column: "value", descending: true }).map((r) => r.r).slice(3)).toEqual(["x659039f5dea5-2020", "320813-2023"]);
    expect(sortRows(rows, { column: "owner", descending: false }).map((r) => r.n)).toEqual(["平潭综合实验区", "平潭综合实验区", "平潭综合实验区", "沭阳县发展和改革局", "洪泽区"]);
    const research = page("requests_received__research").compact;
    expect(sortRows(research, { column: "value", descending: false }).at(-1)!.s).toBe("not_reported");
    expect(sortRows(research, { column: "value", descending: true }).at(-1)!.s).toBe("not_reported");
  });

  it("draws a reported 0 and a blank figure as different states, in the year's colour", () => {
    const rows = filterRows(page("requests_received__research").compact, readSelection("?y=2023"));
    expect(viewChart(rows, "件")).toEqual({
      kind: "bar",
      unit: "件",
      horizontal: false,
      categories: ["洪泽区", "沭阳县发展和改革局"],
      series: [{ name: "2023年", values: [0, null], states: ["value", "not_reported"], colour: yearColour(2023) }],
    });
  });

  it("draws lines across the years with each point in its format's shape", () => {
    const spec = viewChart(page("requests_received__total").compact, "件");
    expect(spec.kind).toBe("line");
    expect(spec.categories).toEqual(["2020年", "2022年", "2023年", "2025年"]);
    expect(spec.series.map((s) => s.name)).toEqual(["洪泽区", "沭阳县发展和改革局", "平潭综合实验区"]);
    expect(spec.series[2]).toMatchObject({ values: [21, 74, null, 154], states: ["value", "value", "none", "value"], shapes: ["triangle", "rect", null, "rect"] });
  });

  it("builds the table cells: the report, the format, the value linked to its line, or why there is none", () => {
    const research = page("requests_received__research").compact;
    const blank = rowCells(research.find((r) => r.r === "321322-development-reform-2023")!);
    expect(blank.map((c) => c.text)).toEqual(["沭阳县发展和改革局", "宿迁市", "2023", "■ 2021年全国格式", "未报告", "—", "报告列出这一项但未填数字（空白、—或/）"]);
    expect(blank[0]!.href).toBe("/reports/321322-development-reform-2023/");
    // The blank 科研机构 cell of 沭阳 2023's 表三 stands on line 418 of the saved page.
    expect(blank[4]!.href).toBe("/reports/321322-development-reform-2023/source/#L418");
    const prose = rowCells(page("requests_received").compact.find((r) => r.r === "640221-2016")!);
    expect(prose[4]).toMatchObject({ text: "5", badge: { text: "据正文" } });
    const derived = rowCells(page("replies_denied__total").compact.find((r) => r.r === "x659039f5dea5-2022")!);
    expect(derived[4]).toEqual({ text: "4", className: "num", sort: "4", badge: { text: "相加所得", className: "badge", title: "报告没有印这个数，本站按统计表的定义把各项相加" } });
    expect(page("requests_received").compact.find((r) => r.r === "x659039f5dea5-2012")!.pv).toBe(0);
  });

  it("writes the CSV of exactly the rows the view lists, in their order", () => {
    const rows = sortRows(filterRows(page("requests_received__total").compact, readSelection("?y=2022,2025")), { column: "value", descending: true });
    const [header, ...records] = parseCsv(selectionCsv("requests_received__total", rows));
    expect(header).toEqual([...SELECTION_COLUMNS]);
    expect(records.map((r) => [r[1], r[5], r[6], r[7], r[8], r[9]])).toEqual([
      ["x659039f5dea5-2025", "2025", "national-2021", "154", "reported", "table"],
      ["x659039f5dea5-2022", "2022", "national-2021", "74", "reported", "table"],
    ]);
    const blank = parseCsv(selectionCsv("requests_received__research", filterRows(page("requests_received__research").compact, readSelection("?j=321322"))))[1]!;
    expect([blank[7], blank[8]]).toEqual(["", "not_reported"]);
    expect(selectionFileName("requests_received__total", { jurisdictions: ["x659039f5dea5"], years: [2022, 2025] })).toBe("requests_received__total-jx659039f5dea5-y2022_2025.csv");
    expect(selectionFileName("requests_received", { jurisdictions: [], years: [] })).toBe("requests_received.csv");
  });

  it("writes one record per row shown, after the header", () => {
    const all = page("requests_received").compact;
    expect(selectionCsv("requests_received", all).split("\r\n")).toHaveLength(all.length + 2);
  });
});

describe("corpus views", () => {
  it("groups jurisdictions and their prefectures", () => {
    expect(jurisdictionsOf(reports).map((j) => `${j.id}:${j.name}:${j.reports.length}`)).toEqual([
      "320813:洪泽区:1",
      "321322:沭阳县:1",
      "350128:平潭县:1",
      "640104:兴庆区:1",
      "640202:大武口区:1",
      "640221:平罗县:1",
      "640303:红寺堡区:1",
      "640500:中卫市:1",
      "x659039f5dea5:平潭综合实验区:9",
    ]);
    expect(prefectureOf(reports.find((r) => r.id === "640202-2017")!.jurisdiction)).toEqual({ id: "640200", name: "石嘴山市" });
    expect(newestReports(reports, 2).map((r) => r.id)).toEqual(["x659039f5dea5-2025", "321322-development-reform-2023"]);
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
    it(`seed ${seed}: renders, its heading ids are the JSON's anchors, and the statistics marker appears once at most`, async () => {
      const { report, mdx } = await convertSeed(seed);
      const html = renderReportBody(mdx, `${report.id}.mdx`);
      const ids = [...html.matchAll(/<h[234] id="([^"]+)">/g)].map((m) => m[1]);
      expect(ids).toEqual(report.headings.map((h) => h.anchor));
      // The seeds print the 2008 format's one table: its marker names it, once.
      const tables = bodySegments(html).filter((segment) => segment.kind === "table");
      expect(tables).toEqual(report.hasStatisticsTable ? [{ kind: "table", table: "statistics" }] : []);
      expect(html).not.toMatch(/<(script|img|iframe|style)\b/);
    });
  }
});
