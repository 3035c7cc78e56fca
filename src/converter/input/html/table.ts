/**
 * HTML tables as the grid a reader sees: rowspan and colspan expanded the
 * way a browser lays them out, every cell kept (a blank cell is a cell: the
 * report printed nothing there, which is not 0).
 */
import { EMPTY_TEXT } from "../../document/source-text.ts";
import type { GridCell, SourceText, TableCell } from "../../document/types.ts";
import { attr, rowCells, tableRows, type Element } from "./dom.ts";
import type { ElementStats } from "./analysis.ts";

/** HTML's own limits: a colspan above 1000 is 1000, a rowspan above 65534 is 65534. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
/** Positions one table may expand to: far above any report's table (≈ 30 × 12), far below what would exhaust memory. */
export const MAX_GRID_POSITIONS = 200_000;

export interface SourceCell {
  element: Element;
  text: SourceText;
  header: boolean;
}

export interface GridResult {
  grid: GridCell[][];
  /** Rows where a cell of a row above spans past the row's own cells, leaving positions no cell covers (filled with empty cells). */
  gaps: number[];
  /** Cells whose span was cut to fit MAX_GRID_POSITIONS. */
  clamped: number;
}

function span(element: Element, name: string, max: number, fallback: number): number {
  const raw = attr(element, name);
  if (raw === null) return fallback;
  const n = Number.parseInt(raw.trim(), 10);
  if (!Number.isFinite(n) || n < 0) return fallback;
  return Math.min(n, max);
}

/**
 * The grid of `rows` (each a list of cells in source order). A rowspan
 * reaches no further than the table's last row (rowspan="0": to the end),
 * as in a browser.
 */
export function buildGrid(rows: { cells: SourceCell[] }[]): GridResult {
  const grid: (GridCell | undefined)[][] = rows.map(() => []);
  let positions = 0;
  let clamped = 0;
  rows.forEach((row, r) => {
    let column = 0;
    for (const source of row.cells) {
      const line = grid[r]!;
      while (line[column] !== undefined) column++;
      let colSpan = Math.max(1, span(source.element, "colspan", MAX_COLSPAN, 1));
      const rowSpanAttr = span(source.element, "rowspan", MAX_ROWSPAN, 1);
      let rowSpan = rowSpanAttr === 0 ? rows.length - r : Math.min(Math.max(1, rowSpanAttr), rows.length - r);
      if (positions + rowSpan * colSpan > MAX_GRID_POSITIONS) {
        rowSpan = 1;
        colSpan = 1;
        clamped++;
      }
      positions += rowSpan * colSpan;
      const cell: TableCell = { text: source.text, rowSpan, colSpan, header: source.header };
      const origin = { row: r, column };
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr]!;
        for (let dc = 0; dc < colSpan; dc++) {
          // A cell already there (two spans crossing in a broken table) keeps its place, as a browser keeps the first.
          if (target[column + dc] === undefined) target[column + dc] = { cell, origin };
        }
      }
      column += colSpan;
    }
  });
  const gaps: number[] = [];
  const filled = grid.map((line, r) => {
    const out: GridCell[] = [];
    for (let c = 0; c < line.length; c++) {
      const at = line[c];
      if (at) out.push(at);
      else {
        if (gaps[gaps.length - 1] !== r) gaps.push(r);
        out.push({ cell: { text: EMPTY_TEXT, rowSpan: 1, colSpan: 1, header: false }, origin: { row: r, column: c } });
      }
    }
    return out;
  });
  return { grid: filled, gaps, clamped };
}

/** Longest cell a table of figures has; a cell with more prose than this makes the table a layout box. */
const PROSE_CELL_CHARS = 400;

/**
 * A table used to lay the page out rather than to tabulate: it holds
 * another table, has a single column, or a cell full of prose among hardly
 * any figures (a statistics table with a long note row stays a table). Its
 * cells are read as ordinary text.
 */
export function isLayoutTable(table: Element, stats: Map<Element, ElementStats>): boolean {
  const s = stats.get(table);
  if (s && s.tables > 0) return true;
  const figures = (s?.numericCells ?? 0) >= 3;
  const rows = tableRows(table);
  let widest = 0;
  for (const row of rows) {
    const cells = rowCells(row);
    let width = 0;
    for (const cell of cells) {
      width += Math.max(1, span(cell, "colspan", MAX_COLSPAN, 1));
      const cs = stats.get(cell);
      if (!figures && cs && cs.chars > PROSE_CELL_CHARS && cs.allMarks > 3) return true;
    }
    widest = Math.max(widest, width);
  }
  return widest <= 1;
}

/** Labels of a page's information table (政府信息公开 目录 fields) that a report's own tables never pair with a value. */
const STRONG_INFO_LABELS = new Set([
  "索引号",
  "发布机构",
  "发布单位",
  "公开日期",
  "发布日期",
  "发布时间",
  "成文日期",
  "生成日期",
  "发文机关",
  "发文日期",
  "主题分类",
  "体裁分类",
  "组配分类",
  "信息分类",
  "公开方式",
  "公开范围",
  "公开时限",
  "有效性",
  "时效",
  "信息来源",
  "公开主体",
  "所属机构",
]);

const WEAK_INFO_LABELS = new Set(["名称", "标题", "文号", "发文字号", "分类", "关键词", "主题词", "文件下载", "内容概述", "效力状态", "来源", "作者"]);

export function infoLabel(text: string): string | null {
  const label = text.replace(/[\s\u00a0\u3000]/g, "").replace(/[:：]$/, "");
  return STRONG_INFO_LABELS.has(label) || WEAK_INFO_LABELS.has(label) ? label : null;
}

export function isStrongInfoLabel(label: string): boolean {
  return STRONG_INFO_LABELS.has(label);
}

/**
 * The page's information table (名称 / 索引号 / 发布机构 / 公开日期 …): label
 * cells each followed by a value cell, on at least two rows, with a label
 * only such tables have. A report's table listing documents (名称 | 文号 |
 * 发布日期 across one header row) is not one.
 */
export function isInfoTable(rows: { cells: { text: SourceText }[] }[]): boolean {
  let pairRows = 0;
  let strong = false;
  const labels = new Set<string>();
  for (const row of rows) {
    let pairs = 0;
    for (let c = 0; c + 1 < row.cells.length; c++) {
      const label = infoLabel(row.cells[c]!.text.text);
      if (label && !infoLabel(row.cells[c + 1]!.text.text)) {
        pairs++;
        labels.add(label);
        if (isStrongInfoLabel(label)) strong = true;
        c++;
      }
    }
    if (pairs > 0) pairRows++;
  }
  return strong && pairRows >= 2 && labels.size >= 2;
}
