/**
 * Build time: the comparison view's data from the validated reports. The
 * index (reports, owners, measures) is one file; each concept and indicator is
 * a column file of its own, so a view loads only the figures it shows — at
 * 10,000 reports a column is a few hundred kilobytes and the whole corpus is
 * never fetched at once.
 */
import { CONCEPTS } from "../../catalog/index.ts";
import { compareText } from "../../report/compare-text.ts";
import { figureOf, type Figure } from "../../report/figures.ts";
import { ownerKey, ownerName } from "../../report/owner.ts";
import { prefectureOf } from "../../report/prefecture.ts";
import type { Report, ValueStatus } from "../../schema/report.ts";
import { SITE } from "../site-config.ts";
import { compareMeasures, defaultMeasures, indexTemplates } from "./measures.ts";
import type { ColumnStatus, CompareIndex, IndexOwner, IndexReport, MeasureColumn, MeasureMeta } from "./types.ts";

export interface CompareData {
  index: CompareIndex;
  /** The reports in index order. */
  reports: Report[];
  /** The column of a concept or indicator (rates have none); computed once per key. */
  column(key: string): MeasureColumn;
}

/** The keys within which an owner lies: a department's government, the prefecture above a county, the province. */
export function ownerWithin(report: Pick<Report, "jurisdiction" | "department">): string[] {
  const j = report.jurisdiction;
  const within: string[] = [];
  if (report.department) within.push(j.id);
  if (j.level === "county" && j.parent && j.parent.code !== j.province?.code) within.push(j.parent.code);
  if (j.level !== "province" && j.province) within.push(j.province.code);
  return within;
}

function ownersOf(reports: readonly Report[]): IndexOwner[] {
  const byKey = new Map<string, IndexOwner>();
  for (const report of reports) {
    const key = ownerKey(report);
    if (byKey.has(key)) continue;
    const j = report.jurisdiction;
    byKey.set(key, {
      key,
      jurisdiction: j.id,
      name: ownerName(report),
      fullName: report.department ? `${j.fullName}${report.department.name}` : j.fullName,
      prefecture: prefectureOf(j)?.name ?? null,
      province: j.province?.name ?? null,
      within: ownerWithin(report),
    });
  }
  return [...byKey.values()].sort((a, b) => compareText(a.key, b.key));
}

const STATUS: Record<ValueStatus, ColumnStatus> = { reported: "r", not_reported: "n", uncertain: "u" };

function statusOf(figure: Exclude<Figure, { kind: "absent" }>): ColumnStatus {
  return STATUS[figure.status];
}

interface Cell {
  value: number | null;
  status: ColumnStatus;
  span: [number, number] | 0;
}

function spanOf(figure: Figure): [number, number] | 0 {
  return figure.kind === "statistic" ? [figure.statistic.span.start, figure.statistic.span.end] : 0;
}

function conceptCell(report: Report, id: string): Cell {
  const concept = CONCEPTS.find((c) => c.id === id)!;
  if (!concept.templates[report.template]) return { value: null, status: "f", span: 0 };
  const value = report.concepts.find((c) => c.concept === id);
  if (!value) return { value: null, status: "a", span: 0 };
  // One printed figure is one place in the source; a sum of several is not.
  const span = value.indicators.length === 1 ? spanOf(figureOf(report, value.indicators[0]!)) : 0;
  return { value: value.status === "reported" ? value.value : null, status: STATUS[value.status], span };
}

function indicatorCell(report: Report, measure: MeasureMeta): Cell {
  const figure = figureOf(report, measure.id);
  if (figure.kind === "absent") return { value: null, status: measure.templates.includes(report.template) ? "a" : "f", span: 0 };
  return { value: figure.status === "reported" ? figure.value : null, status: statusOf(figure), span: spanOf(figure) };
}

function columnOf(reports: readonly Report[], measure: MeasureMeta): MeasureColumn {
  const cells = reports.map((report) => (measure.kind === "c" ? conceptCell(report, measure.id) : indicatorCell(report, measure)));
  return {
    key: measure.key,
    values: cells.map((c) => c.value),
    status: cells.map((c) => c.status).join(""),
    spans: cells.map((c) => c.span),
  };
}

function buildCompareData(input: readonly Report[], buildDate: string): CompareData {
  const owners = ownersOf(input);
  const ownerIndex = new Map(owners.map((o, i) => [o.key, i]));
  const templates = indexTemplates();
  const templateIndex = new Map(templates.map((t, i) => [t.id, i]));
  const reports = [...input].sort(
    (a, b) => ownerIndex.get(ownerKey(a))! - ownerIndex.get(ownerKey(b))! || a.year - b.year || compareText(a.id, b.id),
  );
  for (const report of reports) {
    if (!templateIndex.has(report.template)) throw new Error(`report ${report.id}: unknown template ${report.template}`);
  }
  const measures = compareMeasures();
  const index: CompareIndex = {
    buildDate,
    license: { name: SITE.dataLicense.name, url: SITE.dataLicense.url },
    templates,
    owners,
    reports: reports.map((r): IndexReport => [r.id, ownerIndex.get(ownerKey(r))!, r.year, templateIndex.get(r.template)!]),
    measures,
    defaults: defaultMeasures(),
  };
  const byKey = new Map(measures.map((m) => [m.key, m]));
  const columns = new Map<string, MeasureColumn>();
  return {
    index,
    reports,
    column(key: string): MeasureColumn {
      const measure = byKey.get(key);
      if (!measure || measure.kind === "r") throw new Error(`compare: no column for ${key}`);
      let column = columns.get(key);
      if (!column) {
        column = columnOf(reports, measure);
        columns.set(key, column);
      }
      return column;
    },
  };
}

const memo = new WeakMap<readonly Report[], Map<string, CompareData>>();

/** Memoised per reports array and build date: the page and its data files share one computation. */
export function compareData(reports: readonly Report[], buildDate: string): CompareData {
  const perDate = memo.get(reports) ?? new Map<string, CompareData>();
  memo.set(reports, perDate);
  let data = perDate.get(buildDate);
  if (!data) {
    data = buildCompareData(reports, buildDate);
    perDate.set(buildDate, data);
  }
  return data;
}

/** The keys of every column file: each concept and indicator. */
export function columnKeys(index: CompareIndex): string[] {
  return index.measures.filter((m) => m.kind !== "r").map((m) => m.key);
}
