/**
 * Reports → observations: one entry per figure a report gives for an id of
 * its template (a printed cell, the same figure stated in the prose, a sum
 * the catalog derives), plus one entry for every id of the template the
 * report does not give at all, so absence is explicit.
 *
 * Everything users download is derived from these, in this order: reports by
 * id; the template's printed indicators in table order, then its derived
 * ones in catalog order; per id the table's figure, then the prose's, then
 * the derived one. Which of them stands for the id (`primary`) is decided by
 * src/report/figures.ts, the rule the pages use too.
 */
import { getTemplate, sectionsOf, type Template } from "../../catalog/index.ts";
import { compareText } from "../../report/compare-text.ts";
import { figureOf } from "../../report/figures.ts";
import { prefectureOf } from "../../report/prefecture.ts";
import type { Check, DerivedFigure, Report, Statistic } from "../../schema/report.ts";
import type { IndicatorCheckStatus, IndicatorKind, ObservationStatus, Origin } from "./vocabulary.ts";

export { compareText };

/** One id of a template, printed or derived, with what the downloads say about it. */
export interface TemplateFigure {
  id: string;
  kind: IndicatorKind;
  template: Template;
  /** Table id of the template; null for a derived figure that spans tables. */
  table: string | null;
  tableLabel: string | null;
  row: string | null;
  column: string | null;
  label: string;
  /** As the format prints it (row label / column header); the label for a derived figure. */
  officialLabel: string;
  nameEn: string;
  unit: string;
  parent: string | null;
  /** The section (一、主动公开情况) or table heading it is shown under. */
  sectionLabel: string | null;
  /** For a derived figure: the ids it sums. */
  sumOf: string[];
}

const figuresByTemplate = new WeakMap<Template, TemplateFigure[]>();

/** Every id of a template: its printed indicators in table order, then its derived figures. */
export function templateFigures(template: Template): TemplateFigure[] {
  const cached = figuresByTemplate.get(template);
  if (cached) return cached;
  const tableLabel = (id: string | null) => (id === null ? null : (template.tables.find((t) => t.id === id)?.label ?? null));
  const sections = sectionsOf(template);
  const printed = [...template.indicators]
    .sort((a, b) => a.order - b.order)
    .map(
      (i): TemplateFigure => ({
        id: i.id,
        kind: "indicator",
        template,
        table: i.table,
        tableLabel: tableLabel(i.table),
        row: i.row,
        column: i.column,
        label: i.label,
        officialLabel: i.officialLabel,
        nameEn: i.nameEn,
        unit: i.unit,
        parent: i.parent,
        sectionLabel: sections.find((s) => s.id === i.section)?.label ?? tableLabel(i.table),
        sumOf: [],
      }),
    );
  const derived = template.derived.map(
    (d): TemplateFigure => ({
      id: d.id,
      kind: "derived",
      template,
      table: d.table,
      tableLabel: tableLabel(d.table),
      row: d.row,
      column: d.column,
      label: d.label,
      officialLabel: d.label,
      nameEn: d.nameEn,
      unit: d.unit,
      parent: d.parent,
      sectionLabel: tableLabel(d.table),
      sumOf: d.sumOf,
    }),
  );
  const all = [...printed, ...derived];
  figuresByTemplate.set(template, all);
  return all;
}

export interface Observation {
  report: Report;
  figure: TemplateFigure;
  /** The printed figure (table cell or prose); null for a derived one or an absent one. */
  statistic: Statistic | null;
  /** The derived figure; null for a printed one or an absent one. */
  derived: DerivedFigure | null;
  status: ObservationStatus;
  /** null when the report does not give the id at all. */
  origin: Origin | null;
  /** The observation that stands for the id (src/report/figures.ts); exactly one per report × id. */
  primary: boolean;
  checkStatus: IndicatorCheckStatus;
  /** Rule ids of the failed checks that concern the id, sorted. */
  failedRules: string[];
}

export function sortReports(reports: readonly Report[]): Report[] {
  const sorted = [...reports].sort((a, b) => compareText(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`two reports share the id ${sorted[i]!.id}`);
  }
  return sorted;
}

/** The report's template; the error names the report when the template is unknown. */
export function templateOf(report: Report): Template {
  try {
    return getTemplate(report.template);
  } catch (error) {
    throw new Error(`report ${report.id}: ${(error as Error).message}`);
  }
}

/** The checks concerning an id: any failure decides, then an uncertain one, then a pass. */
export function indicatorCheckStatus(checks: readonly Check[], id: string): { status: IndicatorCheckStatus; failedRules: string[] } {
  const concerning = checks.filter((check) => check.indicators.includes(id));
  const failedRules = [...new Set(concerning.filter((c) => c.status === "fail").map((c) => c.rule))].sort(compareText);
  if (failedRules.length > 0) return { status: "fail", failedRules };
  if (concerning.some((c) => c.status === "uncertain")) return { status: "uncertain", failedRules };
  if (concerning.some((c) => c.status === "pass")) return { status: "pass", failedRules };
  if (concerning.length > 0) return { status: "not_assessable", failedRules };
  return { status: "none", failedRules };
}

/** The figures a report prints for one id, the table's first, then by source line. */
function rankPrinted(statistics: readonly Statistic[]): Statistic[] {
  return [...statistics].sort(
    (a, b) => Number(a.origin !== "table") - Number(b.origin !== "table") || a.line - b.line || a.span.column - b.span.column,
  );
}

/** All observations of one report, in the template's order. */
export function reportObservations(report: Report): Observation[] {
  const template = templateOf(report);
  const figures = templateFigures(template);
  const known = new Set(figures.map((f) => f.id));
  const printed = new Map<string, Statistic[]>();
  for (const statistic of report.statistics) {
    if (!known.has(statistic.indicator)) {
      throw new Error(
        `report ${report.id}: statistic on line ${statistic.line} names indicator "${statistic.indicator}", which template ${template.id} does not have`,
      );
    }
    printed.set(statistic.indicator, [...(printed.get(statistic.indicator) ?? []), statistic]);
  }
  const derived = new Map<string, DerivedFigure>();
  for (const figure of report.derived) {
    if (!known.has(figure.indicator)) {
      throw new Error(`report ${report.id}: derived figure "${figure.indicator}" is not an id of template ${template.id}`);
    }
    derived.set(figure.indicator, figure);
  }
  return figures.flatMap((figure): Observation[] => {
    const { status: checkStatus, failedRules } = indicatorCheckStatus(report.checks, figure.id);
    const stands = figureOf(report, figure.id);
    const base = { report, figure, checkStatus, failedRules };
    const rows: Observation[] = rankPrinted(printed.get(figure.id) ?? []).map((statistic) => ({
      ...base,
      statistic,
      derived: null,
      status: statistic.status,
      origin: statistic.origin,
      primary: stands.kind === "statistic" && stands.statistic === statistic,
    }));
    const sum = derived.get(figure.id);
    if (sum) {
      rows.push({ ...base, statistic: null, derived: sum, status: sum.status, origin: "derived", primary: stands.kind === "derived" && stands.derived === sum });
    }
    if (rows.length === 0) {
      rows.push({ ...base, statistic: null, derived: null, status: "not_in_report", origin: null, primary: true });
    }
    return rows;
  });
}

/** The prefecture-level division's name (src/report/prefecture.ts decides), empty where there is none. */
export function prefectureName(report: Report): string {
  return prefectureOf(report.jurisdiction)?.name ?? "";
}

/** The observation's value: a number only when reported. */
export function observedValue(observation: Observation): number | null {
  return observation.statistic?.value ?? observation.derived?.value ?? null;
}
