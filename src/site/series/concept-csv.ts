/**
 * A concept's series as CSV, one record per report (those whose format has no
 * such figure included, with value_status not_in_format), in the downloads'
 * dialect (src/site/datasets/csv.ts): the values the reports' JSON carries in
 * `concepts`, the format, the indicators each value is made of and the caveat.
 */
import { toCsv, type Cell } from "../datasets/csv.ts";
import type { ConceptPoint, ConceptSeries } from "./concepts.ts";

export const CONCEPT_COLUMNS = [
  "concept",
  "report_id",
  "jurisdiction_id",
  "jurisdiction",
  "level",
  "department",
  "year",
  "template",
  "value",
  "value_status",
  "indicators",
  "caveat",
] as const;

const STATUS_CODES: Record<ConceptPoint["state"], string> = {
  value: "reported",
  not_reported: "not_reported",
  uncertain: "uncertain",
  absent: "not_in_report",
  not_in_format: "not_in_format",
};

export function conceptCsv(series: ConceptSeries): string {
  return toCsv(
    CONCEPT_COLUMNS,
    series.points.map((p): Cell[] => [
      series.concept.id,
      p.reportId,
      p.jurisdictionId,
      p.owner,
      p.level,
      p.department,
      p.year,
      p.template,
      p.state === "value" ? p.value : null,
      STATUS_CODES[p.state],
      p.indicators.join("+"),
      p.caveat,
    ]),
  );
}

/** Where a concept's CSV is written: beside its page. */
export const conceptCsvPath = (pagePath: string) => `${pagePath}values.csv`;
