/**
 * The comparison view in Chromium: a view restored from its URL (owners,
 * years, several concepts and indicators, a rate, the chart's measure and the
 * sort), its CSV and JSON downloads equal to the table shown, sorting and the
 * chooser writing the URL, the no-JS page as a plain table of the default
 * view, an unknown jurisdiction said in words; axe and overflow at 390 and
 * 1280 px. Expected figures come from the reports' JSON, not from the view's code.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, drawnPixels, visit as open } from "./page-tools.ts";
import { parseCsv } from "../../src/site/datasets/csv.ts";
import { SITE } from "../../src/site/site-config.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number }) => open(site, path, options);

const VIEW = "?j=640500,x659039f5dea5&y=2017,2022,2025&m=c.requests_received,c.replies_denied,r.share_denied,i.proactive_total&chart=r.share_denied&sort=-r.share_denied";
const HEADERS = ["地区", "年度", "收到申请数", "不同意公开（不予公开）", "不予公开占收到申请的比例", "主动公开政府信息数", "统计表格式", "所属地市"];

const concept = (report: Report, id: string) => report.concepts.find((c) => c.concept === id);
const number = (text: string) => Number(text.replace(/[,%]/g, ""));
const report = (id: string) => site.reports.find((r) => r.id === id)!;

async function tableRows(page: Page): Promise<string[][]> {
  return page.$$eval("table[data-compare-table] tbody tr", (rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => (cell.textContent ?? "").trim())));
}

async function headLabels(page: Page): Promise<string[]> {
  return page.$$eval("table[data-compare-table] thead th .compare-th__label", (cells) => cells.map((c) => (c.textContent ?? "").trim()));
}

async function waitForView(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector("[data-status]")?.textContent ?? "";
    return status !== "" && !status.includes("载入");
  });
}

async function download(page: Page, kind: "csv" | "json"): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`a[data-download=${kind}]`).click()]);
  return readFileSync(await file.path(), "utf8");
}

describe("comparison view", () => {
  it("restores owners, years, concepts, an indicator, a rate, the chart and the sort from the URL", async () => {
    const { page, errors } = await visit(`/compare/${VIEW}`);
    try {
      await waitForView(page);
      for (const [name, value] of [["j", "640500"], ["j", "x659039f5dea5"], ["y", "2017"], ["y", "2022"], ["y", "2025"], ["m", "r.share_denied"], ["m", "i.proactive_total"]]) {
        expect(await page.locator(`input[name="${name}"][value="${value}"]`).isChecked(), `${name}=${value}`).toBe(true);
      }
      expect(await page.locator('input[name="j"][value="640202"]').isChecked()).toBe(false);
      expect(await headLabels(page)).toEqual(HEADERS);
      // Refused ÷ received from each report's JSON, largest first.
      const ids = ["640500-2017", "x659039f5dea5-2022", "x659039f5dea5-2025"];
      const share = (id: string) => Math.round((concept(report(id), "replies_denied")!.value! / concept(report(id), "requests_received")!.value!) * 1000) / 10;
      const expected = [...ids].sort((a, b) => share(b) - share(a));
      const rows = await tableRows(page);
      expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(expected.map((id) => `${report(id).jurisdiction.name} ${report(id).year}`));
      rows.forEach((row, i) => {
        const r = report(expected[i]!);
        expect(number(row[2]!)).toBe(concept(r, "requests_received")!.value);
        expect(number(row[3]!)).toBe(concept(r, "replies_denied")!.value);
        expect(row[4]).toBe(`${share(r.id).toFixed(1)}%`);
        const proactive = r.statistics.find((s) => s.indicator === "proactive_total");
        expect(row[5]).toBe(proactive ? proactive.value!.toLocaleString("en-US") : "该格式没有此项");
      });
      expect(rows[0]).toEqual(["中卫市", "2017", "43", "33", "76.7%", "73,659", "2008年全国格式", "中卫市"]);
      // Every value links to its report: a printed figure to its exact place in the source.
      const zhongwei = report("640500-2017");
      const received = zhongwei.statistics.find((s) => s.indicator === "requests_received")!;
      const firstRow = page.locator("table[data-compare-table] tbody tr").first();
      expect(await firstRow.locator("th a").getAttribute("href")).toBe("/reports/640500-2017/");
      expect(await firstRow.locator("td").nth(1).locator("a").getAttribute("href")).toBe(`/reports/640500-2017/source/#S${received.span.start}-${received.span.end}`);
      expect(await firstRow.locator("td").nth(3).locator("a").getAttribute("href")).toBe("/reports/640500-2017/");
      expect(await page.locator('th[data-key="r.share_denied"]').getAttribute("aria-sort")).toBe("descending");
      expect(await page.locator("[data-chart-title]").textContent()).toBe("不予公开占收到申请的比例（%）");
      expect(await page.locator("select[data-chart-measure]").inputValue()).toBe("r.share_denied");
      expect(await drawnPixels(page, "canvas[data-chart-canvas]")).toBeGreaterThan(200);
      expect(new URL(page.url()).search).toBe(VIEW);
      // The citation names the address the browser has, the build date and the licence.
      expect(await page.locator("[data-cite=url]").textContent()).toBe(page.url());
      expect(await page.locator("[data-cite=text]").textContent()).toContain(page.url());
      expect(await page.locator("[data-cite=title]").textContent()).toBe("对比：收到申请数、不同意公开（不予公开）等 4 项（中卫市、平潭综合实验区，2017、2022、2025年）");
      expect(await page.locator("[data-cite=date]").textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.locator('.compare-citation a[rel="license"]').getAttribute("href")).toBe(SITE.dataLicense.url);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("downloads CSV and JSON equal to the table shown", async () => {
    const { page } = await visit(`/compare/${VIEW}`);
    try {
      await waitForView(page);
      const rows = await tableRows(page);
      const csv = await download(page, "csv");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const [header, ...records] = parseCsv(csv);
      const col = (name: string) => header!.indexOf(name);
      const measures = ["收到申请数（件）", "不同意公开（不予公开）（件）", "不予公开占收到申请的比例（%）", "主动公开政府信息数（条）"];
      expect(measures.every((m) => col(m) >= 0)).toBe(true);
      expect(records).toHaveLength(rows.length);
      records.forEach((record, i) => {
        const shown = rows[i]!;
        expect([record[col("地区")], record[col("年度")], record[col("统计表格式")], record[col("所属地市")]]).toEqual([shown[0], shown[1], shown[6], shown[7]]);
        measures.forEach((m, k) => {
          const cell = shown[2 + k]!;
          const value = record[col(m)]!;
          const note = record[header!.indexOf(`${m.replace(/（[^（）]+）$/, "")}·说明`)]!;
          if (value === "") expect(note).toBe(cell);
          else expect([Number(value), note]).toEqual([number(cell), ""]);
        });
      });
      const json = JSON.parse(await download(page, "json"));
      expect(json.url).toBe(page.url());
      expect(json.license).toEqual({ name: SITE.dataLicense.name, url: SITE.dataLicense.url });
      expect(json.rows.map((r: { owner: { name: string }; year: number }) => `${r.owner.name} ${r.year}`)).toEqual(rows.map((r) => `${r[0]} ${r[1]}`));
      expect(json.rows.map((r: { values: Record<string, { value: number | null }> }) => r.values["c.requests_received"]!.value)).toEqual(rows.map((r) => number(r[2]!)));
      expect(json.rows[0].values["r.share_denied"]).toMatchObject({ value: 76.7, status: "reported" });
    } finally {
      await page.close();
    }
  });

  it("sorts by a column head, and the chooser changes table and URL", async () => {
    const { page, errors } = await visit("/compare/?j=x659039f5dea5&m=c.requests_received");
    try {
      await waitForView(page);
      const years = async () => (await tableRows(page)).map((r) => r[1]);
      expect(await years()).toEqual(["2011", "2012", "2014", "2016", "2018", "2020", "2022", "2025"]);
      await page.locator('th[data-key="c.requests_received"] button').click();
      await page.waitForURL("**/compare/?j=x659039f5dea5&m=c.requests_received&sort=-c.requests_received");
      expect((await tableRows(page)).map((r) => r[2])).toEqual(["154", "74", "21", "1", "0", "0", "0", "0"]);
      expect(await page.locator('th[data-key="c.requests_received"]').getAttribute("aria-sort")).toBe("descending");
      // The pressed head keeps the focus after the table is redrawn.
      expect(await page.evaluate(() => document.activeElement?.closest("th")?.dataset.key)).toBe("c.requests_received");
      await page.locator('th[data-key="c.requests_received"] button').click();
      await page.waitForURL("**&sort=c.requests_received");
      expect((await tableRows(page)).map((r) => r[2])).toEqual(["0", "0", "0", "0", "1", "21", "74", "154"]);
      await page.locator('th[data-key="year"] button').click();
      await page.waitForURL("**&sort=year");
      expect(await years()).toEqual(["2011", "2012", "2014", "2016", "2018", "2020", "2022", "2025"]);

      // The chooser: a year, then a rate added as the last column.
      await page.locator("summary", { hasText: "年度" }).click();
      await page.locator('input[name="y"][value="2022"]').check();
      await page.waitForURL("**/compare/?j=x659039f5dea5&y=2022&m=c.requests_received&sort=year");
      expect(await years()).toEqual(["2022"]);
      await page.locator("summary", { hasText: "指标、概念与比率" }).click();
      await page.locator('input[name="m"][value="r.share_granted"]').check();
      await page.waitForURL("**/compare/?j=x659039f5dea5&y=2022&m=c.requests_received,r.share_granted&sort=year");
      expect(await headLabels(page)).toEqual(["地区", "年度", "收到申请数", "予以公开占收到申请的比例", "统计表格式", "所属地市"]);
      const pingtan = report("x659039f5dea5-2022");
      const granted = concept(pingtan, "replies_granted")!.value! / concept(pingtan, "requests_received")!.value!;
      expect((await tableRows(page))[0]![3]).toBe(`${(Math.round(granted * 1000) / 10).toFixed(1)}%`);
      expect(await page.locator("[data-choice=years]").textContent()).toBe("2022");
      await page.locator("button[data-reset]").click();
      await page.waitForURL("**/compare/?m=c.requests_received,c.replies_granted,c.replies_denied,r.share_granted,r.share_denied");
      expect(await tableRows(page)).toHaveLength(site.reports.length);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("without JavaScript is a plain table of the default view, with its downloads", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}/compare/`);
      expect(await page.locator("form[data-chooser]").isVisible()).toBe(false);
      expect(await page.locator("[data-chart-region]").isVisible()).toBe(false);
      expect(await page.locator("table[data-compare-table] thead button").count()).toBe(0);
      // Nothing that needs a script is shown: no button at all outside the header's own.
      expect(await page.locator("main button:visible").count()).toBe(0);
      expect(await page.locator(".no-js-only").first().isVisible()).toBe(true);
      expect(await headLabels(page)).toEqual(["地区", "年度", "收到申请数", "同意公开（予以公开）", "不同意公开（不予公开）", "予以公开占收到申请的比例", "不予公开占收到申请的比例", "统计表格式", "所属地市"]);
      const rows = await tableRows(page);
      expect(rows).toHaveLength(site.reports.length);
      for (const r of site.reports) {
        const row = rows.find((x) => x[0] === (r.department ? r.department.fullName : r.jurisdiction.name) && x[1] === String(r.year))!;
        expect(row, r.id).toBeDefined();
        const received = concept(r, "requests_received");
        expect(number(row[2]!)).toBe(received!.value);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The links download the default view's files, equal to this table.
      expect(await page.locator("a[data-download=csv]").getAttribute("href")).toBe("/compare/view.csv");
      const csv = await (await fetch(`${site.server.url}/compare/view.csv`)).text();
      const [header, ...records] = parseCsv(csv);
      expect(records.map((r) => `${r[0]} ${r[3]} ${r[header!.indexOf("收到申请数（件）")]}`)).toEqual(rows.map((r) => `${r[0]} ${r[1]} ${number(r[2]!)}`));
      const json = JSON.parse(await (await fetch(`${site.server.url}/compare/view.json`)).text());
      expect(json.rows).toHaveLength(site.reports.length);
    } finally {
      await context.close();
    }
  });

  it("without JavaScript shows the same table the script draws for the default view", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/compare/`);
    const plain = await tableRows(page);
    await context.close();
    const { page: scripted } = await visit("/compare/");
    try {
      await waitForView(scripted);
      expect(await tableRows(scripted)).toEqual(plain);
    } finally {
      await scripted.close();
    }
  });

  it("says in words that a jurisdiction of the URL is unknown, and draws no empty axis", async () => {
    const { page, errors } = await visit("/compare/?j=999999");
    try {
      await waitForView(page);
      expect(await page.locator("[data-notices]").textContent()).toContain("链接中的地区 999999 不在本站数据中");
      expect(await page.locator("[data-chart-box]").isVisible()).toBe(false);
      expect(await page.locator("[data-chart-message]").textContent()).toBe("没有可画的报告。");
      expect(await tableRows(page)).toEqual([["链接所选的地区或年度都不在本站数据中，因此没有可显示的报告。"]]);
      // The URL is left as it was, so a reload says the same.
      expect(new URL(page.url()).search).toBe("?j=999999");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  for (const width of [390, 1280]) {
    it(`passes axe with 0 violations and has no horizontal overflow at ${width} px`, async () => {
      const { page, errors } = await visit(`/compare/${VIEW}`, { width });
      try {
        await waitForView(page);
        // Open every part of the chooser, so its controls are checked too.
        for (const details of await page.locator("form[data-chooser] details").all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        expect(await axeViolations(page)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(await page.locator("h1").count()).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const width of [390, 1280]) {
    it(`passes axe with 0 violations as the no-JS page at ${width} px`, async () => {
      // axe needs scripts of its own, so the page's scripts are blocked instead: it renders as without JavaScript.
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.route("**/*.js", (route) => route.abort());
        await page.goto(`${site.server.url}/compare/`);
        expect(await page.evaluate(() => document.documentElement.classList.contains("js"))).toBe(false);
        expect(await page.locator("form[data-chooser]").isVisible()).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    });
  }
});
