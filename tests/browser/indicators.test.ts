/**
 * Indicator pages in Chromium against the built site: an id the 2019 and
 * 2021 formats share (one series, each row's format shown, values from the
 * JSON), the view restored from its URL (selection, sort, chart, the CSV of
 * exactly the rows shown), a reported 0 and a blank figure drawn differently
 * on the canvas, an unknown jurisdiction in the URL said in words, and the
 * page without JavaScript.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./built-site.ts";
import { drawnPixels, visit as open } from "./page-tools.ts";
import { figureOf } from "../../src/report/figures.ts";
import { parseCsv } from "../../src/site/datasets/csv.ts";
import { NO_VALUE_COLOUR, yearColour } from "../../src/site/chart-spec.ts";
import { templateMark } from "../../src/site/series/templates.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number }) => open(site, path, options);

interface Mark {
  series: number;
  index: number;
  state: string;
  mark: "zero" | "value" | "blank";
  x: number;
  y: number;
}

async function marks(page: Page, selector = "canvas[data-view-canvas]"): Promise<Mark[]> {
  await page.waitForFunction((sel) => document.querySelector<HTMLCanvasElement>(sel)?.dataset.marks !== undefined, selector);
  return JSON.parse((await page.locator(selector).getAttribute("data-marks"))!) as Mark[];
}

/** The opaque colours (#rrggbb) drawn in a box of ±radius CSS pixels around a point of the canvas. */
async function coloursAround(page: Page, selector: string, x: number, y: number, radius: number): Promise<Set<string>> {
  const colours = await page.evaluate(
    ({ sel, x, y, radius }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(sel)!;
      const scale = canvas.width / canvas.clientWidth;
      const size = Math.round(radius * 2 * scale);
      const data = canvas.getContext("2d")!.getImageData(Math.round((x - radius) * scale), Math.round((y - radius) * scale), size, size).data;
      const found: string[] = [];
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! < 250) continue;
        found.push(`#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`);
      }
      return found;
    },
    { sel: selector, x, y, radius },
  );
  return new Set(colours);
}

const rowsOf = (page: Page) => page.locator("tbody[data-view-rows] tr");

describe("an indicator the 2019 and 2021 formats share", () => {
  it("lists every report of both formats with its format and the JSON's value", async () => {
    const id = "requests_received__total";
    const expected = site.reports.filter((r) => r.template === "national-2019" || r.template === "national-2021");
    expect(new Set(expected.map((r) => r.template))).toEqual(new Set(["national-2019", "national-2021"]));
    const { page, errors } = await visit(`/indicators/${id}/`);
    try {
      await page.waitForFunction(() => document.querySelector("[data-count]")?.textContent !== "");
      expect(await rowsOf(page).count()).toBe(expected.length);
      for (const report of expected) {
        const row = page.locator(`tbody[data-view-rows] tr[data-report="${report.id}"]`);
        const cells = await row.locator("th, td").allTextContents();
        expect(cells[3]!.trim(), report.id).toBe(`${templateMark(report.template).symbol} ${templateMark(report.template).short}`);
        const figure = figureOf(report, id);
        expect(figure.kind, report.id).toBe("statistic");
        expect(cells[4]!.trim(), report.id).toBe(String(figure.kind === "statistic" ? figure.value : ""));
      }
      // Both formats are named in the definition, and the lede reads Chinese first.
      const formats = await page.locator(".definition [data-template]").allTextContents();
      expect(formats.map((t) => t.trim())).toEqual(["▲2019年全国格式（2019—2020）", "■2021年全国格式（2021年起）"]);
      const lede = (await page.locator(".lede").textContent())!.trim();
      expect(lede.startsWith("2019年全国格式、2021年全国格式统计表中的「")).toBe(true);
      expect(await page.locator('.lede [lang="en"]').textContent()).toBe("New requests received this year: Total");
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("the indicator view", () => {
  it("restores selection and sort from the URL: boxes ticked, rows filtered and sorted, chart drawn, CSV equal to the table", async () => {
    const id = "requests_received__total";
    const pingtan = site.reports.filter((r) => r.jurisdiction.id === "x659039f5dea5" && r.department === null && (r.year === 2022 || r.year === 2025));
    const { page, errors } = await visit(`/indicators/${id}/?j=x659039f5dea5&y=2022,2025&sort=-value`);
    try {
      await page.waitForFunction(() => document.querySelector("[data-count]")?.textContent !== "");
      expect(await page.locator('input[name="j"][value="x659039f5dea5"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="y"][value="2022"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="y"][value="2025"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="y"][value="2020"]').isChecked()).toBe(false);
      const byValue = pingtan.map((r) => ({ id: r.id, value: figureOf(r, id).kind === "statistic" ? (figureOf(r, id) as { value: number }).value : null })).sort((a, b) => b.value! - a.value!);
      expect(await rowsOf(page).evaluateAll((rows) => rows.map((r) => r.getAttribute("data-report")))).toEqual(byValue.map((r) => r.id));
      expect(await page.locator('th[data-sort-column="value"]').getAttribute("aria-sort")).toBe("descending");
      expect(await drawnPixels(page, "canvas[data-view-canvas]")).toBeGreaterThan(200);
      expect((await marks(page)).filter((m) => m.mark !== "blank")).toHaveLength(2);
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator("button[data-download-selection]").click()]);
      expect(download.suggestedFilename()).toBe(`${id}-jx659039f5dea5-y2022_2025.csv`);
      const [header, ...records] = parseCsv(await readFile((await download.path())!, "utf8"));
      expect(header!.slice(0, 2)).toEqual(["indicator", "report_id"]);
      expect(records.map((r) => [r[1], r[7]])).toEqual(byValue.map((r) => [r.id, String(r.value)]));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("changing the form and clicking a column head update the table and write the view to the URL", async () => {
    const { page } = await visit("/indicators/requests_received/");
    try {
      await page.waitForFunction(() => document.querySelector("[data-count]")?.textContent !== "");
      const all = site.reports.filter((r) => r.template === "national-2008" || r.template === "fujian-2008");
      expect(await rowsOf(page).count()).toBe(all.length);
      await page.locator('input[name="y"][value="2018"]').check();
      await page.waitForURL("**/indicators/requests_received/?y=2018");
      expect(await rowsOf(page).count()).toBe(all.filter((r) => r.year === 2018).length);
      await page.locator('th[data-sort-column="value"] button').click();
      await page.waitForURL("**/indicators/requests_received/?y=2018&sort=-value");
      const values = (await rowsOf(page).locator("td:nth-child(5)").allTextContents()).map((t) => Number(t.replace(/[^\d.]/g, "")));
      expect(values).toEqual([...values].sort((a, b) => b - a));
      await page.locator('th[data-sort-column="value"] button').click();
      await page.waitForURL("**/indicators/requests_received/?y=2018&sort=value");
      expect(await page.locator('th[data-sort-column="value"]').getAttribute("aria-sort")).toBe("ascending");
    } finally {
      await page.close();
    }
  });

  it("draws a reported 0 and a blank figure differently: a stub in the year's colour, a grey dashed box", async () => {
    // 2023's 科研机构 requests: 洪泽区 prints 0, 沭阳县发展和改革局 leaves the cell blank.
    const id = "requests_received__research";
    const zero = site.reports.find((r) => r.id === "320813-2023")!;
    const blank = site.reports.find((r) => r.id === "321322-development-reform-2023")!;
    expect([figureOf(zero, id), figureOf(blank, id)].map((f) => (f.kind === "statistic" ? [f.status, f.value] : f.kind))).toEqual([
      ["reported", 0],
      ["not_reported", null],
    ]);
    const { page, errors } = await visit(`/indicators/${id}/?y=2023`);
    try {
      const drawn = await marks(page);
      expect(drawn.map((m) => [m.index, m.state, m.mark])).toEqual([
        [0, "value", "zero"],
        [1, "not_reported", "blank"],
      ]);
      const year = yearColour(2023);
      const atZero = await coloursAround(page, "canvas[data-view-canvas]", drawn[0]!.x, drawn[0]!.y, 2);
      const atBlank = await coloursAround(page, "canvas[data-view-canvas]", drawn[1]!.x, drawn[1]!.y, 7);
      expect(atZero.has(year)).toBe(true);
      expect(atZero.has(NO_VALUE_COLOUR)).toBe(false);
      expect(atBlank.has(NO_VALUE_COLOUR)).toBe(true);
      expect(atBlank.has(year)).toBe(false);
      const values = await rowsOf(page).locator("td:nth-child(5)").allTextContents();
      expect(values.map((t) => t.trim())).toEqual(["0", "未报告"]);
      const legend = await page.locator("[data-chart-legend] li").allTextContents();
      expect(legend.map((t) => t.trim())).toEqual(["▁0：基线上的粗短线，标着 0", "×未报告：基线上的灰色虚线框"]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("says in words that the URL names a jurisdiction the data does not have, instead of an empty axis", async () => {
    const { page, errors } = await visit("/indicators/requests_received/?j=999999");
    try {
      await page.waitForFunction(() => document.querySelector("[data-view-messages]")?.textContent !== "");
      const messages = (await page.locator("[data-view-messages] p").allTextContents()).map((t) => t.trim());
      expect(messages).toEqual([
        "网址中的地区 999999 在本指标的数据中没有：本站没有收录这个地区，或它的报告所用的统计表格式没有这一指标。",
        "没有符合所选地区和年度的报告，因此没有图表。点「全部显示」可看全部报告。",
      ]);
      expect(await page.locator("[data-view-figure]").isVisible()).toBe(false);
      expect((await rowsOf(page).allTextContents()).map((t) => t.trim())).toEqual(["没有符合所选地区和年度的报告。"]);
      expect(await page.locator("button[data-download-selection]").isDisabled()).toBe(true);
      await page.locator("button[data-clear]").click();
      await page.waitForURL("**/indicators/requests_received/");
      expect(await page.locator("[data-view-messages] p").count()).toBe(0);
      expect(await page.locator("[data-view-figure]").isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("without JavaScript lists every row and shows nothing that needs the script", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}/indicators/requests_received__total/?j=x659039f5dea5`);
      const all = site.reports.filter((r) => r.template === "national-2019" || r.template === "national-2021");
      expect(await rowsOf(page).count()).toBe(all.length);
      expect(await page.locator("th[data-sort-column] button").count()).toBe(0);
      for (const selector of ["[data-view-figure]", "button[data-download-selection]", "button[data-clear]", ".view-table__hint"]) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false);
      }
      expect(await page.locator('form.filters button[type="submit"]').isVisible()).toBe(true);
      expect(await page.locator('a[href="/downloads/indicators/requests_received__total.csv"]').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
