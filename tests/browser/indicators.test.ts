import { describe, expect, it } from "vitest";
import { reportsMentioning } from "./fixtures.ts";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, drawnPixels, visit as open } from "./page-tools.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number; allow404?: boolean }) => open(site, path, options);

const first = () => site.reports[0]!;

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

