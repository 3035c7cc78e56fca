/**
 * The list of every report (/reports/): one row per report with the figures
 * every table format can give — the catalog's concepts that each template
 * maps — so a 2008 report and a 2021 report show the same columns. Pure: the
 * page renders what this returns.
 */
import { CONCEPTS, TEMPLATES, type Concept, type Template } from "../catalog/index.ts";
import { compareText } from "../report/compare-text.ts";
import { figureOf } from "../report/figures.ts";
import { ownerName } from "../report/owner.ts";
import { prefectureOf } from "../report/prefecture.ts";
import type { Report } from "../schema/report.ts";
import { VALUE_STATUSES, codeOf, type ObservationStatus } from "./datasets/vocabulary.ts";
import { formatNumber } from "./format.ts";

export interface ListConcept {
  concept: Concept;
  /** The column head: the concept's name without its bracketed gloss (同意公开（予以公开） → 同意公开). */
  short: string;
}

/** The concepts every template of the catalog maps, in catalog order. */
export function listConcepts(templates: readonly Template[] = TEMPLATES, concepts: readonly Concept[] = CONCEPTS): ListConcept[] {
  return concepts
    .filter((c) => templates.every((t) => c.templates[t.id] !== undefined))
    .map((concept) => ({ concept, short: concept.label.replace(/（[^（）]*）$/, "") }));
}

/** A short name of a format for a narrow column: 全国 2008 版, 省定表格 (2008 版). */
export function templateShortName(template: Template): string {
  return template.scope === "national" ? `全国 ${template.years.from} 版` : `省定 ${template.years.from} 版`;
}

export interface ListCell {
  value: number | null;
  status: ObservationStatus;
  /** 8,573, or the status in words (未报告, 无法确定, 报告未载). */
  text: string;
  /** At least one of the figures it is made of is stated in the prose rather than the table. */
  fromText: boolean;
}

export interface ListRow {
  report: Report;
  owner: string;
  prefecture: { id: string; name: string } | null;
  template: Template;
  cells: ListCell[];
  /** What the free-text filter matches against. */
  searchText: string;
}

function cellOf(report: Report, concept: Concept): ListCell {
  const given = report.concepts.find((c) => c.concept === concept.id);
  const status: ObservationStatus = given?.status ?? "not_in_report";
  const value = given?.value ?? null;
  const fromText = (given?.indicators ?? []).some((id) => {
    const figure = figureOf(report, id);
    return figure.kind === "statistic" && figure.statistic.origin === "text";
  });
  return { value, status, text: status === "reported" ? formatNumber(value) : codeOf(VALUE_STATUSES, status).label, fromText };
}

/** Newest year first, then by jurisdiction, then by report id. */
export function reportListRows(reports: readonly Report[], columns: readonly ListConcept[] = listConcepts()): ListRow[] {
  return [...reports]
    .sort((a, b) => b.year - a.year || compareText(a.jurisdiction.id, b.jurisdiction.id) || compareText(a.id, b.id))
    .map((report) => {
      const template = TEMPLATES.find((t) => t.id === report.template);
      if (!template) throw new Error(`report ${report.id}: unknown statistics template ${report.template}`);
      const owner = ownerName(report);
      return {
        report,
        owner,
        prefecture: prefectureOf(report.jurisdiction),
        template,
        cells: columns.map((c) => cellOf(report, c.concept)),
        searchText: [report.jurisdiction.fullName, owner, report.title].join(" "),
      };
    });
}

/** The prefectures of the listed reports, for the filter, by id. */
export function listPrefectures(rows: readonly ListRow[]): { id: string; name: string }[] {
  const byId = new Map(rows.flatMap((r) => (r.prefecture ? [[r.prefecture.id, r.prefecture.name] as const] : [])));
  return [...byId.entries()].sort((a, b) => compareText(a[0], b[0])).map(([id, name]) => ({ id, name }));
}

/** The formats of the listed reports, in catalog order. */
export function listTemplates(rows: readonly ListRow[]): Template[] {
  return TEMPLATES.filter((t) => rows.some((r) => r.template.id === t.id));
}
