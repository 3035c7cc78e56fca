import { describe, expect, it } from "vitest";
import {
  bundlePath,
  CATALOG_BUNDLE,
  declaresSearchBody,
  planSearchBundles,
  searchablePage,
  yearOfReportId,
  type SearchablePage,
} from "../../../src/site/search-bundles.ts";

/** Built files of the corpus: report pages, their source pages, indicator pages (one paged), lists. */
const FILES = [
  "reports/640202-2017/index.html",
  "reports/640202-2017/source/index.html",
  "reports/x659039f5dea5-local-taxation-2013/index.html",
  "reports/321322-development-reform-2023/index.html",
  "reports/640104-2018/index.html",
  "reports/640303-2018/index.html",
  "reports/index.html",
  "indicators/requests_received/index.html",
  "indicators/requests_received/2/index.html",
  "indicators/index.html",
  "concepts/requests_received/index.html",
  "jurisdictions/640202/index.html",
  "search/index.html",
  "index.html",
];

describe("searchablePage", () => {
  it("sends report pages to their year and the first page of an indicator or concept to the catalog; nothing else", () => {
    expect(FILES.map(searchablePage).filter(Boolean)).toEqual([
      { file: "reports/640202-2017/index.html", url: "/reports/640202-2017/", bundle: "2017" },
      { file: "reports/x659039f5dea5-local-taxation-2013/index.html", url: "/reports/x659039f5dea5-local-taxation-2013/", bundle: "2013" },
      { file: "reports/321322-development-reform-2023/index.html", url: "/reports/321322-development-reform-2023/", bundle: "2023" },
      { file: "reports/640104-2018/index.html", url: "/reports/640104-2018/", bundle: "2018" },
      { file: "reports/640303-2018/index.html", url: "/reports/640303-2018/", bundle: "2018" },
      { file: "indicators/requests_received/index.html", url: "/indicators/requests_received/", bundle: CATALOG_BUNDLE },
      { file: "concepts/requests_received/index.html", url: "/concepts/requests_received/", bundle: CATALOG_BUNDLE },
    ]);
  });
});

describe("declaresSearchBody", () => {
  it("is true for a page that marks its indexed part, as report pages do", () => {
    expect(declaresSearchBody('<main id="main"><div class="report" data-pagefind-body><header class="report-header">')).toBe(true);
    expect(declaresSearchBody("<section data-pagefind-body>")).toBe(true);
    expect(declaresSearchBody('<div data-pagefind-body="">')).toBe(true);
  });
  it("is false for a page without it, for similar attributes, and for the words in text", () => {
    expect(declaresSearchBody('<main id="main"><h1>收到申请数</h1><div data-pagefind-ignore="all">')).toBe(false);
    expect(declaresSearchBody("<div data-pagefind-body-x>")).toBe(false);
    expect(declaresSearchBody("<p>&lt;div data-pagefind-body&gt;</p>")).toBe(false);
  });
});

describe("planSearchBundles", () => {
  it("plans the catalog bundle first, then one bundle per report year, newest first, pages in url order", () => {
    const pages = FILES.map(searchablePage).filter((p): p is SearchablePage => p !== null);
    const plan = planSearchBundles(pages.reverse());
    expect(plan.map((b) => [b.key, b.year, b.outputSubdir, b.pages.map((p) => p.url)])).toEqual([
      ["catalog", null, "pagefind/catalog", ["/concepts/requests_received/", "/indicators/requests_received/"]],
      ["2023", 2023, "pagefind/2023", ["/reports/321322-development-reform-2023/"]],
      ["2018", 2018, "pagefind/2018", ["/reports/640104-2018/", "/reports/640303-2018/"]],
      ["2017", 2017, "pagefind/2017", ["/reports/640202-2017/"]],
      ["2013", 2013, "pagefind/2013", ["/reports/x659039f5dea5-local-taxation-2013/"]],
    ]);
  });

  it("always plans the catalog bundle, even without catalog pages", () => {
    expect(planSearchBundles([])).toEqual([{ key: "catalog", year: null, outputSubdir: "pagefind/catalog", pages: [] }]);
  });

  it("reads the year at the end of government and department ids, and nothing else", () => {
    expect(yearOfReportId("640202-2017")).toBe(2017);
    expect(yearOfReportId("640202-caizhengju-2019")).toBe(2019);
    expect(yearOfReportId("index.html")).toBeNull();
    expect(searchablePage("reports/not-a-report/index.html")).toBeNull();
    expect(bundlePath(2018)).toBe("/pagefind/2018/");
    expect(bundlePath(CATALOG_BUNDLE)).toBe("/pagefind/catalog/");
  });
});
