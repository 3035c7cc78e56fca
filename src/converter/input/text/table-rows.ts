/**
 * Split one source line into table cells, whatever form the OCR left it in:
 * tab-separated, Markdown pipes, or an HTML <tr>. Every cell keeps the offsets
 * of its characters, so a figure read from it points at its digits.
 */
import { slice } from "../../document/source-text.ts";
import type { SourceText } from "../../document/types.ts";
import { rewrite, splitText, trimWith } from "./source-edit.ts";

export type TableFormat = "tsv" | "pipe" | "html";

export interface SplitRow {
  format: TableFormat;
  /** The row's cells; empty for a pipe table's delimiter row (|---|---|). */
  cells: SourceText[];
}

const PIPE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{0,}:?\s*)*\|?\s*$/;

/** Tags of the web page a cell may carry (formatting, links, images); dropped from the cell's text. */
const CELL_TAG =
  /<\/?(?:b|strong|p|span|i|em|u|font|br|a|img|div|sup|sub|center|o:p)(?:\s[^<>]*)?\/?>/gi;
const ENTITY = /&(?:nbsp|lt|gt|amp|quot);/g;
const BOLD_MARKER = /\*\*/g;
/** Runs of white space, and single white characters other than a space: folded to one space. */
const WHITE_RUN = /\s{2,}|[^\S ]/g;
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };

/** Inline markup OCR leaves inside cells (<b>, <br>, <p>, entities, **), spacing folded, trimmed. */
export function cleanCell(cell: SourceText): SourceText {
  let text = cell;
  // Most cells carry no markup at all: only spacing to fold.
  if (/[<&*]/.test(text.text)) {
    text = rewrite(text, CELL_TAG, () => []);
    text = rewrite(text, ENTITY, (m) => [ENTITIES[m[0]]!]);
    text = rewrite(text, BOLD_MARKER, () => []);
  }
  if (/\s/.test(text.text)) text = rewrite(text, WHITE_RUN, (m) => (m[0][0] === " " ? [{ from: m.index, to: m.index + 1 }] : [" "]));
  return trimWith(text, " ");
}

/**
 * The contents of every `<tag …>…</tag>` in a line, for tags matching `tag`
 * (e.g. "t[dh]"): from the first opening tag after the previous closing tag to
 * the next closing tag, as a lazy regex would read them. Done by splitting at
 * closing tags so that a hostile line of thousands of unclosed `<td>` costs
 * linear time, not quadratic.
 */
const TAG_PATTERNS = new Map<string, { closing: RegExp; opening: RegExp }>();

function tagPatterns(tag: string): { closing: RegExp; opening: RegExp } {
  let patterns = TAG_PATTERNS.get(tag);
  if (!patterns) {
    patterns = { closing: new RegExp(`</(?:${tag})\\s*>`, "i"), opening: new RegExp(`<(?:${tag})(?:\\s[^<>]*)?>`, "i") };
    TAG_PATTERNS.set(tag, patterns);
  }
  return patterns;
}

export function elementContents(text: SourceText, tag: string): { content: SourceText; open: string }[] {
  const { closing, opening } = tagPatterns(tag);
  const pieces = splitText(text, closing);
  pieces.pop(); // after the last closing tag: nothing is closed there
  const contents: { content: SourceText; open: string }[] = [];
  for (const piece of pieces) {
    const open = opening.exec(piece.text);
    if (open) contents.push({ content: slice(piece, open.index + open[0].length), open: open[0] });
  }
  return contents;
}

/** True for a Markdown table delimiter row such as |---|----|-------|. */
export function isPipeRule(text: string): boolean {
  return text.includes("-") && PIPE_RULE.test(text.trim());
}

/** Drop trailing empty cells (rows padded with tabs or empty pipes). */
function trimTrailing(cells: SourceText[]): SourceText[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.text === "") end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/**
 * Cells of a line, or null when the line is not a table row.
 * A pipe row needs a leading pipe and at least two cells; a TSV row at least one tab between text.
 * The answer is shared between callers: do not change it.
 */
export function splitRow(line: SourceText): SplitRow | null {
  // Most lines are prose: no tab, pipe or tag, so no row.
  const text = line.text;
  if (!text.includes("\t") && !text.includes("|") && !text.includes("<")) return null;
  // The noise pass and the block builder ask about the same line several times.
  let row = SPLIT_ROWS.get(line);
  if (row === undefined) {
    row = splitRowOnce(line);
    SPLIT_ROWS.set(line, row);
  }
  return row;
}

/** splitRow's answers by line text object (a SourceText is never changed once made). */
const SPLIT_ROWS = new WeakMap<SourceText, SplitRow | null>();

function splitRowOnce(line: SourceText): SplitRow | null {
  const trimmed = trimWith(line, "\\s");
  const text = trimmed.text;
  if (text.startsWith("|") && text.lastIndexOf("|") > 0) {
    if (isPipeRule(text)) return { format: "pipe", cells: [] };
    const inner = slice(trimmed, 1, text.endsWith("|") ? text.length - 1 : text.length);
    const cells = splitText(inner, /\|/).map(cleanCell);
    if (cells.length >= 2) return { format: "pipe", cells: trimTrailing(cells) };
  }
  if (/<t[dh][\s>]/i.test(text) && !/<table/i.test(text)) {
    const cells = elementContents(trimmed, "t[dh]").map((c) => cleanCell(c.content));
    if (cells.length >= 2) return { format: "html", cells: trimTrailing(cells) };
  }
  if (line.text.includes("\t")) {
    const cells = trimTrailing(splitText(line, /\t/).map(cleanCell));
    if (cells.length >= 2 || (cells.length === 1 && /\t\S/.test(line.text))) return { format: "tsv", cells };
  }
  return null;
}

/** Whether a line holds a <table> tag (looked for only where there is a "<"). */
export function hasTableTag(line: string): boolean {
  return line.includes("<") && /<table/i.test(line);
}

/** Whether a line is a header row of an HTML table (<th> cells). */
export function hasHeaderCells(line: string): boolean {
  return /<th[\s>]/i.test(line);
}
