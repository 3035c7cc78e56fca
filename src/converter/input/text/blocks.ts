/**
 * Clean lines → blocks: table rows (tab-separated, Markdown pipes, HTML <tr>
 * or a whole <table>) grouped into table blocks, list items into lists, every
 * other line a paragraph carrying the hints normalisation found (Markdown
 * heading level, bold lead-in). Which paragraphs are headings, and which
 * belong together, is the structure stage's business.
 *
 * A pipe table that a page break cut in two (rows, then the page number, then
 * the rest of the rows, often under a repeat of the header) is one table: the
 * repeated header row is dropped and logged as page furniture.
 */
import { slice } from "../../document/source-text.ts";
import type { Block, GridCell, SourceText, TableBlock } from "../../document/types.ts";
import type { Removal } from "../../../schema/report.ts";
import type { NormalizedLine } from "./normalize.ts";
import { htmlTableRows, removal } from "./noise.ts";
import { rewrite, trimWith } from "./source-edit.ts";
import { cleanCell, hasHeaderCells, hasTableTag, splitRow } from "./table-rows.ts";

export interface BlockOptions {
  /** The form breaks lines at the page edge (OCR, PDF text): a paragraph may continue on the next line. */
  wrapped: boolean;
  /** Lines where a page ended: rows on both sides of one belong to one table. */
  pageBreaks: ReadonlySet<number>;
}

const LIST_ITEM = /^[-*+•]\s+/;

type Group =
  | { kind: "rows"; lines: NormalizedLine[]; widths: Set<number> }
  | { kind: "list"; lines: NormalizedLine[] }
  | { kind: "text"; line: NormalizedLine };

function isRowLine(line: NormalizedLine): boolean {
  return splitRow(line.text) !== null || hasTableTag(line.text.text);
}

/** Lines a and b are next to each other, or only blank lines and page furniture (at least one page break) lie between. */
function continues(a: number, b: number, pageBreaks: ReadonlySet<number>, acrossPages: boolean): boolean {
  if (b === a + 1) return true;
  if (!acrossPages) return false;
  for (let n = a + 1; n < b; n++) if (pageBreaks.has(n)) return true;
  return false;
}

function groupLines(lines: NormalizedLine[], options: BlockOptions): Group[] {
  const groups: Group[] = [];
  lines.forEach((line, i) => {
    const last = groups[groups.length - 1];
    const previous = lines[i - 1];
    const adjacent = previous !== undefined && previous.n === line.n - 1;
    if (isRowLine(line)) {
      const width = splitRow(line.text)?.cells.length ?? 0;
      const acrossPage = last?.kind === "rows" && previous !== undefined && continues(previous.n, line.n, options.pageBreaks, true);
      // Across a page break only a row as wide as one before it continues the table (a delimiter row always does).
      if (last?.kind === "rows" && (adjacent || (acrossPage && (width === 0 || last.widths.has(width))))) {
        last.lines.push(line);
        last.widths.add(width);
      } else groups.push({ kind: "rows", lines: [line], widths: new Set([width]) });
      return;
    }
    // A line with tabs right under a table is its last row even with one cell ("价格收费(5)\t\t").
    if (last?.kind === "rows" && adjacent && line.text.text.includes("\t")) {
      last.lines.push(line);
      return;
    }
    if (LIST_ITEM.test(line.text.text)) {
      if (last?.kind === "list" && adjacent) last.lines.push(line);
      else groups.push({ kind: "list", lines: [line] });
      return;
    }
    groups.push({ kind: "text", line });
  });
  return groups;
}

interface Row {
  cells: SourceText[];
  headers: boolean[];
  line: number;
}

function rowsOf(lines: NormalizedLine[]): { rows: Row[]; ruleAfter: Set<number>; ruleLines: Set<number> } {
  const rows: Row[] = [];
  /** Indexes of rows directly followed by a pipe delimiter row: header rows. */
  const ruleAfter = new Set<number>();
  const ruleLines = new Set<number>();
  for (const line of lines) {
    if (hasTableTag(line.text.text)) {
      for (const row of htmlTableRows(line.text)) rows.push({ ...row, line: line.n });
      continue;
    }
    const split = splitRow(line.text);
    if (split) {
      if (split.format === "pipe" && split.cells.length === 0) {
        if (rows.length > 0) ruleAfter.add(rows.length - 1);
        ruleLines.add(line.n);
        continue;
      }
      const header = split.format === "html" && hasHeaderCells(line.text.text);
      if (split.cells.length > 0) rows.push({ cells: split.cells, headers: split.cells.map(() => header), line: line.n });
      continue;
    }
    const cells = line.text.text.split("\t").length > 1 ? splitTabs(line.text) : [cleanCell(line.text)];
    while (cells.length > 0 && cells[cells.length - 1]!.text === "") cells.pop();
    if (cells.length > 0) rows.push({ cells, headers: cells.map(() => false), line: line.n });
  }
  return { rows, ruleAfter, ruleLines };
}

function splitTabs(text: SourceText): SourceText[] {
  const cells: SourceText[] = [];
  let from = 0;
  for (let i = 0; i <= text.text.length; i++) {
    if (i < text.text.length && text.text[i] !== "\t") continue;
    cells.push(cleanCell(slice(text, from, i)));
    from = i + 1;
  }
  return cells;
}

function sameCells(a: SourceText[], b: SourceText[]): boolean {
  return a.length === b.length && a.every((c, i) => c.text === b[i]!.text);
}

/**
 * A pipe table continued after a page break repeats its header (and delimiter row):
 * the repeat is dropped. Header rows are those before the first delimiter row.
 */
function dropRepeatedHeaders(
  rows: Row[],
  rules: { ruleAfter: Set<number>; ruleLines: Set<number> },
  pageBreaks: ReadonlySet<number>,
  removals: Removal[],
): Row[] {
  const { ruleAfter, ruleLines } = rules;
  if (ruleAfter.size === 0) return rows;
  let firstRule = Infinity;
  for (const index of ruleAfter) firstRule = Math.min(firstRule, index);
  const header = rows.slice(0, firstRule + 1);
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const afterBreak = i > firstRule && i > 0 && continues(rows[i - 1]!.line, row.line, pageBreaks, true) && rows[i - 1]!.line + 1 !== row.line;
    if (afterBreak && header.every((h, k) => rows[i + k] !== undefined && sameCells(h.cells, rows[i + k]!.cells))) {
      let to = rows[i + header.length - 1]!.line;
      while (ruleLines.has(to + 1)) to++;
      removals.push(removal("page_furniture", row.line, to, `repeated table header: ${row.cells.map((c) => c.text).join(" | ")}`));
      i += header.length - 1;
      continue;
    }
    out.push({ ...row, headers: i <= firstRule ? row.cells.map(() => true) : row.headers });
  }
  return out;
}

export function gridOf(rows: readonly { cells: SourceText[]; headers?: boolean[] }[]): GridCell[][] {
  return rows.map((row, r) =>
    row.cells.map((text, c) => ({ cell: { text, rowSpan: 1, colSpan: 1, header: row.headers?.[c] ?? false }, origin: { row: r, column: c } })),
  );
}

function tableBlock(lines: NormalizedLine[], options: BlockOptions, removals: Removal[]): TableBlock | null {
  const { rows, ruleAfter, ruleLines } = rowsOf(lines);
  const kept = dropRepeatedHeaders(rows, { ruleAfter, ruleLines }, options.pageBreaks, removals);
  if (kept.length === 0) return null;
  const hints = lines.some((l) => l.hints.screenshot) ? { screenshot: true } : {};
  return { kind: "table", grid: gridOf(kept), cells: "grid", hints };
}

function paragraph(line: NormalizedLine, wrapped: boolean): Block {
  const hints: Block["hints"] = {};
  if (line.hints.markdownHeading !== undefined) hints.headingLevel = line.hints.markdownHeading;
  if (line.hints.boldLead !== undefined) hints.boldLead = line.hints.boldLead;
  if (wrapped) hints.wrapped = true;
  return { kind: "paragraph", text: trimWith(line.text, "\\s"), hints };
}

export function linesToBlocks(lines: NormalizedLine[], options: BlockOptions): { blocks: Block[]; removals: Removal[] } {
  const blocks: Block[] = [];
  const removals: Removal[] = [];
  for (const group of groupLines(lines, options)) {
    switch (group.kind) {
      case "rows": {
        const table = tableBlock(group.lines, options, removals);
        if (table) blocks.push(table);
        break;
      }
      case "list":
        blocks.push({
          kind: "list",
          items: group.lines.map((l) => trimWith(rewrite(l.text, LIST_ITEM, () => []), "\\s")),
          hints: {},
        });
        break;
      case "text":
        if (group.line.text.text.trim() !== "") blocks.push(paragraph(group.line, options.wrapped));
        break;
    }
  }
  return { blocks, removals };
}
