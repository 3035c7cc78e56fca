/**
 * Laid-out pages → the document text and its blocks.
 *
 * The text is every line of every page (furniture included: the source page
 * of the site shows the whole text layer), a form feed line between pages.
 * The blocks are the body in reading order: each drawn or aligned table as a
 * grid, each other line as a paragraph line (`wrapped`: the structure stage
 * joins a paragraph's lines), and lines set larger than the body text as
 * headings, a heading that wraps onto a second line being one heading.
 */
import { concat, EMPTY_TEXT, sourceText, trim } from "../../document/source-text.ts";
import type { Block, GridCell, SourceText, TableCell } from "../../document/types.ts";
import type { Removal } from "../../../schema/report.ts";
import { maxOf, minOf, type Line } from "./lines.ts";
import type { RuledGrid } from "./ruled.ts";
import { draftFromGrid, lineTouchesGrid, type GlyphRun, type TableDraft } from "./table-draft.ts";
import { findUnruledTables } from "./unruled.ts";

export interface LaidOutPage {
  width: number;
  height: number;
  lines: Line[];
  grids: RuledGrid[];
}

export interface DocumentText {
  text: string;
  pageStarts: number[];
  /** Offset in `text` of each line of each page. */
  lineOffsets: number[][];
  /** 1-based line number in `text` of each line of each page. */
  lineNumbers: number[][];
}

const PAGE_BREAK = "\f";

export function documentText(pages: readonly LaidOutPage[]): DocumentText {
  const parts: string[] = [];
  const pageStarts: number[] = [];
  const lineOffsets: number[][] = [];
  const lineNumbers: number[][] = [];
  let offset = 0;
  let lineNumber = 1;
  pages.forEach((page, p) => {
    if (p > 0) {
      parts.push(`${PAGE_BREAK}\n`);
      offset += PAGE_BREAK.length + 1;
      lineNumber++;
    }
    pageStarts.push(offset);
    const offsets: number[] = [];
    const numbers: number[] = [];
    for (const line of page.lines) {
      offsets.push(offset);
      numbers.push(lineNumber++);
      parts.push(`${line.text}\n`);
      offset += line.text.length + 1;
    }
    lineOffsets.push(offsets);
    lineNumbers.push(numbers);
  });
  return { text: parts.join(""), pageStarts, lineOffsets, lineNumbers };
}

/** Narrow-script characters: joining two lines between them needs a space. */
const NARROW_END = /[A-Za-z0-9%.,;:!?)\]]$/;
const NARROW_START = /^[A-Za-z0-9(\[]/;

/** Texts of one cell or heading joined: Chinese wraps without a space, Latin words with one. */
function joinWrapped(texts: readonly SourceText[]): SourceText {
  let joined: SourceText = EMPTY_TEXT;
  for (const t of texts) {
    if (t.text.length === 0) continue;
    if (joined.text.length === 0) joined = t;
    else {
      const space = NARROW_END.test(joined.text) && NARROW_START.test(t.text);
      joined = concat([joined, t], space ? " " : "");
    }
  }
  return joined;
}

interface PageContext {
  lineOffset: Map<Line, number>;
}

function runSource(run: GlyphRun, context: PageContext): SourceText {
  const { line } = run;
  const start = line.glyphStart[run.from]!;
  const last = run.to - 1;
  const end = line.glyphStart[last]! + line.glyphs[last]!.text.length;
  return sourceText(line.text.slice(start, end), context.lineOffset.get(line)! + start);
}

function runsSource(runs: readonly GlyphRun[], context: PageContext): SourceText {
  // Runs of one line stay apart by a space; runs of successive lines are wrapped text.
  const byLine: SourceText[] = [];
  let previous: Line | null = null;
  for (const run of runs) {
    const source = runSource(run, context);
    if (previous === run.line && byLine.length > 0) byLine[byLine.length - 1] = concat([byLine[byLine.length - 1]!, source], " ");
    else byLine.push(source);
    previous = run.line;
  }
  return trim(joinWrapped(byLine.map(trim)));
}

function tableBlock(draft: TableDraft, context: PageContext): Block {
  const cells: TableCell[] = draft.cells.map((cell) => {
    const glyphs = cell.runs.flatMap((run) => run.line.glyphs.slice(run.from, run.to));
    const text = runsSource(cell.runs, context);
    return {
      text,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      header: cell.header,
      ...(glyphs.length > 0
        ? { x: { left: round(minOf(glyphs, (g) => g.left)), right: round(maxOf(glyphs, (g) => g.right)) } }
        : {}),
    };
  });
  const grid: GridCell[][] = draft.cellAt.map((row) =>
    row.map((index) => {
      const geometry = draft.cells[index]!;
      return { cell: cells[index]!, origin: { row: geometry.row, column: geometry.column } };
    }),
  );
  return { kind: "table", grid, cells: "grid", hints: {} };
}

/** Two decimals: positions are compared across runs, and float noise must not make output differ. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A block and where it stands in the page's text: the index of its first line (a table just before it). */
interface Positioned {
  at: number;
  block: Block;
}

export interface BodyOptions {
  /** Em sizes set larger than body text, largest first: their lines are headings of level index + 1. */
  headingSizes: number[];
}

/** The runs of a line's glyphs that no table took. */
function freeRuns(line: Line, taken: ReadonlySet<number>): GlyphRun[] {
  const runs: GlyphRun[] = [];
  let from = -1;
  line.glyphs.forEach((_, i) => {
    if (!taken.has(i) && from < 0) from = i;
    if (taken.has(i) && from >= 0) {
      runs.push({ line, from, to: i });
      from = -1;
    }
  });
  if (from >= 0) runs.push({ line, from, to: line.glyphs.length });
  return runs;
}

function headingLevel(line: Line, options: BodyOptions): number | null {
  if (line.flow !== "horizontal" || line.text.length > 60) return null;
  const index = options.headingSizes.findIndex((size) => Math.abs(size - line.size) <= 0.5);
  return index < 0 ? null : Math.min(index + 1, 6);
}

/** The bold run a line opens with, if it has one. */
function boldLead(line: Line, run: GlyphRun): string | null {
  let end = run.from;
  while (end < run.to && line.glyphs[end]!.bold) end++;
  if (end === run.from) return null;
  const text = line.text.slice(line.glyphStart[run.from]!, line.glyphStart[end - 1]! + line.glyphs[end - 1]!.text.length).trim();
  return text.length > 0 ? text : null;
}

/** A page's body split into its tables and the text around them. */
export interface PageRegions {
  page: LaidOutPage;
  lineOffsets: readonly number[];
  tables: TableDraft[];
  /** Lines (or the parts of lines beside a drawn table) outside every table, in text order. */
  free: { line: Line; runs: GlyphRun[] }[];
}

/** Find the tables of a page's body (furniture left out): drawn ones first, then those aligned in the text that is left. */
export function pageRegions(page: LaidOutPage, lineOffsets: readonly number[], furniture: ReadonlySet<number>): PageRegions {
  const body = page.lines.filter((_, i) => !furniture.has(i));
  const tables: TableDraft[] = [];
  const taken = new Map<Line, Set<number>>();
  for (const grid of page.grids) {
    const inside = body.filter((line) => lineTouchesGrid(line, grid));
    if (inside.length === 0) continue;
    const draft = draftFromGrid(grid, inside);
    if (draft.cells.every((cell) => cell.runs.length === 0)) continue;
    for (const cell of draft.cells) {
      for (const run of cell.runs) {
        const set = taken.get(run.line) ?? new Set<number>();
        for (let i = run.from; i < run.to; i++) set.add(i);
        taken.set(run.line, set);
      }
    }
    tables.push(draft);
  }
  const left: { line: Line; runs: GlyphRun[] }[] = [];
  for (const line of body) {
    const runs = freeRuns(line, taken.get(line) ?? new Set());
    if (runs.length > 0) left.push({ line, runs });
  }
  const whole = left.filter((f) => f.runs.length === 1 && f.runs[0]!.from === 0 && f.runs[0]!.to === f.line.glyphs.length);
  const unruled = findUnruledTables(whole.map((f) => f.line));
  const inUnruled = new Set(unruled.flatMap((draft) => [...draft.lines]));
  tables.push(...unruled);
  return { page, lineOffsets, tables, free: left.filter((f) => !inUnruled.has(f.line)) };
}

/** The body of one page in reading order. */
export function pageBlocks(regions: PageRegions, options: BodyOptions): Block[] {
  const { page, lineOffsets } = regions;
  const context: PageContext = { lineOffset: new Map(page.lines.map((line, i) => [line, lineOffsets[i]!])) };
  const index = new Map(page.lines.map((line, i) => [line, i]));
  const firstLine = (lines: Iterable<Line>): number => minOf([...lines], (line) => index.get(line)!) - 0.5;
  const positioned: Positioned[] = regions.tables.map((draft) => ({ at: firstLine(draft.lines), block: tableBlock(draft, context) }));

  let heading: { level: number; size: number; parts: SourceText[]; bottom: number; at: number } | null = null;
  const flushHeading = (): void => {
    if (!heading) return;
    positioned.push({
      at: heading.at,
      block: { kind: "heading", text: joinWrapped(heading.parts), hints: { headingLevel: heading.level } },
    });
    heading = null;
  };
  for (const { line, runs } of regions.free) {
    const text = trim(runsSource(runs, context));
    if (text.text.length === 0) continue;
    const level = runs.length === 1 ? headingLevel(line, options) : null;
    if (level !== null) {
      const continues: boolean =
        heading !== null &&
        heading.level === level &&
        Math.abs(heading.size - line.size) <= 0.5 &&
        line.top - heading.bottom <= line.size * 1.2;
      if (!continues) {
        flushHeading();
        heading = { level, size: line.size, parts: [], bottom: line.bottom, at: index.get(line)! };
      }
      heading!.parts.push(text);
      heading!.bottom = line.bottom;
      continue;
    }
    flushHeading();
    const lead = boldLead(line, runs[0]!);
    positioned.push({
      at: index.get(line)!,
      block: { kind: "paragraph", text, hints: { wrapped: true, ...(lead ? { boldLead: lead } : {}) } },
    });
  }
  flushHeading();

  return positioned.sort((a, b) => a.at - b.at).map((p) => p.block);
}

/** Furniture lines as removals, by line number in the document text. */
export function furnitureRemovals(
  pages: readonly LaidOutPage[],
  furniture: readonly ReadonlySet<number>[],
  lineNumbers: readonly number[][],
): Removal[] {
  const removals: Removal[] = [];
  pages.forEach((page, p) => {
    for (const index of [...furniture[p]!].sort((a, b) => a - b)) {
      const line = lineNumbers[p]![index]!;
      removals.push({ kind: "page_furniture", from: line, to: line, excerpt: page.lines[index]!.text.slice(0, 40) });
    }
  });
  return removals;
}

/**
 * The larger sizes headings are set in, largest first: sizes of at least 1.2
 * times the body text's, which is the size most characters outside tables are
 * set in (a report's tables may hold more characters than its prose).
 */
export function headingSizes(regions: readonly PageRegions[]): number[] {
  const counts = new Map<number, number>();
  for (const { free } of regions) {
    for (const { line, runs } of free) {
      if (line.flow !== "horizontal") continue;
      const glyphs = runs.reduce((n, r) => n + r.to - r.from, 0);
      counts.set(line.size, (counts.get(line.size) ?? 0) + glyphs);
    }
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > most) {
      body = size;
      most = count;
    }
  }
  return [...counts.keys()].filter((size) => size >= body * 1.2).sort((a, b) => b - a);
}
