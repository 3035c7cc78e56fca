/**
 * The search filters' names and the page kinds' labels: data shared by the
 * pages that declare them (./page-facets.ts, SearchMeta) and the search page's
 * client, which must not pull in the catalog to know them.
 */

/** Filter names as the search page shows them, in the order it shows them; the keys are its URL parameters. */
export const FACETS = {
  kind: "类型",
  year: "年份",
  province: "省份",
  prefecture: "地市",
  jurisdiction: "地区",
  template: "表格式",
} as const;

export type FacetKey = keyof typeof FACETS;

export type PageKind = "report" | "indicator" | "concept";

export const KIND_LABELS: Record<PageKind, string> = { report: "年报", indicator: "指标", concept: "可比概念" };

/** How a number of pages of a kind is counted in Chinese: 3 份年报, 1 个指标. */
export const KIND_COUNTERS: Record<PageKind, string> = { report: "份", indicator: "个", concept: "个" };

/** The order kinds are listed in (a definition before the reports that use it). */
export const KIND_ORDER: readonly PageKind[] = ["indicator", "concept", "report"];
