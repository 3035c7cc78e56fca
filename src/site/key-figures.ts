/**
 * The headline figures of a report: concepts of the catalog (figures
 * comparable across table formats, src/catalog/concepts.json), so a 2021
 * report shows its 收到申请数 from 表三's 总计 column and a 2008 report from
 * its own row. Which concepts is a presentation choice; they are checked
 * against the catalog so a renamed concept fails loudly.
 */
import { findConcept, findIndicator, getTemplate, indicatorFor, type Concept, type Indicator } from "../catalog/index.ts";
import type { ConceptValue, Report, ValueStatus } from "../schema/report.ts";
import { figureOf } from "../report/figures.ts";

/** The report page's cards, in this order, where the report's format has the concept. */
const REPORT_CONCEPTS = ["requests_received", "replies_granted", "replies_denied", "reconsideration_total", "litigation_total", "proactive_total"] as const;

/** The overview pages' columns (report list, jurisdiction, home), with short heads for narrow tables. */
const OVERVIEW_CONCEPTS = [
  ["proactive_total", "主动公开"],
  ["requests_received", "收到申请"],
  ["reconsideration_total", "行政复议"],
  ["litigation_total", "行政诉讼"],
] as const;

function concept(id: string): Concept {
  const found = findConcept(id);
  if (!found) throw new Error(`key figure ${id} is not a concept of the catalog`);
  return found;
}

export interface KeyFigure {
  /** The concept id (in the 2008 format it is also the id of the indicator it maps to). */
  id: string;
  short: string;
  concept: Concept;
  /**
   * The concept's figure in the 2008 format, for pages that still read it by
   * indicator id; a report of another format gives the concept through
   * `keyFigureOf`.
   */
  indicator: Indicator;
}

export const KEY_FIGURES: readonly KeyFigure[] = OVERVIEW_CONCEPTS.map(([id, short]) => {
  const found = findIndicator(id);
  if (!found) throw new Error(`key figure ${id} has no indicator of that id in the catalog`);
  return { id, short, concept: concept(id), indicator: found.indicator };
});

/** The headline comparison on the home page. */
export const HEADLINE_INDICATOR = "requests_received";

/** A concept's figure in one report, with what it is made of in the report's format. */
export interface KeyFigureValue {
  concept: Concept;
  /** reported, not_reported, uncertain; absent when the report gives none of the indicators it is made of. */
  status: ValueStatus | "absent";
  value: number | null;
  /** The indicators of this report's format the figure is the sum of, with their labels. */
  parts: { id: string; label: string }[];
  /** What makes this format's figure differ from the others' (Chinese part of the catalog's caveat). */
  caveat: string;
  /** True when the figure (or one of its parts) was read from the report's prose. */
  fromText: boolean;
}

/** The Chinese part of a caveat written "中文 / English". */
export function chineseCaveat(caveat: string): string {
  const at = caveat.indexOf(" / ");
  return at < 0 ? caveat : caveat.slice(0, at);
}

/** The concept's figure in the report, or null when the report's format has no such figure. */
export function keyFigureOf(report: Report, conceptId: string): KeyFigureValue | null {
  const c = concept(conceptId);
  const mapping = c.templates[report.template];
  if (!mapping) return null;
  const template = getTemplate(report.template);
  const parts = mapping.sumOf.map((id) => ({ id, label: indicatorFor(template, id)?.label ?? id }));
  const given: ConceptValue | undefined = report.concepts.find((v) => v.concept === conceptId);
  const fromText = mapping.sumOf.some((id) => {
    const figure = figureOf(report, id);
    return figure.kind === "statistic" && figure.statistic.origin === "text";
  });
  const caveat = chineseCaveat(given?.caveat ?? mapping.caveat);
  if (!given) return { concept: c, status: "absent", value: null, parts, caveat, fromText };
  return { concept: c, status: given.status, value: given.value, parts, caveat, fromText };
}

/** The report page's key figures: the concepts its format has, in order. */
export function reportKeyFigures(report: Report): KeyFigureValue[] {
  return REPORT_CONCEPTS.map((id) => keyFigureOf(report, id)).filter((v) => v !== null);
}
