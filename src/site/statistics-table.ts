/**
 * The statistics tables of one report, each the way the report's format
 * prints it (src/site/printed-tables/): 2008's sections and group rows,
 * Fujian's 本年度 | 历年累计, 表二's blocks, 表三's applicant × outcome matrix,
 * 表四's grouped header row. Every cell is the figure the report gives
 * (src/report/figures.ts), null shown as 未填报 / 无法确定 / 报告中没有此项,
 * linked to its exact place in the original, with the checks that concern it.
 */
import { getTemplate, type Table } from "../catalog/index.ts";
import type { Report } from "../schema/report.ts";
import { blocksTable } from "./printed-tables/blocks.ts";
import { cellContext, type CellContext } from "./printed-tables/cells.ts";
import { headerRowTable } from "./printed-tables/header-row.ts";
import { matrixTable } from "./printed-tables/matrix.ts";
import { rowsTable } from "./printed-tables/rows.ts";
import type { PrintedCell, PrintedRow, PrintedTable } from "./printed-tables/types.ts";

export type * from "./printed-tables/types.ts";

function printed(context: CellContext, table: Table): PrintedTable {
  switch (table.layout) {
    case "rows":
      return rowsTable(context, table);
    case "blocks":
      return blocksTable(context, table);
    case "matrix":
      return matrixTable(context, table);
    case "header_row":
      return headerRowTable(context, table);
  }
}

const memo = new WeakMap<Report, PrintedTable[]>();

/** Every table of the report's template, in the template's order. */
export function printedTables(report: Report): PrintedTable[] {
  let tables = memo.get(report);
  if (!tables) {
    const template = getTemplate(report.template);
    const context = cellContext(report, template);
    tables = template.tables.map((table) => printed(context, table));
    memo.set(report, tables);
  }
  return tables;
}

/** The rows of a table that carry cells, in printed order (section rows with a figure included). */
export function rowsOf(table: PrintedTable): PrintedRow[] {
  switch (table.layout) {
    case "rows":
      return table.sections.flatMap((s) => [...(s.heading && s.heading.cells.length > 0 ? [s.heading] : []), ...s.rows]);
    case "blocks":
      return table.blocks.flatMap((b) => b.rows);
    case "matrix":
      return table.rows;
    case "header_row":
      return [];
  }
}

/** Every cell of a table, in printed order. */
export function cellsOf(table: PrintedTable): PrintedCell[] {
  return table.layout === "header_row" ? table.sections.flatMap((s) => s.groups.flatMap((g) => g.cells)) : rowsOf(table).flatMap((r) => r.cells);
}

export interface Coverage {
  cells: number;
  reported: number;
  notReported: number;
  uncertain: number;
  absent: number;
  computed: number;
  fromText: number;
}

/** What a table holds, for its footnote. */
export function coverageOf(table: PrintedTable): Coverage {
  const cells = cellsOf(table);
  const count = (test: (c: PrintedCell) => boolean) => cells.filter(test).length;
  return {
    cells: cells.length,
    reported: count((c) => c.status === "reported"),
    notReported: count((c) => c.status === "not_reported"),
    uncertain: count((c) => c.status === "uncertain"),
    absent: count((c) => c.status === "absent"),
    computed: count((c) => c.origin === "derived"),
    fromText: count((c) => c.origin === "text"),
  };
}

/** The indicator ids that have a cell of their own on the page (a row the report lacks is one cell, under its first id). */
export function renderedCellIds(tables: readonly PrintedTable[]): Set<string> {
  const ids = new Set<string>();
  for (const table of tables) {
    if (table.layout === "header_row") for (const c of cellsOf(table)) ids.add(c.indicator);
    else for (const row of rowsOf(table)) for (const c of row.absent ? row.cells.slice(0, 1) : row.cells) ids.add(c.indicator);
  }
  return ids;
}
