/**
 * CSV writing for the downloads: RFC 4180 with the choices that make the files
 * open correctly on Chinese-locale Windows (Excel, WPS): UTF-8 with a BOM and
 * CRLF record separators. Every record, the last included, ends with CRLF.
 *
 * Text from a report can reach a cell (titles, names, row labels, raw cells),
 * and a spreadsheet evaluates a text cell that starts with = + - @, tab or CR
 * as a formula even when it is quoted (OWASP "CSV injection"). Such a cell is
 * written with a leading apostrophe, so Excel, WPS and LibreOffice show it as
 * text. Number cells are never touched: -5 stays -5.
 *
 * The one writer of every CSV the site offers: the downloads at build time and
 * the views a reader saves in the browser (an indicator's selection, the
 * comparison view). It uses csv-stringify's browser build, which runs in Node
 * as well; the Node build needs Buffer, which a page does not have.
 */
import { stringify } from "csv-stringify/browser/esm/sync";

export type Cell = string | number | boolean | null;

/** Byte order mark; without it Excel/WPS on zh-CN Windows decode UTF-8 as GBK and show mojibake. */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";

/**
 * The first characters that make a spreadsheet read a text cell as a formula:
 * OWASP's = + - @ tab CR, and the full-width ＝ ＋ － ＠ that some spreadsheets
 * (Apple Numbers) fold into them. csv-stringify's `escape_formulas` escapes exactly these.
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * A number as digits only: no thousands separators and no exponent, which
 * String(n) produces for |n| >= 1e21 or |n| < 1e-6 and which spreadsheets
 * would otherwise read as text or round.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} to CSV: not a finite number`);
  if (Object.is(n, -0)) return "0";
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = "", exponentText] = match;
  const digits = `${lead}${fraction}`;
  // Position of the decimal point within `digits` after applying the exponent.
  const point = 1 + Number(exponentText);
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A whole CSV file: BOM, header, one record per row, CRLF after every record.
 * null → empty cell, booleans as true/false, numbers plainly; a field is quoted
 * when it holds a comma, a double quote, CR or LF, with inner quotes doubled.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [...csvPieces(header, rows)].join("");
}

/** Records per piece of csvPieces: a piece is encoded at once, so its size is what a large file costs at a time. */
const RECORDS_PER_PIECE = 2000;

/**
 * The CSV of toCsv in pieces of whole records, the first with the BOM and the
 * header: a bulk file of a large corpus is longer than the longest string
 * JavaScript can hold, so it is written piece by piece (see content.ts).
 */
export function* csvPieces(header: readonly string[], rows: Iterable<readonly Cell[]>): Generator<string> {
  // The BOM is written here rather than by csv-stringify's `bom` option, which
  // only takes effect in its streaming API.
  yield BOM + records([header]);
  let batch: (readonly Cell[])[] = [];
  let index = 0;
  for (const row of rows) {
    index++;
    if (row.length !== header.length) throw new Error(`CSV row ${index} has ${row.length} cells, the header has ${header.length}`);
    batch.push(row);
    if (batch.length === RECORDS_PER_PIECE) {
      yield records(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield records(batch);
}

/** Records as CSV text, CRLF after each. */
function records(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows as Cell[][], {
    record_delimiter: "windows",
    // With an explicit record delimiter csv-stringify would leave a lone LF or CR unquoted.
    quote_record_delimiter: true,
    // The OWASP rule above; csv-stringify skips numbers, so negative figures stay numbers.
    escape_formulas: true,
    cast: { number: plainNumber, boolean: (value) => (value ? "true" : "false") },
  });
}

/**
 * Parse RFC 4180 text back into records (BOM stripped). Used by the tests and
 * kept here so the reader and the writer agree on one dialect.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field !== "") throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
    } else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && input[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 1;
    } else if (ch === "\r" || ch === "\n") {
      throw new Error(`CSV: bare ${ch === "\r" ? "CR" : "LF"} outside quotes at offset ${i}`);
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) throw new Error("CSV: unterminated quoted field");
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
