/**
 * The downloadable files as strings, built from the same validated reports
 * the pages show. Pure: same reports (in any order) and build date → the same
 * bytes.
 */
import { allIndicators, findIndicator, type Indicator, type Template } from "../../catalog/index.ts";
import { SCHEMA_VERSION, reportJsonSchema, type Report } from "../../schema/report.ts";
import type { BuildDate } from "./build-date.ts";
import { csvOf, indicatorFileColumns, longColumns, wideColumns, wideRow } from "./columns.ts";
import { allObservations, reportObservations, sortReports, type Observation } from "./observations.ts";

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

export function longCsv(reports: readonly Report[]): string {
  return csvOf(longColumns(), allObservations(reports));
}

export function wideCsv(reports: readonly Report[]): string {
  return csvOf(wideColumns(), sortReports(reports).map(wideRow));
}

/** The long rows of one report. */
export function reportCsv(report: Report): string {
  return csvOf(longColumns(), reportObservations(report));
}

/** One report's JSON file: the validated report object as it is. */
export function reportJson(report: Report): string {
  return toJson(report);
}

/** The reports whose template has the indicator, each with its primary observation. */
export function indicatorObservations(reports: readonly Report[], indicatorId: string): Observation[] {
  if (!findIndicator(indicatorId)) throw new Error(`unknown indicator: ${indicatorId}`);
  return allObservations(reports).filter((o) => o.primary && o.indicator.id === indicatorId);
}

export function indicatorCsv(reports: readonly Report[], indicatorId: string): string {
  return csvOf(indicatorFileColumns(), indicatorObservations(reports, indicatorId));
}

/** Catalog facts about an indicator, as the per-indicator JSON and the codebook give them. */
export function indicatorSummary(template: Template, indicator: Indicator) {
  const section = template.sections.find((s) => s.id === indicator.section);
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

export function indicatorJson(reports: readonly Report[], indicatorId: string): string {
  const entry = findIndicator(indicatorId);
  if (!entry) throw new Error(`unknown indicator: ${indicatorId}`);
  const columns = indicatorFileColumns();
  const rows = indicatorObservations(reports, indicatorId).map((o) =>
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

/** Every indicator id of the catalog, in catalog order (the per-indicator files). */
export function indicatorIds(): string[] {
  return allIndicators().map((e) => e.indicator.id);
}
