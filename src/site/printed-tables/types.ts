/**
 * A statistics table as the report prints it, ready for the page: the
 * template's layout (rows, blocks, matrix, header row) with its own headers,
 * each cell the figure the report gives for it (src/report/figures.ts), the
 * exact place it was read from, and the checks that concern it.
 */
import type { CheckStatus } from "../../schema/report.ts";

/**
 * What a cell holds. reported: a number; not_reported: printed blank, —, / (未填报);
 * uncertain: printed but not settled (无法确定, with the reason); absent: the
 * report has no such row or cell at all (报告中没有此项).
 */
export type CellStatus = "reported" | "not_reported" | "uncertain" | "absent";

/** A check that concerns a cell, as the cell shows it. */
export interface CellCheck {
  rule: string;
  status: Extract<CheckStatus, "fail" | "uncertain">;
  description: string;
  message: string;
}

/** Where a figure was read: the link to exactly its characters on the source page. */
export interface CellSource {
  href: string;
  /** The cell or phrase exactly as printed ("" for a blank cell). */
  raw: string;
  line: number;
  /** PDF page, null for other forms. */
  page: number | null;
}

export interface PrintedCell {
  /** The indicator id; the cell's element id is `stat-<indicator>`. */
  indicator: string;
  /** Row and column as printed, for titles and screen readers (规章 · 本年制发件数). */
  label: string;
  status: CellStatus;
  /** The figure; null unless reported. */
  value: number | null;
  /** What the cell shows: the number, or the word for its status (never 0 for a null). */
  text: string;
  /** table / text (the report's prose) for a printed figure; derived for a sum the catalog defines; null when absent. */
  origin: "table" | "text" | "derived" | null;
  source: CellSource | null;
  /** Why a figure is null, or how it was read (glued cells and their candidate splits, a unit converted). */
  note: string | null;
  /** The sentence a figure from prose was read from. */
  sentence: string | null;
  /** The row label as the report printed it, for a figure read from its table. */
  printedLabel: string | null;
  /** For a computed figure: what it is the sum of, as labels. */
  sumOf: string[];
  failed: CellCheck[];
  /** Checks that could not be settled although this cell has a figure (an operand is blank or unsure). */
  unsettled: CellCheck[];
}

/** A row the template lacks, shown as printed (never forced onto an indicator). */
export interface PrintedExtraRow {
  label: string;
  raw: string;
  line: number;
  href: string;
}

/** A column header as printed, with the unit when the label does not state it. */
export interface PrintedColumn {
  key: string;
  label: string;
  unit: string | null;
}

/** A table row: its label as printed, its depth in the printed outline, and its cells. */
export interface PrintedRow {
  key: string;
  /** value: figures; group: a group row (its figures computed unless printed); heading: a caption row; free_text: words, not figures. */
  kind: "value" | "group" | "heading" | "free_text";
  label: string;
  /** The label as the report printed it, when it says something else than the format's label (OCR slips, older wording). */
  printedAs: string | null;
  depth: number;
  unit: string | null;
  cells: PrintedCell[];
  /** The indicator page of the row's figure, when the row is an indicator of its own. */
  indicatorHref: string | null;
  /** True when no cell of the row is in the report: the row is shown once as 报告中没有此项. */
  absent: boolean;
}

interface TableBase {
  /** Template table id, as in `<StatisticsTable table="…" />`. */
  id: string;
  title: string;
  nameEn: string;
  /** The table's unit unless a row or column says otherwise. */
  unit: string;
  extraRows: PrintedExtraRow[];
}

/** 2008-style: 统计指标 | 单位 | one or more value columns, in sections with group rows. */
export interface PrintedRowsTable extends TableBase {
  layout: "rows";
  labelHeader: string;
  unitHeader: string;
  columns: PrintedColumn[];
  sections: PrintedSection[];
}

export interface PrintedSection {
  key: string;
  /** The section row (一、主动公开情况); null for a table without sections. */
  heading: PrintedRow | null;
  rows: PrintedRow[];
}

/** 表二: captioned blocks, each with its own column headers. */
export interface PrintedBlocksTable extends TableBase {
  layout: "blocks";
  blocks: PrintedBlock[];
}

export interface PrintedBlock {
  key: string;
  caption: string;
  labelHeader: string;
  columns: PrintedColumn[];
  rows: PrintedRow[];
}

/** A header cell of a multi-level header: it spans columns and rows as printed. */
export interface HeaderCell {
  /** Element id, referenced by the data cells' `headers`. */
  id: string;
  label: string;
  unit: string | null;
  colspan: number;
  rowspan: number;
}

/** 表三: rows × applicant columns under a multi-level header. */
export interface PrintedMatrixTable extends TableBase {
  layout: "matrix";
  /** The corner cell's text (the table's own note on its rule), null when the format prints none. */
  corner: string | null;
  /** Header rows, top first; the last row holds one cell per value column. */
  header: HeaderCell[][];
  /** Per value column, the ids of every header cell above it. */
  columnHeaders: string[][];
  rows: PrintedRow[];
}

/** 表四: one row of cells under grouped headers (行政复议 | 行政诉讼: 未经复议直接起诉, 复议后起诉). */
export interface PrintedHeaderRowTable extends TableBase {
  layout: "header_row";
  /** Groups in printed order; consecutive groups under one super-group (行政诉讼) share a section. */
  sections: { over: string | null; groups: PrintedHeaderGroup[] }[];
}

export interface PrintedHeaderGroup {
  key: string;
  label: string;
  columns: PrintedColumn[];
  cells: PrintedCell[];
}

export type PrintedTable = PrintedRowsTable | PrintedBlocksTable | PrintedMatrixTable | PrintedHeaderRowTable;
