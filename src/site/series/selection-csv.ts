/**
 * The CSV of exactly what an indicator view shows: its rows, filtered and in
 * the order of the table, written by the downloads' writer
 * (src/site/datasets/csv.ts). The browser loads this module only when the
 * reader asks for the file.
 */
import { toCsv, type Cell } from "../datasets/csv.ts";
import type { CompactRow } from "../indicator-series.ts";
import type { Selection } from "../indicator-view.ts";

export const SELECTION_COLUMNS = [
  "indicator",
  "report_id",
  "jurisdiction_id",
  "jurisdiction",
  "prefecture",
  "year",
  "template",
  "value",
  "value_status",
  "origin",
  "source_line",
] as const;

/** The status codes of the downloads (a figure the report does not print at all is not_in_report). */
const STATUS_CODES: Record<CompactRow["s"], string> = {
  value: "reported",
  not_reported: "not_reported",
  uncertain: "uncertain",
  absent: "not_in_report",
};

const ORIGINS: Record<CompactRow["o"], string> = { t: "table", x: "text", d: "derived", "": "" };

export function selectionCsv(indicatorId: string, rows: readonly CompactRow[]): string {
  return toCsv(
    SELECTION_COLUMNS,
    rows.map((row): Cell[] => [
      indicatorId,
      row.r,
      row.j,
      row.n,
      row.p,
      row.y,
      row.t,
      row.s === "value" ? row.v : null,
      STATUS_CODES[row.s],
      ORIGINS[row.o],
      row.l > 0 ? row.l : null,
    ]),
  );
}

/** requests_received__total.csv for the whole indicator; …-j640202-y2017-2018.csv for a selection. */
export function selectionFileName(indicatorId: string, selection: Pick<Selection, "jurisdictions" | "years">): string {
  const parts = [indicatorId];
  if (selection.jurisdictions.length) parts.push(`j${selection.jurisdictions.join("_")}`);
  if (selection.years.length) parts.push(`y${selection.years.join("_")}`);
  return `${parts.join("-")}.csv`;
}
