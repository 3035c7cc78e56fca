/**
 * The one document every input adapter (src/converter/input/) produces, and
 * the only thing the stages after it see: whatever form a report arrived in —
 * OCR text, crawler text, a saved web page, a PDF — it becomes blocks of text
 * whose every character knows where it stands in the source.
 *
 * Offsets refer to `SourceDocument.text`: the decoded file itself for text and
 * HTML, the text layer the PDF adapter lays out for a PDF. The source page of
 * the site shows that same text, so a span highlights exactly the digits a
 * figure was read from.
 */
import type { Diagnostic, Removal, SourceForm } from "../../schema/report.ts";

/**
 * Text taken from the source. `offsets[i]` is the offset in the document text
 * of `text[i]`; characters the adapter inserted (a space joining two text
 * nodes) carry the offset of the character before them.
 */
export interface SourceText {
  readonly text: string;
  readonly offsets: Int32Array;
}

/** Formatting the source gave a block, kept as a hint for the structure stage. */
export interface BlockHints {
  /** Level of a heading the source marked up (Markdown #, HTML <h1>–<h6>). */
  headingLevel?: number;
  /** A bold run that opens the block (**（一）完善工作机制。**, <strong>), as text. */
  boldLead?: string;
  /** The block is one physical line of a page (OCR, PDF, pdftotext): a paragraph may continue on the next one. */
  wrapped?: boolean;
  /** A table transcribed from a screenshot of a web page (索引号 / 发布日期 lists). */
  screenshot?: boolean;
}

export interface TableCell {
  text: SourceText;
  rowSpan: number;
  colSpan: number;
  /** Header cell (<th>, or a row the adapter knows is a header). */
  header: boolean;
  /** PDF only: left and right edge of the cell's text on the page, in PDF units. */
  x?: { left: number; right: number };
}

/**
 * A table as a grid: `grid[r][c]` is the cell covering row r, column c; a cell
 * with row or column spans appears at every position it covers (the same
 * object), `origin` says where it starts. Rows may be shorter than the widest.
 */
export interface TableBlock {
  kind: "table";
  grid: GridCell[][];
  /** grid: cells the source delimits (HTML, PDF geometry, tabs, pipes); text: rows of a text layout whose cells are runs separated by wide spaces. */
  cells: "grid" | "text";
  hints: BlockHints;
}

export interface GridCell {
  cell: TableCell;
  /** The top-left position of the cell this position belongs to. */
  origin: { row: number; column: number };
}

export type Block =
  | { kind: "heading"; text: SourceText; hints: BlockHints }
  | { kind: "paragraph"; text: SourceText; hints: BlockHints }
  | { kind: "list"; items: SourceText[]; hints: BlockHints }
  | TableBlock;

/** What the page says about itself, outside the report's body (crawler header, <meta>, the page's title block). */
export interface PageMetadata {
  title: SourceText | null;
  /** ISO date: 发布时间, <meta name="PubDate">, 公开日期, 发布日期. */
  publishedOn: string | null;
  /** The page's own address: 原文链接, <meta name="Url">, a capture tool's 来源. */
  url: string | null;
  /** 发布机构, <meta name="Author">, 来源：…. */
  publisher: string | null;
}

export interface SourceDocument {
  file: string;
  form: SourceForm;
  /** The text every offset refers to. */
  text: string;
  bytes: number;
  sha256: string;
  encoding: string;
  /** PDF only: offset in `text` where each page starts. */
  pageStarts: number[] | null;
  metadata: PageMetadata;
  blocks: Block[];
  /** What the adapter left out of the body (site chrome, crawler header, page footers), by line range. */
  removals: Removal[];
  diagnostics: Diagnostic[];
}
