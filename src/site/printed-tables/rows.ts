/**
 * A `rows` table as printed: 统计指标 | 单位 | 统计数 (2008) or 指标名称 | 计量单位 |
 * 本年度 | 历年累计 (Fujian), in its sections (一、主动公开情况 …), with the
 * group rows the format prints between them (（二）通过不同渠道和方式公开政府信息的情况).
 */
import { findIndicator, type Column, type Row, type RowsTable } from "../../catalog/index.ts";
import { paths } from "../paths.ts";
import { cellOf, type CellContext } from "./cells.ts";
import { groupPosition, outlineDepths } from "./outline.ts";
import { relabelRows } from "./row-labels.ts";
import type { PrintedColumn, PrintedRow, PrintedRowsTable, PrintedSection } from "./types.ts";
import { extraRowsOf } from "./extra-rows.ts";

const cellId = (row: string, column: string | null) => (column === null ? row : `${row}__${column}`);

/** A catalog row or a group row, before depths are known. */
type Entry = { key: string; label: string; parent: string | null; row: Row | null; group: { freeText: boolean } | null };

function valueRow(context: CellContext, table: RowsTable, row: Row, depth: number): PrintedRow {
  const single = table.columns.length === 1;
  const cells = table.columns.map((column: Column) =>
    cellOf(context, cellId(row.id!, column.id), single ? row.short : `${row.short} · ${column.label}`),
  );
  return {
    key: row.id ?? row.label,
    kind: row.role === "heading" ? "heading" : row.role === "free_text" ? "free_text" : row.role === "group" ? "group" : "value",
    label: row.label,
    printedAs: null,
    depth,
    unit: row.unit ?? table.unit,
    cells,
    indicatorHref: row.id && findIndicator(row.id) ? paths.indicator(row.id) : null,
    absent: cells.every((c) => c.status === "absent"),
  };
}

export function rowsTable(context: CellContext, table: RowsTable): PrintedRowsTable {
  const columns: PrintedColumn[] = table.columns.map((c) => ({ key: c.id ?? "value", label: c.label, unit: c.unit ?? null }));
  const byId = new Map(table.rows.filter((r) => r.id).map((r) => [r.id!, r]));
  const isDescendant = (row: string, of: string): boolean => {
    let parent = byId.get(row)?.parent ?? null;
    while (parent) {
      if (parent === of) return true;
      parent = byId.get(parent)?.parent ?? null;
    }
    return false;
  };
  const sectionsIn = table.sections.length > 0 ? table.sections : [null];
  const sections: PrintedSection[] = sectionsIn.map((section) => {
    const headline = section?.indicator ? byId.get(section.indicator) : undefined;
    const members = table.rows.filter((r) => (section === null || r.section === section.id) && r !== headline);
    const entries: Entry[] = members.map((r) => ({ key: r.id ?? r.label, label: r.label, parent: r.parent, row: r, group: null }));
    for (const group of table.groups.filter((g) => section !== null && g.section === section.id)) {
      const at = groupPosition(entries, group.label, isDescendant);
      entries.splice(at, 0, { key: `group:${group.label}`, label: group.label, parent: null, row: null, group: { freeText: group.freeText } });
    }
    const depths = outlineDepths(entries);
    const rows = entries.map((entry): PrintedRow => {
      const depth = depths.get(entry.key) ?? 0;
      if (entry.row) return valueRow(context, table, entry.row, depth);
      return {
        key: entry.key,
        kind: entry.group!.freeText ? "free_text" : "group",
        label: entry.label,
        printedAs: null,
        depth,
        unit: null,
        cells: [],
        indicatorHref: null,
        absent: false,
      };
    });
    const heading: PrintedRow | null = section
      ? headline
        ? { ...valueRow(context, table, headline, 0), key: section.id, label: section.label, printedAs: null, kind: "heading" }
        : { key: section.id, kind: "heading", label: section.label, printedAs: null, depth: 0, unit: null, cells: [], indicatorHref: null, absent: false }
      : null;
    return { key: section?.id ?? table.id, heading, rows };
  });
  relabelRows(sections.flatMap((s) => s.rows));
  return {
    layout: "rows",
    id: table.id,
    title: table.label,
    nameEn: table.nameEn,
    unit: table.unit,
    labelHeader: table.headerLabels[0] ?? "统计指标",
    unitHeader: table.headerLabels[1] ?? "单位",
    columns,
    sections,
    extraRows: extraRowsOf(context.report, table.id),
  };
}
