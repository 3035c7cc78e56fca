/**
 * Report pages and source pages in Chromium against the built site, on a real
 * report of each format: every table as its format prints it at its place in
 * the body, cell by cell equal to the JSON, figures linked to their exact
 * characters on the source page, on a phone as well as a desktop.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, drawnPixels, visit as open } from "./page-tools.ts";
import { getTemplate } from "../../src/catalog/index.ts";
import { figureOf } from "../../src/report/figures.ts";
import { formatNumber } from "../../src/site/format.ts";
import { paths } from "../../src/site/paths.ts";
import { COMPUTED, STATUS_TEXT } from "../../src/site/printed-tables/labels.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const visit = (path: string, options?: { width?: number; allow404?: boolean }) => open(site, path, options);

const REPORTS = {
  dawukou2017: "640202-2017", // 2008 table
  pingtan2016: "x659039f5dea5-2016", // Fujian's table, crawler text on one line
  pingtan2020: "x659039f5dea5-2020", // 2019 format
  shuyang2023: "321322-development-reform-2023", // 2021 format, from its web page
  hongze2023: "320813-2023", // 2021 format, from its PDF
} as const;
const report = (id: string): Report => {
  const found = site.reports.find((r) => r.id === id);
  if (!found) throw new Error(`${id} is not in the built corpus`);
  return found;
};

/** What a cell must say for the report's figure of an indicator (never 0 for a null). */
function expectedCell(r: Report, indicator: string): { status: string; value: string; text: string } {
  const figure = figureOf(r, indicator);
  if (figure.kind === "absent") return { status: "absent", value: "", text: STATUS_TEXT.absent };
  if (figure.value !== null) return { status: figure.status, value: String(figure.value), text: formatNumber(figure.value) };
  const text = figure.kind === "derived" ? COMPUTED.missing : STATUS_TEXT[figure.status === "reported" ? "uncertain" : figure.status];
  return { status: figure.status, value: "", text };
}

/** Every cell of the page's statistics tables: id, status, value and the text of its figure. */
function pageCells(page: Page) {
  return page.$$eval("td.fig", (tds) =>
    tds.map((td) => ({
      id: td.id.slice("stat-".length),
      status: td.getAttribute("data-status"),
      value: td.getAttribute("data-value"),
      text: td.querySelector(".fig__value")?.firstChild?.textContent?.trim() ?? "",
      colspan: Number(td.getAttribute("colspan") ?? 1),
    })),
  );
}

/** The figures of the report's template that must each have a cell: printed indicators, and the computed group rows. */
function templateIds(r: Report): string[] {
  const template = getTemplate(r.template);
  return [...template.indicators.map((i) => i.id), ...template.derived.filter((d) => d.table !== null && template.tables.some((t) => t.layout === "matrix" && t.id === d.table && t.rows.some((row) => row.role === "group" && row.id === d.row) && t.columns.some((c) => c.id === d.column))).map((d) => d.id)];
}

async function headerText(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} thead tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").replace(/\s+/g, ""))));
}

describe("every table as its format prints it, cell by cell equal to the JSON", () => {
  for (const id of [REPORTS.pingtan2020, REPORTS.shuyang2023, REPORTS.hongze2023, REPORTS.dawukou2017, REPORTS.pingtan2016]) {
    it(`${id}: all tables of its format at their place, every cell as the JSON says`, async () => {
      const r = report(id);
      const { page, errors } = await visit(`/reports/${id}/`);
      try {
        const template = getTemplate(r.template);
        expect(await page.$$eval(".printed-table", (els) => els.map((e) => e.getAttribute("data-table")))).toEqual(template.tables.map((t) => t.id));
        const cells = await pageCells(page);
        const byId = new Map(cells.map((c) => [c.id, c]));
        const ids = templateIds(r);
        for (const indicator of ids) {
          const shown = byId.get(indicator);
          const expected = expectedCell(r, indicator);
          // A row the report lacks is one cell under its first id.
          if (!shown && expected.status === "absent") continue;
          expect(shown && { status: shown.status, value: shown.value, text: shown.text }, `${id} ${indicator}`).toEqual(expected);
        }
        expect(cells.filter((c) => c.status === "reported").length).toBe(ids.filter((i) => expectedCell(r, i).status === "reported").length);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("2021 (沭阳县发改局 2023): 表三 under 申请人情况 and 法人或其他组织, 表二's blocks with their own headers, 表四 under 行政复议 / 行政诉讼", async () => {
    const { page } = await visit(`/reports/${REPORTS.shuyang2023}/`);
    try {
      expect(await headerText(page, "#table-requests table")).toEqual([
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["自然人", "法人或其他组织", "总计"],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
      ]);
      const rowLabels = await page.$$eval("#table-requests tbody th", (ths) => ths.map((th) => th.textContent!.trim()));
      expect(rowLabels.slice(0, 6)).toEqual(["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开"]);
      // A figure's headers name its row and every header above its column.
      expect(await page.getAttribute("#stat-replies_granted__commercial", "headers")).toBe("h-requests-row-replies_granted h-requests-top h-requests-group1 h-requests-commercial");
      expect(await page.$$eval("#table-proactive table", (ts) => ts.map((t) => `${t.querySelector("caption")!.textContent!.trim()}: ${[...t.querySelectorAll("thead th")].map((th) => th.textContent!.trim()).join(" | ")}`))).toEqual([
        "第二十条第（一）项: 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数",
        "第二十条第（五）项: 信息内容 | 本年处理决定数量",
        "第二十条第（六）项: 信息内容 | 本年处理决定数量",
        "第二十条第（八）项: 信息内容 | 本年收费金额（单位：万元）",
      ]);
      expect(await page.$$eval("#table-appeals .header-row__over", (ps) => ps.map((p) => p.textContent!.trim()))).toEqual(["行政诉讼"]);
      expect(await page.$$eval("#table-appeals caption", (cs) => cs.map((c) => c.textContent!.replace(/\s+/g, " ").trim()))).toEqual(["行政复议", "行政诉讼 · 未经复议直接起诉", "行政诉讼 · 复议后起诉"]);
      // Each table right after the heading the report printed above it.
      const before = await page.$$eval(".printed-table", (els) =>
        els.map((el) => {
          let node: Element | null = el.previousElementSibling;
          while (node && !node.querySelector("h2") && node.tagName !== "H2") node = node.previousElementSibling;
          const headings = node ? [...(node.tagName === "H2" ? [node] : node.querySelectorAll("h2"))] : [];
          return headings.at(-1)?.textContent ?? null;
        }),
      );
      expect(before).toEqual(["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]);
    } finally {
      await page.close();
    }
  });

  it("2019 (平潭 2020): 表二's five blocks, 表三's computed group rows marked 计算, the failed check beside its cells", async () => {
    const { page } = await visit(`/reports/${REPORTS.pingtan2020}/`);
    try {
      expect(await page.$$eval("#table-proactive caption", (cs) => cs.map((c) => c.textContent!.trim()))).toEqual(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"]);
      const unavailable = page.locator("#stat-replies_unavailable__natural_person");
      expect(await unavailable.getAttribute("data-origin")).toBe("derived");
      expect(await unavailable.locator(".mark-computed").textContent()).toBe("计算");
      const glued = page.locator("#stat-normative_docs__new_made");
      expect(await glued.locator(".fig__value").first().textContent()).toContain("无法确定");
      expect(await glued.locator("details p").textContent()).toContain("原文各栏数字连在一起（7777166），有 7 种拆分");
      expect((await page.locator("#stat-replies_total__natural_person .badge--fail").textContent())?.trim()).toBe("勾稽不符");
      expect(await page.locator("#failed-checks li").count()).toBe(2);
    } finally {
      await page.close();
    }
  });

  it("2008 (大武口区 2017): the group rows in place, 1.–5. channels under （二）, not under 制发规范性文件总数", async () => {
    const { page } = await visit(`/reports/${REPORTS.dawukou2017}/`);
    try {
      const proactive = await page.$$eval("#table-statistics tbody:first-of-type tr", (trs) => trs.map((tr) => `${tr.className.includes("row--group") ? "[组] " : ""}${tr.querySelector("th")!.textContent!.trim()}`));
      expect(proactive).toEqual([
        "一、主动公开情况",
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
        "其中：主动公开规范性文件数",
        "制发规范性文件总数",
        "[组] （二）通过不同渠道和方式公开政府信息的情况",
        "1. 政府公报公开政府信息数",
        "2. 政府网站公开政府信息数",
        "3. 政务微博公开政府信息数",
        "4. 政务微信公开政府信息数",
        "5. 其他方式公开政府信息数",
      ]);
      expect(await page.$$eval("#table-statistics tbody:nth-of-type(2) th", (ths) => ths.map((th) => th.textContent!.trim()).slice(0, 3))).toEqual([
        "二、回应解读情况",
        "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
        "（二）通过不同渠道和方式回应解读的情况",
      ]);
      // Indented as printed: the channels one level under the group row.
      const pad = await page.$$eval("#table-statistics tbody:first-of-type th", (ths) => ths.map((th) => parseFloat(getComputedStyle(th).paddingLeft)));
      expect(pad[5]).toBeGreaterThan(pad[4]!);
      expect(pad[4]).toBe(pad[3]);
    } finally {
      await page.close();
    }
  });

  it("tells 未填报, 无法确定 and 报告中没有此项 apart, and never shows 0 for a null", async () => {
    for (const [id, indicator, word] of [
      [REPORTS.shuyang2023, "requests_received__commercial", "未填报"],
      [REPORTS.pingtan2020, "licensing__prev_year_items", "无法确定"],
      [REPORTS.pingtan2016, "requests_fax", "报告中没有此项"],
    ] as const) {
      const { page } = await visit(`/reports/${id}/`);
      try {
        const cell = page.locator(`#stat-${indicator}`);
        expect(await cell.locator(".fig__value").first().textContent(), indicator).toContain(word);
        expect(await cell.getAttribute("data-value")).toBe("");
        const nulls = (await pageCells(page)).filter((c) => c.value === "");
        expect(nulls.length).toBeGreaterThan(0);
        expect(nulls.filter((c) => /^\d/.test(c.text))).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it("shows the key figures from concepts, linked to their cells", async () => {
    const { page } = await visit(`/reports/${REPORTS.shuyang2023}/`);
    try {
      const cards = await page.$$eval(".key-figures li", (lis) => lis.map((li) => `${li.getAttribute("data-concept")}=${li.getAttribute("data-value")}→${li.querySelector("a.stat-card__value")?.getAttribute("href")}`));
      expect(cards).toEqual([
        "requests_received=26→#stat-requests_received__total",
        "replies_granted=26→#stat-replies_granted__total",
        "replies_denied=0→#stat-replies_denied__total",
        "reconsideration_total=1→#stat-reconsideration__total",
        "litigation_total=0→undefined",
      ]);
    } finally {
      await page.close();
    }
  });
});

describe("each figure linked to its exact place in the original", () => {
  it("平潭 2016's crawler text holds the report on one line: the link highlights exactly the figure's digits on it", async () => {
    const { page, errors } = await visit(`/reports/${REPORTS.pingtan2016}/`);
    try {
      const link = page.locator("#stat-proactive_total a.fig__value");
      expect(await link.getAttribute("href")).toBe(`/reports/${REPORTS.pingtan2016}/source/#S5271-5275`);
      await link.click();
      await page.waitForURL("**/source/#S5271-5275");
      const target = page.locator(":target");
      expect(await target.getAttribute("id")).toBe("S5271-5275");
      expect(await target.textContent()).toBe("3460");
      // On line 10, which is the whole report (thousands of characters), wrapped, not scrolled sideways.
      const line = page.locator("li#L10");
      expect(((await line.textContent()) ?? "").length).toBeGreaterThan(5000);
      expect(await target.evaluate((el) => el.closest("li")?.id)).toBe("L10");
      expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 224, 102)");
      // The glued neighbour (85376, 历年累计) is not highlighted.
      expect(await page.locator("#S5275-5280").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
      const box = await target.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("every figure of a web page and of a PDF links to a span on its source page that holds exactly what was printed", async () => {
    for (const id of [REPORTS.shuyang2023, REPORTS.hongze2023]) {
      const r = report(id);
      const { page } = await visit(`/reports/${id}/source/`);
      try {
        const spans = new Map(await page.$$eval(".src-fig", (els) => els.map((el) => [el.id, el.textContent ?? ""] as [string, string])));
        for (const s of r.statistics.filter((s) => s.origin === "table")) expect(spans.get(`S${s.span.start}-${s.span.end}`), `${id} ${s.indicator}`).toBe(s.raw);
      } finally {
        await page.close();
      }
    }
  });

  it("a blank cell's place is marked where the page's source has it", async () => {
    const { page } = await visit(`/reports/${REPORTS.shuyang2023}/source/#S31592-31592`);
    try {
      const target = page.locator(":target");
      expect(await target.getAttribute("class")).toBe("src-fig src-fig--empty");
      expect((await target.boundingBox())!.width).toBeGreaterThan(10);
      expect(await target.getAttribute("title")).toContain("本年新收申请 · 商业企业：未填报");
    } finally {
      await page.close();
    }
  });
});

describe("original files", () => {
  it("offers each form of a report for download, bytes as published", async () => {
    for (const r of [report(REPORTS.hongze2023), report(REPORTS.shuyang2023)]) {
      for (const { file, sha256 } of [r.source, ...r.source.alternatives]) {
        // A saved web page is published as text (.html.txt), never as a page of the site.
        const published = /\.html?$/.test(file) ? `${file}.txt` : file;
        expect(paths.originalFile(file)).toBe(`/downloads/sources/${encodeURIComponent(published)}`);
        const response = await fetch(`${site.server.url}${paths.originalFile(file)}`);
        expect(response.headers.get("content-type"), file).toMatch(/^(?:application\/pdf|text\/plain)/);
        expect(response.status, file).toBe(200);
        expect(createHash("sha256").update(Buffer.from(await response.arrayBuffer())).digest("hex"), file).toBe(sha256);
      }
    }
    const { page } = await visit(`/reports/${REPORTS.hongze2023}/`);
    try {
      expect(await page.$$eval(".source-forms tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("th a, td")].map((c) => c.textContent!.trim()).join(" | ")))).toEqual([
        "jiangsu-hongze-2023.pdf | PDF | 286.6 KB | 本页数字读自此文件",
        "jiangsu-hongze-2023.txt | 文本 | 8.4 KB | 数字一致",
      ]);
      expect(await page.getAttribute(".source-forms tbody tr:first-child a", "href")).toBe("/downloads/sources/jiangsu-hongze-2023.pdf");
      expect(await page.getAttribute(".source-forms tbody tr:first-child a", "download")).toBe("jiangsu-hongze-2023.pdf");
    } finally {
      await page.close();
    }
  });
});

describe("on a phone", () => {
  it("no report page of any format overflows at 390 px; the matrix scrolls in its box, says so, and keeps its row labels in view", async () => {
    for (const id of Object.values(REPORTS)) {
      const { page } = await visit(`/reports/${id}/`, { width: 390 });
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), id).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    }
    const { page } = await visit(`/reports/${REPORTS.shuyang2023}/`, { width: 390 });
    try {
      const box = page.locator("#table-requests .printed-table__scroll");
      const size = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(size.scroll).toBeGreaterThan(size.client + 200);
      expect(await page.locator("#table-requests .printed-table__hint").isVisible()).toBe(true);
      const label = page.locator("#table-requests tbody th").first();
      const before = (await label.boundingBox())!.x;
      await box.evaluate((el) => el.scrollBy(200, 0));
      expect(await box.evaluate((el) => el.scrollLeft)).toBe(200);
      expect((await label.boundingBox())!.x).toBe(before);
      // The 2008 table fits: no sign that it scrolls.
      const { page: narrow } = await visit(`/reports/${REPORTS.dawukou2017}/`, { width: 1280 });
      expect(await narrow.locator("#table-statistics .printed-table__hint").isVisible()).toBe(false);
      await narrow.close();
    } finally {
      await page.close();
    }
  });
});

describe("accessibility", () => {
  for (const width of [390, 1280]) {
    it(`report pages of every format and source pages have no axe violations at ${width} px`, async () => {
      const paths = [...Object.values(REPORTS).map((id) => `/reports/${id}/`), `/reports/${REPORTS.pingtan2016}/source/#S5271-5275`, `/reports/${REPORTS.shuyang2023}/source/`];
      for (const path of paths) {
        const { page, errors } = await visit(path, { width });
        try {
          expect(await axeViolations(page), path).toEqual([]);
          expect(errors, path).toEqual([]);
        } finally {
          await page.close();
        }
      }
    });
  }
});

describe("report pages", () => {
  it("every table-of-contents entry of every report points at an element on the page", async () => {
    for (const r of site.reports) {
      const { page } = await visit(`/reports/${r.id}/`);
      try {
        const missing = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLAnchorElement>(".toc a[href^='#']")]
            .map((a) => decodeURIComponent(a.hash.slice(1)))
            .filter((id) => document.getElementById(id) === null),
        );
        expect(missing, r.id).toEqual([]);
        expect(await page.locator(".toc a").count(), r.id).toBeGreaterThanOrEqual(r.headings.length + 3);
        // Every in-page link goes somewhere (key figures, checks, versions to cells).
        const broken = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLAnchorElement>("main a[href^='#']")].map((a) => decodeURIComponent(a.hash.slice(1))).filter((id) => id !== "" && document.getElementById(id) === null),
        );
        expect(broken, r.id).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});

describe("charts", () => {
  it("report page draws its charts on canvas and keeps the data tables in the HTML", async () => {
    const { page } = await visit(`/reports/${REPORTS.hongze2023}/`);
    try {
      const figures = page.locator("figure[data-chart]");
      expect(await figures.count()).toBe(3);
      expect(await drawnPixels(page, "figure[data-chart] canvas")).toBeGreaterThan(500);
      expect(await figures.first().locator("table tbody tr").count()).toBe(6);
    } finally {
      await page.close();
    }
  });

  it("without JavaScript the chart tables are visible and canvases hidden", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}/reports/${REPORTS.hongze2023}/`);
      expect(await page.locator("figure[data-chart] table").first().isVisible()).toBe(true);
      expect(await page.locator(".chart__canvas").first().isVisible()).toBe(false);
      // The tables are all there without JavaScript.
      expect(await page.locator("td.fig").count()).toBeGreaterThan(200);
    } finally {
      await context.close();
    }
  });
});
