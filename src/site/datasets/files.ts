/**
 * The downloadable files as strings, built from the same validated reports
 * the pages show. Pure: same reports (in any order) and build date → the same
 * bytes.
 *
 * The `…From` functions take observations computed once (see `Corpus`), so a
 * build over thousands of reports walks each report once, not once per file.
 */
import { allIndicators, findIndicator, type Indicator, type Template, sectionsOf } from "../../catalog/index.ts";
import { SCHEMA_VERSION, reportJsonSchema, type Report } from "../../schema/report.ts";
import type { BuildDate } from "./build-date.ts";
import { csvOf, indicatorFileColumns, longColumns, wideColumns, type WideRow } from "./columns.ts";
import { reportObservations, sortReports, type Observation } from "./observations.ts";

export const DATASET_TITLE = "政府信息公开工作年度报告统计数据";
export const DATASET_TITLE_EN = "Statistics from Chinese government information disclosure annual reports";
export const LICENSE = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0 International",
  path: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** JSON as published: two-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Reports sorted by id with their observations, computed once. */
export interface Corpus {
  reports: Report[];
  observations: Observation[][];
  /** Primary observations per indicator id, in report order. */
  byIndicator: Map<string, Observation[]>;
}

export function corpusOf(input: readonly Report[]): Corpus {
  const reports = sortReports(input);
  const observations = reports.map(reportObservations);
  const byIndicator = new Map<string, Observation[]>(allIndicators().map((e) => [e.indicator.id, []]));
  for (const observation of observations.flat()) {
    if (observation.primary) byIndicator.get(observation.indicator.id)?.push(observation);
  }
  return { reports, observations, byIndicator };
}

export function longCsvFrom(corpus: Corpus): string {
  return csvOf(longColumns(), corpus.observations.flat());
}

export function wideRowsFrom(corpus: Corpus): WideRow[] {
  return corpus.reports.map((report, i) => ({
    report,
    primary: new Map(corpus.observations[i]!.filter((o) => o.primary).map((o) => [o.indicator.id, o])),
  }));
}

export function wideCsvFrom(corpus: Corpus): string {
  return csvOf(wideColumns(), wideRowsFrom(corpus));
}

/** The long rows of one report. */
export function reportCsvFrom(observations: readonly Observation[]): string {
  return csvOf(longColumns(), observations);
}

/** One report's JSON file: the validated report object as it is. */
export function reportJson(report: Report): string {
  return toJson(report);
}

/** Catalog facts about an indicator, as the per-indicator JSON gives them. */
export function indicatorSummary(template: Template, indicator: Indicator) {
  const section = sectionsOf(template).find((s) => s.id === indicator.section);
  return {
    id: indicator.id,
    label: indicator.label,
    officialLabel: indicator.officialLabel,
    nameEn: indicator.nameEn,
    unit: indicator.unit,
    parent: indicator.parent,
    section: indicator.section,
    sectionLabel: section?.label ?? indicator.section,
    template: template.id,
  };
}

/** The primary observation of every report whose template has the indicator. */
export function indicatorObservationsFrom(corpus: Corpus, indicatorId: string): Observation[] {
  const found = corpus.byIndicator.get(indicatorId);
  if (!found) throw new Error(`unknown indicator: ${indicatorId}`);
  return found;
}

export function indicatorCsvFrom(corpus: Corpus, indicatorId: string): string {
  return csvOf(indicatorFileColumns(), indicatorObservationsFrom(corpus, indicatorId));
}

export function indicatorJsonFrom(corpus: Corpus, indicatorId: string): string {
  const entry = findIndicator(indicatorId);
  if (!entry) throw new Error(`unknown indicator: ${indicatorId}`);
  const columns = indicatorFileColumns();
  const rows = indicatorObservationsFrom(corpus, indicatorId).map((o) =>
    Object.fromEntries(columns.map((c) => [c.name, c.value(o)])),
  );
  return toJson({ indicator: indicatorSummary(entry.template, entry.indicator), rows });
}

/** reports.json: every validated report, sorted by id, under a meta block carrying the build date. */
export function reportsJson(reports: readonly Report[], buildDate: BuildDate): string {
  const sorted = sortReports(reports);
  return toJson({
    meta: {
      title: DATASET_TITLE,
      schemaVersion: SCHEMA_VERSION,
      schema: "report.schema.json",
      license: LICENSE.name,
      buildDate: buildDate.timestamp,
      reportCount: sorted.length,
    },
    reports: sorted,
  });
}

export function reportSchemaJson(): string {
  return toJson(reportJsonSchema());
}

/** Convenience wrappers over a one-off corpus. */
export const longCsv = (reports: readonly Report[]) => longCsvFrom(corpusOf(reports));
export const wideCsv = (reports: readonly Report[]) => wideCsvFrom(corpusOf(reports));
export const reportCsv = (report: Report) => reportCsvFrom(reportObservations(report));
export const indicatorCsv = (reports: readonly Report[], id: string) => indicatorCsvFrom(corpusOf(reports), id);
export const indicatorJson = (reports: readonly Report[], id: string) => indicatorJsonFrom(corpusOf(reports), id);
