/**
 * Concept pages, the home page's headline and the jurisdiction pages' trends
 * in Chromium against the built site. The values on the pages must be the
 * ones the reports' JSON carries in `concepts`; each point names its format;
 * each format's caveat is on the page. 平潭综合实验区 runs from Fujian's 2008
 * table (2011–2018) through the 2019 format to the 2021 format.
 */
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./built-site.ts";
import { drawnPixels, visit as open } from "./page-tools.ts";
import { CONCEPTS, TEMPLATES } from "../../src/catalog/index.ts";
import type { Report } from "../../src/schema/report.ts";
import { figureOf } from "../../src/report/figures.ts";
import { parseCsv } from "../../src/site/datasets/csv.ts";
import { templateMark } from "../../src/site/series/templates.ts";
import { formatNumber } from "../../src/site/format.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number }) => open(site, path, options);
const PINGTAN = "x659039f5dea5";

const conceptOf = (report: Report, id: string) => report.concepts.find((c) => c.concept === id);
const spanning = () => CONCEPTS.filter((c) => TEMPLATES.every((t) => c.templates[t.id]));

describe("a concept page mixing the 2008-era and the 2021 formats", () => {
  it("shows every report's value from its JSON concepts, with the report's format, and each format's caveat", async () => {
    const { page, errors } = await visit("/concepts/requests_received/");
    try {
      const withConcept = site.reports.filter((r) => conceptOf(r, "requests_received"));
      expect(await page.locator("[data-concept-table] tbody tr").count()).toBe(withConcept.length);
      for (const report of withConcept) {
        const concept = conceptOf(report, "requests_received")!;
        const row = page.locator(`[data-concept-table] tr[data-report="${report.id}"]`);
        expect(await row.getAttribute("data-template"), report.id).toBe(report.template);
        const value = row.locator("td[data-value]");
        expect(await value.getAttribute("data-value"), report.id).toBe(concept.value === null ? "" : String(concept.value));
        expect((await value.textContent())!.trim(), report.id).toBe(formatNumber(concept.value));
        expect((await row.locator(".template-badge").textContent())!.trim()).toBe(`${templateMark(report.template).symbol}${templateMark(report.template).short}`);
      }
      // 平潭综合实验区's own series spans Fujian's table, the 2019 and the 2021 format.
      const pingtan = site.reports.filter((r) => r.jurisdiction.id === PINGTAN && r.department === null);
      expect(new Set(pingtan.map((r) => r.template))).toEqual(new Set(["fujian-2008", "national-2019", "national-2021"]));
      const formats = await page.locator(`[data-concept-table] tr[data-report^="${PINGTAN}-2"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-template")));
      expect(formats).toEqual(pingtan.map((r) => r.template));
      // The caveat each report carries is stated on the page, in its format's card.
      for (const report of withConcept) {
        const caveat = conceptOf(report, "requests_received")!.caveat;
        const [zh, en] = caveat.split(" / ");
        const card = page.locator(`.mapping[data-template="${report.template}"] [data-caveat]`);
        expect((await card.textContent())!.replace(/\s+/g, " ")).toContain(zh);
        expect((await card.locator('[lang="en"]').textContent())!.trim()).toBe(en);
      }
      expect(await drawnPixels(page, "figure[data-chart] canvas")).toBeGreaterThan(200);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("leaves out of the table the reports whose format has no such figure, and names them", async () => {
    const { page } = await visit("/concepts/requests_carried_over/");
    try {
      const mapped = site.reports.filter((r) => r.template === "national-2019" || r.template === "national-2021");
      expect(await page.locator("[data-concept-table] tbody tr").count()).toBe(mapped.length);
      expect(await page.locator(`tr[data-report="${PINGTAN}-2011"]`).count()).toBe(0);
      const note = (await page.locator("[data-concept-table] >> xpath=ancestor::div[1]/following-sibling::p[1]").textContent())!;
      expect(note).toContain("福建省表——平潭县 2013 年，平潭综合实验区 2011、2012、2014、2016、2018 年");
      expect(await page.locator('.mapping[data-template="fujian-2008"]').textContent()).toContain("这一格式没有可与其他格式比较的数字");
    } finally {
      await page.close();
    }
  });

  it("breaks 不予公开 down into each format's reasons with the JSON's figures", async () => {
    const { page } = await visit("/concepts/replies_denied/");
    try {
      const tables = await page.locator("table[data-breakdown]").evaluateAll((ts) => ts.map((t) => t.getAttribute("data-breakdown")));
      expect(tables).toEqual(["national-2008", "national-2019", "national-2021"]);
      const table = page.locator('table[data-breakdown="national-2021"]');
      const parts = await table.locator("thead th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/")[2]!));
      expect(parts).toHaveLength(8);
      for (const report of site.reports.filter((r) => r.template === "national-2021")) {
        const cells = await table.locator(`tbody tr:has(a[href="/reports/${report.id}/"]) td`).allTextContents();
        expect(cells.map((t) => t.trim()), report.id).toEqual(
          parts.map((id) => {
            const f = figureOf(report, id);
            return f.kind === "absent" || f.value === null ? "未报告" : formatNumber(f.value);
          }),
        );
      }
      expect(await page.locator(".concept-links").textContent()).toContain("国家秘密");
    } finally {
      await page.close();
    }
  });

  it("offers the concept's CSV with the JSON's value and format for every report", async () => {
    const response = await fetch(`${site.server.url}/concepts/requests_received/values.csv`);
    expect(response.status).toBe(200);
    const [header, ...records] = parseCsv(await response.text());
    const at = (name: string) => header!.indexOf(name);
    expect(records).toHaveLength(site.reports.length);
    for (const report of site.reports) {
      const record = records.find((r) => r[at("report_id")] === report.id)!;
      const concept = conceptOf(report, "requests_received");
      expect(record[at("template")]).toBe(report.template);
      expect(record[at("value")], report.id).toBe(concept?.value === null || concept === undefined ? "" : String(concept.value));
    }
  });

  it("lists every concept with its formats", async () => {
    const { page } = await visit("/concepts/");
    try {
      expect(await page.locator("tbody tr[data-concept]").count()).toBe(CONCEPTS.length);
      for (const concept of CONCEPTS) {
        expect(await page.locator(`tr[data-concept="${concept.id}"] th a`).getAttribute("href")).toBe(`/concepts/${concept.id}/`);
      }
    } finally {
      await page.close();
    }
  });
});

describe("pages that read concepts", () => {
  it("the home page's headline runs to the newest report, in the JSON's values", async () => {
    const { page, errors } = await visit("/");
    try {
      const headline = spanning()[0]!;
      expect(await page.locator("#headline-heading").textContent()).toContain(headline.label);
      const newest = [...site.reports].filter((r) => r.department === null).sort((a, b) => b.year - a.year)[0]!;
      const columns = await page.locator("figure[data-chart] thead th").allTextContents();
      const column = columns.findIndex((t) => t.trim() === newest.jurisdiction.name);
      expect(column).toBeGreaterThan(0);
      const row = page.locator(`figure[data-chart] tbody tr:has(th:text-is("${newest.year}年"))`);
      const cell = (await row.locator("th, td").allTextContents())[column]!;
      expect(cell.trim().startsWith(formatNumber(conceptOf(newest, headline.id)!.value))).toBe(true);
      expect(await drawnPixels(page, "figure[data-chart] canvas")).toBeGreaterThan(200);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("a jurisdiction page shows each report's concept values and draws their trend", async () => {
    const { page, errors } = await visit(`/jurisdictions/${PINGTAN}/`);
    try {
      const reports = site.reports.filter((r) => r.jurisdiction.id === PINGTAN);
      for (const report of reports) {
        for (const concept of spanning()) {
          const text = (await page.locator(`[data-jurisdiction-figures] tr[data-report="${report.id}"] td[data-concept="${concept.id}"]`).textContent())!.trim();
          const carried = conceptOf(report, concept.id);
          const expected = !carried ? "未报告" : carried.status === "reported" ? formatNumber(carried.value) : carried.status === "uncertain" ? "无法确定" : "未报告";
          expect(text, `${report.id} ${concept.id}`).toBe(expected);
        }
      }
      expect(await page.locator("figure[data-chart]").count()).toBe(spanning().length);
      expect(await drawnPixels(page, "figure[data-chart] canvas")).toBeGreaterThan(200);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
