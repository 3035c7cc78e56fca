/**
 * Concepts across formats: one figure (收到申请数, 不予公开, 行政复议数 …) as a
 * series from the 2008 table to today, per jurisdiction. Every point is the
 * value the report's JSON carries in `concepts` — built by the converter from
 * the report's own template, with the indicators it is made of and the
 * caveat of that mapping — so a point never silently joins two rows: its
 * format, its parts and the caveat travel with it.
 *
 * A report whose format maps the concept but prints none of its parts is
 * `absent`; a report whose format has no such figure at all is
 * `not_in_format` (2019's 上年结转 in a 2011 report). Pure: reports in, data out.
 */
import { CONCEPTS, TEMPLATES, findConcept, indicatorFor, type Concept, type Indicator } from "../../catalog/index.ts";
import { figureOf } from "../../report/figures.ts";
import { compareText } from "../../report/compare-text.ts";
import { ownerKey, ownerName } from "../../report/owner.ts";
import { prefectureOf } from "../../report/prefecture.ts";
import type { JurisdictionLevel, Report } from "../../schema/report.ts";
import { seriesColour, type ChartSeries, type ChartSpec, type PointState } from "../chart-spec.ts";
import { compareReports } from "../corpus.ts";
import { yearSummaries, type YearSummary } from "./summaries.ts";
import { templateMark, type TemplateMark } from "./templates.ts";

export type ConceptState = Exclude<PointState, "none">;

export interface ConceptPoint {
  reportId: string;
  jurisdictionId: string;
  jurisdictionName: string;
  /** the government, or the department for a department's report */
  owner: string;
  ownerKey: string;
  level: JurisdictionLevel;
  department: boolean;
  prefecture: string;
  year: number;
  template: string;
  state: ConceptState;
  value: number | null;
  /** what the value is made of in this report's format; empty when the format has no such figure */
  indicators: string[];
  /** the mapping's caveat as the report's JSON carries it (the catalog's where the report has none) */
  caveat: string | null;
}

export interface ConceptOwner {
  key: string;
  name: string;
  jurisdictionId: string;
  level: JurisdictionLevel;
  department: boolean;
  /** oldest year first */
  points: ConceptPoint[];
}

/** How the concept is taken from one format, with how many reports of the corpus use that format. */
export interface ConceptMapping {
  mark: TemplateMark;
  /** null: the format has no such figure */
  sumOf: string[] | null;
  caveat: Bilingual | null;
  reports: number;
  withValue: number;
}

export interface ConceptSeries {
  concept: Concept;
  /** every report, ordered by owner then year */
  points: ConceptPoint[];
  /** owners in jurisdiction-id order, each government before its departments */
  owners: ConceptOwner[];
  /** every template of the catalog, oldest first */
  mappings: ConceptMapping[];
  /** years with at least one report whose format has the figure */
  years: number[];
  summaries: YearSummary[];
}

export interface Bilingual {
  zh: string;
  en: string | null;
}

/** The catalog writes a caveat as "中文 / English": the Chinese reads first, the English is secondary. */
export function splitBilingual(text: string): Bilingual {
  const cut = text.indexOf(" / ");
  return cut < 0 ? { zh: text, en: null } : { zh: text.slice(0, cut).trim(), en: text.slice(cut + 3).trim() || null };
}

function pointOf(report: Report, concept: Concept): ConceptPoint {
  const base = {
    reportId: report.id,
    jurisdictionId: report.jurisdiction.id,
    jurisdictionName: report.jurisdiction.name,
    owner: ownerName(report),
    ownerKey: ownerKey(report),
    level: report.jurisdiction.level,
    department: report.department !== null,
    prefecture: prefectureOf(report.jurisdiction)?.name ?? "",
    year: report.year,
    template: report.template,
  };
  const carried = report.concepts.find((c) => c.concept === concept.id);
  if (carried) {
    const state: ConceptState = carried.status === "reported" ? "value" : carried.status;
    return { ...base, state, value: carried.status === "reported" ? carried.value : null, indicators: carried.indicators, caveat: carried.caveat };
  }
  const mapping = concept.templates[report.template];
  if (mapping) return { ...base, state: "absent", value: null, indicators: mapping.sumOf, caveat: mapping.caveat };
  return { ...base, state: "not_in_format", value: null, indicators: [], caveat: null };
}

/** Owner order: jurisdiction id, the government's own reports before its departments', then the name. */
function compareOwners(a: ConceptOwner, b: ConceptOwner): number {
  return compareText(a.jurisdictionId, b.jurisdictionId) || Number(a.department) - Number(b.department) || compareText(a.key, b.key);
}

const memo = new WeakMap<readonly Report[], Map<string, ConceptSeries>>();

/** The concept across every report; memoised per reports array. */
export function conceptSeries(reports: readonly Report[], conceptId: string): ConceptSeries {
  let byId = memo.get(reports);
  if (!byId) {
    byId = new Map();
    memo.set(reports, byId);
  }
  const cached = byId.get(conceptId);
  if (cached) return cached;
  const concept = findConcept(conceptId);
  if (!concept) throw new Error(`unknown concept: ${conceptId}`);
  const sorted = [...reports].sort(compareReports);
  const all = sorted.map((report) => pointOf(report, concept));
  const owners = new Map<string, ConceptOwner>();
  for (const point of all) {
    const owner = owners.get(point.ownerKey) ?? {
      key: point.ownerKey,
      name: point.owner,
      jurisdictionId: point.jurisdictionId,
      level: point.level,
      department: point.department,
      points: [],
    };
    owner.points.push(point);
    owners.set(point.ownerKey, owner);
  }
  const ownerList = [...owners.values()].sort(compareOwners);
  for (const owner of ownerList) owner.points.sort((a, b) => a.year - b.year || compareText(a.reportId, b.reportId));
  const mappings = TEMPLATES.map((template): ConceptMapping => {
    const mapping = concept.templates[template.id];
    const ofTemplate = all.filter((p) => p.template === template.id);
    // The caveat the reports carry (the JSON is what the page states); the catalog's for a format no report uses yet.
    const caveat = ofTemplate.find((p) => p.caveat !== null)?.caveat ?? mapping?.caveat ?? null;
    return {
      mark: templateMark(template.id),
      sumOf: mapping ? mapping.sumOf : null,
      caveat: caveat === null ? null : splitBilingual(caveat),
      reports: ofTemplate.length,
      withValue: ofTemplate.filter((p) => p.state === "value").length,
    };
  });
  const mapped = all.filter((p) => p.state !== "not_in_format");
  const series: ConceptSeries = {
    concept,
    points: ownerList.flatMap((o) => o.points),
    owners: ownerList,
    mappings,
    years: [...new Set(mapped.map((p) => p.year))].sort((a, b) => a - b),
    summaries: yearSummaries(mapped.map((p) => ({ year: p.year, level: p.level, department: p.department, value: p.value }))),
  };
  byId.set(conceptId, series);
  return series;
}

/** Most owners a concept chart draws; the table under it lists them all. */
export const MAX_CONCEPT_LINES = 10;

export interface ConceptChart {
  spec: ChartSpec;
  /** owners drawn, and owners with a figure in all */
  shown: number;
  total: number;
}

/**
 * The concept as a chart: one line per owner across the years, each point in
 * the shape of its format; bars by owner when no owner has two years of
 * figures. `owners` picks which owners (all by default), in the series' order;
 * colours follow each owner's place in the whole series, so filtering keeps them.
 */
export function conceptChart(series: ConceptSeries, options: { owners?: readonly ConceptOwner[]; limit?: number } = {}): ConceptChart {
  const limit = options.limit ?? MAX_CONCEPT_LINES;
  const candidates = (options.owners ?? series.owners).filter((o) => o.points.some((p) => p.state !== "not_in_format"));
  const shownOwners = candidates.slice(0, limit);
  const position = new Map(series.owners.map((o, i) => [o.key, i]));
  const years = [...new Set(shownOwners.flatMap((o) => o.points.filter((p) => p.state !== "not_in_format").map((p) => p.year)))].sort((a, b) => a - b);
  const at = (owner: ConceptOwner, year: number) => owner.points.find((p) => p.year === year);
  const stateAt = (point: ConceptPoint | undefined): PointState => point?.state ?? "none";
  const multiYear = shownOwners.some((o) => o.points.filter((p) => p.state === "value").length >= 2);
  const unit = series.concept.unit;
  if (years.length > 1 && multiYear) {
    return {
      shown: shownOwners.length,
      total: candidates.length,
      spec: {
        kind: "line",
        unit,
        categories: years.map((y) => `${y}年`),
        series: shownOwners.map((owner): ChartSeries => {
          const points = years.map((y) => at(owner, y));
          return {
            name: owner.name,
            values: points.map((p) => (p?.state === "value" ? p.value : null)),
            states: points.map(stateAt),
            shapes: points.map((p) => (p ? templateMark(p.template).shape : null)),
            colour: seriesColour(position.get(owner.key) ?? 0),
          };
        }),
      },
    };
  }
  return {
    shown: shownOwners.length,
    total: candidates.length,
    spec: {
      kind: "bar",
      unit,
      horizontal: shownOwners.length > 8,
      categories: shownOwners.map((o) => o.name),
      series: years.map((year): ChartSeries => {
        const points = shownOwners.map((o) => at(o, year));
        return {
          name: `${year}年`,
          values: points.map((p) => (p?.state === "value" ? p.value : null)),
          states: points.map(stateAt),
        };
      }),
    },
  };
}

/** Owners by their largest figure, largest first (ties by the series' order): the home page draws the top ones. */
export function ownersByPeak(series: ConceptSeries): ConceptOwner[] {
  const peak = (o: ConceptOwner) => Math.max(-1, ...o.points.map((p) => (p.state === "value" ? p.value! : -1)));
  const order = new Map(series.owners.map((o, i) => [o.key, i]));
  return [...series.owners].sort((a, b) => peak(b) - peak(a) || order.get(a.key)! - order.get(b.key)!);
}

/**
 * The concepts every format maps, in catalog order: the figures that run
 * unbroken from the 2008 table to today. The home page's headline is the
 * first of them; jurisdiction pages chart them all.
 */
export function spanningConcepts(): Concept[] {
  return CONCEPTS.filter((c) => TEMPLATES.every((t) => c.templates[t.id] !== undefined));
}

export function headlineConcept(): Concept {
  const first = spanningConcepts()[0];
  if (!first) throw new Error("no concept is mapped by every statistics template");
  return first;
}

/**
 * Concepts that break this one down (不予公开 → 国家秘密, 第三方权益 …): in some
 * format both map, every indicator of the part has its parent among the
 * indicators of the whole. Catalog order.
 */
export function conceptParts(conceptId: string): Concept[] {
  const whole = findConcept(conceptId);
  if (!whole) return [];
  return CONCEPTS.filter((part) => part.id !== whole.id && isPartOf(part, whole));
}

/** The concepts this one breaks down. */
export function conceptWholes(conceptId: string): Concept[] {
  const part = findConcept(conceptId);
  if (!part) return [];
  return CONCEPTS.filter((whole) => whole.id !== part.id && isPartOf(part, whole));
}

function isPartOf(part: Concept, whole: Concept): boolean {
  return TEMPLATES.some((template) => {
    const p = part.templates[template.id];
    const w = whole.templates[template.id];
    if (!p || !w) return false;
    return p.sumOf.every((id) => {
      const parent = indicatorFor(template, id)?.parent ?? null;
      return parent !== null && w.sumOf.includes(parent);
    });
  });
}

export interface ConceptSummary {
  concept: Concept;
  /** the formats that map it, oldest first */
  marks: TemplateMark[];
  /** reports whose format maps it, and of them those that give a number */
  reports: number;
  withValue: number;
  /** first and last year with a number */
  from: number | null;
  to: number | null;
}

/** Every concept with its formats and coverage, for the concept list. */
export function conceptSummaries(reports: readonly Report[]): ConceptSummary[] {
  return CONCEPTS.map((concept) => {
    const series = conceptSeries(reports, concept.id);
    const mapped = series.points.filter((p) => p.state !== "not_in_format");
    const valued = mapped.filter((p) => p.state === "value").map((p) => p.year);
    return {
      concept,
      marks: series.mappings.filter((m) => m.sumOf !== null).map((m) => m.mark),
      reports: mapped.length,
      withValue: valued.length,
      from: valued.length ? Math.min(...valued) : null,
      to: valued.length ? Math.max(...valued) : null,
    };
  });
}

/** A concept's value in one report, for tables that show a few concepts per report. */
export function conceptPointOf(report: Report, conceptId: string): ConceptPoint {
  const concept = findConcept(conceptId);
  if (!concept) throw new Error(`unknown concept: ${conceptId}`);
  return pointOf(report, concept);
}

export interface BreakdownCell {
  state: Exclude<ConceptState, "not_in_format">;
  value: number | null;
}

export interface ConceptBreakdown {
  mark: TemplateMark;
  /** the rows the format prints under the concept's figure (2008's six refusal reasons, 2019's eight) */
  parts: Indicator[];
  rows: { point: ConceptPoint; cells: BreakdownCell[] }[];
}

/**
 * What the concept breaks down into in each format that has reports: the
 * catalog's children of its indicators within the same column (不予公开 → its
 * reasons; 收到申请数 → 2008's channels), with each report's figures. Formats
 * break a figure down differently, so each has its own table.
 */
export function conceptBreakdowns(reports: readonly Report[], conceptId: string): ConceptBreakdown[] {
  const series = conceptSeries(reports, conceptId);
  const byId = new Map(reports.map((r) => [r.id, r]));
  return TEMPLATES.flatMap((template): ConceptBreakdown[] => {
    const mapping = series.concept.templates[template.id];
    if (!mapping) return [];
    const points = series.points.filter((p) => p.template === template.id);
    if (points.length === 0) return [];
    const parts = mapping.sumOf.flatMap((id) => {
      const whole = indicatorFor(template, id);
      if (!whole) return [];
      const children = [
        ...template.indicators.filter((i) => i.parent === id),
        ...template.derived.filter((d) => d.parent === id).map((d) => indicatorFor(template, d.id)!),
      ];
      return children.filter((child) => child.column === whole.column);
    });
    if (parts.length === 0) return [];
    return [
      {
        mark: templateMark(template.id),
        parts,
        rows: points.map((point) => ({
          point,
          cells: parts.map((part): BreakdownCell => {
            const figure = figureOf(byId.get(point.reportId)!, part.id);
            if (figure.kind === "absent") return { state: "absent", value: null };
            return figure.status === "reported" ? { state: "value", value: figure.value } : { state: figure.status, value: null };
          }),
        })),
      },
    ];
  });
}

/** A concept's label without its bracketed second name, for narrow places: 申请答复数（办理结果总计） → 申请答复数. */
export function conceptShortLabel(concept: Pick<Concept, "label">): string {
  return concept.label.replace(/（[^（）]*）$/, "");
}

export interface JurisdictionTrend {
  concept: Concept;
  owner: ConceptOwner;
  chart: ChartSpec;
}

/**
 * The trends a jurisdiction page draws: for each concept every format has,
 * the government's own reports (its departments are other bodies) across the
 * years, each point in the shape of its format. Empty when the government has
 * fewer than two years of reports.
 */
export function jurisdictionTrends(reports: readonly Report[], jurisdictionId: string): JurisdictionTrend[] {
  return spanningConcepts().flatMap((concept): JurisdictionTrend[] => {
    const series = conceptSeries(reports, concept.id);
    const owner = series.owners.find((o) => o.jurisdictionId === jurisdictionId && !o.department);
    if (!owner || new Set(owner.points.map((p) => p.year)).size < 2) return [];
    return [{ concept, owner, chart: conceptChart(series, { owners: [owner] }).spec }];
  });
}
