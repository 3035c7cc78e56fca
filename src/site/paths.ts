/**
 * Originals a browser shows as inert content keep their name; any other (a
 * saved web page, whose scripts and styles would run on this site's origin if
 * served as .html) is published with .txt appended, so it is only ever text.
 * Links to it carry download="<original name>", so the file is saved as it was.
 */
const INERT_ORIGINAL = /\.(?:pdf|txt|md)$/i;

/** The name an original file is published under in /downloads/sources/. */
export function publishedOriginalName(file: string): string {
  return INERT_ORIGINAL.test(file) ? file : `${file}.txt`;
}

/** Every URL the site links to, in one place (all with trailing slashes, as the build writes directories). */
export const paths = {
  home: "/",
  reports: "/reports/",
  report: (id: string) => `/reports/${id}/`,
  source: (id: string) => `/reports/${id}/source/`,
  sourceLine: (id: string, line: number) => `/reports/${id}/source/#L${line}`,
  /** The exact place of a figure on the source page: offsets [start, end) of the text the page shows. */
  sourceSpan: (id: string, start: number, end: number) => `/reports/${id}/source/#S${start}-${end}`,
  /** The original file of a report (or of another form of it), as published. */
  originalFile: (file: string) => `/downloads/sources/${encodeURIComponent(publishedOriginalName(file))}`,
  indicators: "/indicators/",
  indicator: (id: string) => `/indicators/${id}/`,
  indicatorPage: (id: string, page: number) => (page <= 1 ? `/indicators/${id}/` : `/indicators/${id}/${page}/`),
  indicatorValues: (id: string) => `/indicators/${id}/values.json`,
  concepts: "/concepts/",
  concept: (id: string) => `/concepts/${id}/`,
  compare: "/compare/",
  jurisdictions: "/jurisdictions/",
  /** A jurisdiction's page, by its id (division code, or x + 12 hex digits outside GB/T 2260). */
  jurisdiction: (id: string) => `/jurisdictions/${id}/`,
  search: "/search/",
  about: "/about/",
  downloads: "/downloads/",
  // Written by the downloads pages (src/pages/downloads/); linked from here.
  reportCsv: (id: string) => `/downloads/reports/${id}.csv`,
  reportJson: (id: string) => `/downloads/reports/${id}.json`,
  indicatorCsv: (id: string) => `/downloads/indicators/${id}.csv`,
  indicatorJson: (id: string) => `/downloads/indicators/${id}.json`,
} as const;
