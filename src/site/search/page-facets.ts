/**
 * What a searchable page tells the search index about itself: its kind and
 * the filter values it can be found by. One place for the filter names, so
 * report, indicator and concept pages and the search page agree.
 *
 * A page puts <SearchMeta kind=… title=… facets=…/> inside the element that
 * carries data-pagefind-body; the facets come from the helpers below.
 */
import { getTemplate, type Concept, type Template } from "../../catalog/index.ts";
import { compareText } from "../../report/compare-text.ts";
import { ownerName } from "../../report/owner.ts";
import { prefectureOf } from "../../report/prefecture.ts";
import type { Report } from "../../schema/report.ts";

export { FACETS, KIND_LABELS, type FacetKey, type PageKind } from "./facet-names.ts";
import { FACETS, KIND_LABELS, type FacetKey, type PageKind } from "./facet-names.ts";

/** A page's filter values: one value, or several (an indicator printed by several formats). */
export type PageFacets = Partial<Record<FacetKey, string | readonly string[]>>;

/** Filter values of a report page: empty values are left out. */
export function reportFacets(report: Report): PageFacets {
  const facets: Record<string, string> = {
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

/** Filter values of an indicator page: its kind and the formats that print it (allIndicators()' templates). */
export function indicatorFacets(templates: readonly Template[]): PageFacets {
  return { kind: KIND_LABELS.indicator, template: [...new Set(templates.map((t) => t.name))].sort(compareText) };
}

/** Filter values of a concept page: its kind and the formats it maps figures of. */
export function conceptFacets(concept: Concept): PageFacets {
  return { kind: KIND_LABELS.concept, template: [...new Set(Object.keys(concept.templates).map((id) => getTemplate(id).name))].sort(compareText) };
}

/** The (filter name, value) pairs a page declares, in FACETS order, one pair per value; empty values left out. */
export function facetEntries(kind: PageKind, facets: PageFacets): [string, string][] {
  const values: PageFacets = { ...facets, kind: KIND_LABELS[kind] };
  return (Object.keys(FACETS) as FacetKey[]).flatMap((key) => {
    const value = values[key];
    const list = typeof value === "string" ? [value] : (value ?? []);
    return [...new Set(list)].filter((v) => v !== "").map((v) => [FACETS[key], v] as [string, string]);
  });
}
