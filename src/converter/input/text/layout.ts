/**
 * Text laid out like the printed page (`pdftotext -layout`): every physical
 * line is a line of the page, indentation and column gaps kept as spaces.
 *
 * - A line whose fields are separated by runs of two or more spaces is a
 *   table row whose cells are those fields. Consecutive rows, and the label
 *   fragments between them (a row label wrapped onto its own line, a caption
 *   such as 第二十条第（五）项, the lines of a multi-line column header), form
 *   one table block (`cells: "text"`). A table ends at a section heading of the
 *   report (二、…) that introduces the next table, at a sentence, or where no
 *   further row follows.
 * - Every other line is a paragraph marked `wrapped`, unless the next line is
 *   indented past the text's left margin: in a page layout a paragraph's first
 *   line is indented, so the line before it ends its paragraph.
 * - The title at the top of the page may run over two or three centred lines;
 *   they become one heading block.
 */
import { concat } from "../../document/source-text.ts";
import type { Block, SourceText } from "../../document/types.ts";
import type { Removal } from "../../../schema/report.ts";
import { numberingOf } from "../../stages/structure.ts";
import { gridOf } from "./blocks.ts";
import { removal } from "./noise.ts";
import { closeLetterSpacing, normalizeLine, normalizeSpacesOf, plainSpaces } from "./normalize.ts";
import { splitText, trimWith, type PhysicalLine } from "./source-edit.ts";

/** Lines laid out like a page: form feeds, or many indented lines with column gaps. */
export function isPageLayout(lines: readonly PhysicalLine[]): boolean {
  if (lines.some((l) => l.text.text.includes("\f"))) return true;
  const content = lines.filter((l) => l.text.text.trim() !== "");
  if (content.length === 0) return false;
  const indented = content.filter((l) => /^ {2,}\S/.test(l.text.text)).length;
  const gapped = content.filter((l) => !/^\s*\|/.test(l.text.text) && !l.text.text.includes("\t") && /\S {2,}\S/.test(l.text.text.trim())).length;
  return indented * 5 >= content.length && gapped >= 5;
}

interface Entry {
  n: number;
  indent: number;
  /** Normalised text of the whole line (for paragraphs and fragments). */
  text: SourceText;
  /** The fields of a table row, normalised; null for a line of text. */
  fields: SourceText[] | null;
}

/** Longest field of a row; a longer run of text between wide gaps is prose, not a cell. */
const MAX_FIELD = 40;
/** How many lines a label fragment may stand from the next row. */
const FRAGMENT_REACH = 6;
/** How many lines of caption or column header may stand above a table's first row. */
const MAX_HEADER_LINES = 8;
const SENTENCE_END = /[。！？!?]$/;
const CLAUSE_END = /[。！？；：!?;:]$/;

function fieldsOf(line: SourceText): SourceText[] | null {
  const trimmed = trimWith(line, " ");
  const fields = splitText(trimmed, / {2,}/).filter((f) => f.text !== "");
  if (fields.length < 2 || fields.some((f) => f.text.length > MAX_FIELD)) return null;
  return fields.map((f) => normalizeSpacesOf(closeLetterSpacing(f)));
}

function entryOf(line: PhysicalLine): Entry | null {
  const plain = plainSpaces(line.text);
  if (plain.text.trim() === "") return null;
  const indent = /^ */.exec(plain.text)![0].length;
  const text = normalizeLine({ n: line.n, text: plain }, { markdown: false, letterSpacing: true }).text;
  return { n: line.n, indent, text, fields: fieldsOf(plain) };
}

/** The most common indentation of the lines of text: the page's left margin. */
function leftMargin(entries: Entry[]): number {
  const counts = new Map<number, number>();
  for (const e of entries) if (!e.fields) counts.set(e.indent, (counts.get(e.indent) ?? 0) + 1);
  let margin = 0;
  let best = -1;
  for (const [indent, count] of counts) if (count > best || (count === best && indent < margin)) [margin, best] = [indent, count];
  return margin;
}

function hasFigure(entry: Entry): boolean {
  return entry.fields !== null && entry.fields.some((f) => /\d/.test(f.text));
}

/** 二、主动公开政府信息情况: a section heading of the report (no figures in its title). */
function isSectionHeading(entry: Entry, depths: readonly number[]): boolean {
  const numbering = numberingOf(entry.text.text.trim());
  if (!numbering || !depths.includes(numbering.depth)) return false;
  const rest = numbering.rest.trim();
  return rest.length >= 2 && !/\d/.test(rest) && !CLAUSE_END.test(rest);
}

function nextRow(entries: Entry[], from: number, reach: number): number | null {
  for (let j = from; j < entries.length && j < from + reach; j++) if (entries[j]!.fields) return j;
  return null;
}

/** A line of text inside a table, between its rows. */
function continuesTable(entries: Entry[], k: number): boolean {
  const entry = entries[k]!;
  if (SENTENCE_END.test(entry.text.text) && entry.text.text.length >= 15) return false;
  const row = nextRow(entries, k + 1, FRAGMENT_REACH);
  if (row === null) return false;
  // A section heading that opens the next table (its column header follows) ends this one.
  if (isSectionHeading(entry, [2]) && !hasFigure(entries[row]!)) return false;
  for (let j = k + 1; j < row; j++) if (SENTENCE_END.test(entries[j]!.text.text) && entries[j]!.text.text.length >= 15) return false;
  return true;
}

/** A line of text above a table's first row: its caption or a line of its column header. */
function headsTable(entry: Entry): boolean {
  return !CLAUSE_END.test(entry.text.text) && !isSectionHeading(entry, [2, 3]);
}

/** [first, last] entry indexes of each table. */
function tableRegions(entries: Entry[]): [number, number][] {
  const regions: [number, number][] = [];
  let i = 0;
  while (i < entries.length) {
    if (!entries[i]!.fields) {
      i++;
      continue;
    }
    const floor = regions.length > 0 ? regions[regions.length - 1]![1] + 1 : 0;
    let first = i;
    while (first - 1 >= floor && i - (first - 1) <= MAX_HEADER_LINES && !entries[first - 1]!.fields && headsTable(entries[first - 1]!)) first--;
    let last = i;
    for (let k = i + 1; k < entries.length; k++) {
      if (entries[k]!.fields) last = k;
      else if (!continuesTable(entries, k)) break;
    }
    regions.push([first, last]);
    i = last + 1;
  }
  return regions;
}

/** Leading centred lines that together name the report (the last of them ends in 报告): one heading block. */
function titleLines(entries: Entry[], margin: number): number {
  let text = "";
  for (let count = 1; count <= 3 && count <= entries.length; count++) {
    const entry = entries[count - 1]!;
    if (entry.fields || entry.indent <= margin + 2 || entry.text.text.length > 40 || /[，。；：！？,;:!?]/.test(entry.text.text)) return 0;
    text += entry.text.text.trim();
    if (text.endsWith("报告")) return count;
  }
  return 0;
}

function blankRuns(lines: readonly PhysicalLine[]): Removal[] {
  const removals: Removal[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 2) removals.push(removal("blank_lines", run[0]!, run[run.length - 1]!, `${run.length} blank lines`));
    run = [];
  };
  for (const line of lines) {
    if (line.text.text.replace(/\f/g, "").trim() === "") run.push(line.n);
    else flush();
  }
  flush();
  return removals;
}

export function layoutBlocks(lines: readonly PhysicalLine[]): { blocks: Block[]; removals: Removal[] } {
  const entries = lines.map(entryOf).filter((e): e is Entry => e !== null);
  const margin = leftMargin(entries);
  const blocks: Block[] = [];
  const title = titleLines(entries, margin);
  if (title > 0) {
    blocks.push({ kind: "heading", text: concat(entries.slice(0, title).map((e) => e.text)), hints: { headingLevel: 1 } });
  }
  const regions = tableRegions(entries.slice(title)).map(([a, b]) => [a + title, b + title] as const);
  const regionAt = new Map(regions.map((r) => [r[0], r[1]]));
  /** Whether the next line of text after index i (past tables) starts a new paragraph. */
  const nextStartsParagraph = (i: number): boolean => {
    for (let j = i + 1; j < entries.length; j++) {
      const end = regionAt.get(j);
      if (end !== undefined) {
        j = end;
        continue;
      }
      return entries[j]!.indent > margin;
    }
    return true;
  };
  for (let i = title; i < entries.length; i++) {
    const end = regionAt.get(i);
    if (end !== undefined) {
      const rows = entries.slice(i, end + 1).map((e) => ({ cells: e.fields ?? [trimWith(e.text, "\\s")] }));
      blocks.push({ kind: "table", grid: gridOf(rows), cells: "text", hints: {} });
      i = end;
      continue;
    }
    const text = trimWith(entries[i]!.text, "\\s");
    const hints = nextStartsParagraph(i) ? {} : { wrapped: true };
    blocks.push({ kind: "paragraph", text, hints });
  }
  return { blocks, removals: blankRuns(lines) };
}
