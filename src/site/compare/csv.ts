/**
 * CSV of a comparison view, written in the browser as well as at build time.
 *
 * The same dialect and the same rules as the site's other downloads
 * (src/site/datasets/csv.ts: UTF-8 with a BOM, CRLF after every record, a
 * text cell that a spreadsheet would read as a formula written with a leading
 * apostrophe, numbers as plain digits) through csv-stringify with the same
 * options — but its browser build: the build the downloads use needs Node's
 * Buffer, which a page does not have. A unit test checks that both writers give
 * the same bytes.
 */
import { stringify } from "csv-stringify/browser/esm/sync";

export type CsvCell = string | number | boolean | null;

export const BOM = "\uFEFF";

/** A number as digits only: no thousands separators, no exponent (as src/site/datasets/csv.ts writes them). */
export function plainNumber(n: number): string {
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

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows];
  records.forEach((row, index) => {
    if (row.length !== header.length) throw new Error(`CSV row ${index} has ${row.length} cells, the header has ${header.length}`);
  });
  const body = stringify(records as CsvCell[][], {
    record_delimiter: "windows",
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { number: plainNumber, boolean: (value) => (value ? "true" : "false") },
  });
  return BOM + body;
}
