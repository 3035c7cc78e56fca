/**
 * Concepts across formats on the real corpus: 平潭综合实验区's reports run from
 * Fujian's own table (2011–2018) through the 2019 format (2020) to the 2021
 * format (2022, 2025); the Ningxia reports use the 2008 national table. The
 * values are checked against the hand-read figures in tests/fixtures/expected.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findConcept } from "../../../../src/catalog/index.ts";
import type { Report } from "../../../../src/schema/report.ts";
import { parseCsv } from "../../../../src/site/datasets/csv.ts";
import {
  conceptBreakdowns,
  conceptChart,
  conceptParts,
  conceptPointOf,
  conceptSeries,
  conceptShortLabel,
  conceptSummaries,
  conceptWholes,
  headlineConcept,
  jurisdictionTrends,
  ownersByPeak,
  spanningConcepts,
  splitBilingual,
} from "../../../../src/site/series/concepts.ts";
import { conceptRows, reportsOutsideFormat } from "../../../../src/site/series/concept-table.ts";
import { CONCEPT_COLUMNS, conceptCsv } from "../../../../src/site/series/concept-csv.ts";
import { convertedCorpus, expectedFigures } from "./corpus.ts";

const PINGTAN = "x659039f5dea5";
/** 平潭综合实验区's reports: the base name of each source, its year and format. */
const PINGTAN_REPORTS = [
  ["fujian-pingtan-2011", 2011, "fujian-2008"],
  ["fujian-pingtan-2012", 2012, "fujian-2008"],
  ["fujian-pingtan-2014", 2014, "fujian-2008"],
  ["fujian-pingtan-2016", 2016, "fujian-2008"],
  ["fujian-pingtan-2018", 2018, "fujian-2008"],
  ["fujian-pingtan-2020", 2020, "national-2019"],
  ["fujian-pingtan-2022", 2022, "national-2021"],
  ["fujian-pingtan-2025", 2025, "national-2021"],
] as const;

let reports: Report[];
beforeAll(async () => {
  reports = await convertedCorpus();
}, 120_000);

const pingtan = (conceptId: string) => conceptSeries(reports, conceptId).owners.find((o) => o.key === PINGTAN)!;

describe("a concept series across formats", () => {
  it("runs 平潭综合实验区's requests received from Fujian's table to the 2021 format, each point as hand-read", () => {
    const owner = pingtan("requests_received");
    expect(owner.points.map((p) => [p.year, p.template, p.state, p.value])).toEqual([
      [2011, "fujian-2008", "value", 0],
      [2012, "fujian-2008", "value", 0],
      [2014, "fujian-2008", "value", 1],
      [2016, "fujian-2008", "value", 0],
      [2018, "fujian-2008", "value", 0],
      [2020, "national-2019", "value", 21],
      [2022, "national-2021", "value", 74],
      [2025, "national-2021", "value", 154],
    ]);
    const mapping = findConcept("requests_received")!.templates;
    for (const [base, year, template] of PINGTAN_REPORTS) {
      const point = owner.points.find((p) => p.year === year)!;
      expect(point.template).toBe(template);
      expect(point.indicators).toEqual(mapping[template]!.sumOf);
      expect(point.caveat).toBe(mapping[template]!.caveat);
      expect(point.value, base).toBe(expectedFigures(base)[mapping[template]!.sumOf[0]!]);
    }
  });

  it("takes the 2019 and 2021 refusals as the sum of their eight hand-read reasons", () => {
    const owner = pingtan("replies_denied");
    for (const [base, year] of PINGTAN_REPORTS.slice(5)) {
      const figures = expectedFigures(base);
      const reasons = Object.entries(figures).filter(([id]) => id.startsWith("denied_") && id.endsWith("__total"));
      expect(reasons).toHaveLength(8);
      expect(owner.points.find((p) => p.year === year)!.value, base).toBe(reasons.reduce((sum, [, v]) => sum + v, 0));
    }
    expect(owner.points.map((p) => p.value)).toEqual([0, 0, 0, 0, 0, 0, 4, 11]);
  });

  it("marks the years whose format has no such figure, instead of leaving them out or reading 0", () => {
    const owner = pingtan("requests_carried_over");
    expect(owner.points.map((p) => [p.year, p.state, p.value])).toEqual([
      [2011, "not_in_format", null],
      [2012, "not_in_format", null],
      [2014, "not_in_format", null],
      [2016, "not_in_format", null],
      [2018, "not_in_format", null],
      [2020, "value", 0],
      [2022, "value", expectedFigures("fujian-pingtan-2022").requests_carried_over__total],
      [2025, "value", 0],
    ]);
    expect(owner.points[5]!.indicators).toEqual(["requests_carried_over__total"]);
    expect(owner.points[0]!.indicators).toEqual([]);
  });

  it("reads a report without a table as absent where its prose gives nothing", () => {
    // 平罗县 2016 prints no table; its prose states 5 requests and nothing about refusals.
    expect(conceptPointOf(reports.find((r) => r.id === "640221-2016")!, "requests_received")).toMatchObject({ state: "value", value: 5 });
    expect(conceptPointOf(reports.find((r) => r.id === "640221-2016")!, "replies_denied")).toMatchObject({ state: "absent", value: null, indicators: ["replies_denied"] });
  });

  it("states each format's mapping with its caveat, Chinese first, and how many reports use the format", () => {
    const { mappings } = conceptSeries(reports, "requests_received");
    expect(mappings.map((m) => [m.mark.id, m.sumOf, m.reports, m.withValue])).toEqual([
      ["national-2008", ["requests_received"], 6, 6],
      ["fujian-2008", ["requests_received"], 6, 6],
      ["national-2019", ["requests_received__total"], 1, 1],
      ["national-2021", ["requests_received__total"], 4, 4],
    ]);
    expect(mappings[1]!.caveat!.zh).toBe(
      "福建表的受理依申请公开信息总数按其自己的渠道细分（2011—2013年当面/传真/电子邮件/网上/信函/其它形式，2014年起当面/网上/信函、传真），单位为条；2019年起按申请人类型细分。",
    );
    expect(mappings[1]!.caveat!.en).toBe(
      "Fujian's 受理依申请公开信息总数 is split by its own channels (2011–2013 in person/fax/e-mail/online/letter/other, from 2014 in person/online/letter or fax), in 条; 2019+ splits by applicant type.",
    );
    const carried = conceptSeries(reports, "requests_carried_over").mappings;
    expect(carried.map((m) => [m.mark.id, m.sumOf === null, m.caveat === null])).toEqual([
      ["national-2008", true, true],
      ["fujian-2008", true, true],
      ["national-2019", false, false],
      ["national-2021", false, false],
    ]);
  });

  it("splits a bilingual text at its first spaced slash only", () => {
    expect(splitBilingual("同一理由（涉及 → 属于国家秘密）。 / Same ground (涉及 → 属于国家秘密).")).toEqual({
      zh: "同一理由（涉及 → 属于国家秘密）。",
      en: "Same ground (涉及 → 属于国家秘密).",
    });
    expect(splitBilingual("当面/传真")).toEqual({ zh: "当面/传真", en: null });
  });

  it("summarises each year within one level of government, departments apart", () => {
    const { summaries } = conceptSeries(reports, "requests_received");
    const at = (year: number) => summaries.filter((s) => s.year === year).map((s) => [s.scope, s.reports, s.total, s.median]);
    // 2018: 兴庆区 5 and 红寺堡区 0 are counties; 平潭综合实验区 0 is at prefecture level, never added to them.
    expect(at(2018)).toEqual([
      ["prefecture", 1, 0, 0],
      ["county", 2, 5, 2.5],
    ]);
    // 2013: 平潭县 7; the 地方税务局's 0 is a department's report.
    expect(at(2013)).toEqual([
      ["county", 1, 7, 7],
      ["department", 1, 0, 0],
    ]);
    expect(at(2023)).toEqual([
      ["county", 1, 21, 21],
      ["department", 1, 26, 26],
    ]);
  });
});

describe("a concept as a chart", () => {
  it("draws a line per owner across the years, each point in the shape of its format", () => {
    const series = conceptSeries(reports, "requests_received");
    const { spec, shown, total } = conceptChart(series);
    expect([spec.kind, shown, total]).toEqual(["line", 10, 10]);
    expect(spec.categories).toEqual(["2011年", "2012年", "2013年", "2014年", "2016年", "2017年", "2018年", "2020年", "2022年", "2023年", "2025年"]);
    const line = spec.series.find((s) => s.name === "平潭综合实验区")!;
    expect(line.values).toEqual([0, 0, null, 1, 0, null, 0, 21, 74, null, 154]);
    expect(line.states).toEqual(["value", "value", "none", "value", "value", "none", "value", "value", "value", "none", "value"]);
    expect(line.shapes).toEqual(["rectRot", "rectRot", null, "rectRot", "rectRot", null, "rectRot", "triangle", "rect", null, "rect"]);
  });

  it("keeps an owner's colour when the chart draws fewer owners", () => {
    const series = conceptSeries(reports, "requests_received");
    const full = conceptChart(series).spec.series.find((s) => s.name === "中卫市")!.colour;
    const top = ownersByPeak(series).slice(0, 2);
    expect(top.map((o) => o.name)).toEqual(["平潭综合实验区", "中卫市"]);
    const picked = conceptChart(series, { owners: series.owners.filter((o) => top.includes(o)) }).spec;
    expect(picked.series.map((s) => s.name)).toEqual(["中卫市", "平潭综合实验区"]);
    expect(picked.series[0]!.colour).toBe(full);
  });

  it("charts a jurisdiction's own reports for every concept all formats have", () => {
    const trends = jurisdictionTrends(reports, PINGTAN);
    expect(trends.map((t) => t.concept.id)).toEqual(spanningConcepts().map((c) => c.id));
    const litigation = trends.find((t) => t.concept.id === "litigation_total")!;
    expect(litigation.owner.department).toBe(false);
    expect(litigation.chart.categories).toEqual(["2011年", "2012年", "2014年", "2016年", "2018年", "2020年", "2022年", "2025年"]);
    expect(litigation.chart.series[0]!.values).toEqual([0, 0, 0, 0, 0, 0, 1, 9]);
    // 大武口区 has one report: nothing to draw.
    expect(jurisdictionTrends(reports, "640202")).toEqual([]);
  });
});

describe("concepts in the catalog", () => {
  it("finds the concepts every format maps, the headline first", () => {
    expect(spanningConcepts().map((c) => c.id)).toEqual([
      "requests_received",
      "replies_total",
      "replies_granted",
      "replies_partially_granted",
      "replies_denied",
      "reconsideration_total",
      "litigation_total",
    ]);
    expect(headlineConcept().id).toBe("requests_received");
  });

  it("relates a concept to the concepts that break it down", () => {
    expect(conceptParts("replies_denied").map((c) => c.id)).toEqual(["denied_state_secret", "denied_security_stability", "denied_third_party"]);
    expect(conceptWholes("denied_third_party").map((c) => c.id)).toEqual(["replies_denied"]);
    expect(conceptParts("reconsideration_total").map((c) => c.id)).toEqual(["reconsideration_upheld", "reconsideration_corrected"]);
    expect(conceptParts("requests_received")).toEqual([]);
  });

  it("shortens a label with a second name in brackets", () => {
    expect(conceptShortLabel(findConcept("replies_total")!)).toBe("申请答复数");
    expect(conceptShortLabel(findConcept("denied_state_secret")!)).toBe("不予公开：国家秘密");
  });

  it("lists each concept with its formats and coverage", () => {
    const byId = new Map(conceptSummaries(reports).map((s) => [s.concept.id, s]));
    const received = byId.get("requests_received")!;
    expect([received.marks.map((m) => m.id), received.reports, received.withValue, received.from, received.to]).toEqual([
      ["national-2008", "fujian-2008", "national-2019", "national-2021"],
      17,
      17,
      2011,
      2025,
    ]);
    const fees = byId.get("fees_collected")!;
    expect([fees.marks.map((m) => m.id), fees.reports]).toEqual([["national-2008"], 6]);
  });
});

describe("the refusal reasons, format by format", () => {
  it("breaks 不予公开 into each format's reasons with each report's figures", () => {
    const breakdowns = conceptBreakdowns(reports, "replies_denied");
    expect(breakdowns.map((b) => [b.mark.id, b.parts.length])).toEqual([
      ["national-2008", 6],
      ["national-2019", 8],
      ["national-2021", 8],
    ]);
    const latest = breakdowns[2]!;
    const figures = expectedFigures("fujian-pingtan-2022");
    const row = latest.rows.find((r) => r.point.reportId === `${PINGTAN}-2022`)!;
    expect(row.cells.map((c) => c.value)).toEqual(latest.parts.map((p) => figures[p.id]));
    expect(row.cells.map((c) => c.value)).toEqual([0, 0, 0, 0, 1, 2, 1, 0]);
    // 中卫市 2017 refused 33 as 不是《条例》所指政府信息, a reason the 2019 format dropped.
    const zhongwei = breakdowns[0]!.rows.find((r) => r.point.reportId === "640500-2017")!;
    expect(breakdowns[0]!.parts.map((p) => p.id)[4]).toBe("denied_not_government_info");
    expect(zhongwei.cells.map((c) => c.value)).toEqual([0, 0, 0, 0, 33, 0]);
  });
});

describe("a concept page's table and CSV", () => {
  it("lists the reports whose format has the figure, and names the others per format", () => {
    const series = conceptSeries(reports, "requests_carried_over");
    const rows = conceptRows(series);
    expect(rows.map((r) => `${r.point.reportId}=${r.value}`)).toEqual([
      "320813-2023=0",
      "321322-development-reform-2023=0",
      `${PINGTAN}-2020=0`,
      `${PINGTAN}-2022=1`,
      `${PINGTAN}-2025=0`,
    ]);
    expect(rows[3]!.href).toBe(`/reports/${PINGTAN}-2022/#stat-requests_carried_over__total`);
    expect(reportsOutsideFormat(series).map((o) => [o.mark.id, o.owners])).toEqual([
      [
        "national-2008",
        [
          { name: "兴庆区", years: [2018] },
          { name: "大武口区", years: [2017] },
          { name: "平罗县", years: [2016] },
          { name: "红寺堡区", years: [2018] },
          { name: "中卫市", years: [2017] },
          { name: "平潭综合实验区地方税务局", years: [2013] },
        ],
      ],
      [
        "fujian-2008",
        [
          { name: "平潭县", years: [2013] },
          { name: "平潭综合实验区", years: [2011, 2012, 2014, 2016, 2018] },
        ],
      ],
    ]);
  });

  it("writes every report as one CSV record, format, parts and caveat included", () => {
    const series = conceptSeries(reports, "replies_denied");
    const [header, ...records] = parseCsv(conceptCsv(series));
    expect(header).toEqual([...CONCEPT_COLUMNS]);
    expect(records).toHaveLength(reports.length);
    const of = (id: string) => Object.fromEntries(header!.map((name, i) => [name, records.find((r) => r[1] === id)![i]]));
    expect(of(`${PINGTAN}-2025`)).toMatchObject({ value: "11", value_status: "reported", template: "national-2021", indicators: "replies_denied__total", level: "prefecture", department: "false" });
    expect(of(`${PINGTAN}-2025`).caveat).toBe(findConcept("replies_denied")!.templates["national-2021"]!.caveat);
    expect(of("640221-2016")).toMatchObject({ value: "", value_status: "not_in_report", indicators: "replies_denied" });
  });
});
