/** A `blocks` table as printed (表二): each block under its caption (第二十条第（一）项) with its own column headers. */
import type { BlocksTable, Column } from "../../catalog/index.ts";
import { cellOf, type CellContext } from "./cells.ts";
import { extraRowsOf } from "./extra-rows.ts";
import { outlineDepths } from "./outline.ts";
import { relabelRows } from "./row-labels.ts";
import type { PrintedBlocksTable, PrintedColumn } from "./types.ts";

/** The column's unit, unless its label already prints it (本年收费金额（单位：万元）). */
export function columnUnit(column: Pick<Column, "label" | "unit">): string | null {
  if (!column.unit) return null;
  const stated = new RegExp(`[（(]\\s*(?:单位[:：]\\s*)?${column.unit}\\s*[）)]`);
  return stated.test(column.label) ? null : column.unit;
}

export function blocksTable(context: CellContext, table: BlocksTable): PrintedBlocksTable {
  const printed: PrintedBlocksTable = {
    layout: "blocks",
    id: table.id,
    title: table.label,
    nameEn: table.nameEn,
    unit: table.unit,
    blocks: table.blocks.map((block) => {
      const columns: PrintedColumn[] = block.columns.map((c) => ({ key: c.id ?? "value", label: c.label, unit: columnUnit(c) }));
      const depths = outlineDepths(block.rows.map((r) => ({ key: r.id ?? r.label, label: r.label, parent: r.parent })));
      return {
        key: block.id,
        caption: block.caption,
        labelHeader: table.headerLabels[0] ?? "信息内容",
        columns,
        rows: block.rows.map((row) => {
          const cells = row.id ? block.columns.map((c) => cellOf(context, c.id === null ? row.id! : `${row.id}__${c.id}`, `${row.short} · ${c.label}`)) : [];
          return {
            key: row.id ?? row.label,
            kind: row.role === "value" ? "value" : row.role,
            label: row.label,
            printedAs: null,
            depth: depths.get(row.id ?? row.label) ?? 0,
            unit: row.unit ?? null,
            cells,
            indicatorHref: null,
            absent: cells.length > 0 && cells.every((c) => c.status === "absent"),
          };
        }),
      };
    }),
    extraRows: extraRowsOf(context.report, table.id),
  };
  relabelRows(printed.blocks.flatMap((b) => b.rows));
  return printed;
}
