/**
 * Where a report page puts each statistics table: at the marker the converter
 * left where the report printed it (`<StatisticsTable table="…" />`); a
 * marker that names no table takes every table no marker names; tables no
 * marker takes (a report without a table, whose figures come from its prose)
 * follow the body.
 */
import { bodySegments } from "../render-report-body.ts";
import type { PrintedTable } from "../statistics-table.ts";

export type LayoutSegment = { kind: "html"; html: string } | { kind: "tables"; tables: PrintedTable[] };

export interface ReportLayout {
  body: LayoutSegment[];
  /** Tables no marker placed, shown after the body. */
  after: PrintedTable[];
}

export function reportLayout(bodyHtml: string, tables: readonly PrintedTable[]): ReportLayout {
  const segments = bodySegments(bodyHtml);
  const byId = new Map(tables.map((t) => [t.id, t]));
  const placed = new Set<string>();
  for (const s of segments) if (s.kind === "table" && s.table !== null && byId.has(s.table)) placed.add(s.table);
  const unnamed = tables.filter((t) => !placed.has(t.id));
  let unnamedTaken = false;
  const body: LayoutSegment[] = [];
  for (const s of segments) {
    if (s.kind === "html") {
      body.push(s);
      continue;
    }
    if (s.table !== null) {
      const table = byId.get(s.table);
      // A table shows once, at its first marker; a marker naming no table of the format shows nothing.
      if (table && placed.delete(s.table)) body.push({ kind: "tables", tables: [table] });
      continue;
    }
    if (!unnamedTaken && unnamed.length > 0) {
      body.push({ kind: "tables", tables: unnamed });
      unnamedTaken = true;
    }
  }
  return { body, after: unnamedTaken ? [] : unnamed };
}
