/**
 * A `matrix` table as printed (表三): the applicant columns under their header
 * (申请人情况 over 自然人 | 法人或其他组织 (five columns) | 总计), the corner
 * cell with the table's note on its rule, and the rows in the printed outline
 * (三、本年度办理结果 over （一）…（七）, （三）不予公开 over 1.–8.). A group row's
 * figures are computed where the report does not print them.
 */
import type { MatrixTable } from "../../catalog/index.ts";
import { cellOf, type CellContext } from "./cells.ts";
import { columnUnit } from "./blocks.ts";
import { extraRowsOf } from "./extra-rows.ts";
import { outlineDepths } from "./outline.ts";
import { relabelRows } from "./row-labels.ts";
import type { HeaderCell, PrintedMatrixTable, PrintedRow } from "./types.ts";

/** Letters and digits only: the variants of one header (（…）, (…), …) compare equal. */
const bare = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The corner note and the header over all columns, from the table's header
 * labels: the first is the corner (2019/2021: 本列数据的勾稽关系为…), the first
 * other one that is not a spelling of it, a column or a column group is the top header (申请人情况).
 */
export function matrixHeaderLabels(table: Pick<MatrixTable, "headerLabels" | "columns" | "columnGroups">): { corner: string | null; top: string | null } {
  const named = new Set([...table.columns.map((c) => bare(c.label)), ...table.columnGroups.map((g) => bare(g.label))]);
  const [first, ...rest] = table.headerLabels.filter((l) => !named.has(bare(l)));
  if (first === undefined) return { corner: null, top: null };
  const top = rest.find((l) => bare(l) !== bare(first)) ?? null;
  return { corner: /^[（(]/.test(first) ? first : `（${first}）`, top };
}

export function matrixTable(context: CellContext, table: MatrixTable): PrintedMatrixTable {
  const { corner, top } = matrixHeaderLabels(table);
  const header: HeaderCell[][] = [];
  const columnHeaders: string[][] = table.columns.map(() => []);
  const headerId = (suffix: string) => `h-${table.id}-${suffix}`;
  const grouped = new Map<string, { label: string; columns: string[]; index: number }>();
  table.columnGroups.forEach((group, index) => {
    for (const column of group.columns) grouped.set(column, { ...group, index });
  });
  const levels = grouped.size > 0 ? 2 : 1;
  if (top) {
    const id = headerId("top");
    header.push([{ id, label: top, unit: null, colspan: table.columns.length, rowspan: 1 }]);
    columnHeaders.forEach((ids) => ids.push(id));
  }
  const upper: HeaderCell[] = [];
  const lower: HeaderCell[] = [];
  table.columns.forEach((column, i) => {
    const id = headerId(column.id!);
    const group = grouped.get(column.id!);
    if (!group) {
      upper.push({ id, label: column.label, unit: columnUnit(column), colspan: 1, rowspan: levels });
      columnHeaders[i]!.push(id);
      return;
    }
    const groupId = headerId(`group${group.index + 1}`);
    if (group.columns[0] === column.id) upper.push({ id: groupId, label: group.label, unit: null, colspan: group.columns.length, rowspan: 1 });
    lower.push({ id, label: column.label, unit: columnUnit(column), colspan: 1, rowspan: 1 });
    columnHeaders[i]!.push(groupId, id);
  });
  header.push(upper);
  if (lower.length > 0) header.push(lower);

  const depths = outlineDepths(table.rows.map((r) => ({ key: r.id ?? r.label, label: r.label, parent: r.parent })));
  const rows = table.rows.map((row): PrintedRow => {
    const key = row.id ?? row.label;
    const cells = row.id && row.role !== "heading" && row.role !== "free_text"
      ? table.columns.map((c) => cellOf(context, `${row.id}__${c.id}`, `${row.short} · ${c.label}`))
      : [];
    return {
      key,
      kind: row.role === "value" ? "value" : row.role,
      label: row.label,
      printedAs: null,
      depth: depths.get(key) ?? 0,
      unit: row.unit ?? null,
      cells,
      indicatorHref: null,
      absent: cells.length > 0 && cells.every((c) => c.status === "absent"),
    };
  });
  relabelRows(rows);
  return {
    layout: "matrix",
    id: table.id,
    title: table.label,
    nameEn: table.nameEn,
    unit: table.unit,
    corner,
    header,
    columnHeaders,
    rows,
    extraRows: extraRowsOf(context.report, table.id),
  };
}
