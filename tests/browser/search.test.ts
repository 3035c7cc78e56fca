/**
 * The search page against the built site: a result is a page that contains
 * the query as written (checked on the result's own page), a term no page uses
 * finds nothing and says so, marks are the query and nothing else, the query,
 * scope and filters come back from the URL, the indicator page is found by its
 * name, and the page passes axe and fits a phone. Expected results come from
 * the converted reports (fixtures.ts), not from the index.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { builtReports, reportsMentioning } from "./fixtures.ts";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, visit as open } from "./page-tools.ts";
import { allIndicators } from "../../src/catalog/index.ts";
import { paths } from "../../src/site/paths.ts";
import { SEARCH_PAGE } from "../../src/site/search/search-page-text.ts";
import { kindSummary } from "../../src/site/client/search-model.ts";
import { facetEntries, reportFacets } from "../../src/site/search/page-facets.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number }) => open(site, path, options);
const searchPath = (query: string, extra = "") => `/search/?q=${encodeURIComponent(query)}${extra}`;

/** Wait for the status line to report a finished search, then load every further page of results. */
async function allResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => /找到|没有|符合筛选条件|已核对/.test(document.querySelector("[data-search-status]")?.textContent ?? ""), null, { timeout: 15_000 });
  while (await page.locator("[data-search-more]").isVisible()) {
    const before = await page.locator(".search-result").count();
    await page.locator("[data-search-more]").click();
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n || document.querySelector<HTMLElement>("[data-search-more]")!.hidden, before);
  }
  return page.locator(".search-result__link").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The report pages among the results, by id (indicator and concept pages are results too). */
const reportIds = (urls: string[]) => urls.flatMap((url) => /^\/reports\/([^/]+)\/$/.exec(url)?.[1] ?? []).sort();

/** The catalog pages among the results: indicator and concept pages. */
const catalogPages = (urls: string[]) => urls.filter((url) => url.startsWith(paths.indicators) || url.startsWith(paths.concepts));

/** The status line's count of results by kind, from their URLs. */
function summaryOf(urls: string[]): string {
  const byKind: Record<string, number> = {};
  for (const url of urls) {
    const kind = url.startsWith(paths.indicators) ? "indicator" : url.startsWith(paths.concepts) ? "concept" : "report";
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return kindSummary(byKind);
}

async function statusLine(page: Page): Promise<string> {
  return (await page.locator("[data-search-status]").textContent()) ?? "";
}

/** The text a reader sees on a result's page. */
async function pageText(url: string): Promise<string> {
  const { page } = await visit(url);
  try {
    return (await page.locator("main").textContent()) ?? "";
  } finally {
    await page.close();
  }
}

describe("search finds only pages that contain the query", () => {
  it("不存在的词汇: no result, and a sentence that says so", async () => {
    const { page, errors } = await visit(searchPath("不存在的词汇"));
    try {
      expect(await allResults(page)).toEqual([]);
      expect(await statusLine(page)).toBe("没有找到包含「不存在的词汇」的页面。");
      expect(await page.locator(".search-result").count()).toBe(0);
      expect(await page.locator("[data-search-more]").isVisible()).toBe(false);
      expect(await page.locator("[data-search-hint]").textContent()).toBe(SEARCH_PAGE.noResultsHint);
      expect(await page.locator("[data-search-hint]").isVisible()).toBe(true);
      expect(await page.locator("[data-search-filters]").isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("大武口: every report that contains it, each result's page contains it, and only 大武口 is marked", async () => {
    const { page, errors } = await visit(searchPath("大武口"));
    try {
      const urls = await allResults(page);
      expect(reportIds(urls)).toEqual(reportsMentioning("大武口"));
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(await pageText(url), url).toContain("大武口");
      expect(await statusLine(page)).toBe(`找到 ${urls.length} 份包含「大武口」的年报`);
      const marks = await page.locator(".search-result mark").allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(new Set(marks)).toEqual(new Set(["大武口"]));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("行政复议: exactly the reports that contain it, every mark 行政复议, never 行政, 议, 建议 or 会议", async () => {
    const { page, errors } = await visit(searchPath("行政复议"));
    try {
      const urls = await allResults(page);
      expect(reportIds(urls)).toEqual(reportsMentioning("行政复议"));
      // Indicator and concept pages about reconsideration are results too, each containing the term.
      expect(catalogPages(urls).length).toBeGreaterThan(0);
      for (const url of catalogPages(urls)) expect(await pageText(url), url).toContain("行政复议");
      expect(await statusLine(page)).toBe(`找到 ${urls.length} 个包含「行政复议」的页面：${summaryOf(urls)}`);
      const marks = await page.locator(".search-result mark").allTextContents();
      expect(marks.length).toBeGreaterThanOrEqual(urls.length);
      expect(new Set(marks)).toEqual(new Set(["行政复议"]));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("政府公开: the candidates that only hold its character pairs apart are checked and left out", async () => {
    const { page, errors } = await visit(searchPath("政府公开"));
    try {
      const urls = await allResults(page);
      expect(reportIds(urls)).toEqual(reportsMentioning("政府公开"));
      for (const url of urls) expect(await pageText(url), url).toContain("政府公开");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("two terms: pages that contain both", async () => {
    const { page } = await visit(searchPath("大武口 行政复议"));
    try {
      const expected = reportsMentioning("大武口").filter((id) => reportsMentioning("行政复议").includes(id));
      expect(reportIds(await allResults(page))).toEqual(expected);
      expect(await statusLine(page)).toBe(`找到 ${expected.length} 份包含「大武口」和「行政复议」的年报`);
    } finally {
      await page.close();
    }
  });

  it("收到申请数: the indicator page of that name (needs SearchMeta on indicator pages)", async () => {
    const expected = allIndicators()
      .filter((entry) => entry.indicator.label === "收到申请数")
      .map((entry) => paths.indicator(entry.indicator.id));
    expect(expected).toEqual(["/indicators/requests_received/"]);
    const { page } = await visit(searchPath("收到申请数"));
    try {
      const urls = await allResults(page);
      for (const url of expected) expect(urls).toContain(url);
      // The concept of that name too; pages whose title holds the query are listed first.
      expect(urls).toContain(paths.concept("requests_received"));
      expect(urls.indexOf(expected[0]!)).toBeLessThan(catalogPages(urls).length);
    } finally {
      await page.close();
    }
  });

  it("平潭综合实验区: the reports of that name come first, then 平潭县's, whose text mentions it", async () => {
    const { page } = await visit(searchPath("平潭综合实验区"));
    try {
      const urls = await allResults(page);
      const mentioning = reportsMentioning("平潭综合实验区");
      expect(reportIds(urls)).toEqual(mentioning);
      const titled = builtReports().filter((r) => r.title.includes("平潭综合实验区")).map((r) => paths.report(r.id));
      // 平潭县 2013 (350128-2013) names the zone only in its text; its url sorts before every report of the zone.
      expect(mentioning).toContain("350128-2013");
      expect(titled).not.toContain(paths.report("350128-2013"));
      expect(titled.length).toBeGreaterThan(1);
      expect(new Set(urls.slice(0, titled.length))).toEqual(new Set(titled));
      expect(urls.indexOf(paths.report("350128-2013"))).toBeGreaterThanOrEqual(titled.length);
      const titles = await page.locator(".search-result__link").allTextContents();
      for (const title of titles.slice(0, titled.length)) expect(title).toContain("平潭综合实验区");
    } finally {
      await page.close();
    }
  });

  it("a one-character query counts every page with it and pages through them", async () => {
    const { page } = await visit(searchPath("的"));
    try {
      await page.waitForSelector(".search-result");
      const expected = reportsMentioning("的");
      expect(await page.locator(".search-result").count()).toBe(10);
      const urls = await allResults(page);
      expect(reportIds(urls)).toEqual(expected);
      expect(await statusLine(page)).toBe(`找到 ${urls.length} 个包含「的」的页面：${summaryOf(urls)}`);
    } finally {
      await page.close();
    }
  });
});

describe("the query, the scope and the filters live in the URL", () => {
  it("restores a year filter and a prefecture filter from the URL, and writes a new tick back", async () => {
    const year = "2018";
    const { page, errors } = await visit(searchPath("行政复议", `&year=${year}`));
    try {
      const urls = await allResults(page);
      const expected = reportsMentioning("行政复议").filter((id) => id.endsWith(`-${year}`));
      expect(reportIds(urls)).toEqual(expected);
      expect(await page.getByRole("group", { name: "年份" }).getByRole("checkbox", { name: year }).isChecked()).toBe(true);
      expect(await statusLine(page)).toBe(`找到 ${expected.length} 份包含「行政复议」的年报（在所选筛选条件下）`);
      // Tick a prefecture: the URL gets it, and opening that URL gives the same page.
      const report = site.reports.find((r) => r.id === expected[0])!;
      const name = facetEntries("report", reportFacets(report)).find(([facet]) => facet === "地市")![1];
      await page.getByRole("group", { name: "地市" }).getByRole("checkbox", { name }).check();
      await page.waitForFunction((value) => new URL(location.href).searchParams.getAll("prefecture").includes(value), name);
      const narrowed = await allResults(page);
      const params = new URL(page.url()).searchParams;
      expect(params.get("q")).toBe("行政复议");
      expect(params.getAll("year")).toEqual([year]);
      expect(params.getAll("prefecture")).toEqual([name]);
      const again = await visit(`${new URL(page.url()).pathname}${new URL(page.url()).search}`);
      try {
        expect(await allResults(again.page)).toEqual(narrowed);
        expect(await again.page.locator("#search-q").inputValue()).toBe("行政复议");
        expect(await again.page.getByRole("group", { name: "地市" }).getByRole("checkbox", { name }).isChecked()).toBe(true);
      } finally {
        await again.page.close();
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("searches one year's reports when the URL names that scope, and all years when the selector says so", async () => {
    const all = reportsMentioning("行政复议");
    const year = Math.max(...all.map((id) => Number(id.slice(-4))));
    const { page, errors } = await visit(searchPath("行政复议", `&scope=${year}`));
    try {
      expect(await page.locator("#search-scope").inputValue()).toBe(String(year));
      const oneYear = await allResults(page);
      expect(reportIds(oneYear)).toEqual(all.filter((id) => id.endsWith(`-${year}`)));
      await page.locator("#search-scope").selectOption("all");
      await page.waitForFunction(() => !new URL(location.href).searchParams.has("scope"));
      // Every year's reports, with the catalog pages every scope searches: more results than the one year's.
      await page.waitForFunction((n) => /^找到 (\d+) /.exec(document.querySelector("[data-search-status]")?.textContent ?? "")?.[1] !== String(n), oneYear.length);
      expect(reportIds(await allResults(page))).toEqual(all);
      expect(new URL(page.url()).searchParams.get("q")).toBe("行政复议");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("without a query offers examples, each a search link", async () => {
    const { page } = await visit("/search/");
    try {
      await page.waitForFunction(() => !document.querySelector<HTMLElement>("[data-search-examples]")!.hidden);
      const links = await page.locator("[data-search-examples] a").evaluateAll((as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).search]));
      expect(links).toEqual(SEARCH_PAGE.examples.map((q) => [q, `?q=${encodeURIComponent(q)}`]));
      expect(await page.locator("[data-search-hint]").isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });

  it("filters alone list the pages that pass them", async () => {
    const { page } = await visit("/search/?year=2017");
    try {
      const expected = site.reports.filter((r) => r.year === 2017).map((r) => r.id).sort();
      expect(reportIds(await allResults(page))).toEqual(expected);
      expect(await statusLine(page)).toBe(`${expected.length} 份年报符合筛选条件`);
    } finally {
      await page.close();
    }
  });

  it("offers the filters the pages declare: 年份, 省份, 地市, 地区, 表格式 (类型 once other kinds are indexed)", async () => {
    const { page } = await visit(searchPath("行政复议"));
    try {
      await page.waitForSelector(".search-result");
      const names = await page.locator(".search-filter__name").allTextContents();
      expect(names.filter((n) => n !== "类型")).toEqual(["年份", "省份", "地市", "地区", "表格式"]);
    } finally {
      await page.close();
    }
  });
});

describe("the search page as a reader meets it", () => {
  for (const width of [390, 1280]) {
    it(`passes axe with results and filters shown, without horizontal overflow (${width} px)`, async () => {
      const { page, errors } = await visit(searchPath("行政复议"), { width });
      try {
        await page.waitForSelector(".search-result");
        if (width === 390) await page.locator(".search-filters__panel > summary").click();
        await page.locator(".search-rules > summary").click();
        expect(await axeViolations(page)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("passes axe when nothing is found (390 px)", async () => {
    const { page } = await visit(searchPath("不存在的词汇"), { width: 390 });
    try {
      await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent?.startsWith("没有"));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("says what it does without JavaScript and hides the form that would not work", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}${searchPath("行政复议")}`);
      expect(await page.locator(".lede").textContent()).toBe(SEARCH_PAGE.lede);
      const notice = await page.locator("main .notice").textContent();
      expect(notice).toContain(SEARCH_PAGE.noScript.text);
      expect(await page.locator(`main .notice a[href="${paths.reports}"]`).count()).toBe(1);
      expect(await page.locator("form[data-search]").isVisible()).toBe(false);
      expect(await page.locator("[data-search-status]").isVisible()).toBe(false);
      expect(await page.locator(".search-rules").isVisible()).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
