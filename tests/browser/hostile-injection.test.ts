/**
 * Proof in a real browser that hostile source text stays text: the injection
 * fixture (tests/hostile/fixtures/hostile-injection.txt) goes through the real
 * converter, its body through the site's renderReportBody and its statistics
 * through the site's statisticsTable data; the page is loaded into headless
 * Chromium, where no dialog may open, no script may run, no console error or
 * page error may fire, and every hostile string must be visible as text.
 * (Needs no built site; a full-site variant comes with alternate content dirs.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { renderReportBody, splitAtStatistics } from "../../src/site/render-report-body.ts";
import { statisticsTable } from "../../src/site/statistics-table.ts";
import type { Report } from "../../src/schema/report.ts";
import { convertInjectionFixture, VISIBLE_IN_BODY, VISIBLE_IN_STATISTICS } from "../hostile/injection-cases.ts";
import { launchChromium } from "./chromium.ts";

/** What Astro does to every {expression} in a template: escape for HTML text and attributes. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The statistics table as the report page lays it out, from the site's own data function. */
function statisticsHtml(report: Report): string {
  const rows = statisticsTable(report).flatMap((section) => [
    `<tr><th colspan="3">${escapeHtml(section.label)}</th></tr>`,
    ...(section.headline ? [section.headline, ...section.rows] : section.rows).map((row) => {
      const figure = row.figure;
      const cell =
        figure.kind === "absent"
          ? "未报告"
          : figure.kind === "derived"
            ? `${figure.value ?? "未报告"}`
            : `${figure.statistic.value ?? "未报告"}<small title="${escapeHtml(figure.statistic.note ?? "")}">${escapeHtml(figure.statistic.raw)} · ${escapeHtml(figure.statistic.label)}</small>`;
      return `<tr><td>${escapeHtml(row.indicator.label)}</td><td>${escapeHtml(row.indicator.unit)}</td><td>${cell}</td></tr>`;
    }),
  ]);
  const diagnostics = report.diagnostics.map((d) => `<li>${escapeHtml(d.message)}</li>`).join("");
  return `<table>${rows.join("")}</table><ul class="diagnostics">${diagnostics}</ul>`;
}

function pageHtml(report: Report, mdx: string): string {
  const { before, after } = splitAtStatistics(renderReportBody(mdx, "hostile-injection.mdx"));
  return [
    "<!doctype html><html lang=zh-CN><head><meta charset=utf-8>",
    // No Content-Security-Policy here (the site's pages have one): this tests the escaping alone.
    `<title>${escapeHtml(report.title)}</title></head><body>`,
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<article>${before}${statisticsHtml(report)}${after ?? ""}</article>`,
    "</body></html>",
  ].join("");
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("hostile source text in a real browser", () => {
  it("runs nothing and shows every hostile string as text", async () => {
    const { report, mdx } = convertInjectionFixture();
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.setContent(pageHtml(report, mdx), { waitUntil: "load" });
    await page.waitForTimeout(300); // onerror/onload handlers fire asynchronously

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll("script, iframe, svg, img, object, embed, style").length,
      handlers: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      jsLinks: [...document.querySelectorAll("[href], [src]")].map((el) => el.getAttribute("href") ?? el.getAttribute("src")).filter((u) => /^\s*javascript:/i.test(u ?? "")),
      title: document.title,
      text: document.body.innerText,
    }));
    expect(dom.scripts).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.jsLinks).toEqual([]);
    expect(dom.title).toBe("红寺堡区2018年政府信息公开工作年度报告{alert(0)}");
    for (const visible of [...VISIBLE_IN_BODY, ...VISIBLE_IN_STATISTICS]) expect(dom.text, visible).toContain(visible);
    await page.close();
  });
});
