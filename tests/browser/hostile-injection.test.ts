/**
 * Proof in a real browser that hostile source text stays text: the injection
 * fixture (tests/hostile/fixtures/hostile-injection.txt) goes through the real
 * converter, its body through the site's renderReportBody and bodySegments and
 * its statistics through the site's printed tables (every text a cell shows:
 * its figure or status word, the raw cell in its title, its note, the label as
 * printed, rows the format lacks); the page is loaded into headless Chromium,
 * where no dialog may open, no script may run, no console error or page error
 * may fire, and every hostile string must be on the page as text.
 * (Needs no built site; a full-site variant comes with alternate content dirs.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { bodySegments, renderReportBody } from "../../src/site/render-report-body.ts";
import { cellsOf, printedTables, rowsOf } from "../../src/site/statistics-table.ts";
import type { Report } from "../../src/schema/report.ts";
import { convertInjectionFixture, VISIBLE_IN_BODY, VISIBLE_IN_STATISTICS } from "../hostile/injection-cases.ts";
import { launchChromium } from "./chromium.ts";

/** What Astro does to every {expression} in a template: escape for HTML text and attributes. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The printed tables with every text their components show (src/components/FigureCell.astro, statistics/*.astro). */
function statisticsHtml(report: Report): string {
  return printedTables(report)
    .map((table) => {
      const labels = rowsOf(table).map((r) => `<tr><th>${escapeHtml(r.label)}${r.printedAs ? `<span>报告印作：${escapeHtml(r.printedAs)}</span>` : ""}</th></tr>`);
      const cells = cellsOf(table).map(
        (c) =>
          `<td id="stat-${escapeHtml(c.indicator)}" title="${escapeHtml(`${c.label}；原文印为「${c.source?.raw ?? ""}」`)}">${escapeHtml(c.text)}` +
          (c.note ? `<details open><summary>注</summary><p>${escapeHtml(c.note)}</p></details>` : "") +
          (c.sentence ? `<p>「${escapeHtml(c.sentence)}」</p>` : "") +
          "</td>",
      );
      const extra = table.extraRows.map((r) => `<tr><th>${escapeHtml(r.label)}</th><td>${escapeHtml(r.raw)}</td></tr>`);
      return `<table><caption>${escapeHtml(table.title)}</caption>${labels.join("")}<tr>${cells.join("")}</tr>${extra.join("")}</table>`;
    })
    .join("");
}

function pageHtml(report: Report, mdx: string): string {
  const body = bodySegments(renderReportBody(mdx, "hostile-injection.mdx"))
    .map((s) => (s.kind === "html" ? s.html : statisticsHtml(report)))
    .join("");
  return [
    "<!doctype html><html lang=zh-CN><head><meta charset=utf-8>",
    // No Content-Security-Policy here (the site's pages have one): this tests the escaping alone.
    `<title>${escapeHtml(report.title)}</title></head><body>`,
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<article>${body}</article>`,
    "</body></html>",
  ].join("");
}

/** The hostile strings of VISIBLE_IN_STATISTICS that reach the report's statistics (raw cells, notes, labels, extra rows). */
function hostileInStatistics(report: Report): string[] {
  const texts = [...report.statistics.flatMap((s) => [s.raw, s.note ?? "", s.label]), ...report.extraRows.flatMap((r) => [r.label, r.raw])].join("\n");
  return VISIBLE_IN_STATISTICS.filter((v) => texts.includes(v));
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
    const { report, mdx } = await convertInjectionFixture();
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
    // The text adapter takes HTML comments out of plain text (src/converter/input/text/comments.ts), so this line reaches the body without them.
    const commented = "<!-- 注释 --> 与 --> 与 <!-- 都应是文字。";
    expect(dom.text).toContain("与 --> 与 都应是文字。");
    for (const visible of VISIBLE_IN_BODY.filter((v) => v !== commented)) expect(dom.text, visible).toContain(visible);
    const inStatistics = hostileInStatistics(report);
    expect(inStatistics).toContain("45<script>alert(11)</script>");
    for (const visible of inStatistics) expect(dom.text, visible).toContain(visible);
    // The raw cell is in the cell's title too, as text.
    expect(await page.getAttribute("#stat-complaints_total", "title")).toBe("举报投诉数量；原文印为「45<script>alert(11)</script>」");
    await page.close();
  });
});
