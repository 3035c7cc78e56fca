/**
 * The CSV of exactly what an indicator view shows: its rows, filtered and in
 * the order of the table, in the downloads' dialect (src/site/datasets/csv.ts:
 * UTF-8 with a BOM, CRLF after every record, formula-safe text, plain
 * numbers). The downloads write with csv-stringify, which needs Node's Buffer
 * as soon as it is loaded, so this writer — which runs in the browser — cannot
 * import that module; it repeats its dialect, and a test holds the two
 * byte-equal. The browser loads this module only when the reader asks for the file.
 */
import type { Cell } from "../datasets/csv.ts";
import type { CompactRow } from "../indicator-series.ts";
import type { Selection } from "../indicator-view.ts";

const BOM = "\uFEFF";
const CRLF = "\r\n";
/** As src/site/datasets/csv.ts: the first characters that make a spreadsheet read text as a formula. */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** As src/site/datasets/csv.ts: digits only, no exponent. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} to CSV: not a finite number`);
  if (Object.is(n, -0)) return "0";
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = "", exponentText] = match;
  const digits = `${lead}${fraction}`;
  const point = 1 + Number(exponentText);
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function field(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return plainNumber(cell);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file as the downloads write it: BOM, header, one record per row, CRLF after each. */
export function writeCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) throw new Error(`CSV row ${index + 1} has ${row.length} cells, the header has ${header.length}`);
  }
  return BOM + [header, ...rows].map((row) => `${row.map(field).join(",")}${CRLF}`).join("");
}
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
  return writeCsv(
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
