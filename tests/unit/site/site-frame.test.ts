/**
 * The pure modules behind the site's frame and its site-wide pages: site
 * address handling, robots.txt and the sitemap, the nav, the report list,
 * the About page's facts and the downloads preview — on reports converted
 * from sources/ in memory.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONCEPTS, getTemplate, TEMPLATES } from "../../../src/catalog/index.ts";
import { convertSource } from "../../../src/converter/pipeline.ts";
import type { Report } from "../../../src/schema/report.ts";
import { formatSummaries, ruleFamilies, yearsText } from "../../../src/site/about.ts";
import { buildDateFrom, buildDownloads } from "../../../src/site/datasets/index.ts";
import { contentText } from "../../../src/site/datasets/content.ts";
import { parseCsv } from "../../../src/site/datasets/csv.ts";
import { longPreview, PREVIEW_COLUMNS } from "../../../src/site/datasets/preview.ts";
import { listConcepts, listPrefectures, listTemplates, reportListRows, templateShortName } from "../../../src/site/report-list.ts";
import { NAV, absoluteUrl, citedAddress, currentNav } from "../../../src/site/site-config.ts";
import { robotsTxt, sitemapXml, sitePages } from "../../../src/site/sitemap.ts";

const SOURCES = join(import.meta.dirname, "../../../sources");
const reports: Report[] = await Promise.all(
  ["000_76c4b6d22ff18d10.txt", "002_0db27c3e21f320cb.txt", "fujian-pingtan-2016.txt", "jiangsu-shuyang-2023-fagaiju.html"].map(
    async (file) => (await convertSource({ file, bytes: readFileSync(join(SOURCES, file)) })).report,
  ),
);

describe("the site's address", () => {
  it("makes absolute URLs only when the build knows the address", () => {
    expect(absoluteUrl("/reports/640202-2017/", "https://data.example.cn/")).toBe("https://data.example.cn/reports/640202-2017/");
    expect(absoluteUrl("/reports/640202-2017/", undefined)).toBeNull();
    expect(citedAddress("/downloads/", new URL("https://data.example.cn/sub/"))).toEqual({ text: "https://data.example.cn/downloads/", path: null });
    expect(citedAddress("/downloads/", undefined)).toEqual({ text: "/downloads/", path: "/downloads/" });
  });

  it("writes robots.txt with a sitemap only when the address is known", () => {
    expect(robotsTxt(undefined)).toBe("User-agent: *\nAllow: /\n");
    expect(robotsTxt(new URL("https://data.example.cn/"))).toBe("User-agent: *\nAllow: /\n\nSitemap: https://data.example.cn/sitemap.xml\n");
  });

  it("writes an empty sitemap, saying why, without the address, and sorted absolute URLs with it", () => {
    expect(sitemapXml(undefined, ["/a/"])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        "<!-- The site's address was not configured (SITE_URL) when this was built: a sitemap lists absolute URLs only. -->\n</urlset>\n",
    );
    expect(sitemapXml("https://data.example.cn/", ["/b/", "/a/&b/", "/b/"])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        "  <url><loc>https://data.example.cn/a/&amp;b/</loc></url>\n  <url><loc>https://data.example.cn/b/</loc></url>\n</urlset>\n",
    );
  });

  it("lists every page type's pages in the sitemap", () => {
    const pages = sitePages(reports);
    expect(pages.slice(0, 9)).toEqual(["/", "/reports/", "/indicators/", "/concepts/", "/compare/", "/jurisdictions/", "/search/", "/about/", "/downloads/"]);
    expect(pages).toContain("/reports/321322-development-reform-2023/");
    expect(pages).toContain("/reports/x659039f5dea5-2016/source/");
    expect(pages).toContain("/jurisdictions/x659039f5dea5/");
    expect(pages).toContain(`/concepts/${CONCEPTS[0]!.id}/`);
    expect(pages.filter((p) => p.startsWith("/indicators/") && p !== "/indicators/")).toHaveLength(312);
  });
});

describe("the nav", () => {
  it("marks the section a path belongs to, and nothing for a page outside every section", () => {
    expect(currentNav("/")).toBe("/");
    expect(currentNav("/reports/640202-2017/source/")).toBe("/reports/");
    expect(currentNav("/downloads")).toBe("/downloads/");
    expect(currentNav("/no-such-page/")).toBe("");
    expect(NAV.map((n) => n.label)).toEqual(["首页", "年报", "指标", "对比", "地区", "搜索", "下载", "关于"]);
  });
});

describe("the report list", () => {
  it("shows the concepts every format maps, named without their bracketed gloss", () => {
    const columns = listConcepts();
    expect(columns.map((c) => [c.concept.id, c.short])).toEqual([
      ["requests_received", "收到申请数"],
      ["replies_total", "申请答复数"],
      ["replies_granted", "同意公开"],
      ["replies_partially_granted", "同意部分公开"],
      ["replies_denied", "不同意公开"],
      ["reconsideration_total", "行政复议数"],
      ["litigation_total", "行政诉讼数"],
    ]);
    for (const c of columns) for (const t of TEMPLATES) expect(c.concept.templates[t.id], `${c.concept.id} ${t.id}`).toBeDefined();
  });

  it("gives each report a row, newest first, with its format and the concepts' figures", () => {
    const rows = reportListRows(reports);
    expect(rows.map((r) => [r.report.id, r.owner, r.prefecture?.name ?? null, templateShortName(r.template)])).toEqual([
      ["321322-development-reform-2023", "沭阳县发展和改革局", "宿迁市", "全国 2021 版"],
      ["640202-2017", "大武口区", "石嘴山市", "全国 2008 版"],
      ["640221-2016", "平罗县", "石嘴山市", "全国 2008 版"],
      ["x659039f5dea5-2016", "平潭综合实验区", "平潭综合实验区", "省定 2008 版"],
    ]);
    const shuyang = rows[0]!;
    expect(shuyang.cells[0]).toEqual({ value: 26, status: "reported", text: "26", fromText: false });
    // 平罗县 2016 has no table: 受理政府信息公开申请5件 is in its prose (line 306), and nothing on replies.
    const pingluo = rows[2]!;
    expect(pingluo.cells[0]).toEqual({ value: 5, status: "reported", text: "5", fromText: true });
    expect(pingluo.cells[1]).toEqual({ value: null, status: "not_in_report", text: "报告未载", fromText: false });
    expect(pingluo.searchText).toBe("宁夏回族自治区石嘴山市平罗县 平罗县 平罗县2016年政府信息公开工作年度报告");
  });

  it("offers the prefectures and formats of the listed reports for the filters", () => {
    const rows = reportListRows(reports);
    expect(listPrefectures(rows)).toEqual([
      { id: "321300", name: "宿迁市" },
      { id: "640200", name: "石嘴山市" },
      { id: "x659039f5dea5", name: "平潭综合实验区" },
    ]);
    expect(listTemplates(rows).map((t) => t.id)).toEqual(["national-2008", "fujian-2008", "national-2021"]);
  });
});

describe("the About page's facts", () => {
  it("counts each format's indicators, derived figures, concepts and rules, a repeated rule once", () => {
    expect(formatSummaries().map((f) => [f.template.id, f.indicators, f.derived, f.concepts, f.rules.length, f.ruleCount, f.acrossYears])).toEqual([
      ["national-2008", 58, 0, 21, 8, 8, 0],
      ["fujian-2008", 42, 0, 8, 9, 29, 0],
      ["national-2019", 198, 52, 25, 13, 47, 12],
      ["national-2021", 200, 62, 24, 6, 42, 9],
    ]);
    expect(ruleFamilies(getTemplate("fujian-2008"))[0]).toEqual({ id: "cumulative_at_least_year", description: "主动公开信息数：历年累计 ≥ 本年度（累计数含本年）", count: 21 });
  });

  it("says a format's years, open-ended for the one still in use", () => {
    expect(TEMPLATES.map(yearsText)).toEqual(["2008—2018 年", "2008—2018 年", "2019—2020 年", "2021 年起"]);
  });
});

describe("the downloads page's preview", () => {
  const bundle = buildDownloads(reports, buildDateFrom(new Date(Date.UTC(2024, 0, 1))));

  it("takes the first long row of each status and origin, in the file's order", () => {
    expect(longPreview(bundle.longRows()).map((r) => [r.report_id, r.indicator_id, r.value, r.value_status, r.origin])).toEqual([
      ["321322-development-reform-2023", "rules__issued", "0", "reported", "table"],
      ["321322-development-reform-2023", "requests_received__commercial", "", "not_reported", "table"],
      // The derived ids follow the printed ones, in the catalog's order: 不予公开 · 自然人 first.
      ["321322-development-reform-2023", "replies_denied__natural_person", "0", "reported", "derived"],
      ["321322-development-reform-2023", "replies_denied__commercial", "", "not_reported", "derived"],
      ["640221-2016", "proactive_total", "42704", "reported", "text"],
      ["640221-2016", "proactive_normative_docs", "", "not_in_report", ""],
    ]);
  });

  it("shows those rows as reports-long.csv prints them, cell for cell", () => {
    const [header, ...records] = parseCsv(contentText(bundle.byPath.get("reports-long.csv")!.content()));
    const kinds = new Set<string>();
    const expected = records.flatMap((record) => {
      const kind = `${record[header!.indexOf("value_status")]} ${record[header!.indexOf("origin")]}`;
      if (kinds.has(kind)) return [];
      kinds.add(kind);
      return [Object.fromEntries(PREVIEW_COLUMNS.map((name) => [name, record[header!.indexOf(name)]]))];
    });
    expect(expected).toHaveLength(6);
    expect(longPreview(bundle.longRows())).toEqual(expected);
  });
});
