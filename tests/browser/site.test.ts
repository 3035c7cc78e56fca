/**
 * The whole built site, page type by page type, as a reader meets it: at
 * 390 px (a phone) and 1280 px, with and without JavaScript; then every link
 * of every page, and the build's own files (robots.txt, sitemap.xml).
 *
 * The page types are the pages of src/site/paths.ts: a test below fails when
 * a path is added there without being listed here as a page or as a file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "parse5";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { allIndicators, CONCEPTS, TEMPLATES } from "../../src/catalog/index.ts";
import { paths } from "../../src/site/paths.ts";
import { sitePages } from "../../src/site/sitemap.ts";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, visit as open } from "./page-tools.ts";
import type { Report } from "../../src/schema/report.ts";

const site = useBuiltSite();
const WIDTHS = [390, 1280] as const;
/** The test build's configured address, if any (astro.config.mjs reads the same variable). */
const SITE_URL = process.env.SITE_URL?.trim() || undefined;

const ofTemplate = (template: string): Report => {
  const found = site.reports.find((r) => r.template === template);
  if (!found) throw new Error(`no report of template ${template} in the corpus`);
  return found;
};
const pdfReport = (): Report => site.reports.find((r) => r.source.form === "pdf") ?? site.reports[0]!;

type PathName = keyof typeof paths;

/** Every page type, with the path of one real page of it. */
const PAGE_TYPES: { name: string; key: PathName; path: () => string }[] = [
  { name: "home", key: "home", path: () => paths.home },
  { name: "report list", key: "reports", path: () => paths.reports },
  ...TEMPLATES.map((t) => ({ name: `report (${t.id})`, key: "report" as const, path: () => paths.report(ofTemplate(t.id).id) })),
  { name: "source text", key: "source", path: () => paths.source(ofTemplate("national-2008").id) },
  { name: "source text of a PDF", key: "source", path: () => paths.source(pdfReport().id) },
  { name: "indicator catalog", key: "indicators", path: () => paths.indicators },
  { name: "indicator", key: "indicator", path: () => paths.indicator(allIndicators()[0]!.indicator.id) },
  { name: "concept list", key: "concepts", path: () => paths.concepts },
  { name: "concept", key: "concept", path: () => paths.concept(CONCEPTS[0]!.id) },
  { name: "comparison", key: "compare", path: () => paths.compare },
  { name: "jurisdiction list", key: "jurisdictions", path: () => paths.jurisdictions },
  { name: "jurisdiction", key: "jurisdiction", path: () => paths.jurisdiction(site.reports[0]!.jurisdiction.id) },
  { name: "search", key: "search", path: () => paths.search },
  { name: "about", key: "about", path: () => paths.about },
  { name: "downloads", key: "downloads", path: () => paths.downloads },
];

/** Paths that are not page types of their own: files, and places within a page type above. */
const NOT_PAGE_TYPES: Record<Exclude<PathName, (typeof PAGE_TYPES)[number]["key"]>, string> = {
  sourceLine: "a line of the source page (checked by the link crawl)",
  sourceSpan: "a span of the source page (checked by the link crawl)",
  indicatorPage: "further pages of the indicator page type",
  originalFile: "a file: the original as published",
  indicatorValues: "a file: JSON",
  reportCsv: "a file: CSV",
  reportJson: "a file: JSON",
  indicatorCsv: "a file: CSV",
  indicatorJson: "a file: JSON",
};

it("lists every path of src/site/paths.ts as a page type or as something else", () => {
  const listed = new Set<string>([...PAGE_TYPES.map((p) => p.key), ...Object.keys(NOT_PAGE_TYPES)]);
  expect(Object.keys(paths).filter((key) => !listed.has(key))).toEqual([]);
});

/** Scrolling containers that overflow sideways without saying so, and how far the page itself overflows. */
async function overflow(page: Page): Promise<{ page: number; unmarked: string[] }> {
  return page.evaluate(() => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
    const visible = (el: HTMLElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const unmarked = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => {
        const style = getComputedStyle(el);
        if (style.overflowX !== "auto" && style.overflowX !== "scroll") return false;
        if (el.scrollWidth <= el.clientWidth + 1 || !visible(el)) return false;
        const hint = el.previousElementSibling;
        // Either sign: the line src/site/client/table-scroll.ts puts above a .table-scroll that overflows,
        // or a printed table's own hint, which its stylesheet shows only while the box can scroll.
        const scriptSign = el.hasAttribute("data-overflowing") && hint instanceof HTMLElement && hint.classList.contains("table-scroll__hint");
        const printedSign = hint instanceof HTMLElement && hint.classList.contains("printed-table__hint");
        const marked = (scriptSign || printedSign) && visible(hint as HTMLElement);
        return !marked;
      })
      .map(describe);
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, unmarked };
  });
}

describe.each(PAGE_TYPES)("$name", ({ path }) => {
  for (const width of WIDTHS) {
    it(`at ${width} px: renders with one h1, no console errors, no axe violations${width === 390 ? ", no horizontal overflow" : ""}`, async () => {
      const { page, errors } = await open(site, path(), { width });
      try {
        expect(await page.locator("h1").count()).toBe(1);
        expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
        const canonical = page.locator('link[rel="canonical"]');
        if (SITE_URL) expect(await canonical.getAttribute("href")).toBe(new URL(path(), SITE_URL).href);
        else expect(await canonical.count()).toBe(0);
        expect(errors).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        const measured = await overflow(page);
        if (width === 390) expect(measured.page).toBeLessThanOrEqual(0);
        expect(measured.unmarked, "containers that scroll sideways without a sign").toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("without JavaScript: readable at 390 px, with no control that needs a script", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    try {
      const page = await context.newPage();
      const response = await page.goto(site.server.url + path());
      expect(response?.status()).toBe(200);
      expect(await page.locator("h1").count()).toBe(1);
      const dead = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button[type="button"], .js-only')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 30)}`),
      );
      expect(dead, "buttons and JS-only controls shown without JavaScript").toEqual([]);
      expect((await overflow(page)).page).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});

describe("the not-found page", () => {
  for (const width of WIDTHS) {
    it(`is served for an unknown path and passes axe at ${width} px`, async () => {
      const { page, errors } = await open(site, "/no-such-page/", { width, allow404: true });
      try {
        expect(await page.locator("h1").textContent()).toBe("页面不存在");
        expect(errors).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        expect((await overflow(page)).page).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    });
  }
});

describe("the site's frame", () => {
  it("marks the current section in the nav, and the skip link targets main", async () => {
    const { page } = await open(site, paths.indicators);
    try {
      expect((await page.locator('.site-nav a[aria-current="page"]').textContent())?.trim()).toBe("指标");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#main");
    } finally {
      await page.close();
    }
  });

  it("shows every nav item on a phone, none hidden behind a scroll", async () => {
    const { page } = await open(site, paths.home, { width: 390 });
    try {
      const items = await page.locator(".site-nav a").evaluateAll((links) =>
        links.map((a) => {
          const box = a.getBoundingClientRect();
          return { text: a.textContent?.trim(), inside: box.left >= 0 && box.right <= document.documentElement.clientWidth && box.width > 0 };
        }),
      );
      expect(items.map((i) => i.text)).toEqual(["首页", "年报", "指标", "对比", "地区", "搜索", "下载", "关于"]);
      expect(items.filter((i) => !i.inside)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("sorts the report list by a column once scripts run, and filters it by format", async () => {
    const { page } = await open(site, paths.reports);
    try {
      const years = () => page.locator("#report-table tbody tr:not([hidden]) td:nth-child(3)").allTextContents();
      await page.getByRole("button", { name: "年度" }).click();
      const ascending = (await years()).map((y) => Number(y.trim()));
      expect(ascending).toEqual([...site.reports.map((r) => r.year)].sort((a, b) => a - b));
      await page.selectOption("#filter-template", "fujian-2008");
      expect(await page.locator("#report-table tbody tr:not([hidden])").count()).toBe(site.reports.filter((r) => r.template === "fujian-2008").length);
      expect(await page.locator("#filter-count").textContent()).toBe(`显示 ${site.reports.filter((r) => r.template === "fujian-2008").length} / ${site.reports.length} 份`);
    } finally {
      await page.close();
    }
  });

  it("completes the citations' addresses in the browser when the build knows no site address", async () => {
    const { page } = await open(site, paths.about);
    try {
      const cited = await page.locator("blockquote a").first().textContent();
      expect(cited).toBe(SITE_URL ? new URL(paths.report("640202-2017"), SITE_URL).href : `${site.server.url}${paths.report("640202-2017")}`);
    } finally {
      await page.close();
    }
  });
});

/** Every file of dist/, relative, with / separators. */
function distFiles(dir = "dist"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? distFiles(path) : [relative("dist", path).split("\\").join("/")];
  });
}

interface Link {
  from: string;
  href: string;
}

/** The href and src of every element of an HTML file. */
function linksOf(file: string): Link[] {
  const from = `/${file.replace(/index\.html$/, "")}`;
  const links: Link[] = [];
  const walk = (node: { attrs?: { name: string; value: string }[]; childNodes?: unknown[]; content?: unknown }) => {
    for (const attr of node.attrs ?? []) if (attr.name === "href" || attr.name === "src") links.push({ from, href: attr.value });
    for (const child of (node.childNodes ?? []) as (typeof node)[]) walk(child);
    if (node.content) walk(node.content as typeof node);
  };
  walk(parse(readFileSync(join("dist", file), "utf8")) as unknown as Parameters<typeof walk>[0]);
  return links;
}

describe("links", () => {
  it("no link or resource on any page of the site returns 404, and every fragment it names exists", async () => {
    const pages = distFiles().filter((f) => f.endsWith(".html") && f !== "404.html");
    expect(pages.length).toBeGreaterThan(site.reports.length * 2);
    const base = new URL(site.server.url);
    const targets = new Map<string, Link>();
    const fragments = new Map<string, { link: Link; ids: Set<string> }>();
    for (const file of pages) {
      for (const link of linksOf(file)) {
        const url = new URL(link.href, new URL(link.from, base));
        if (url.protocol !== "http:" && url.protocol !== "https:") continue;
        if (url.host !== base.host) continue;
        targets.set(url.pathname, targets.get(url.pathname) ?? link);
        if (url.hash && !/^#S\d+-\d+$/.test(url.hash)) fragments.set(`${url.pathname}${url.hash}`, { link, ids: new Set() });
      }
    }
    const broken: string[] = [];
    for (const [pathname, link] of targets) {
      const response = await fetch(`${site.server.url}${pathname}`);
      if (response.status !== 200) broken.push(`${pathname} (${response.status}) linked from ${link.from}`);
      await response.arrayBuffer();
    }
    expect(broken).toEqual([]);
    const idsOf = new Map<string, Set<string>>();
    const missing: string[] = [];
    for (const [target, { link }] of fragments) {
      const [pathname, hash] = [target.slice(0, target.indexOf("#")), decodeURIComponent(target.slice(target.indexOf("#") + 1))];
      if (!idsOf.has(pathname)) {
        const html = await (await fetch(`${site.server.url}${pathname}`)).text();
        idsOf.set(pathname, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!)));
      }
      if (!idsOf.get(pathname)!.has(hash)) missing.push(`${target} linked from ${link.from}`);
    }
    expect(missing).toEqual([]);
  });

  it("every page the sitemap lists exists", async () => {
    const absent: string[] = [];
    for (const pathname of sitePages(site.reports)) {
      const response = await fetch(`${site.server.url}${pathname}`);
      if (response.status !== 200) absent.push(`${pathname} (${response.status})`);
      await response.arrayBuffer();
    }
    expect(absent).toEqual([]);
  });
});

describe("site files", () => {
  const TEXT = /\.(html|xml|txt|json|csv|js|mjs|css|svg)$/;

  it(SITE_URL ? "point at the configured site address" : "name no localhost, no loopback and no guessed host in a build without a site address", () => {
    const found = distFiles()
      .filter((f) => TEXT.test(f))
      .filter((f) => /localhost|127\.0\.0\.1|（本站地址）/.test(readFileSync(join("dist", f), "utf8")));
    expect(found).toEqual([]);
    const robots = readFileSync("dist/robots.txt", "utf8");
    const sitemap = readFileSync("dist/sitemap.xml", "utf8");
    if (SITE_URL) {
      expect(robots).toContain(`Sitemap: ${new URL("/sitemap.xml", SITE_URL).href}`);
      for (const pathname of sitePages(site.reports)) expect(sitemap).toContain(`<loc>${new URL(pathname, SITE_URL).href}</loc>`);
    } else {
      expect(robots).toBe("User-agent: *\nAllow: /\n");
      expect(sitemap).not.toContain("<url>");
      for (const file of ["index.html", "downloads/index.html", "about/index.html"]) {
        const html = readFileSync(join("dist", file), "utf8");
        expect(html, file).not.toMatch(/rel="canonical"|property="og:url"|rel="sitemap"/);
      }
      const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(readFileSync("dist/downloads/index.html", "utf8"))![1]!;
      expect(JSON.parse(jsonLd).url).toBe("/downloads/");
    }
  });
});
