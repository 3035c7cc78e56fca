/**
 * Building and cutting SourceText without losing where its characters came
 * from, and turning offsets into the line and column a reader sees.
 */
import type { Span } from "../../schema/report.ts";
import type { SourceText } from "./types.ts";

/** JavaScript's white space (what \s matches), by code unit: for loops that would otherwise test a regex per character. */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Text copied verbatim from the document text at `start`. */
export function sourceText(text: string, start: number): SourceText {
  const offsets = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) offsets[i] = start + i;
  return { text, offsets };
}

/** Text whose characters have explicit offsets (entities decoded, whitespace folded). */
export function fromParts(parts: readonly { text: string; offset: number; verbatim: boolean }[]): SourceText {
  const length = parts.reduce((n, p) => n + p.text.length, 0);
  const offsets = new Int32Array(length);
  let text = "";
  let at = 0;
  for (const part of parts) {
    for (let i = 0; i < part.text.length; i++) offsets[at + i] = part.verbatim ? part.offset + i : part.offset;
    text += part.text;
    at += part.text.length;
  }
  return { text, offsets };
}

export const EMPTY_TEXT: SourceText = { text: "", offsets: new Int32Array(0) };

export function slice(source: SourceText, from: number, to = source.text.length): SourceText {
  return { text: source.text.slice(from, to), offsets: source.offsets.subarray(from, to) };
}

/** Join texts; `separator` (e.g. " ") takes the offset of the character before it. */
export function concat(texts: readonly SourceText[], separator = ""): SourceText {
  const nonEmpty = texts.filter((t) => t.text.length > 0);
  const length = nonEmpty.reduce((n, t) => n + t.text.length, 0) + separator.length * Math.max(0, nonEmpty.length - 1);
  const offsets = new Int32Array(length);
  let at = 0;
  nonEmpty.forEach((t, index) => {
    if (index > 0 && separator) {
      offsets.fill(offsets[at - 1] ?? 0, at, at + separator.length);
      at += separator.length;
    }
    offsets.set(t.offsets, at);
    at += t.text.length;
  });
  return { text: nonEmpty.map((t) => t.text).join(separator), offsets };
}

/** Without leading and trailing white space (full-width and no-break spaces included). */
export function trim(source: SourceText): SourceText {
  const match = /^[\s\u3000\u00a0\ufeff]*/.exec(source.text)!;
  const start = match[0].length;
  let end = source.text.length;
  while (end > start && /[\s\u3000\u00a0\ufeff]/.test(source.text[end - 1]!)) end--;
  return start === 0 && end === source.text.length ? source : slice(source, start, end);
}

/**
 * Every character matched by `pattern` replaced by `replacement` (one
 * character or none), offsets kept for the characters that stay. For folding
 * white space, dropping zero-width characters and the like.
 */
export function replaceChars(source: SourceText, pattern: RegExp, replacement: "" | " "): SourceText {
  const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
  const global = new RegExp(pattern.source, flags);
  const keep: number[] = [];
  let text = "";
  let last = 0;
  for (const match of source.text.matchAll(global)) {
    for (let i = last; i < match.index; i++) keep.push(source.offsets[i]!);
    text += source.text.slice(last, match.index);
    if (replacement && match[0].length > 0) {
      keep.push(source.offsets[match.index]!);
      text += replacement;
    }
    last = match.index + match[0].length;
  }
  for (let i = last; i < source.text.length; i++) keep.push(source.offsets[i]!);
  text += source.text.slice(last);
  return { text, offsets: Int32Array.from(keep) };
}

/** Source offsets [start, end) of text[from, to). */
export function rangeOf(source: SourceText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = source.offsets[Math.min(from, source.offsets.length - 1)] ?? 0;
    return { start: at, end: at };
  }
  let start = source.offsets[from]!;
  let end = source.offsets[from]! + 1;
  for (let i = from; i < to; i++) {
    const offset = source.offsets[i]!;
    if (offset < start) start = offset;
    if (offset + 1 > end) end = offset + 1;
  }
  return { start, end };
}

/** Line starts of a text, for offset → line and column. Lines end at LF, CRLF or CR. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    // A final line end does not start another line.
    if (starts.length > 1 && starts[starts.length - 1] === text.length) starts.pop();
    this.starts = starts;
  }

  get lineCount(): number {
    return this.text.length === 0 ? 0 : this.starts.length;
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based line and column (UTF-16 code units) of an offset. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }
}

/** The last index lineIndexOf built. */
let lastLineIndex: LineIndex | null = null;

/** The LineIndex of a text, built once for the stages of one conversion that each turn offsets of the same document text into lines. */
export function lineIndexOf(text: string): LineIndex {
  if (lastLineIndex === null || lastLineIndex.text !== text) lastLineIndex = new LineIndex(text);
  return lastLineIndex;
}

/** The Span of document offsets [start, end) in `file`; `pageStarts` for a PDF. */
export function spanOf(
  file: string,
  index: LineIndex,
  range: { start: number; end: number },
  pageStarts: readonly number[] | null,
): Span {
  const from = index.position(range.start);
  const to = index.position(Math.max(range.start, range.end - 1));
  let page: number | null = null;
  if (pageStarts) {
    page = 1;
    for (let p = 0; p < pageStarts.length; p++) if (pageStarts[p]! <= range.start) page = p + 1;
  }
  return {
    file,
    start: range.start,
    end: range.end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column + 1,
    page,
  };
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The characters of `source` as the file prints them (spacing the adapter
 * folded put back, markup between them left out), white space runs shown as
 * one space. Falls back to the adapter's text where the file's stretch is far
 * longer (a label assembled from distant cells).
 */
export function printedText(documentText: string, source: SourceText): string {
  if (source.text.length === 0) return "";
  const { start, end } = rangeOf(source, 0, source.text.length);
  const printed = documentText
    .slice(start, end)
    .replace(/<[^<>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith("#") ? String.fromCodePoint(parseInt(name.slice(name[1] === "x" || name[1] === "X" ? 2 : 1), name[1] === "x" || name[1] === "X" ? 16 : 10)) : (ENTITIES[name.toLowerCase()] ?? entity),
    )
    // A line end between two Chinese characters is the page's, not a space the report printed.
    .replace(/(?<=[\p{Script=Han}\p{Ps}\p{Pe}、，。：；])[ \t\u3000]*(?:\r\n|\r|\n)\s*(?=[\p{Script=Han}\p{Ps}\p{Pe}])/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  const folded = source.text.replace(/\s+/g, " ").trim();
  return printed.replace(/\s/g, "").length === folded.replace(/\s/g, "").length ? printed : folded;
}
