/**
 * Build time: what the comparison page and its files need, from the reports.
 * The build date is taken once per build, so the page, the index and the
 * default view's downloads name the same date.
 */
import { resolveBuildDate } from "../datasets/build-date.ts";
import type { Report } from "../../schema/report.ts";
import { compareData, type CompareData } from "./data.ts";
import { readRequest, resolveSelection } from "./selection.ts";
import { buildView, columnsNeeded, type View } from "./view.ts";
import type { MeasureColumn } from "./types.ts";

let buildDate: string | null = null;

/** The build's date (UTC), fixed by SOURCE_DATE_EPOCH for reproducible builds. */
export function compareBuildDate(): string {
  buildDate ??= resolveBuildDate().date;
  return buildDate;
}

export function compareDataFor(reports: readonly Report[]): CompareData {
  return compareData(reports, compareBuildDate());
}

/** The view of a query string (the default view for ""), computed as the browser would. */
export function viewFor(data: CompareData, search = ""): View {
  const resolved = resolveSelection(data.index, readRequest(search));
  const columns = new Map<string, MeasureColumn>(columnsNeeded(data.index, resolved.selection.measures).map((k) => [k, data.column(k)]));
  return buildView(data.index, columns, resolved);
}
