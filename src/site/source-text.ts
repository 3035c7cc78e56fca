/**
 * The text a report's figures point into, for its source page: the decoded
 * source file of a text or HTML report (decoded exactly as the converter
 * decodes it, so every span's offsets land on the same characters), or the
 * text layer the converter published for a PDF (src/content/texts/<id>.txt).
 *
 * The page shows it as numbered lines with every figure's span wrapped in an
 * element whose id is S<start>-<end>, so /reports/<id>/source/#S<start>-<end>
 * scrolls to exactly those characters and :target highlights them without
 * JavaScript — a line number alone says nothing in a crawler page that holds
 * the whole report on one line.
 *
 * The file is read from the sources folder the published reports were
 * converted from (`npm run convert -- --sources DIR` records it) and checked
 * against the SHA-256 recorded in the JSON; every span is checked against the
 * line and column the converter recorded, so the page can never point at
 * other characters than the ones the figure was read from.
 */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { DEFAULT_CONTENT_DIR, publishedSourcesDir, reportTextPath } from "../content-files.ts";
import { decodeText } from "../converter/input/decode.ts";
import { declaredCharset } from "../converter/input/html/charset.ts";
import type { SourceFile, Span } from "../schema/report.ts";

export interface SourceText {
  text: string;
  /** Where the text comes from, for the page: the file itself, or the PDF's text layer. */
  origin: "file" | "text_layer";
}

const hasUtf16Bom = (bytes: Uint8Array) => (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);

/** A source file's text as the converter's adapter for its form decodes it (a page by its declared charset, as a browser does). */
export function decodeForm(file: string, form: SourceFile["form"], bytes: Uint8Array): { text: string; sha256: string } {
  const declared = form === "html" && !hasUtf16Bom(bytes) ? declaredCharset(bytes) : undefined;
  const decoded = decodeText(file, bytes, declared);
  return { text: decoded.text, sha256: decoded.sha256 };
}

/**
 * @param id the report's id: a PDF report's text is the text layer the
 *   converter published (texts/<id>.txt), which its spans refer to.
 */
export async function readSourceText(source: SourceFile, id: string, root = process.cwd()): Promise<SourceText> {
  if (source.form === "pdf") {
    return { text: await readFile(join(root, reportTextPath(DEFAULT_CONTENT_DIR, id)), "utf8"), origin: "text_layer" };
  }
  const path = join(publishedSourcesDir(root), source.file);
  const where = relative(root, path) || source.file;
  const decoded = decodeForm(where, source.form, await readFile(path));
  if (decoded.sha256 !== source.sha256) {
    throw new Error(`${where}: SHA-256 ${decoded.sha256} does not match the report's recorded ${source.sha256}; re-run npm run convert`);
  }
  return { text: decoded.text, origin: "file" };
}

/** A line of the text: [start, end) without its line end, as the converter counts lines (LF, CRLF or a lone CR). */
export interface LineRange {
  n: number;
  start: number;
  end: number;
}

export function lineRanges(text: string): LineRange[] {
  const lines: LineRange[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ n: lines.length + 1, start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  // A final line end does not start another line.
  if (start < text.length || lines.length === 0) lines.push({ n: lines.length + 1, start, end: text.length });
  return lines;
}

/** A figure's place, with what to call it on the page. */
export interface FigurePlace {
  span: Pick<Span, "start" | "end" | "line" | "column">;
  label: string;
}

/** A piece of a line: text, a figure's span (with the pieces inside it), or the marker of a span that cannot nest. */
export type SourcePiece =
  | { kind: "text"; text: string }
  | { kind: "span"; id: string; title: string; empty: boolean; children: SourcePiece[] }
  | { kind: "marker"; id: string; title: string }
  | { kind: "part"; children: SourcePiece[] };

export interface SourceLineView {
  n: number;
  pieces: SourcePiece[];
  /** True when a figure was read from this line. */
  hasFigure: boolean;
}

/** A line, or the lines a figure spanning several lines covers (the element with its id holds them all). */
export type SourceItem = { kind: "line"; line: SourceLineView } | { kind: "lines"; id: string; title: string; lines: SourceLineView[] };

export interface SourceView {
  items: SourceItem[];
  lineCount: number;
  /** Distinct spans, each an element with its own id. */
  spanCount: number;
}

export const spanId = (start: number, end: number) => `S${start}-${end}`;

interface Interval {
  start: number;
  end: number;
  kind: "span" | "marker" | "part";
  id: string;
  title: string;
}

function lineIndexOf(lines: readonly LineRange[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The pieces of text [from, to) with the intervals in it, nested; an interval that overlaps another without nesting becomes a marker. */
function piecesOf(text: string, from: number, to: number, intervals: Interval[]): SourcePiece[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || b.end - a.end || (a.kind === "part" ? -1 : b.kind === "part" ? 1 : 0));
  type Open = { interval: Interval | null; end: number; children: SourcePiece[]; at: number };
  const root: Open = { interval: null, end: to, children: [], at: from };
  const stack: Open[] = [root];
  const flushTo = (open: Open, upTo: number) => {
    if (upTo > open.at) open.children.push({ kind: "text", text: text.slice(open.at, upTo) });
    open.at = Math.max(open.at, upTo);
  };
  const close = () => {
    const open = stack.pop()!;
    flushTo(open, open.end);
    const parent = stack[stack.length - 1]!;
    const interval = open.interval!;
    parent.children.push(
      interval.kind === "part"
        ? { kind: "part", children: open.children }
        : { kind: "span", id: interval.id, title: interval.title, empty: interval.start === interval.end, children: open.children },
    );
    parent.at = open.end;
  };
  for (const interval of sorted) {
    while (stack.length > 1 && stack[stack.length - 1]!.end <= interval.start) close();
    const top = stack[stack.length - 1]!;
    flushTo(top, interval.start);
    if (interval.kind === "marker" || interval.end > top.end) {
      top.children.push({ kind: "marker", id: interval.id, title: interval.title });
      continue;
    }
    stack.push({ interval, end: interval.end, children: [], at: interval.start });
  }
  while (stack.length > 1) close();
  flushTo(root, to);
  return root.children;
}

/**
 * The text as numbered lines with every figure's span in place. Throws when a
 * span does not lie where the converter recorded it (other text than the
 * figures were read from).
 */
export function sourceView(text: string, figures: readonly FigurePlace[], where: string): SourceView {
  const lines = lineRanges(text);
  const byKey = new Map<string, { start: number; end: number; labels: string[] }>();
  for (const { span, label } of figures) {
    const at = span.start <= text.length ? lineIndexOf(lines, span.start) : -1;
    const line = lines[at];
    if (span.end < span.start || span.end > text.length || !line || line.n !== span.line || span.start - line.start + 1 !== span.column) {
      throw new Error(`${where}: the span ${span.start}–${span.end} of ${label} is not at line ${span.line}, column ${span.column} of the text; re-run npm run convert`);
    }
    const key = spanId(span.start, span.end);
    const entry = byKey.get(key) ?? { start: span.start, end: span.end, labels: [] };
    if (!entry.labels.includes(label)) entry.labels.push(label);
    byKey.set(key, entry);
  }
  const perLine = new Map<number, Interval[]>();
  const add = (index: number, interval: Interval) => perLine.set(index, [...(perLine.get(index) ?? []), interval]);
  const groups: { first: number; last: number; id: string; title: string }[] = [];
  const spans = [...byKey.entries()].map(([id, s]) => ({ id, ...s, title: s.labels.join("；") })).sort((a, b) => a.start - b.start || b.end - a.end);
  for (const span of spans) {
    const first = lineIndexOf(lines, span.start);
    const last = span.end > span.start ? lineIndexOf(lines, span.end - 1) : first;
    if (first === last) {
      add(first, { start: span.start, end: Math.min(span.end, lines[first]!.end), kind: "span", id: span.id, title: span.title });
      continue;
    }
    // A span over several lines: its lines go into one element with its id; its characters on them are marked.
    if (groups.some((g) => g.last >= first)) {
      add(first, { start: span.start, end: span.start, kind: "marker", id: span.id, title: span.title });
      continue;
    }
    groups.push({ first, last, id: span.id, title: span.title });
    for (let i = first; i <= last; i++) {
      const start = Math.max(span.start, lines[i]!.start);
      const end = Math.min(span.end, lines[i]!.end);
      if (end > start) add(i, { start, end, kind: "part", id: span.id, title: span.title });
    }
  }
  const figureLines = new Set(figures.map((f) => f.span.line));
  const view = (i: number): SourceLineView => {
    const line = lines[i]!;
    return { n: line.n, pieces: piecesOf(text, line.start, line.end, perLine.get(i) ?? []), hasFigure: figureLines.has(line.n) };
  };
  const items: SourceItem[] = [];
  let g = 0;
  for (let i = 0; i < lines.length; i++) {
    const group = groups[g];
    if (group && group.first === i) {
      items.push({ kind: "lines", id: group.id, title: group.title, lines: Array.from({ length: group.last - group.first + 1 }, (_, k) => view(i + k)) });
      i = group.last;
      g++;
      continue;
    }
    items.push({ kind: "line", line: view(i) });
  }
  return { items, lineCount: lines.length, spanCount: byKey.size };
}
