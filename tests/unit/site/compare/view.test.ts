/** The comparison view as data, on the converted corpus: cells and their reasons, rates, sorting, summaries, chart, title. */
import { beforeAll, describe, expect, it } from "vitest";
import { compareData, type CompareData } from "../../../../src/site/compare/data.ts";
import { viewFor } from "../../../../src/site/compare/page.ts";
import { COMPARE_TEXT } from "../../../../src/site/compare/strings.ts";
import { chartSize, excludedText, nextSort, viewCaveats, type View } from "../../../../src/site/compare/view.ts";
import type { Report } from "../../../../src/schema/report.ts";
import { corpusReports } from "./corpus.ts";

let reports: Report[];
let data: CompareData;
beforeAll(async () => {
  reports = await corpusReports();
  data = compareData(reports, "2025-06-30");
}, 120_000);

const view = (search = "") => viewFor(data, search);
const texts = (v: View) => v.rows.map((r) => `${r.reportId} ${r.cells.map((c) => c.text).join(" | ")}`);
const cell = (v: View, reportId: string, key: string) => {
  const row = v.rows.find((r) => r.reportId === reportId)!;
  return row.cells[v.measures.findIndex((m) => m.key === key)]!;
};

describe("the default view", () => {
  it("has every report with the featured rates and their operands, each empty cell saying why", () => {
    const v = view();
    expect(v.columns.map((c) => c.key)).toEqual(["owner", "year", "c.requests_received", "c.replies_granted", "c.replies_denied", "r.share_granted", "r.share_denied", "template", "prefecture"]);
    expect(texts(v)).toEqual([
      "320813-2023 21 | 0 | 3 | 0.0% | 14.3%",
      "321322-development-reform-2023 26 | 26 | 0 | 100.0% | 0.0%",
      "350128-2013 7 | 2 | 0 | 28.6% | 0.0%",
      "640104-2018 5 | 3 | 0 | 60.0% | 0.0%",
      "640202-2017 0 | 0 | 0 | 收到申请数为 0 | 收到申请数为 0",
      "640221-2016 5 | 报告中没有此项 | 报告中没有此项 | 同意公开（予以公开）：报告中没有此项 | 不同意公开（不予公开）：报告中没有此项",
      "640303-2018 0 | 0 | 0 | 收到申请数为 0 | 收到申请数为 0",
      "640500-2017 43 | 8 | 33 | 18.6% | 76.7%",
      "x659039f5dea5-2011 0 | 0 | 0 | 收到申请数为 0 | 收到申请数为 0",
      "x659039f5dea5-2012 0 | 0 | 0 | 收到申请数为 0 | 收到申请数为 0",
      "x659039f5dea5-2014 1 | 1 | 0 | 100.0% | 0.0%",
      "x659039f5dea5-2016 0 | 0 | 0 | 收到申请数为 0 | 收到申请数为 0",
      "x659039f5dea5-2018 0 | 0 | 0 | 收到申请数为 0 | 收到申请数为 0",
      "x659039f5dea5-2020 21 | 7 | 0 | 33.3% | 0.0%",
      "x659039f5dea5-2022 74 | 21 | 4 | 28.4% | 5.4%",
      "x659039f5dea5-2025 154 | 33 | 11 | 21.4% | 7.1%",
      "x659039f5dea5-local-taxation-2013 0 | 报告中没有此项 | 报告中没有此项 | 同意公开（予以公开）：报告中没有此项 | 不同意公开（不予公开）：报告中没有此项",
    ]);
    expect(v.title).toBe("对比：收到申请数、同意公开（予以公开）等 5 项（全部地区，2011—2025年）");
    expect(v.notices).toEqual([]);
    expect(v.emptyMessage).toBeNull();
  });

  it("keeps the rate's exact value, rounded as published", () => {
    const v = view();
    expect(cell(v, "640500-2017", "r.share_denied")).toEqual({ key: "r.share_denied", status: "r", value: 76.7, text: "76.7%", href: "/reports/640500-2017/" });
    expect(cell(v, "640202-2017", "r.share_denied")).toMatchObject({ status: "z", value: null });
    expect(cell(v, "640221-2016", "r.share_denied")).toMatchObject({ status: "x", value: null, href: "/reports/640221-2016/" });
  });

  it("links a printed figure to its place in the source, a sum to the report, and nothing where the report has nothing", () => {
    const v = view();
    const received = data.column("c.requests_received").spans[data.index.reports.findIndex((r) => r[0] === "640500-2017")] as [number, number];
    expect(cell(v, "640500-2017", "c.requests_received").href).toBe(`/reports/640500-2017/source/#S${received[0]}-${received[1]}`);
    expect(cell(v, "320813-2023", "c.replies_denied").href).toBe("/reports/320813-2023/");
    expect(cell(v, "640221-2016", "c.replies_denied")).toEqual({ key: "c.replies_denied", status: "a", value: null, text: "报告中没有此项", href: null });
  });
});

describe("a chosen view", () => {
  it("says when the format has no such figure", () => {
    const v = view("?j=x659039f5dea5&y=2018,2020&m=c.requests_carried_over,i.proactive_total,r.requests_per_report");
    expect(texts(v)).toEqual(["x659039f5dea5-2018 该格式没有此项 | 2,069 | 0", "x659039f5dea5-2020 0 | 该格式没有此项 | 21"]);
    expect(cell(v, "x659039f5dea5-2018", "c.requests_carried_over").href).toBeNull();
  });

  it("sorts by a measure, largest first, rows without a number last in the default order", () => {
    const v = view("?m=r.share_denied&sort=-r.share_denied");
    expect(v.rows.map((r) => `${r.reportId}:${r.cells[0]!.text}`).slice(0, 9)).toEqual([
      "640500-2017:76.7%",
      "320813-2023:14.3%",
      "x659039f5dea5-2025:7.1%",
      "x659039f5dea5-2022:5.4%",
      "321322-development-reform-2023:0.0%",
      "350128-2013:0.0%",
      "640104-2018:0.0%",
      "x659039f5dea5-2014:0.0%",
      "x659039f5dea5-2020:0.0%",
    ]);
    expect(v.rows.slice(9).map((r) => r.reportId)).toEqual([
      "640202-2017",
      "640221-2016",
      "640303-2018",
      "x659039f5dea5-2011",
      "x659039f5dea5-2012",
      "x659039f5dea5-2016",
      "x659039f5dea5-2018",
      "x659039f5dea5-local-taxation-2013",
    ]);
    const ascending = view("?m=r.share_denied&sort=r.share_denied");
    expect(ascending.rows.slice(0, 5).map((r) => r.reportId)).toEqual(["321322-development-reform-2023", "350128-2013", "640104-2018", "x659039f5dea5-2014", "x659039f5dea5-2020"]);
    expect(ascending.rows.at(-1)!.reportId).toBe("x659039f5dea5-local-taxation-2013");
  });

  it("sorts by year, by name and by format", () => {
    expect(view("?j=640500,x659039f5dea5&sort=-year").rows.map((r) => r.year)).toEqual([2025, 2022, 2020, 2018, 2017, 2016, 2014, 2012, 2011]);
    expect(view("?y=2023&sort=owner").rows.map((r) => r.owner.name)).toEqual(["沭阳县发展和改革局", "洪泽区"].sort());
    expect(view("?j=x659039f5dea5&sort=template").rows.map((r) => r.template.short)).toEqual([
      "福建省格式",
      "福建省格式",
      "福建省格式",
      "福建省格式",
      "福建省格式",
      "2019年全国格式",
      "2021年全国格式",
      "2021年全国格式",
    ]);
  });

  it("says why it is empty", () => {
    const unknown = view("?j=999999");
    expect(unknown.rows).toEqual([]);
    expect(unknown.notices).toEqual(["链接中的地区 999999 不在本站数据中，已略去。"]);
    expect(unknown.emptyMessage).toBe(COMPARE_TEXT.unknown.nothing);
    expect(unknown.title).toBe("对比：收到申请数、同意公开（予以公开）等 5 项（链接所选的地区或年度不在数据中）");
    expect(unknown.chart).toMatchObject({ spec: null, message: COMPARE_TEXT.chart.empty });
    const none = view("?j=640500&y=2011");
    expect(none.rows).toEqual([]);
    expect(none.emptyMessage).toBe("所选地区在所选年度没有报告。");
    expect(view("?m=").notices).toEqual(["还没有选择任何指标、概念或比率。"]);
  });
});

describe("yearly summaries", () => {
  it("add up, take the median and count the reports that give a number; a ratio pools its operands", () => {
    const v = view("?y=2017,2023");
    const lines = v.summaries.map((s) => `${s.year} 合计 ${s.total.map((c) => c.text).join(",")} 中位数 ${s.median.map((c) => c.text).join(",")} 报告 ${s.count.map((c) => c.text).join(",")}`);
    expect(lines).toEqual([
      // 大武口区 0/0 adds nothing to the pooled 33 ÷ 43; its share is not computed, so the median is 中卫市's alone.
      "2017 合计 43,8,33,18.6%,76.7% 中位数 21.5,4,16.5,18.6%,76.7% 报告 2,2,2,1,1",
      "2023 合计 47,26,3,55.3%,6.4% 中位数 23.5,13,1.5,50.0%,7.2% 报告 2,2,2,2,2",
    ]);
    const perReport = view("?y=2013,2016&m=c.requests_received,r.requests_per_report");
    expect(perReport.summaries.map((s) => `${s.year}:${s.total[1]!.text}`)).toEqual(["2013:3.5", "2016:2.5"]);
  });

  it("never add a city to its own districts", () => {
    // A report of 石嘴山市 for 2017 (中卫市's figures under 石嘴山市's name) beside its district 大武口区.
    const zhongwei = reports.find((r) => r.id === "640500-2017")!;
    const shizuishan: Report = {
      ...zhongwei,
      id: "640200-2017",
      jurisdiction: { ...zhongwei.jurisdiction, id: "640200", code: "640200", name: "石嘴山市", fullName: "宁夏回族自治区石嘴山市" },
    };
    const withCity = compareData([...reports, shizuishan], "2025-06-30");
    const v = viewFor(withCity, "?y=2017&m=c.requests_received,r.share_denied");
    expect(v.rows.map((r) => r.owner.name)).toEqual(["石嘴山市", "大武口区", "中卫市"]);
    const [summary] = v.summaries;
    expect(summary!.excluded.map((e) => `${e.row.owner.name}⊂${e.within.name}`)).toEqual(["大武口区⊂石嘴山市"]);
    expect(summary!.total.map((c) => c.text)).toEqual(["86", "76.7%"]);
    expect(summary!.count.map((c) => c.text)).toEqual(["2", "2"]);
    expect(excludedText(v)).toBe("以下报告含在所选的上级报告中，未计入：大武口区 2017年（含在石嘴山市中）。");
    expect(excludedText(view("?y=2017"))).toBeNull();
  });
});

describe("chart", () => {
  it("ranks the reports from the largest down when the view is not series", () => {
    const chart = view().chart!;
    expect(chart.title).toBe("收到申请数（件）");
    // Only 平潭综合实验区 has more than one year: no lines for one owner in ten.
    expect(chart.spec!.kind).toBe("bar");
    expect(chart.spec!.horizontal).toBe(true);
    expect(chart.spec!.categories.slice(0, 6)).toEqual([
      "平潭综合实验区 2025：154",
      "平潭综合实验区 2022：74",
      "中卫市 2017：43",
      "沭阳县发展和改革局 2023：26",
      "洪泽区 2023：21",
      "平潭综合实验区 2020：21",
    ]);
    expect(chart.spec!.categories.at(-1)).toBe("平潭综合实验区地方税务局 2013：0");
    expect(chart.spec!.series[0]!.values.slice(0, 6)).toEqual([154, 74, 43, 26, 21, 21]);
    expect(chart.spec!.categories).toHaveLength(17);
    expect(chart.message).toBe("条形：各份报告的数字，从大到小排列。");
    expect(chartSize(chart.spec)).toBe("tall");
  });

  it("leaves the reports without a number out of a ranked chart, and says so", () => {
    const chart = view("?y=2017&chart=r.share_denied").chart!;
    expect(chart.spec).toEqual({
      kind: "bar",
      unit: "%",
      horizontal: true,
      categories: ["中卫市：76.7%"],
      series: [{ name: "2017年", values: [76.7], missing: [false] }],
    });
    expect(chart.message).toBe("条形：2017 年各地区的数字，从大到小排列。没有数字的 1 份报告不在图中，原因见下表。");
  });

  it("draws a line for each owner with figures for two years or more, over every year of the span", () => {
    const chart = view("?j=640500,x659039f5dea5").chart!;
    expect(chart.spec!.kind).toBe("line");
    expect(chart.spec!.categories).toEqual(Array.from({ length: 15 }, (_, i) => `${2011 + i}年`));
    expect(chart.spec!.series.map((s) => s.name)).toEqual(["平潭综合实验区"]);
    const [pingtan] = chart.spec!.series;
    expect(pingtan!.values).toEqual([0, 0, null, 1, null, 0, null, 0, null, 21, null, 74, null, null, 154]);
    expect(pingtan!.missing).toEqual([false, false, true, false, true, false, true, false, true, false, true, false, true, true, false]);
    expect(chart.message).toBe("折线：平潭综合实验区历年的数字。只有一年数字或没有数字的 1 个地区不画线，见下表。");
    expect(chartSize(chart.spec)).toBe("normal");
  });

  it("says in words when there is nothing to draw", () => {
    expect(view("?j=x659039f5dea5&y=2011,2012&m=c.requests_received").chart).toMatchObject({ spec: null, message: "所选报告给出的这一项数字全部为 0，因此不画图；数字见下表。" });
    expect(view("?j=640221&m=c.replies_denied").chart).toMatchObject({ spec: null, message: "所选报告都没有给出这一项的数字，因此不画图；原因见下表。" });
  });
});

describe("caveats and sorting clicks", () => {
  it("lists each concept's caveat once for the formats that share it, and each rate's definition", () => {
    const v = view("?j=x659039f5dea5&m=c.requests_received,r.share_denied");
    const caveats = viewCaveats(v);
    expect(caveats.map((c) => `${c.measure.key}:${c.notes.map((n) => n.templates.map((t) => t.id).join("+")).join("|")}`)).toEqual([
      "c.requests_received:fujian-2008|national-2019+national-2021",
      "r.share_denied:",
    ]);
    expect(caveats[1]!.notes[0]!.zh).toBe("不同意公开（不予公开）÷ 本年收到申请数。2019年起的办理结果也含上年结转的申请，比例可能超过100%。");
    expect(caveats[1]!.notes[0]!.en).toBe("Refused ÷ requests received this year. From 2019 outcomes include requests carried over, so the share can exceed 100%.");
  });

  it("sorts a figure largest first on the first click and a name A→Z, the reverse on the next", () => {
    const v = view();
    const measure = v.columns.find((c) => c.key === "r.share_denied")!;
    const owner = v.columns.find((c) => c.key === "owner")!;
    expect(nextSort(null, measure)).toEqual({ key: "r.share_denied", descending: true });
    expect(nextSort({ key: "r.share_denied", descending: true }, measure)).toEqual({ key: "r.share_denied", descending: false });
    expect(nextSort({ key: "r.share_denied", descending: true }, owner)).toEqual({ key: "owner", descending: false });
  });
});
