/**
 * The downloads of one comparison view: CSV and JSON of exactly the rows,
 * columns and order the table shows, with the view's title, URL, licence and
 * build date. The browser writes them for the view it shows; the build
 * writes them for the default view (the no-JS page links to those).
 */
import { toCsv, type Cell } from "../datasets/csv.ts";
import { SITE } from "../site-config.ts";
import { paths } from "../paths.ts";
import { COMPARE_TEXT as T } from "./strings.ts";
import type { CellStatus, View, ViewRow } from "./view.ts";
import { viewCaveats } from "./view.ts";
import { writeSelection } from "./selection.ts";
import type { CompareIndex } from "./types.ts";

/** A cell's status in the JSON download, spelled out. */
export const STATUS_NAMES: Record<CellStatus, string> = {
  r: "reported",
  n: "not_reported",
  u: "uncertain",
  a: "not_in_report",
  f: "not_in_format",
  x: "operand_missing",
  z: "zero_denominator",
};

/** An absolute URL when the base is known (the browser's origin, the configured site), else the path. */
export function absolute(path: string, base: string | null): string {
  return base ? new URL(path, base).href : path;
}

/** The view's URL: the page with every choice in its query. */
export function viewUrl(view: View, base: string | null): string {
  return absolute(`${paths.compare}${writeSelection(view.selection)}`, base);
}

export function citationText(view: View, index: CompareIndex, url: string): string {
  return T.citation.format(SITE.name, view.title, index.buildDate, index.license.name, url);
}

/** The table's columns in the table's order, each extra column beside the one it belongs to. */
export function csvHeader(view: View): string[] {
  const c = T.csv;
  return [
    c.owner,
    c.ownerId,
    c.fullName,
    c.year,
    ...view.measures.flatMap((m) => [c.value(m.label, m.unit), c.note(m.label)]),
    c.template,
    c.prefecture,
    c.province,
    c.reportId,
    c.reportUrl,
  ];
}

function csvRecord(row: ViewRow, base: string | null): Cell[] {
  return [
    row.owner.name,
    row.owner.key,
    row.owner.fullName,
    row.year,
    ...row.cells.flatMap((cell): Cell[] => [cell.value, cell.status === "r" ? "" : cell.text]),
    row.template.short,
    row.owner.prefecture ?? "",
    row.owner.province ?? "",
    row.reportId,
    absolute(paths.report(row.reportId), base),
  ];
}

/** Every row of the view in the table's order; a value and a note column per measure. */
export function viewCsv(view: View, base: string | null): string {
  return toCsv(
    csvHeader(view),
    view.rows.map((row) => csvRecord(row, base)),
  );
}

/** `url` is the view's address as the reader has it; by default the one its choices make. */
export function viewJson(view: View, index: CompareIndex, base: string | null, url = viewUrl(view, base)): string {
  const caveats = new Map(viewCaveats(view).map((c) => [c.measure.key, c.notes]));
  const document = {
    title: view.title,
    url,
    citation: citationText(view, index, url),
    license: index.license,
    buildDate: index.buildDate,
    selection: view.selection,
    measures: view.measures.map((m) => ({
      key: m.key,
      kind: m.kind,
      id: m.id,
      label: m.label,
      nameEn: m.nameEn,
      unit: m.unit,
      rate: m.rate,
      notes: (caveats.get(m.key) ?? []).map((n) => ({ templates: n.templates.map((t) => t.id), zh: n.zh, en: n.en })),
    })),
    rows: view.rows.map((row) => ({
      reportId: row.reportId,
      reportUrl: absolute(paths.report(row.reportId), base),
      owner: { key: row.owner.key, name: row.owner.name, fullName: row.owner.fullName, prefecture: row.owner.prefecture, province: row.owner.province },
      year: row.year,
      template: { id: row.template.id, name: row.template.short },
      values: Object.fromEntries(
        row.cells.map((cell) => [
          cell.key,
          {
            value: cell.value,
            status: STATUS_NAMES[cell.status],
            note: cell.status === "r" ? null : cell.text,
            href: cell.href === null ? null : absolute(cell.href, base),
          },
        ]),
      ),
    })),
    summaries: view.summaries.map((s) => ({
      year: s.year,
      total: Object.fromEntries(s.total.map((c) => [c.key, c.value])),
      median: Object.fromEntries(s.median.map((c) => [c.key, c.value])),
      reportsWithValue: Object.fromEntries(s.count.map((c) => [c.key, c.value])),
      excluded: s.excluded.map((e) => ({ reportId: e.row.reportId, within: e.within.key })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
