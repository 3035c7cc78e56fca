/** Every URL the site links to, in one place (all with trailing slashes, as the build writes directories). */
export const paths = {
  home: "/",
  reports: "/reports/",
  report: (id: string) => `/reports/${id}/`,
  source: (id: string) => `/reports/${id}/source/`,
  sourceLine: (id: string, line: number) => `/reports/${id}/source/#L${line}`,
  indicators: "/indicators/",
  indicator: (id: string) => `/indicators/${id}/`,
  indicatorPage: (id: string, page: number) => (page <= 1 ? `/indicators/${id}/` : `/indicators/${id}/${page}/`),
  indicatorValues: (id: string) => `/indicators/${id}/values.json`,
  jurisdictions: "/jurisdictions/",
  jurisdiction: (code: string) => `/jurisdictions/${code}/`,
  search: "/search/",
  about: "/about/",
  downloads: "/downloads/",
  // Written by the downloads pages (src/pages/downloads/); linked from here.
  reportCsv: (id: string) => `/downloads/reports/${id}.csv`,
  reportJson: (id: string) => `/downloads/reports/${id}.json`,
  indicatorCsv: (id: string) => `/downloads/indicators/${id}.csv`,
  indicatorJson: (id: string) => `/downloads/indicators/${id}.json`,
} as const;
