/**
 * CSV writing for the downloads: RFC 4180 with the choices that make the files
 * open correctly on Chinese-locale Windows (Excel, WPS): UTF-8 with a BOM and
 * CRLF record separators. Every record, the last included, ends with CRLF.
 */

export type Cell = string | number | boolean | null;

/** Byte order mark; without it Excel/WPS on zh-CN Windows decode UTF-8 as GBK and show mojibake. */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";

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

/** One cell as text: null → empty, booleans as true/false, numbers plainly. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return plainNumber(cell);
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return cell;
}

/** Quote a field when RFC 4180 requires it (comma, double quote, CR or LF), doubling inner quotes. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: BOM, header, one record per row, CRLF after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const records = [header, ...rows].map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${index} has ${row.length} cells, the header has ${header.length}`);
    }
    return row.map((cell) => quoteField(cellText(cell))).join(",");
  });
  return BOM + records.map((record) => record + CRLF).join("");
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
