/**
 * Reader of the `header_row` layout: one row of figures under grouped column
 * headers (表四: 行政复议 × 5, then 行政诉讼 — 未经复议直接起诉 × 5 and
 * 复议后起诉 × 5). The figures are the table's first line of values after its
 * header; the groups and columns of the template say which is which, in order.
 */
import type { HeaderRowTable, Row } from "../../catalog/index.ts";
import { defineWarnings } from "../diagnostics.ts";
import { EMPTY_TEXT } from "../document/source-text.ts";
import type { SourceText } from "../document/types.ts";
import { assignRow, cellId, cellSpec, emptyReading, type CellTarget, type LayoutReader } from "./reading.ts";

export const HEADER_ROW_WARNINGS = defineWarnings({
  no_figures_row: { zh: "找到了复议诉讼表的表头，但没有数值行", en: "the reconsideration and litigation table's header was found, but no row of figures" },
});

export const readHeaderRow: LayoutReader<HeaderRowTable> = (table, lines) => {
  const reading = emptyReading();
  const targets: CellTarget[] = [];
  const labelOf = (group: HeaderRowTable["groups"][number]): SourceText => ({ ...EMPTY_TEXT, text: group.label });
  for (const group of table.groups) {
    const row: Row = { id: group.id, label: group.label, short: group.label, nameEn: group.nameEn, variants: [], parent: null, role: "value" };
    for (const column of group.columns) {
      targets.push({ id: cellId(group.id, column.id), table: table.id, row: group.id, column: column.id, label: labelOf(group), spec: cellSpec(table, row, column) });
    }
  }
  // The first line with figures is the table's row (its own label, if any, is the row's: 件数, 数量).
  const figures = lines.find((line) => !line.header && line.values.some((v) => v.kind !== "blank"));
  if (!figures) {
    reading.warnings.push({ diagnostic: HEADER_ROW_WARNINGS.warn("no_figures_row", null, `${table.label}：找到了表头，但没有数值行`), at: lines.find((l) => l.header)?.header?.[0]?.text ?? lines[0]?.label ?? null });
    return reading;
  }
  const values = figures.values.filter((v, _i, all) => !(v.wholeCell && v.kind === "blank" && all.length > targets.length));
  assignRow(reading, targets.map((t) => ({ ...t, label: figures.label ?? t.label })), values, null, `${table.id}/row`);
  return reading;
};
