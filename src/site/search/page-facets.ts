/**
 * What a searchable page tells the search index about itself: its kind and
 * the filter values it can be found by. One place for the filter names, so
 * report, indicator and concept pages and the search page agree.
 */
import { getTemplate } from "../../catalog/index.ts";
import { ownerName } from "../../report/owner.ts";
import { prefectureOf } from "../../report/prefecture.ts";
import type { Report } from "../../schema/report.ts";

/** Filter names as the search page shows them. */
export const FACETS = {
  kind: "类型",
  year: "年份",
  province: "省份",
  prefecture: "地市",
  jurisdiction: "地区",
  template: "表格式",
} as const;

export type PageKind = "report" | "indicator" | "concept";

export const KIND_LABELS: Record<PageKind, string> = { report: "年报", indicator: "指标", concept: "可比概念" };

/** Filter values of a report page: empty values are left out. */
export function reportFacets(report: Report): Partial<Record<keyof typeof FACETS, string>> {
  const facets: Partial<Record<keyof typeof FACETS, string>> = {
    kind: KIND_LABELS.report,
    year: String(report.year),
    jurisdiction: ownerName(report),
    template: getTemplate(report.template).name,
  };
  if (report.jurisdiction.province) facets.province = report.jurisdiction.province.name;
  const prefecture = prefectureOf(report.jurisdiction);
  if (prefecture) facets.prefecture = prefecture.name;
  return facets;
}
