/**
 * Split one source line into table cells, whatever form the OCR left it in:
 * tab-separated, Markdown pipes, or an HTML <tr>. Shared by the structure
 * stage (which groups rows into tables) and the statistics stage.
 */
import type { TableFormat } from "../types.ts";

export interface SplitRow {
  format: TableFormat;
  cells: string[];
}

const PIPE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{0,}:?\s*)*\|?\s*$/;

/** Inline markup OCR leaves inside cells: <b>, <br>, <p>, entities. */
export function cleanCell(text: string): string {
  // Most lines carry no markup at all: only spacing to fold (same result, a tenth of the work).
  if (!/[<&*]/.test(text)) return text.replace(/\s+/g, " ").trim();
  return text
    .replace(/<br\s*\/?>/gi, "")
    .replace(/<\/?(b|strong|p|span|i|em|u|font)(\s[^<>]*)?>/gi, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The contents of every `<tag …>…</tag>` in a line, for tags matching `tag`
 * (e.g. "t[dh]"): from the first opening tag after the previous closing tag to
 * the next closing tag, as a lazy regex would read them. Done by splitting at
 * closing tags so that a hostile line of thousands of unclosed `<td>` costs
 * linear time, not quadratic.
 */
export function elementContents(text: string, tag: string): string[] {
  const closing = new RegExp(`</(?:${tag})\\s*>`, "i");
  const opening = new RegExp(`<(?:${tag})(?:\\s[^<>]*)?>`, "i");
  const pieces = text.split(closing);
  pieces.pop(); // after the last closing tag: nothing is closed there
  const contents: string[] = [];
  for (const piece of pieces) {
    const open = opening.exec(piece);
    if (open) contents.push(piece.slice(open.index + open[0].length));
  }
  return contents;
}

/** True for a Markdown table delimiter row such as |---|----|-------|. */
export function isPipeRule(text: string): boolean {
  return text.includes("-") && PIPE_RULE.test(text.trim());
}

/** Drop trailing empty cells (rows padded with tabs or empty pipes). */
function trimTrailing(cells: string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/**
 * Cells of a line, or null when the line is not a table row.
 * A pipe row needs a leading pipe and at least two cells; a TSV row at least one tab between text.
 */
export function splitRow(text: string): SplitRow | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("|") && trimmed.lastIndexOf("|") > 0) {
    if (isPipeRule(trimmed)) return { format: "pipe", cells: [] };
    const inner = trimmed.replace(/^\|/, "").replace(/\|$/, "");
    const cells = inner.split("|").map(cleanCell);
    if (cells.length >= 2) return { format: "pipe", cells: trimTrailing(cells) };
  }
  if (/<t[dh][\s>]/i.test(trimmed) && !/<table/i.test(trimmed)) {
    const cells = elementContents(trimmed, "t[dh]").map(cleanCell);
    if (cells.length >= 2) return { format: "html", cells: trimTrailing(cells) };
  }
  if (text.includes("\t")) {
    const cells = trimTrailing(text.split("\t").map(cleanCell));
    if (cells.length >= 2 || (cells.length === 1 && /\t\S/.test(text))) return { format: "tsv", cells };
  }
  return null;
}
