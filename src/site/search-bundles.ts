/**
 * Which search bundles the site has and which pages each holds. A single
 * Pagefind index for a national corpus outgrows the machine (the
 * CJK-segmenting indexer held ~4 MB per page: 12 GB was not enough for
 * 10,000 reports) and makes a search fetch ~1 MB, so report pages go into one
 * bundle per report year (~1,000 reports at 10,000); the indicator and
 * concept pages, a few hundred at most, share one more bundle ("catalog").
 * Each bundle is a Pagefind index plus its exact index
 * (src/site/search/exact-index.ts). The build script writes them
 * (scripts/index-search.ts), the search page reads them.
 */
import { compareText } from "../report/compare-text.ts";

/** The bundle of the indicator and concept pages. */
export const CATALOG_BUNDLE = "catalog";

/** URL of a bundle under the site root: a year, or CATALOG_BUNDLE. */
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
  /** The bundle it belongs to: a year, or CATALOG_BUNDLE. */
  bundle: string;
}

/**
 * Where a built HTML file goes in the search index, or null when it is not a
 * searchable page: a report page (reports/<id>/index.html) goes to its year,
 * an indicator's or concept's first page (indicators/<id>/index.html,
 * concepts/<id>/index.html; not the further pages of a long table) to the
 * catalog. Source pages, lists and everything else are not indexed.
 */
export function searchablePage(file: string): SearchablePage | null {
  const parts = file.split("/");
  if (parts.length !== 3 || parts[2] !== "index.html" || parts[1] === "") return null;
  const [section, id] = parts as [string, string, string];
  if (section === "reports") {
    const year = yearOfReportId(id);
    return year === null ? null : { file, url: `/reports/${id}/`, bundle: String(year) };
  }
  if (section === "indicators" || section === "concepts") return { file, url: `/${section}/${id}/`, bundle: CATALOG_BUNDLE };
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
  /** A year, or CATALOG_BUNDLE. */
  key: string;
  year: number | null;
  /** Where the bundle is written, relative to dist/. */
  outputSubdir: string;
  /** Its pages in url order. */
  pages: SearchablePage[];
}

/**
 * The bundles to build for these searchable pages: the catalog first (always,
 * even with no page yet, so the search page finds its exact index), then the
 * years, newest first.
 */
export function planSearchBundles(pages: readonly SearchablePage[]): SearchBundle[] {
  const byKey = new Map<string, SearchablePage[]>([[CATALOG_BUNDLE, []]]);
  for (const page of pages) {
    const list = byKey.get(page.bundle);
    if (list) list.push(page);
    else byKey.set(page.bundle, [page]);
  }
  const keys = [...byKey.keys()].filter((key) => key !== CATALOG_BUNDLE).sort((a, b) => Number(b) - Number(a));
  return [CATALOG_BUNDLE, ...keys].map((key) => ({
    key,
    year: key === CATALOG_BUNDLE ? null : Number(key),
    outputSubdir: bundlePath(key).replace(/^\/|\/$/g, ""),
    pages: [...byKey.get(key)!].sort((a, b) => compareText(a.url, b.url)),
  }));
}

/**
 * Up to this many reports in all, the search page searches every year at once
 * by default; above it, it starts with the newest year and offers the others,
 * so a first search stays a few hundred KB.
 */
export const ALL_YEARS_BY_DEFAULT_UP_TO = 200;
