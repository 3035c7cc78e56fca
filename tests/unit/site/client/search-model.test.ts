/**
 * The search client's pure model (src/site/client/search-model.ts) on the
 * five seed reports: their filter values as their pages declare them
 * (reportFacets), their text as the index keeps it.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { convertSeed, SEEDS, seedFile } from "../../../helpers/convert-seed.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";
import { reportFacets, facetEntries } from "../../../../src/site/search/page-facets.ts";
import { buildExactIndex, type IndexedPage } from "../../../../src/site/search/exact-index.ts";
import { fold, parseQuery } from "../../../../src/site/search/matching.ts";
import {
  ALL_YEARS,
  countByKind,
  facetCounts,
  facetParam,
  facetValues,
  inScope,
  kindSummary,
  knownSelection,
  orderedFacetNames,
  orderedFacetValues,
  pageEntries,
  passes,
  quotedTerms,
  readSearchConfig,
  readUrlState,
  resolveScope,
  resultHref,
  resultMeta,
  resultView,
  scopeBundles,
  scopeYears,
  statusText,
  titleMatchesFirst,
  writeUrlState,
  type PageEntry,
  type SearchConfig,
  type Selection,
} from "../../../../src/site/client/search-model.ts";
import type { Report } from "../../../../src/schema/report.ts";

/** A year alone and two years together, as planSearchBundles makes them for larger years. */
const CONFIG: SearchConfig = {
  bundles: [
    { key: "catalog", path: "/pagefind/catalog/", years: [] },
    { key: "2018", path: "/pagefind/2018/", years: [2018] },
    { key: "2017-2016", path: "/pagefind/2017-2016/", years: [2017, 2016] },
  ],
  defaultScope: ALL_YEARS,
};

let reports: Report[];
let entries: PageEntry[];

/** A seed's page as the index holds it: title, ". ", its source text. */
function indexedPage(report: Report, seed: string): IndexedPage {
  const filters: Record<string, string[]> = {};
  for (const [name, value] of facetEntries("report", reportFacets(report))) (filters[name] ??= []).push(value);
  return {
    id: `zh-cn_${seed}`,
    url: `/reports/${report.id}/`,
    content: `${report.title}. ${readFileSync(`${SOURCES_DIR}/${seedFile(seed)}`, "utf8")}`,
    filters,
    meta: { kind: "report", title: report.title },
  };
}

beforeAll(async () => {
  reports = await Promise.all(SEEDS.map(async (seed) => (await convertSeed(seed)).report));
  const pages = SEEDS.map((seed, i) => indexedPage(reports[i]!, seed));
  const bundles = scopeBundles(CONFIG, ALL_YEARS).map((config) => ({
    config,
    manifest: buildExactIndex(pages.filter((p) => config.years.some((year) => p.url.endsWith(`-${year}/`)))).manifest,
  }));
  entries = pageEntries(bundles);
});

describe("config and scope", () => {
  it("reads the page's data-search-config and names what is wrong with a broken one", () => {
    expect(readSearchConfig(JSON.stringify(CONFIG))).toEqual(CONFIG);
    expect(() => readSearchConfig(undefined)).toThrow(/no data-search-config/);
    expect(() => readSearchConfig('{"bundles":{"2018":"/pagefind/2018/"},"defaultScope":"all"}')).toThrow(/must list \{key, path, years\} bundles/);
    expect(() => readSearchConfig('{"bundles":[{"key":"2018","path":"/pagefind/2018/","year":2018}],"defaultScope":"all"}')).toThrow(/must list/);
    expect(() => readSearchConfig('{"bundles":[]}')).toThrow(/defaultScope must be a string/);
  });

  it("searches the catalog always, and every year or the bundle that holds one", () => {
    expect(scopeYears(CONFIG)).toEqual(["2018", "2017", "2016"]);
    expect(scopeBundles(CONFIG, ALL_YEARS).map((b) => b.key)).toEqual(["catalog", "2018", "2017-2016"]);
    expect(scopeBundles(CONFIG, "2017").map((b) => b.key)).toEqual(["catalog", "2017-2016"]);
  });

  it("keeps a one-year scope's reports of that year only, from a bundle of several years", () => {
    expect(entries.filter((e) => inScope(e, "2017")).map((e) => e.url)).toEqual(["/reports/640202-2017/", "/reports/640500-2017/"]);
    expect(entries.filter((e) => inScope(e, ALL_YEARS))).toHaveLength(5);
  });

  it("takes the URL's scope when it is known, all years when the URL filters by year, else the default", () => {
    const newest = { ...CONFIG, defaultScope: "2018" };
    expect(resolveScope(newest, "2016", undefined)).toBe("2016");
    expect(resolveScope(newest, null, new Set(["2016"]))).toBe(ALL_YEARS);
    expect(resolveScope(newest, "1999", undefined)).toBe("2018");
    expect(resolveScope(newest, "constructor", undefined)).toBe("2018");
    expect(resolveScope({ ...CONFIG, defaultScope: "2020" }, null, undefined)).toBe(ALL_YEARS);
  });
});

describe("the URL", () => {
  it("reads the query, the scope and the filters by their FACETS keys", () => {
    const state = readUrlState(new URLSearchParams("q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&scope=2017&prefecture=%E7%9F%B3%E5%98%B4%E5%B1%B1%E5%B8%82&prefecture=%E4%B8%AD%E5%8D%AB%E5%B8%82&kind=%E5%B9%B4%E6%8A%A5&year="));
    expect(state).toEqual({
      query: "行政复议",
      scope: "2017",
      selection: new Map([
        ["地市", new Set(["石嘴山市", "中卫市"])],
        ["类型", new Set(["年报"])],
      ]),
    });
  });

  it("writes them in one order: q, scope unless the default, filters in FACETS order with sorted values", () => {
    const selection: Selection = new Map([
      ["地区", new Set(["大武口区"])],
      ["年份", new Set(["2018", "2017"])],
    ]);
    expect(writeUrlState({ query: " 大武口 ", scope: ALL_YEARS, selection }, ALL_YEARS).toString()).toBe(
      "q=%E5%A4%A7%E6%AD%A6%E5%8F%A3&year=2017&year=2018&jurisdiction=%E5%A4%A7%E6%AD%A6%E5%8F%A3%E5%8C%BA",
    );
    expect(writeUrlState({ query: "", scope: "2017", selection: new Map() }, ALL_YEARS).toString()).toBe("scope=2017");
    const back = readUrlState(writeUrlState({ query: "大武口", scope: "2016", selection }, ALL_YEARS));
    expect(back).toEqual({ query: "大武口", scope: "2016", selection: new Map([["年份", new Set(["2017", "2018"])], ["地区", new Set(["大武口区"])]]) });
    expect(facetParam("地市")).toBe("prefecture");
    expect(facetParam("其他")).toBe("其他");
  });
});

describe("pages and filters", () => {
  it("lists the pages in result order: bundles in scope order, the newest year first within a bundle, then url order", () => {
    // Within the bundle of 2017 and 2016: 640500-2017 (中卫市) before 640221-2016 (平罗县), whose url sorts first.
    expect(entries.map((e) => [e.bundle, e.number, e.url, e.order])).toEqual([
      ["2018", 0, "/reports/640104-2018/", 0],
      ["2018", 1, "/reports/640303-2018/", 1],
      ["2017-2016", 0, "/reports/640202-2017/", 2],
      ["2017-2016", 2, "/reports/640500-2017/", 3],
      ["2017-2016", 1, "/reports/640221-2016/", 4],
    ]);
    expect(entries[2]!.facets).toEqual({
      地区: ["大武口区"],
      地市: ["石嘴山市"],
      年份: ["2017"],
      省份: ["宁夏回族自治区"],
      类型: ["年报"],
      表格式: ["政府信息公开情况统计表（2008—2018年全国统一格式）"],
    });
  });

  it("lists the pages whose title holds every term first, each group in result order", () => {
    const urls = (terms: string[]) => titleMatchesFirst(entries, terms.map(fold)).map((e) => e.url);
    expect(reports.map((r) => r.title).find((t) => t.includes("大武口"))).toBeDefined();
    expect(urls(["大武口"])).toEqual(["/reports/640202-2017/", "/reports/640104-2018/", "/reports/640303-2018/", "/reports/640500-2017/", "/reports/640221-2016/"]);
    // Two titles name 2017: both first, in result order.
    expect(urls(["2017"])).toEqual(["/reports/640202-2017/", "/reports/640500-2017/", "/reports/640104-2018/", "/reports/640303-2018/", "/reports/640221-2016/"]);
    // Every term must be in the title; none is, so the order stays.
    expect(urls(["大武口", "2018"])).toEqual(entries.map((e) => e.url));
    expect(urls([])).toEqual(entries.map((e) => e.url));
    // Full-width digits in the query are folded as the titles are.
    expect(urls(["２０１７"])).toEqual(urls(["2017"]));
  });

  it("shows filters in FACETS order and their values: years newest first, names in code-point order", () => {
    const values = facetValues(entries);
    expect([...values.keys()]).toEqual(["类型", "年份", "省份", "地市", "地区", "表格式"]);
    expect(values.get("年份")).toEqual(["2018", "2017", "2016"]);
    expect(values.get("地区")).toEqual(["中卫市", "兴庆区", "大武口区", "平罗县", "红寺堡区"]);
    expect(values.get("地市")).toEqual(["中卫市", "吴忠市", "石嘴山市", "银川市"]);
    expect(orderedFacetNames(["其他", "地区", "年份"])).toEqual(["年份", "地区", "其他"]);
    expect(orderedFacetValues("年份", ["2016", "2018", "2017"])).toEqual(["2018", "2017", "2016"]);
  });

  it("drops chosen values the pages do not have", () => {
    const values = facetValues(entries);
    const chosen: Selection = new Map([
      ["地市", new Set(["石嘴山市", "福州市"])],
      ["年份", new Set(["2099"])],
    ]);
    expect(knownSelection(chosen, values)).toEqual(new Map([["地市", new Set(["石嘴山市"])]]));
  });

  it("passes a page with any chosen value of each filter, and counts what ticking a value would show", () => {
    const selection: Selection = new Map([
      ["地市", new Set(["石嘴山市"])],
      ["年份", new Set(["2017"])],
    ]);
    expect(entries.filter((e) => passes(e, selection)).map((e) => e.url)).toEqual(["/reports/640202-2017/"]);
    const counts = facetCounts(entries, selection);
    // 年份 ignores its own choice: 石嘴山市 has 2017 (大武口区) and 2016 (平罗县).
    expect(counts["年份"]).toEqual({ "2017": 1, "2016": 1 });
    // 地市 ignores its own choice: 2017 has 石嘴山市 and 中卫市.
    expect(counts["地市"]).toEqual({ 石嘴山市: 1, 中卫市: 1 });
    expect(counts["地区"]).toEqual({ 大武口区: 1 });
    expect(countByKind(entries)).toEqual({ report: 5 });
  });
});

describe("a result", () => {
  it("shows title, kind, year and place, how often each term occurs, and one snippet per section", () => {
    const dawukou = entries[2]!;
    const content = `${reports[0]!.title}. ${readFileSync(`${SOURCES_DIR}/${seedFile("000")}`, "utf8")}`;
    const heading = "五、因政府信息公开申请行政复议、提起行政诉讼、收到投诉举报情况";
    const view = resultView(
      dawukou,
      {
        url: dawukou.url,
        content,
        meta: { title: reports[0]!.title },
        anchors: [{ element: "h2", id: "五-因政府信息公开申请行政复议-提起行政诉讼-收到投诉举报情况", text: heading }],
      },
      parseQuery("行政复议"),
    );
    expect(view.href).toBe("/reports/640202-2017/");
    expect(view.title).toEqual([{ text: "石嘴山市大武口区2017年政府信息公开工作年度报告", marked: false }]);
    expect(view.meta).toBe("年报 · 2017 年 · 石嘴山市 · 大武口区");
    expect(view.occurrences).toBe("「行政复议」出现 3 次");
    // 行政复议 occurs in the heading of 五, in its text, and in the statistics table the source text holds (line 194).
    expect(view.snippets.map((s) => [s.href, s.heading?.map((p) => p.text).join("")])).toEqual([
      ["/reports/640202-2017/#%E4%BA%94-%E5%9B%A0%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E7%94%B3%E8%AF%B7%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE-%E6%8F%90%E8%B5%B7%E8%A1%8C%E6%94%BF%E8%AF%89%E8%AE%BC-%E6%94%B6%E5%88%B0%E6%8A%95%E8%AF%89%E4%B8%BE%E6%8A%A5%E6%83%85%E5%86%B5", heading],
    ]);
    expect(view.snippets[0]!.heading!.filter((p) => p.marked).map((p) => p.text)).toEqual(["行政复议"]);
    expect(view.snippets[0]!.parts.filter((p) => p.marked).map((p) => p.text)).toEqual(["行政复议"]);
    expect(view.more).toBe("");
  });

  it("shows three sections at most and says how many more have the terms", () => {
    const dawukou = entries[2]!;
    const content = `${reports[0]!.title}. ${readFileSync(`${SOURCES_DIR}/${seedFile("000")}`, "utf8")}`;
    const headings = ["一、概述", "二、推进重点领域政府信息公开情况", "三、政府信息主动公开情况", "四、政府信息依申请公开情况", "七、政府信息公开工作存在的主要问题及改进措施"];
    const anchors = headings.map((text, i) => ({ element: "h2", id: `h${i}`, text }));
    const view = resultView(dawukou, { url: dawukou.url, content, meta: { title: reports[0]!.title }, anchors }, parseQuery("政府信息"));
    expect(view.snippets.map((s) => s.heading?.map((p) => p.text).join("") ?? null)).toEqual([null, "一、概述", "二、推进重点领域政府信息公开情况"]);
    expect(view.more).toBe("还有 3 个小节出现「政府信息」");
  });

  it("shows the opening of the page for a result of filters alone", () => {
    const zhongwei = entries.find((e) => e.url === "/reports/640500-2017/")!;
    const view = resultView(zhongwei, { url: zhongwei.url, content: "中卫市2017年政府信息公开工作年度报告. 根据《中华人民共和国政府信息公开条例》", meta: {}, anchors: [] }, []);
    expect(view).toEqual({
      href: "/reports/640500-2017/",
      title: [{ text: "/reports/640500-2017/", marked: false }],
      meta: "年报 · 2017 年 · 中卫市",
      occurrences: "",
      snippets: [{ href: null, heading: null, parts: [{ text: "中卫市2017年政府信息公开工作年度报告. 根据《中华人民共和国政府信息公开条例》", marked: false }] }],
      more: "",
    });
    expect(resultMeta(entries[0]!)).toBe("年报 · 2018 年 · 银川市 · 兴庆区");
  });

  it("links only to paths on this site", () => {
    expect(resultHref("/reports/640202-2017/")).toBe("/reports/640202-2017/");
    for (const url of ["javascript:alert(1)", " javascript:alert(1)", "//evil.example/", "/\\evil.example/", "https://evil.example/", "/a b", "/a\nb", "data:text/html,x"]) {
      expect(resultHref(url), url).toBeNull();
    }
    expect(resultHref(undefined)).toBeNull();
    expect(resultHref(7)).toBeNull();
  });
});

describe("statusText", () => {
  const terms = parseQuery("行政复议");
  it("counts the reports found, or the pages by kind when not all are reports", () => {
    expect(statusText({ kind: "done", terms, byKind: { report: 16 }, pending: 0, checked: 16, filtered: false })).toBe("找到 16 份包含「行政复议」的年报");
    expect(statusText({ kind: "done", terms: parseQuery("收到申请数"), byKind: { indicator: 1, report: 2 }, pending: 0, checked: 3, filtered: false })).toBe(
      "找到 3 个包含「收到申请数」的页面：1 个指标、2 份年报",
    );
    expect(statusText({ kind: "done", terms: parseQuery("大武口 行政复议"), byKind: { report: 1 }, pending: 0, checked: 1, filtered: true })).toBe(
      "找到 1 份包含「大武口」和「行政复议」的年报（在所选筛选条件下）",
    );
  });

  it("says plainly when no page contains the query", () => {
    expect(statusText({ kind: "done", terms: parseQuery("不存在的词汇"), byKind: {}, pending: 0, checked: 0, filtered: false })).toBe("没有找到包含「不存在的词汇」的页面。");
    expect(statusText({ kind: "done", terms: parseQuery("不存在的词汇"), byKind: {}, pending: 0, checked: 0, filtered: true })).toBe(
      "没有找到包含「不存在的词汇」的页面（在所选筛选条件下）。",
    );
  });

  it("says how many candidates are checked while some are not", () => {
    expect(statusText({ kind: "done", terms, byKind: { report: 9 }, pending: 30, checked: 10, filtered: false })).toBe(
      "已核对 10 个候选页面，9 个包含「行政复议」；还有 30 个候选页面待核对。",
    );
  });

  it("counts the pages of filters alone, and says what it is doing", () => {
    expect(statusText({ kind: "done", terms: [], byKind: { report: 2 }, pending: 0, checked: 2, filtered: true })).toBe("2 份年报符合筛选条件");
    expect(statusText({ kind: "done", terms: [], byKind: { report: 2, concept: 1 }, pending: 0, checked: 3, filtered: true })).toBe("3 个页面符合筛选条件：1 个可比概念、2 份年报");
    expect(statusText({ kind: "done", terms: [], byKind: {}, pending: 0, checked: 0, filtered: true })).toBe("没有符合筛选条件的页面。");
    expect(statusText({ kind: "searching", terms })).toBe("正在搜索「行政复议」……");
    expect(statusText({ kind: "searching", terms: [] })).toBe("正在筛选……");
    expect(statusText({ kind: "loading" })).toBe("正在载入搜索索引……");
    expect(statusText({ kind: "idle" })).toBe("");
    expect(statusText({ kind: "no-index" })).toBe("本站还没有可以搜索的页面。");
    expect(statusText({ kind: "failed" })).toBe("搜索索引没有加载成功，请稍后刷新页面再试。");
  });

  it("quotes several terms and sums kinds, definitions first", () => {
    expect(quotedTerms(parseQuery("行政复议 大武口 公开"))).toBe("「行政复议」、「大武口」和「公开」");
    expect(kindSummary({ report: 3, indicator: 1, concept: 2 })).toBe("1 个指标、2 个可比概念、3 份年报");
  });
});
