/**
 * One Pagefind index per report year. A single index for a national corpus
 * outgrows the machine (the CJK-segmenting indexer held ~4 MB per page: 12 GB
 * was not enough for 10,000 reports) and a common two-character query fetches
 * ~1 MB of it; a year's ~1,000 reports index in ~3 GB and a query fetches
 * ~250 KB. The build script writes the bundles, the search page loads them.
 */

/** URL of a year's bundle under the site root. */
export function bundlePath(year: number): string {
  return `/pagefind/${year}/`;
}

/** Report page ids end in the year (…-2017); their pages are reports/<id>/index.html. */
export function yearOfReportId(id: string): number | null {
  const match = /-(\d{4})$/.exec(id);
  return match ? Number(match[1]) : null;
}

export interface SearchBundle {
  year: number;
  /** Pagefind --glob for this year's report pages, relative to dist/. */
  glob: string;
  /** Pagefind --output-subdir, relative to dist/. */
  outputSubdir: string;
  reports: number;
}

/** The bundles to build for these report ids, newest year first. */
export function planSearchBundles(reportIds: readonly string[]): SearchBundle[] {
  const counts = new Map<number, number>();
  for (const id of reportIds) {
    const year = yearOfReportId(id);
    if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, reports]) => ({
      year,
      glob: `reports/*-${year}/index.html`,
      outputSubdir: bundlePath(year).replace(/^\/|\/$/g, ""),
      reports,
    }));
}

/**
 * Up to this many reports in all, the search page searches every year at once
 * by default (it merges the year bundles); above it, it starts with the newest
 * year and offers the others, so a first search stays a few hundred KB.
 */
export const ALL_YEARS_BY_DEFAULT_UP_TO = 200;
