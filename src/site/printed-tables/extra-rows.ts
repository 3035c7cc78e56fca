/** Rows of a statistics table that its template lacks (report.extraRows): shown as printed, with their line. */
import type { Report } from "../../schema/report.ts";
import { paths } from "../paths.ts";
import type { PrintedExtraRow } from "./types.ts";

export function extraRowsOf(report: Report, table: string): PrintedExtraRow[] {
  return report.extraRows
    .filter((row) => row.table === table)
    .map((row) => ({ label: row.label, raw: row.raw, line: row.line, href: paths.sourceLine(report.id, row.line) }));
}
