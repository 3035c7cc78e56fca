/**
 * The built site in a real browser (Debian chromium via playwright-core),
 * served from dist/ by tests/browser/serve.ts. Run after `npm run build`.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { reportsMentioning } from "./fixtures.ts";
import { useBuiltSite } from "./built-site.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();


interface Visit {
  page: Page;
  errors: string[];
}

/** Open a path, collecting console errors and uncaught exceptions. */
async function visit(path: string, options: { width?: number; allow404?: boolean } = {}): Promise<Visit> {
  const page = await site.browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (options.allow404 && message.text().includes("404")) return;
    errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(site.server.url + path, { waitUntil: "networkidle" });
  if (!options.allow404) expect(response?.status(), path).toBe(200);
  return { page, errors };
}

/** axe-core's source, evaluated through the DevTools protocol: the pages' CSP forbids the inline script tag addScriptTag would add. */
const AXE_SOURCE = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  });
  return violations;
}

/** Pixels of a canvas that are not fully transparent: > 0 means Chart.js drew something. */
async function drawnPixels(page: Page, selector: string): Promise<number> {
  await page.waitForFunction((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel);
    return canvas !== null && canvas.width > 0 && canvas.height > 0;
  }, selector);
  return page.evaluate((sel) => {
    const canvas = document.querySelector<HTMLCanvasElement>(sel)!;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count += 1;
    return count;
  }, selector);
}

const first = () => site.reports[0]!;
const PAGE_TYPES: [string, () => string][] = [
  ["home", () => "/"],
  ["report list", () => "/reports/"],
  ["report", () => `/reports/${first().id}/`],
  ["source text", () => `/reports/${first().id}/source/`],
  ["indicator catalog", () => "/indicators/"],
  ["indicator", () => "/indicators/requests_received/"],
  ["jurisdictions", () => "/jurisdictions/"],
  ["jurisdiction", () => `/jurisdictions/${first().jurisdiction.code}/`],
  ["search", () => "/search/"],
  ["about", () => "/about/"],
  ["downloads", () => "/downloads/"],
];

describe("every page type", () => {
  for (const [name, path] of PAGE_TYPES) {
    it(`${name} renders with one h1, no console errors and no axe violations`, async () => {
      const { page, errors } = await visit(path());
      try {
        expect(await page.locator("h1").count()).toBe(1);
        expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
        expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toMatch(/^https?:\/\/.+\/$/);
        expect(errors).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("404 page is served for an unknown path and passes axe", async () => {
    const { page, errors } = await visit("/no-such-page/", { allow404: true });
    try {
      expect(await page.locator("h1").textContent()).toBe("页面不存在");
      expect(errors).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("report page works at 360 px without horizontal page scroll", async () => {
    const { page } = await visit(`/reports/${first().id}/`, { width: 360 });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });

  it("nav marks the current section and the skip link targets main", async () => {
    const { page } = await visit("/indicators/");
    try {
      expect((await page.locator('.site-nav a[aria-current="page"]').textContent())?.trim()).toBe("指标");
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      expect(focused).toBe("#main");
    } finally {
      await page.close();
    }
  });
});

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

describe("indicator view", () => {
  it("restores a selection from the URL: boxes ticked, table filtered, chart drawn", async () => {
    const report = first();
    const code = report.jurisdiction.code;
    const expected = site.reports.filter((r) => r.jurisdiction.code === code && r.year === report.year).length;
    const { page, errors } = await visit(`/indicators/proactive_total/?j=${code}&y=${report.year}`);
    try {
      await page.waitForFunction(() => document.querySelector("[data-count]")?.textContent !== "");
      expect(await page.locator(`input[name="j"][value="${code}"]`).isChecked()).toBe(true);
      expect(await page.locator(`input[name="y"][value="${report.year}"]`).isChecked()).toBe(true);
      const rows = page.locator("tbody[data-view-rows] tr");
      expect(await rows.count()).toBe(expected);
      expect(await rows.first().locator("th a").getAttribute("href")).toBe(`/reports/${report.id}/`);
      expect(await drawnPixels(page, "canvas[data-view-canvas]")).toBeGreaterThan(200);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("changing the form updates the table and writes the selection to the URL", async () => {
    const { page } = await visit("/indicators/proactive_total/");
    try {
      const all = await page.locator("tbody[data-view-rows] tr").count();
      expect(all).toBe(site.reports.filter((r) => r.template === "national-2008").length);
      const year = first().year;
      await page.locator(`input[name="y"][value="${year}"]`).check();
      await page.waitForURL(`**/indicators/proactive_total/?y=${year}`);
      expect(await page.locator("tbody[data-view-rows] tr").count()).toBe(site.reports.filter((r) => r.year === year).length);
    } finally {
      await page.close();
    }
  });
});

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

describe("site files", () => {
  it("sitemap lists every report, indicator and jurisdiction page with absolute URLs", async () => {
    const response = await fetch(`${site.server.url}/sitemap.xml`);
    const xml = await response.text();
    for (const r of site.reports) expect(xml).toContain(`/reports/${r.id}/</loc>`);
    expect(xml.match(/\/indicators\/[a-z_]+\/<\/loc>/g)?.length).toBe(58);
    expect(xml).toMatch(/<loc>https?:\/\//);
  });
});
