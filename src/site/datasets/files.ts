/**
 * The downloadable files, built from the same validated reports the pages
 * show. Pure: same reports (in any order) and build date → the same bytes.
 *
 * The `…From` and `…Pieces` functions take observations computed once (see
 * `Corpus`), so a build over thousands of reports walks each report once, not
 * once per file. The bulk files come in pieces (`…Pieces`): over a large
 * corpus they are longer than the longest string JavaScript can hold, and
 * content.ts encodes them piece by piece.
 */
import { allIndicators, CONCEPTS, findIndicator, type Template } from "../../catalog/index.ts";
import { SCHEMA_VERSION, reportJsonSchema, type Report } from "../../schema/report.ts";
import type { BuildDate } from "./build-date.ts";
import {
  allFormatsWideColumns,
  conceptColumns,
  csvOf,
  csvPiecesOf,
  indicatorFileColumns,
  longColumns,
  reportListColumns,
  splitCaveat,
  wideColumns,
  type ConceptRow,
} from "./columns.ts";
import { reportObservations, sortReports, templateFigures, type Observation } from "./observations.ts";

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
  /** Primary observations per printed indicator id (every format's), in report order. */
  byIndicator: Map<string, Observation[]>;
}

export function corpusOf(input: readonly Report[]): Corpus {
  const reports = sortReports(input);
  const observations = reports.map(reportObservations);
  const byIndicator = new Map<string, Observation[]>(allIndicators().map((e) => [e.indicator.id, []]));
  for (const observation of observations.flat()) {
    if (observation.primary && observation.figure.kind === "indicator") byIndicator.get(observation.figure.id)?.push(observation);
  }
  return { reports, observations, byIndicator };
}

/** The records of reports-long.csv, in the file's order. */
export function* longRows(corpus: Corpus): Generator<Observation> {
  for (const list of corpus.observations) yield* list;
}

export function longCsvPieces(corpus: Corpus): Generator<string> {
  return csvPiecesOf(longColumns(), longRows(corpus));
}

/** reports.csv: one row per report, its metadata. */
export function reportListCsvPieces(corpus: Corpus): Generator<string> {
  return csvPiecesOf(reportListColumns(), corpus.reports);
}

/** The reports of one format. */
export function reportsOfTemplate(corpus: Corpus, template: Template): Report[] {
  return corpus.reports.filter((r) => r.template === template.id);
}

/** The wide CSV of one format: a row per report of that format, a column per id of the format. */
export function wideCsvPieces(corpus: Corpus, template: Template): Generator<string> {
  return csvPiecesOf(wideColumns(template), reportsOfTemplate(corpus, template).map((report) => ({ report })));
}

/** The all-formats wide CSV: every report, every id of every format. */
export function allFormatsWideCsvPieces(corpus: Corpus): Generator<string> {
  return csvPiecesOf(allFormatsWideColumns(), corpus.reports.map((report) => ({ report })));
}

/** One row per concept of the catalog for a report: its value where the format maps it, and why not where it does not. */
export function conceptRowsOf(report: Report): ConceptRow[] {
  return CONCEPTS.map((concept): ConceptRow => {
    const mapping = concept.templates[report.template];
    if (!mapping) return { report, concept, status: "not_in_template", value: null, indicators: [], caveat: null, caveatEn: null };
    const given = report.concepts.find((c) => c.concept === concept.id);
    const caveat = splitCaveat(given?.caveat ?? mapping.caveat);
    return {
      report,
      concept,
      status: given?.status ?? "not_in_report",
      value: given?.value ?? null,
      indicators: given?.indicators ?? mapping.sumOf,
      caveat: caveat.zh,
      caveatEn: caveat.en || null,
    };
  });
}

function* everyConceptRow(corpus: Corpus): Generator<ConceptRow> {
  for (const report of corpus.reports) yield* conceptRowsOf(report);
}

export function conceptsCsvPieces(corpus: Corpus): Generator<string> {
  return csvPiecesOf(conceptColumns(), everyConceptRow(corpus));
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
export function indicatorSummary(id: string) {
  const entry = findIndicator(id);
  if (!entry) throw new Error(`unknown indicator: ${id}`);
  const figure = templateFigures(entry.template).find((f) => f.id === id)!;
  return {
    id,
    label: figure.label,
    officialLabel: figure.officialLabel,
    nameEn: figure.nameEn,
    unit: figure.unit,
    parent: figure.parent,
    table: figure.table,
    tableLabel: figure.tableLabel,
    row: figure.row,
    column: figure.column,
    sectionLabel: figure.sectionLabel,
    templates: entry.templates.map((t) => t.id),
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
  const summary = indicatorSummary(indicatorId);
  const columns = indicatorFileColumns();
  const rows = indicatorObservationsFrom(corpus, indicatorId).map((o) =>
    Object.fromEntries(columns.map((c) => [c.name, c.value(o)])),
  );
  return toJson({ indicator: summary, rows });
}

/**
 * reports.json: every validated report, sorted by id, under a meta block
 * carrying the build date. The text of toJson({ meta, reports }), one report
 * at a time: each report's own JSON, indented to its depth in the file.
 */
export function* reportsJsonPieces(reports: readonly Report[], buildDate: BuildDate): Generator<string> {
  const sorted = sortReports(reports);
  const meta = {
    title: DATASET_TITLE,
    schemaVersion: SCHEMA_VERSION,
    schema: "report.schema.json",
    license: LICENSE.name,
    buildDate: buildDate.timestamp,
    reportCount: sorted.length,
  };
  if (sorted.length === 0) {
    yield toJson({ meta, reports: [] });
    return;
  }
  // `{ "meta": {…}` without the closing brace, then the array opened.
  yield `${JSON.stringify({ meta }, null, 2).slice(0, -2)},\n  "reports": [\n`;
  for (const [index, report] of sorted.entries()) {
    // JSON text has no raw line ends inside strings, so every line end is a new line to indent.
    yield `${index > 0 ? ",\n" : ""}    ${JSON.stringify(report, null, 2).replaceAll("\n", "\n    ")}`;
  }
  yield "\n  ]\n}\n";
}

export function reportSchemaJson(): string {
  return toJson(reportJsonSchema());
}
