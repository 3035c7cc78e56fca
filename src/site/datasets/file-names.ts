/**
 * The names of the downloadable files, relative to /downloads/. One place,
 * so the endpoints, the data package, the codebook and the page agree.
 */
export const CSV_FILES = {
  /** One row per report: metadata only. */
  reports: "reports.csv",
  long: "reports-long.csv",
  concepts: "reports-concepts.csv",
  /** One row per report of one format, one column per id of that format. */
  wide: (template: string) => `reports-wide-${template}.csv`,
  /** One row per report, one column per id of every format. */
  allFormatsWide: "reports-wide.csv",
  codebook: "codebook.csv",
  /** The per-indicator files, as the codebook names them. */
  indicator: "indicators/<指标编号>.csv",
} as const;

export const JSON_FILES = {
  reports: "reports.json",
  dataPackage: "datapackage.json",
  reportSchema: "report.schema.json",
} as const;

/** The site path of a file under /downloads/. */
export function downloadPath(file: string): string {
  return `/downloads/${file}`;
}
