/**
 * Which search bundles the site has and which pages each holds. A single
 * Pagefind index for a national corpus outgrows the machine (the
 * CJK-segmenting indexer held ~4 MB per page: 12 GB was not enough for
 * 10,000 reports) and makes a search fetch ~1 MB, so report pages go into
 * bundles of consecutive years with at most MAX_REPORTS_PER_BUNDLE reports:
 * one bundle per year at 10,000 reports (~1,000 a year), one for all years
 * while the corpus is small (every bundle costs a search its own index files,
 * so eleven bundles of one or two reports each cost more than one of all).
 * The indicator and concept pages, a few hundred at most, share one more
 * bundle ("catalog").
 * Each bundle is a Pagefind index plus its exact index
 * (src/site/search/exact-index.ts). The build script writes them
 * (scripts/index-search.ts), the search page reads them.
 */
import { compareText } from "../report/compare-text.ts";

/** The bundle of the indicator and concept pages. */
export const CATALOG_BUNDLE = "catalog";

/** URL of a bundle under the site root, by its key: a year, years (2011-2025), or CATALOG_BUNDLE. */
export function bundlePath(key: number | string): string {
  return `/pagefind/${key}/`;
}

/** Report page ids end in the year (…-2017); their pages are reports/<id>/index.html. */
export function yearOfReportId(id: string): number | null {
  const match = /-(\d{4})$/.exec(id);
  return match ? Number(match[1]) : null;
}

export interface SearchablePage {
  /** The HTML file, relative to the built site (dist/). */
  file: string;
  /** The page's URL. */
  url: string;
  /** A report page's year; null for a catalog page. */
  year: number | null;
}

/**
 * Whether a built HTML file is a searchable page, and of which year: a report
 * page (reports/<id>/index.html) with its year, an indicator's or concept's
 * first page (indicators/<id>/index.html, concepts/<id>/index.html; not the
 * further pages of a long table) for the catalog. Source pages, lists and
 * everything else are not indexed.
 */
export function searchablePage(file: string): SearchablePage | null {
  const parts = file.split("/");
  if (parts.length !== 3 || parts[2] !== "index.html" || parts[1] === "") return null;
  const [section, id] = parts as [string, string, string];
  if (section === "reports") {
    const year = yearOfReportId(id);
    return year === null ? null : { file, url: `/reports/${id}/`, year };
  }
  if (section === "indicators" || section === "concepts") return { file, url: `/${section}/${id}/`, year: null };
  return null;
}

/**
 * A page declares itself to the search index by marking its indexed part
 * with data-pagefind-body (and SearchMeta inside it). Pages that do not are
 * left out, rather than indexed whole with their navigation and tables.
 */
export function declaresSearchBody(html: string): boolean {
  return /<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body(?=[\s=>/])/i.test(html);
}

export interface SearchBundle {
  /** A year (2018), a span of years (2011-2025), or CATALOG_BUNDLE. */
  key: string;
  /** The report years it holds, newest first; none for the catalog. */
  years: number[];
  /** Where the bundle is written, relative to dist/. */
  outputSubdir: string;
  /** Its pages in url order. */
  pages: SearchablePage[];
}

/** Reports in one bundle at most, unless a single year has more. */
export const MAX_REPORTS_PER_BUNDLE = 1000;

/**
 * The bundles to build for these searchable pages: the catalog first (always,
 * even with no page yet, so the search page finds its exact index), then the
 * report years newest first, consecutive years together while their reports
 * stay within `maxReports`.
 */
export function planSearchBundles(pages: readonly SearchablePage[], maxReports = MAX_REPORTS_PER_BUNDLE): SearchBundle[] {
  const byYear = new Map<number, SearchablePage[]>();
  const catalog: SearchablePage[] = [];
  for (const page of pages) {
    if (page.year === null) catalog.push(page);
    else if (byYear.has(page.year)) byYear.get(page.year)!.push(page);
    else byYear.set(page.year, [page]);
  }
  const groups: number[][] = [];
  let count = 0;
  for (const year of [...byYear.keys()].sort((a, b) => b - a)) {
    const n = byYear.get(year)!.length;
    const current = groups.at(-1);
    if (current && count + n <= maxReports) {
      current.push(year);
      count += n;
    } else {
      groups.push([year]);
      count = n;
    }
  }
  const bundle = (key: string, years: number[], list: SearchablePage[]): SearchBundle => ({
    key,
    years,
    outputSubdir: bundlePath(key).replace(/^\/|\/$/g, ""),
    pages: [...list].sort((a, b) => compareText(a.url, b.url)),
  });
  return [
    bundle(CATALOG_BUNDLE, [], catalog),
    ...groups.map((years) => bundle(years.length === 1 ? String(years[0]) : `${years[0]}-${years.at(-1)}`, years, years.flatMap((y) => byYear.get(y)!))),
  ];
}

/**
 * Up to this many reports in all, the search page searches every year at once
 * by default; above it, it starts with the newest year and offers the others,
 * so a first search stays a few hundred KB.
 */
export const ALL_YEARS_BY_DEFAULT_UP_TO = 200;
