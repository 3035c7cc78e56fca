/** The labels a table's rows show: decided once per table (see displayLabels in ./outline.ts). */
import { printedLabelOf } from "./cells.ts";
import { displayLabels } from "./outline.ts";
import type { PrintedRow } from "./types.ts";

/** Rows built with the format's labels, relabelled in place for the page; section rows are left as the format prints them. */
export function relabelRows(rows: readonly PrintedRow[]): void {
  const labels = displayLabels(rows.map((r) => ({ format: r.label, printed: printedLabelOf(r.cells) })));
  rows.forEach((row, i) => {
    row.label = labels[i]!.label;
    row.printedAs = labels[i]!.printedAs;
  });
}
