import { describe, expect, it } from "vitest";
import { reportsMentioning } from "./fixtures.ts";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, drawnPixels, visit as open } from "./page-tools.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number; allow404?: boolean }) => open(site, path, options);

const first = () => site.reports[0]!;

describe("statistics table", () => {
  it("shows 未报告 for a figure the report does not give, and links figures to their source line", async () => {
    // A report with a gap (row without a number, or indicator missing), else any report.
    const withGap = site.reports.find((r) => r.statistics.some((s) => s.value === null)) ?? first();
    const { page } = await visit(`/reports/${withGap.id}/`);
    try {
      const nullStat = withGap.statistics.find((s) => s.value === null);
      if (nullStat) {
        const cell = page.locator(`#stat-${nullStat.indicator} td.value`);
        expect(await cell.textContent()).toContain("未报告");
        expect(await cell.locator("a.not-reported").getAttribute("href")).toBe(`/reports/${withGap.id}/source/#L${nullStat.line}`);
      }
      const valued = withGap.statistics.find((s) => s.value !== null && s.origin === "table")!;
      const link = page.locator(`#stat-${valued.indicator} td.value a`).first();
      expect(await link.getAttribute("href")).toBe(`/reports/${withGap.id}/source/#L${valued.line}`);
      // Following the link lands on that line, highlighted by :target, with the raw cell text in it.
      await link.click();
      await page.waitForURL(`**/source/#L${valued.line}`);
      const target = page.locator(`li#L${valued.line}`);
      expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
      expect(await target.textContent()).toContain(valued.raw);
      const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toBe("rgba(0, 0, 0, 0)");
    } finally {
      await page.close();
    }
  });

  it("marks indicators absent from a report as 未报告 with the absent footnote", async () => {
    const ids = new Set(first().statistics.map((s) => s.indicator));
    const report = site.reports.find((r) => r.statistics.length < 58) ?? first();
    const present = new Set(report.statistics.map((s) => s.indicator));
    const { page } = await visit(`/reports/${report.id}/`);
    try {
      const rows = await page.locator("table.stat-table tr[id^='stat-']").evaluateAll((trs) => trs.map((tr) => tr.id.slice(5)));
      expect(rows.length).toBe(58);
      const absent = rows.find((id) => !present.has(id));
      if (absent) {
        const cell = page.locator(`#stat-${absent} td.value`);
        expect(await cell.textContent()).toContain("未报告");
        expect(await cell.locator('a[href="#fn-absent"]').count()).toBe(1);
      }
      expect(ids.size).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe("report pages", () => {
  it("every table-of-contents entry of every report points at an element on the page", async () => {
    for (const report of site.reports) {
      const { page } = await visit(`/reports/${report.id}/`);
      try {
        const missing = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']")]
            .map((a) => decodeURIComponent(a.hash.slice(1)))
            .filter((id) => document.getElementById(id) === null),
        );
        expect(missing, report.id).toEqual([]);
        expect(await page.locator(".toc a").count()).toBe(report.headings.length + 2 + (await page.locator("#charts-heading").count()));
      } finally {
        await page.close();
      }
    }
  });
});

describe("charts", () => {
  it("report page draws its charts on canvas and keeps the data tables in the HTML", async () => {
    const { page } = await visit(`/reports/${first().id}/`);
    try {
      const figures = page.locator("figure[data-chart]");
      expect(await figures.count()).toBeGreaterThan(0);
      expect(await drawnPixels(page, "figure[data-chart] canvas")).toBeGreaterThan(500);
      expect(await figures.first().locator("table tbody tr").count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it("home page draws the headline comparison over its table", async () => {
    const { page } = await visit("/");
    try {
      expect(await drawnPixels(page, "figure[data-chart] canvas")).toBeGreaterThan(500);
      const rows = await page.locator("figure[data-chart] table tbody tr").count();
      expect(rows).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it("without JavaScript the chart tables are visible and canvases hidden", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}/reports/${first().id}/`);
      expect(await page.locator("figure[data-chart] table").first().isVisible()).toBe(true);
      expect(await page.locator(".chart__canvas").first().isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

