/**
 * A few rows of the long CSV for the downloads page: the first row of each
 * value status and origin that occurs, in the file's order, with the columns
 * a reader needs to see how the file reads. Cells are the CSV's own text (each
 * chosen row is written by the CSV writer and read back); the page glosses the
 * coded ones in Chinese.
 *
 * Read from the records before they are written, not from the file: over a
 * national corpus the file is hundreds of megabytes, and parsing it back for
 * eight rows took longer than writing it.
 */
import { csvOf, longColumns } from "./columns.ts";
import { parseCsv } from "./csv.ts";
import type { Observation } from "./observations.ts";

export const PREVIEW_COLUMNS = ["report_id", "indicator_id", "indicator_label", "value", "value_status", "origin", "source_line", "raw_text"] as const;
export type PreviewColumn = (typeof PREVIEW_COLUMNS)[number];
export type PreviewRow = Record<PreviewColumn, string>;

export function longPreview(rows: Iterable<Observation>): PreviewRow[] {
  const columns = longColumns();
  const at = (name: string) => {
    const i = columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`long CSV has no column ${name}`);
    return i;
  };
  const index = PREVIEW_COLUMNS.map(at);
  const status = columns[at("value_status")]!;
  const origin = columns[at("origin")]!;
  const seen = new Set<string>();
  const preview: PreviewRow[] = [];
  for (const row of rows) {
    // Coded cells: the writer prints a code as it is and null as an empty cell.
    const kind = `${status.value(row) ?? ""} ${origin.value(row) ?? ""}`;
    if (seen.has(kind)) continue;
    seen.add(kind);
    const [, record] = parseCsv(csvOf(columns, [row]));
    preview.push(Object.fromEntries(PREVIEW_COLUMNS.map((name, k) => [name, record![index[k]!]!])) as PreviewRow);
  }
  return preview;
}
