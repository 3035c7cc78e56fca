/** The comparison view's own files: its data under /compare/data/ and the default view's downloads. */
export const comparePaths = {
  index: "/compare/data/index.json",
  /** The column of one concept or indicator, by measure key (c.requests_received, i.proactive_total). */
  column: (key: string) => `/compare/data/${key}.json`,
  /** The default view's downloads, which the page links to without JavaScript. */
  defaultCsv: "/compare/view.csv",
  defaultJson: "/compare/view.json",
} as const;

/** File names the downloads are saved under. */
export const DOWNLOAD_NAMES = { csv: "compare-view.csv", json: "compare-view.json" } as const;
