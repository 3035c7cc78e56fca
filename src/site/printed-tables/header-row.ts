/**
 * A `header_row` table as printed (表四): one row of figures under grouped
 * headers — 行政复议 (five columns) | 行政诉讼 over 未经复议直接起诉 and 复议后起诉
 * (five each). Each group is a block of its own; groups that share a
 * super-group (`over`) stand together under it.
 */
import type { HeaderRowTable } from "../../catalog/index.ts";
import { cellOf, type CellContext } from "./cells.ts";
import { columnUnit } from "./blocks.ts";
import { extraRowsOf } from "./extra-rows.ts";
import type { PrintedHeaderRowTable, PrintedHeaderGroup } from "./types.ts";

export function headerRowTable(context: CellContext, table: HeaderRowTable): PrintedHeaderRowTable {
  const sections: PrintedHeaderRowTable["sections"] = [];
  for (const group of table.groups) {
    const printed: PrintedHeaderGroup = {
      key: group.id,
      label: group.label,
      columns: group.columns.map((c) => ({ key: c.id ?? "value", label: c.label, unit: columnUnit(c) })),
      cells: group.columns.map((c) =>
        cellOf(context, `${group.id}__${c.id}`, [group.over, group.label, c.label].filter(Boolean).join(" · ")),
      ),
    };
    const over = group.over ?? null;
    const last = sections[sections.length - 1];
    if (over !== null && last && last.over === over) last.groups.push(printed);
    else sections.push({ over, groups: [printed] });
  }
  return {
    layout: "header_row",
    id: table.id,
    title: table.label,
    nameEn: table.nameEn,
    unit: table.unit,
    sections,
    extraRows: extraRowsOf(context.report, table.id),
  };
}
