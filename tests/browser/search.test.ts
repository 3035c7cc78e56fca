import { describe, expect, it } from "vitest";
import { reportsMentioning } from "./fixtures.ts";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, drawnPixels, visit as open } from "./page-tools.ts";
import type { Page } from "playwright-core";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number; allow404?: boolean }) => open(site, path, options);

const first = () => site.reports[0]!;

describe("search (Pagefind index, our client)", () => {
  const QUERIES = ["行政复议", "依申请公开", "大武口", "政策解读"];
  for (const query of QUERIES) {
    it(`「${query}」 finds every report that contains it, with excerpts`, async () => {
      const expected = reportsMentioning(query);
      expect(expected.length).toBeGreaterThan(0);
      const { page, errors } = await visit(`/search/?q=${encodeURIComponent(query)}`);
      try {
        await page.waitForSelector(".search-result", { timeout: 15_000 });
        // Load every page of results.
        while (await page.locator("[data-search-more]").isVisible().catch(() => false)) {
          await page.locator("[data-search-more]").click();
          await page.waitForTimeout(200);
        }
        const links = await page.locator(".search-result__link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        const found = [...new Set(links.map((href) => /\/reports\/([^/]+)\//.exec(href)?.[1]).filter(Boolean))].sort();
        for (const id of expected) expect(found).toContain(id);
        const excerpt = await page.locator(".search-result__excerpt mark").first().textContent();
        expect(excerpt?.length).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  /** Report ids in the results of a search page, after loading every page of results. */
  async function resultIds(page: Page): Promise<string[]> {
    await page.waitForSelector(".search-result", { timeout: 15_000 });
    while (await page.locator("[data-search-more]").isVisible().catch(() => false)) {
      await page.locator("[data-search-more]").click();
      await page.waitForTimeout(200);
    }
    const links = await page.locator(".search-result__link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    return [...new Set(links.map((href) => /\/reports\/([^/]+)\//.exec(href)?.[1] ?? ""))].filter(Boolean).sort();
  }

  it("searches one year's index when the URL names a year, and the year selector switches index", async () => {
    const query = "行政复议";
    const all = reportsMentioning(query);
    const year = Math.max(...all.map((id) => Number(id.slice(-4))));
    const { page, errors } = await visit(`/search/?q=${encodeURIComponent(query)}&year=${year}`);
    try {
      expect(await page.locator("#search-year").inputValue()).toBe(String(year));
      const inYear = await resultIds(page);
      for (const id of inYear) expect(id.endsWith(`-${year}`), id).toBe(true);
      for (const id of all.filter((i) => i.endsWith(`-${year}`))) expect(inYear).toContain(id);
      await Promise.all([page.waitForURL(/year=all/, { waitUntil: "networkidle" }), page.locator("#search-year").selectOption("all")]);
      const everywhere = await resultIds(page);
      for (const id of all) expect(everywhere).toContain(id);
      expect(everywhere.some((id) => !id.endsWith(`-${year}`))).toBe(true);
      expect(new URL(page.url()).searchParams.get("q")).toBe(query);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("results, their sections and the filters pass axe, and a filter narrows the results", async () => {
    const { page, errors } = await visit(`/search/?q=${encodeURIComponent("行政复议")}`);
    try {
      await page.waitForSelector(".search-result", { timeout: 15_000 });
      expect(await page.locator(".search-filter").count()).toBe(3);
      expect(await axeViolations(page)).toEqual([]);
      const year = String(first().year);
      const expected = reportsMentioning("行政复议").filter((id) => id.endsWith(`-${year}`));
      await page.getByRole("group", { name: "年份" }).getByRole("checkbox", { name: year }).check();
      await page.waitForFunction((suffix) => {
        const links = [...document.querySelectorAll<HTMLAnchorElement>(".search-result__link")];
        return links.length > 0 && links.every((a) => a.pathname.endsWith(`${suffix}/`));
      }, `-${year}`);
      const found = await resultIds(page);
      for (const id of expected) expect(found).toContain(id);
      for (const id of found) expect(id.endsWith(`-${year}`), id).toBe(true);
      expect(await page.locator("[data-search-status]").textContent()).toBe(`找到 ${found.length} 份包含「行政复议」的年报`);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("only report pages are indexed, with year / prefecture / jurisdiction filters", async () => {
    const { page } = await visit("/search/?q=%E5%A4%A7%E6%AD%A6%E5%8F%A3");
    try {
      await page.waitForSelector(".search-result");
      const filters = await page.locator(".search-filter__name").allTextContents();
      expect(filters.map((f) => f.trim()).sort()).toEqual(["地区", "地市", "年份"].sort());
      const links = await page.locator(".search-result__link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const href of links) expect(href).toMatch(/^\/reports\/[^/]+\/(#.*)?$/);
    } finally {
      await page.close();
    }
  });
});

