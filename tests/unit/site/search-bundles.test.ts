import { describe, expect, it } from "vitest";
import {
  bundlePath,
  CATALOG_BUNDLE,
  declaresSearchBody,
  MAX_REPORTS_PER_BUNDLE,
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
  it("takes report pages with their year and the first page of an indicator or concept for the catalog; nothing else", () => {
    expect(FILES.map(searchablePage).filter(Boolean)).toEqual([
      { file: "reports/640202-2017/index.html", url: "/reports/640202-2017/", year: 2017 },
      { file: "reports/x659039f5dea5-local-taxation-2013/index.html", url: "/reports/x659039f5dea5-local-taxation-2013/", year: 2013 },
      { file: "reports/321322-development-reform-2023/index.html", url: "/reports/321322-development-reform-2023/", year: 2023 },
      { file: "reports/640104-2018/index.html", url: "/reports/640104-2018/", year: 2018 },
      { file: "reports/640303-2018/index.html", url: "/reports/640303-2018/", year: 2018 },
      { file: "indicators/requests_received/index.html", url: "/indicators/requests_received/", year: null },
      { file: "concepts/requests_received/index.html", url: "/concepts/requests_received/", year: null },
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
  const pages = () => FILES.map(searchablePage).filter((p): p is SearchablePage => p !== null);

  it("plans the catalog bundle first, then the report years newest first in one bundle while the corpus is small, pages in url order", () => {
    const plan = planSearchBundles(pages().reverse());
    expect(MAX_REPORTS_PER_BUNDLE).toBe(1000);
    expect(plan.map((b) => [b.key, b.years, b.outputSubdir, b.pages.map((p) => p.url)])).toEqual([
      ["catalog", [], "pagefind/catalog", ["/concepts/requests_received/", "/indicators/requests_received/"]],
      [
        "2023-2013",
        [2023, 2018, 2017, 2013],
        "pagefind/2023-2013",
        ["/reports/321322-development-reform-2023/", "/reports/640104-2018/", "/reports/640202-2017/", "/reports/640303-2018/", "/reports/x659039f5dea5-local-taxation-2013/"],
      ],
    ]);
  });

  it("starts a new bundle when the next year would take it over the limit, and keeps a year whole", () => {
    const plan = planSearchBundles(pages(), 2);
    expect(plan.map((b) => [b.key, b.years, b.pages.length])).toEqual([
      ["catalog", [], 2],
      ["2023", [2023], 1],
      ["2018", [2018], 2],
      ["2017-2013", [2017, 2013], 2],
    ]);
    expect(planSearchBundles(pages(), 1).map((b) => b.key)).toEqual(["catalog", "2023", "2018", "2017", "2013"]);
  });

  it("always plans the catalog bundle, even without catalog pages", () => {
    expect(planSearchBundles([])).toEqual([{ key: "catalog", years: [], outputSubdir: "pagefind/catalog", pages: [] }]);
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
