/**
 * Reader of the `matrix` layout: rows × columns under a multi-level header
 * (表三 of the 2019 and 2021 formats: 25 rows × 自然人 · 商业企业 · 科研机构 ·
 * 社会公益组织 · 法律服务机构 · 其他 · 总计).
 *
 * In a grid the header says which grid column holds which template column
 * (a blank cell stays blank in its own column); without a grid the figures
 * come in the template's column order. A group row (（三）不予公开) carries no
 * figures of its own — unless the report prints figures on it (a 2021 report
 * with （六）其他处理 as one row), which are recorded under the group's id.
 */
import type { MatrixTable, Row } from "../../catalog/index.ts";
import { defineWarnings } from "../diagnostics.ts";
import type { SourceText } from "../document/types.ts";
import type { HeaderCell, LineValue } from "./lines.ts";
import { assignRow, cellId, cellSpec, emptyReading, type CellTarget, type LayoutReader } from "./reading.ts";

export const MATRIX_WARNINGS = defineWarnings({
  unknown_matrix_row: { zh: "表中有模板没有的行，已原样保留", en: "a row the template does not have; kept as printed" },
  header_unmatched: { zh: "表头与模板的栏目对不上，按栏目顺序读取", en: "the header does not match the template's columns; figures read in column order" },
});

/** Grid column → template column index, from the header cells of the leaf level. */
function columnMap(table: MatrixTable, headers: readonly HeaderCell[]): Map<number, number> | null {
  const map = new Map<number, number>();
  table.columns.forEach((column, index) => {
    const cell = headers.find((h) => h.roles.some((r) => r.kind === "column" && r.column.id === column.id) && h.to - h.from === 1)
      ?? headers.find((h) => h.roles.some((r) => r.kind === "column" && r.column.id === column.id));
    if (cell) for (let c = cell.from; c < cell.to; c++) map.set(c, index);
  });
  return map.size === table.columns.length ? map : null;
}

/** Template columns a grid cell covers (one, or several for a merged cell). */
function coveredColumns(map: ReadonlyMap<number, number>, value: LineValue): number[] {
  if (value.column === null) return [];
  const covered = new Set<number>();
  for (let c = value.column; c < value.column + value.colSpan; c++) {
    const index = map.get(c);
    if (index !== undefined) covered.add(index);
  }
  return [...covered];
}

export const readMatrix: LayoutReader<MatrixTable> = (table, lines) => {
  const reading = emptyReading();
  const headers: HeaderCell[] = [];
  let map: Map<number, number> | null = null;
  let warnedHeader = false;
  let runs = 0;
  let pending: { row: Row; label: SourceText } | null = null;

  const targetsOf = (row: Row, label: SourceText): CellTarget[] =>
    table.columns.map((column) => ({ id: cellId(row.id!, column.id), table: table.id, row: row.id!, column: column.id, label, spec: cellSpec(table, row, column) }));

  const record = (row: Row, label: SourceText, values: readonly LineValue[], grid: boolean): void => {
    const columnOf = grid && map ? (value: LineValue) => coveredColumns(map!, value) : null;
    if (grid && !map && !warnedHeader && headers.length > 0) {
      warnedHeader = true;
      reading.warnings.push({ diagnostic: MATRIX_WARNINGS.warn("header_unmatched", null, `${table.label}：表头与模板的栏目对不上，按栏目顺序读取`), at: headers[0]?.text ?? null });
    }
    assignRow(reading, targetsOf(row, label), values, columnOf, `${table.id}/${row.id}#${runs++}`);
  };

  for (const line of lines) {
    if (line.header) {
      headers.push(...line.header);
      map = columnMap(table, headers);
      continue;
    }
    const row = line.roles.find((r) => r.kind === "row");
    if (!line.label) {
      if (pending && line.values.length > 0) {
        record(pending.row, pending.label, line.values, line.grid);
        pending = null;
      }
      continue;
    }
    if (row && row.kind === "row" && row.row.id) {
      pending = null;
      if (line.values.length === 0) {
        // A value row whose figures stand on the next line (a wrapped label); a group row alone is context.
        if (row.row.role === "value") pending = { row: row.row, label: line.label };
        continue;
      }
      if (line.values.every((v) => v.kind === "blank") && row.row.role !== "value") continue;
      record(row.row, line.label, line.values, line.grid);
      continue;
    }
    if (line.roles.length > 0) continue;
    // Words no row of the template has: a label half (joined with what follows by the rows it belongs to), or a row of its own.
    if (line.values.length > 0) {
      reading.extra.push({ table: table.id, label: line.label, values: line.values });
      reading.warnings.push({ diagnostic: MATRIX_WARNINGS.warn("unknown_matrix_row", null, `${table.label}中的“${line.label.text}”不是模板中的行，已原样保留`), at: line.label });
    }
  }
  return reading;
};
