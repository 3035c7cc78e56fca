/**
 * A few rows of the long CSV for the downloads page: the first row of each
 * value status and origin that occurs, in the file's order, with the columns
 * a reader needs to see how the file reads. Cells are the CSV's own text; the
 * page glosses the coded ones in Chinese.
 */
import { contentPieces, type FileContent } from "./content.ts";
import { parseCsv } from "./csv.ts";

export const PREVIEW_COLUMNS = ["report_id", "indicator_id", "indicator_label", "value", "value_status", "origin", "source_line", "raw_text"] as const;
export type PreviewColumn = (typeof PREVIEW_COLUMNS)[number];
export type PreviewRow = Record<PreviewColumn, string>;

/** Read chunk by chunk: each chunk is whole records, the first opens with the header, and the file may be larger than a string. */
export function longPreview(longCsv: FileContent): PreviewRow[] {
  const pieces = contentPieces(longCsv);
  const first = pieces.next();
  if (first.done) return [];
  const [header, ...firstRecords] = parseCsv(first.value);
  if (!header) return [];
  const index = PREVIEW_COLUMNS.map((name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`long CSV has no column ${name}`);
    return i;
  });
  const seen = new Set<string>();
  const rows: PreviewRow[] = [];
  const records = function* () {
    yield* firstRecords;
    for (const piece of pieces) yield* parseCsv(piece);
  };
  for (const record of records()) {
    const row = Object.fromEntries(PREVIEW_COLUMNS.map((name, k) => [name, record[index[k]!]!])) as PreviewRow;
    const kind = `${row.value_status} ${row.origin}`;
    if (seen.has(kind)) continue;
    seen.add(kind);
    rows.push(row);
  }
  return rows;
}
