import { describe, expect, it } from "vitest";
import { reportsMentioning } from "./fixtures.ts";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, drawnPixels, visit as open } from "./page-tools.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number; allow404?: boolean }) => open(site, path, options);
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

describe("site files", () => {
  it("sitemap lists every report, indicator and jurisdiction page with absolute URLs", async () => {
    const response = await fetch(`${site.server.url}/sitemap.xml`);
    const xml = await response.text();
    for (const r of site.reports) expect(xml).toContain(`/reports/${r.id}/</loc>`);
    expect(xml.match(/\/indicators\/[a-z_]+\/<\/loc>/g)?.length).toBe(58);
    expect(xml).toMatch(/<loc>https?:\/\//);
  });
});

